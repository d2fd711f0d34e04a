import { createZoomClient } from "@org/zoom-api";
import { SpecViolationError } from "@org/zoom-mock";
import { describe, expect, it } from "vitest";
import { callApi, signIn, useZoomApiMock } from "./api-fixture.js";

const { zoom, api } = useZoomApiMock();

describe("the mock holds itself and its callers to specs/zoom-api.yaml", () => {
  it("reports a mock response that breaks the schema, and fails the test that saw it", async () => {
    const tokens = await signIn(zoom);
    // A deliberately broken fixture: Zoom's meeting ids are integers, this one is a string.
    api.overrideResponse("meeting", (result) => ({ ...result, body: { ...(result.body as object), id: "not-a-number" } }));
    const meeting = api.createMeeting(zoom.defaultUser.id, { topic: "Broken" });
    const client = createZoomClient({ accessToken: tokens.accessToken(), maxRetries: 0 });
    const { response } = await client.GET("/meetings/{meetingId}", { params: { path: { meetingId: meeting.id } } });

    // Strict mode: the broken answer becomes a 500 naming the violation...
    expect(response.status).toBe(500);
    expect(zoom.violations).toEqual([
      {
        side: "response",
        operation: "GET /meetings/{meetingId}",
        operationId: "meeting",
        location: "body",
        field: "id",
        rule: "type",
        message: "body.id must be integer",
      },
    ]);
    // ...and the assertion every test file runs after each test throws, failing the suite.
    expect(() => zoom.assertNoViolations()).toThrow(SpecViolationError);
    zoom.clearViolations();
  });

  it("answers a request that breaks the spec with Zoom's 400 code 300, naming the field", async () => {
    const tokens = await signIn(zoom);
    const response = await callApi(tokens.accessToken(), "POST", "/users/me/meetings", { topic: "Typed", type: "scheduled" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; message: string; errors: { field: string; message: string }[] };
    expect(body).toMatchObject({ code: 300, message: "Validation Failed." });
    expect(body.errors.map((error) => error.field)).toEqual(["type", "type"]);
    expect(body.errors.map((error) => error.message)).toEqual(["body.type must be integer", "body.type must be one of [1,2,3,8,10]"]);
    expect(zoom.violations.map((violation) => `${violation.side} ${violation.location}`)).toEqual(["request body", "request body"]);
    expect(zoom.violations.map(({ operationId, field, rule }) => ({ operationId, field, rule }))).toEqual([
      { operationId: "meetingCreate", field: "type", rule: "type" },
      { operationId: "meetingCreate", field: "type", rule: "enum" },
    ]);
    zoom.clearViolations();
  });
});
