import { createZoomMock } from "@org/zoom-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type RunningDemo, startDemo } from "../src/start-demo.js";
import { CookieJar } from "./cookie-jar.js";

// The meetings page over plain HTTP: schedule, start (the mock plays the host), delete, and the events
// the mock sends to the app's webhook route on the way (the browser test covers the same with clicks).

let demo: RunningDemo | undefined;

afterEach(async () => {
  const running = demo;
  demo = undefined;
  await running?.close();
  running?.mock?.zoom.assertNoViolations();
});

/** The demo against a mock whose webhooks wait long for the app (the machine may be busy), signed in. */
async function signedIn() {
  const mock = createZoomMock({ webhooks: { timeoutMs: 60_000 } });
  demo = await startDemo({ env: { PORT: "0" }, log: () => {}, mock });
  const app = new URL(demo.url);
  const jar = new CookieJar();
  const login = await jar.fetch(new URL("/login", app));
  await jar.fetch(await mock.approve(new URL(login.headers.get("location") ?? "")));
  return { mock, app, jar };
}

/** A start time a day from now, as the page's datetime-local field sends it. */
function tomorrow(): string {
  return new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 16);
}

function post(jar: CookieJar, url: URL, form?: Record<string, string>) {
  return jar.fetch(url, {
    method: "POST",
    headers: { origin: url.origin, "content-type": "application/x-www-form-urlencoded" },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
}

describe("the meetings page", () => {
  it("schedules a meeting, starts it on the mock, deletes it, and shows what Zoom sent each time", async () => {
    const { mock, app, jar } = await signedIn();
    const webhookTargets = mock.webhooks.subscriptions.map((subscription) => subscription.target);
    expect(webhookTargets).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/zoom\/webhook$/)]);

    const scheduled = await post(jar, new URL("/meetings", app), { topic: "Design review <b>", start_time: tomorrow(), duration: "45" });
    expect(scheduled.status).toBe(303);
    expect(scheduled.headers.get("location")).toBe("/meetings");
    await mock.webhooks.settled();
    const page = await (await jar.fetch(new URL("/meetings", app))).text();
    expect(page).toContain("Design review &#60;b&#62;");
    const meetingId = Number(/data-meeting-id="(\d+)"/.exec(page)?.[1]);
    expect(page).toContain('data-event="meeting.created"');

    expect((await post(jar, new URL(`/meetings/${meetingId}/start`, app))).status).toBe(303);
    await mock.webhooks.settled();
    const live = await (await jar.fetch(new URL("/meetings", app))).text();
    expect(live).toContain('data-event="meeting.started"');
    expect(live).toContain(`${mock.defaultUser.display_name} joined`);

    expect((await post(jar, new URL(`/meetings/${meetingId}/delete`, app))).status).toBe(303);
    await mock.webhooks.settled();
    const after = await (await jar.fetch(new URL("/meetings", app))).text();
    expect(after).not.toContain(`data-meeting-id="${meetingId}"`);
    expect(after).toContain('data-event="meeting.deleted"');
    expect(mock.webhooks.deliveries.every((delivery) => delivery.state === "delivered")).toBe(true);
  });

  it("streams each event to the open page as a server-sent event", async () => {
    const { mock, app, jar } = await signedIn();
    const stream = await jar.fetch(new URL("/events", app));
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    await post(jar, new URL("/meetings", app), { topic: "Streamed", start_time: tomorrow(), duration: "30" });
    await vi.waitFor(
      async () => {
        const { value } = await reader.read();
        text += value ?? "";
        expect(text).toContain("event: zoom");
      },
      { timeout: 60_000 },
    );
    const data = JSON.parse(/data: (.*)\n/.exec(text)?.[1] ?? "null");
    expect(data).toMatchObject({ event: "meeting.created", summary: expect.stringContaining('Scheduled "Streamed"') });
    await reader.cancel();
    expect(mock.webhooks.deliveries.at(-1)?.state).toBe("delivered");

    // A page rendered before that event asks for what came after its last one, and gets it at once.
    const replay = await jar.fetch(new URL("/events?after=0", app));
    const replayReader = replay.body!.pipeThrough(new TextDecoderStream()).getReader();
    let replayed = "";
    while (!/event: zoom\ndata: .*\n\n/.test(replayed)) replayed += (await replayReader.read()).value ?? "";
    expect(replayed).toContain(`id: ${data.seq}\nevent: zoom`);
    await replayReader.cancel();
  });

  it("refuses a bad schedule form with the reason, a cross-site post, and a visitor without a session", async () => {
    const { app, jar } = await signedIn();
    const bad = await post(jar, new URL("/meetings", app), { topic: "", start_time: "tomorrow", duration: "0" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("A meeting needs a topic");
    const crossSite = await jar.fetch(new URL("/meetings", app), { method: "POST", headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect((await fetch(new URL("/meetings", app), { redirect: "manual" })).headers.get("location")).toBe("/");
  });

  it("answers Zoom's webhook route only for requests signed with the app's secret", async () => {
    const { app } = await signedIn();
    const forged = await fetch(new URL("/zoom/webhook", app), {
      method: "POST",
      headers: { "content-type": "application/json", "x-zm-request-timestamp": String(Math.floor(Date.now() / 1000)), "x-zm-signature": `v0=${"0".repeat(64)}` },
      body: JSON.stringify({ event: "meeting.started", event_ts: Date.now(), payload: {} }),
    });
    expect(forged.status).toBe(401);
  });
});
