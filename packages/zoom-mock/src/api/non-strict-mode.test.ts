import { describe, expect, it, vi } from "vitest";
import { createZoomMock } from "../create-zoom-mock.js";
import { serveMockApi } from "./test-support.js";

const zoom = createZoomMock({ strict: false });
const mockApi = serveMockApi(zoom);

const get = (path: string) => mockApi.request("GET", path);

describe("with strict: false", () => {
  it("still refuses a request that breaks the spec as Zoom would (400 code 300), and records it", async () => {
    const response = await get("/users/me/meetings?page_size=0&type=someday");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; errors: { field: string }[] };
    expect(body.code).toBe(300);
    expect(body.errors.map((error) => error.field)).toContain("type");
    expect(zoom.violations.length).toBeGreaterThan(0);
    expect(() => zoom.assertNoViolations()).toThrow();
    zoom.clearViolations();
  });

  it("validates each request once, with the mock's one API validator, and answers with what it found", async () => {
    const validator = zoom.validators.api;
    if (validator === null) throw new Error("specs/zoom-api.yaml has not been bundled");
    const validateRequest = vi.spyOn(validator, "validateRequest");
    try {
      const response = await get("/users/me/meetings?type=someday");
      expect(response.status).toBe(400);
      expect(validateRequest).toHaveBeenCalledTimes(1);
      const body = (await response.json()) as { errors: { field: string }[] };
      expect(body.errors).toEqual([expect.objectContaining({ field: "type" })]);
      expect(zoom.violations).toEqual([expect.objectContaining({ side: "request", location: "query" })]);
    } finally {
      validateRequest.mockRestore();
      zoom.clearViolations();
    }
  });

  it("lets a mock response that breaks the schema through, but records the violation", async () => {
    zoom.api.overrideResponse("userMe", (result) => ({ ...result, body: { ...(result.body as object), type: 7 } }));
    const response = await get("/users/me");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { type: number }).type).toBe(7);
    expect(zoom.violations).toEqual([expect.objectContaining({ side: "response", operation: "GET /users/me" })]);
    zoom.clearViolations();
  });
});
