import { describe, expect, it } from "vitest";
import { zoomWebhooksSpec } from "../generated/index.js";
import { ZOOM_MOCK_WEBHOOK_EVENTS } from "./webhook-event-names.js";
import { WebhookEventValidator } from "./webhook-event-validator.js";

const validator = new WebhookEventValidator(zoomWebhooksSpec);

describe("WebhookEventValidator", () => {
  it("knows exactly the events the mock sends", () => {
    expect(validator.events.sort()).toEqual([...ZOOM_MOCK_WEBHOOK_EVENTS].sort());
  });

  it("accepts an event that matches specs/zoom-webhooks.yaml", () => {
    expect(validator.validate({ event: "endpoint.url_validation", event_ts: 1, payload: { plainToken: "abc" } } as never)).toEqual([]);
  });

  it("reports each field of an event that breaks its schema, without quoting values", () => {
    const violations = validator.validate({ event: "meeting.started", event_ts: 1, payload: { account_id: "a", object: { id: 42, uuid: "u" } } } as never);
    expect(violations.map((violation) => violation.message)).toEqual(
      expect.arrayContaining(["body/payload/object/id must be string", "body/payload/object must have required property 'host_id'"]),
    );
    expect(violations.every((violation) => violation.operation === "POST webhook meeting.started")).toBe(true);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: "body", field: "payload.object.id", rule: "type" }),
        expect.objectContaining({ location: "body", field: "payload.object.host_id", rule: "required" }),
      ]),
    );
    expect(validator.validate({ event: "meeting.begun" })).toEqual([
      {
        side: "request",
        operation: "POST webhook meeting.begun",
        operationId: undefined,
        location: "route",
        field: "",
        rule: "operation",
        message: "specs/zoom-webhooks.yaml has no such event",
      },
    ]);
  });
});
