import { describe, expect, it } from "vitest";
import { zoomApiSpec, zoomOAuthSpec } from "../generated/index.js";
import type { OpenApiDocument } from "./openapi-document.js";
import { createSpecValidator, snapshotRequest } from "./spec-validator.js";

const oauth = createSpecValidator(zoomOAuthSpec);
const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  return {
    method: "POST",
    url: "https://zoom.us/oauth/token",
    headers: new Headers({ "content-type": "application/x-www-form-urlencoded", authorization: "Basic YTpi", ...headers }),
    bodyText: new URLSearchParams(form).toString(),
  };
}

const messages = (violations: { message: string }[]) => violations.map((violation) => violation.message);

describe("requests against specs/zoom-oauth.yaml", () => {
  it("accepts a complete authorization_code exchange", () => {
    const request = tokenRequest({ grant_type: "authorization_code", code: "c", redirect_uri: "http://localhost/cb", code_verifier: verifier });
    expect(oauth.validateRequest(request)).toEqual([]);
  });

  it("accepts an exchange without code_verifier, as Zoom does for a code issued without a challenge", () => {
    expect(oauth.validateRequest(tokenRequest({ grant_type: "authorization_code", code: "c", redirect_uri: "http://localhost/cb" }))).toEqual([]);
  });

  it("names the missing redirect_uri of an authorization_code exchange", () => {
    const violations = oauth.validateRequest(tokenRequest({ grant_type: "authorization_code", code: "c", code_verifier: verifier }));
    expect(violations).toEqual([
      {
        side: "request",
        operation: "POST /oauth/token",
        operationId: "requestToken",
        location: "body",
        field: "redirect_uri",
        rule: "required",
        message: "body must have required property 'redirect_uri'",
      },
    ]);
  });

  it("names an unknown grant_type and unexpected fields", () => {
    expect(messages(oauth.validateRequest(tokenRequest({ grant_type: "password" })))).toEqual([
      "body.grant_type must be present and name one of the alternatives of oneOf",
    ]);
    expect(messages(oauth.validateRequest(tokenRequest({ grant_type: "client_credentials", extra: "x" })))).toContain(
      "body must not have property 'extra'",
    );
  });

  it("checks the content type of the body", () => {
    const request = { ...tokenRequest({ grant_type: "client_credentials" }), headers: new Headers({ "content-type": "application/json" }) };
    expect(messages(oauth.validateRequest(request))).toEqual([
      "content type application/json is not one of application/x-www-form-urlencoded",
    ]);
  });

  it("checks required query parameters of the authorize page, where PKCE is optional", () => {
    const withoutPkce = new URL("https://zoom.us/oauth/authorize?response_type=code&client_id=a&redirect_uri=http%3A%2F%2Flocalhost%2Fcb");
    expect(oauth.validateRequest({ method: "GET", url: withoutPkce, headers: new Headers(), bodyText: null })).toEqual([]);
    const url = new URL("https://zoom.us/oauth/authorize?client_id=a");
    const violations = oauth.validateRequest({ method: "GET", url, headers: new Headers(), bodyText: null });
    expect(messages(violations)).toEqual([
      "query must have required property 'response_type'",
      "query must have required property 'redirect_uri'",
    ]);
  });

  it("reports a route the spec does not have", () => {
    const violations = oauth.validateRequest({ method: "GET", url: "https://zoom.us/oauth/nothing", headers: new Headers(), bodyText: null });
    expect(violations).toMatchObject([{ location: "route", message: "GET /oauth/nothing is not an operation of the spec" }]);
  });

  it("never quotes values in messages", () => {
    const secret = "super-secret-code-value";
    const violations = oauth.validateRequest(tokenRequest({ grant_type: "authorization_code", code: secret, redirect_uri: secret }));
    expect(JSON.stringify(violations)).not.toContain(secret);
  });
});

