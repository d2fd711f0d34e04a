import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDocument } from "./openapi-documents.mjs";
import { checkSpecConventions } from "./spec-conventions.mjs";

const spec = loadDocument(join(dirname(fileURLToPath(import.meta.url)), "../../../specs/zoom-api.yaml")).document;

// biome-ignore lint/suspicious/noExplicitAny: edits reach deep into the parsed YAML of the spec
function specWith(edit: (doc: any) => void) {
  const copy = structuredClone(spec);
  edit(copy);
  return copy;
}

describe("specs/zoom-api.yaml conventions", () => {
  it("holds for the committed spec: named, scoped operations with declared errors and headers", () => {
    expect(checkSpecConventions(spec)).toEqual([]);
  });

  it("notices an operation without scopes, or whose x-scopes and security disagree", () => {
    const broken = specWith((doc) => {
      doc.paths["/users/me"].get.security = [];
      doc.paths["/users/{userId}"].get["x-scopes"].macro.push("user:read:extra");
    });
    expect(checkSpecConventions(broken)).toEqual([
      "GET /users/me: no scopes in security",
      "GET /users/me: x-scopes and security list different scopes",
      "GET /users/{userId}: x-scopes and security list different scopes",
    ]);
  });

  it("notices a missing error response, tracking header, rate-limit header or error body", () => {
    const broken = specWith((doc) => {
      delete doc.paths["/users/{userId}"].get.responses["404"];
      delete doc.paths["/users/me"].get.responses["200"].headers["x-zm-trackingid"];
      delete doc.components.responses.TooManyRequests.headers["Retry-After"];
      doc.components.responses.Unauthorized.content["application/json"].schema = { type: "object" };
    });
    const problems = checkSpecConventions(broken);
    expect(problems).toContain("GET /users/{userId}: no 404 response");
    expect(problems).toContain("GET /users/me 200: no x-zm-trackingid header");
    expect(problems).toContain("GET /users/me 429: no Retry-After header");
    expect(problems).toContain("GET /users/me 401: body is not ZoomError");
  });

  it("notices an inline success body, a missing named schema and a missing /users/me", () => {
    const broken = specWith((doc) => {
      doc.paths["/users/{userId}"].get.responses["200"].content["application/json"].schema = { type: "object" };
      delete doc.components.schemas.PastMeeting;
      delete doc.paths["/users/me"];
    });
    expect(checkSpecConventions(broken)).toEqual([
      "components.schemas.PastMeeting is missing",
      "GET /users/me (operationId userMe) is missing",
      "GET /users/{userId} 200: body is not a named schema",
    ]);
  });
});
