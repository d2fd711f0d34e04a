// An ESM user of the published packages receiving webhooks: @org/zoom-mock sends a signed event when a
// meeting starts, @org/zoom-webhooks verifies and routes it. Run inside a fresh npm project by src/install.test.ts.
import { createZoomMock } from "@org/zoom-mock";
import { createWebhookHandler } from "@org/zoom-webhooks";

const secretToken = "install-test-webhook-secret";
const zoom = createZoomMock();
const started = [];
await zoom.webhooks.subscribe({
  secretToken,
  handler: createWebhookHandler({ secretToken, validate: true, on: { "meeting.started": (e) => void started.push(e.payload.object.topic) } }),
});
const api = zoom.api;
api.startMeeting(api.createMeeting(zoom.defaultUser.id, { topic: "Installed" }).id);
await zoom.webhooks.settled();
console.log(JSON.stringify({ moduleSystem: "esm", started, states: zoom.webhooks.deliveries.map((delivery) => delivery.state) }));