describe("responses against specs/zoom-oauth.yaml", () => {
  const match = oauth.matchOperation("POST", "/oauth/token");
  if (!match) throw new Error("POST /oauth/token must be in the spec");
  const json = (status: number, body: unknown) => ({
    status,
    headers: new Headers({ "content-type": "application/json" }),
    bodyText: JSON.stringify(body),
  });

  it("accepts Zoom's token response", () => {
    const body = { access_token: "a", token_type: "bearer", refresh_token: "r", expires_in: 3599, scope: "user:read", api_url: "https://api.zoom.us" };
    expect(oauth.validateResponse(json(200, body), match)).toEqual([]);
  });

  it("rejects a token response without api_url, an undeclared status, and an error body without error", () => {
    expect(messages(oauth.validateResponse(json(200, { access_token: "a", token_type: "bearer", expires_in: 1, scope: "" }), match))).toEqual([
      "body must have required property 'api_url'",
    ]);
    expect(messages(oauth.validateResponse(json(418, {}), match))).toEqual(["status 418 is not declared (declared: 200, 400, 401)"]);
    expect(messages(oauth.validateResponse(json(400, { reason: "x" }), match))).toEqual(["body must have required property 'error'"]);
  });

  it("requires the Location header of a redirect", () => {
    const authorize = oauth.matchOperation("GET", "/oauth/authorize");
    if (!authorize) throw new Error("GET /oauth/authorize must be in the spec");
    expect(messages(oauth.validateResponse({ status: 302, headers: new Headers(), bodyText: null }, authorize))).toEqual([
      "header Location is required for status 302",
    ]);
  });
});

describe("generic matching", () => {
  const spec: OpenApiDocument = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://api.example.com/v2" }],
    paths: {
      "/users/{userId}": {
        get: {
          operationId: "user",
          parameters: [
            { name: "userId", in: "path", required: true, schema: { type: "string" } },
            { name: "page_size", in: "query", schema: { type: "integer", maximum: 300 } },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
      "/users/me": { get: { operationId: "me", responses: { "200": { description: "ok" } } } },
    },
  };
  const validator = createSpecValidator(spec);

  it("strips the server's base path and prefers literal paths over templates", () => {
    expect(validator.basePath).toBe("/v2");
    expect(validator.matchOperation("GET", "/v2/users/me")?.operationId).toBe("me");
    expect(validator.matchOperation("GET", "http://127.0.0.1:9/v2/users/abc")).toMatchObject({
      operationId: "user",
      pathParams: { userId: "abc" },
    });
  });

  it("coerces query strings to the schema's integer type", () => {
    const request = (pageSize: string) => ({
      method: "GET",
      url: `https://api.example.com/v2/users/abc?page_size=${pageSize}`,
      headers: new Headers(),
      bodyText: null,
    });
    expect(validator.validateRequest(request("30"))).toEqual([]);
    expect(messages(validator.validateRequest(request("301")))).toEqual(["query.page_size must be <= 300"]);
    expect(messages(validator.validateRequest(request("many")))).toEqual(["query.page_size must be integer"]);
  });
});

describe("multipart/form-data bodies", () => {
  const api = createSpecValidator(zoomApiSpec as OpenApiDocument, { checkSecurity: false });
  const upload = async (form: FormData) => {
    const request = new Request("https://api.zoom.us/v2/webinars/123/branding/virtual_backgrounds", { method: "POST", body: form });
    return api.validateRequest(await snapshotRequest(request));
  };

  it("reads the parts: a file part satisfies a binary field, text parts are coerced as form fields are", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array([1, 2, 3])], "logo.png", { type: "image/png" }));
    form.append("default", "true");
    expect(await upload(form)).toEqual([]);
  });

  it("names a missing required part and a text part of the wrong type", async () => {
    const form = new FormData();
    form.append("default", "maybe");
    expect(messages(await upload(form))).toEqual(["body must have required property 'file'", "body.default must be boolean"]);
  });

  it("reports a multipart body that does not parse", async () => {
    const request = new Request("https://api.zoom.us/v2/webinars/123/branding/wallpaper", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=nope" },
      body: "not multipart at all",
    });
    expect(messages(api.validateRequest(await snapshotRequest(request)))).toEqual(["body is not valid multipart/form-data"]);
  });
});
