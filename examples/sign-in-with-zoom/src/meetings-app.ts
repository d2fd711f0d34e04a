import type { IncomingMessage, ServerResponse } from "node:http";
import { createZoomClient, unwrap } from "@org/zoom-api";
import type { UserTokenSource } from "@org/zoom-auth";
import { createWebhookHandler, toNodeHandler, type WebhookListeners, ZOOM_WEBHOOK_EVENT_NAMES, type ZoomWebhookEvent } from "@org/zoom-webhooks";
import { isSameOriginPost, sessionCookieName } from "./app.js";
import { parseCookies } from "./cookies.js";
import { describeFailure, type Failure } from "./failures.js";
import type { LiveEvent, LiveEvents } from "./live-events.js";
import { errorPage } from "./pages.js";
import { type MeetingRow, meetingsPage } from "./meetings-page.js";
import type { UserSessions } from "./user-sessions.js";

/** Where Zoom posts events (register it as the app's event notification endpoint). */
export const WEBHOOK_PATH = "/zoom/webhook";

/** Options of {@link createMeetingsApp}. */
export interface MeetingsAppOptions {
  /** The sessions `createApp` signs users in to (shared). */
  sessions: UserSessions;
  appOrigin: URL;
  /** Base URL of Zoom's REST API (ending in `/v2`) for the `api_url` of a user's tokens. */
  apiBaseUrl: (apiUrl: string | null) => string;
  /** What Zoom sent so far; filled by the webhook route. */
  events: LiveEvents;
  /** The app's webhook secret token; without it the webhook route answers 404. */
  webhookSecretToken: string | null;
  /** Mock mode only: makes the host start a meeting (and join it), so Zoom sends its live events. */
  startMeeting?: (meetingId: number) => void;
  modeNote: string;
  fetch?: typeof fetch;
  /** Current time in milliseconds, which webhook signatures' timestamps are checked against (default `Date.now`). */
  clock?: () => number;
}

/** The routes this module answers; the rest go to the sign-in app. */
export function isMeetingsRoute(pathname: string): boolean {
  return pathname === "/meetings" || pathname.startsWith("/meetings/") || pathname === WEBHOOK_PATH || pathname === "/events" || pathname === "/live-events.js";
}

const HEADERS: Record<string, string> = {
  "cache-control": "no-store",
  // As the sign-in pages, plus the one script of this page (live events) and its event stream.
  "content-security-policy":
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** The page's script: appends each event the server streams to the list, as text (never as HTML). */
const LIVE_EVENTS_SCRIPT = `"use strict";
const list = document.getElementById("events");
// Events that arrived while the page was loading come first: the stream starts after the last one shown.
const source = new EventSource("/events?after=" + encodeURIComponent(list.dataset.after || "0"));
source.addEventListener("zoom", (message) => {
  const event = JSON.parse(message.data);
  const item = document.createElement("li");
  item.dataset.event = event.event;
  const name = document.createElement("code");
  name.textContent = event.event;
  item.append(name, " " + event.summary);
  list.append(item);
  document.getElementById("no-events")?.remove();
});
`;

const MAX_FORM_BYTES = 8 * 1024;

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) throw new RangeError("form too large");
  }
  return new URLSearchParams(body);
}

/** `2026-12-04T10:00` (a datetime-local field, read as UTC) to Zoom's `2026-12-04T10:00:00Z`. */
function zoomStartTime(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}:00Z`)) ? `${value}:00Z` : null;
}

/**
 * The meetings part of the demo: the signed-in user's upcoming meetings (schedule, delete, and in mock
 * mode start), and what Zoom sends about them, received through `createWebhookHandler` and streamed to
 * the page as server-sent events.
 */
export function createMeetingsApp(options: MeetingsAppOptions) {
  const cookieName = sessionCookieName(options.appOrigin);
  const record = (event: ZoomWebhookEvent) => options.events.add(event);
  const on = Object.fromEntries(ZOOM_WEBHOOK_EVENT_NAMES.filter((name) => name !== "endpoint.url_validation").map((name) => [name, record])) as WebhookListeners;
  const webhook = options.webhookSecretToken === null ? null : toNodeHandler(createWebhookHandler({ secretToken: options.webhookSecretToken, on, ...(options.clock ? { clock: options.clock } : {}) }));

  const send = (response: ServerResponse, status: number, headers: Record<string, string>, body?: string) => {
    response.writeHead(status, { ...HEADERS, ...headers });
    response.end(body);
  };
  const fail = (response: ServerResponse, failure: Failure) => send(response, failure.status, { "content-type": "text/html; charset=utf-8" }, errorPage(failure.problem));
  const seeOther = (response: ServerResponse) => send(response, 303, { location: "/meetings" });

  const clientOf = (session: UserTokenSource) =>
    createZoomClient({
      baseUrl: options.apiBaseUrl(session.snapshot().apiUrl),
      getAccessToken: () => session.getAccessToken(),
      onUnauthorized: () => session.invalidate(),
      fetch: options.fetch,
    });

  async function page(session: UserTokenSource, response: ServerResponse, notice?: string, status = 200) {
    const list = unwrap(await clientOf(session).GET("/users/{userId}/meetings", { params: { path: { userId: "me" }, query: { type: "upcoming" } } }));
    const rows: MeetingRow[] = (list.meetings ?? []).map((meeting) => ({
      id: Number(meeting.id),
      topic: meeting.topic ?? "",
      startTime: meeting.start_time ?? null,
      duration: meeting.duration ?? null,
    }));
    const html = meetingsPage({ meetings: rows, events: options.events.all, lastSeq: options.events.lastSeq, canStart: options.startMeeting !== undefined, receivesEvents: webhook !== null, modeNote: options.modeNote, notice });
    send(response, status, { "content-type": "text/html; charset=utf-8" }, html);
  }

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = request.method ?? "GET";
    if (url.pathname === WEBHOOK_PATH) {
      if (webhook === null) return fail(response, describeFailure("not-found", "route"));
      return webhook(request, response);
    }
    if (url.pathname === "/live-events.js" && method === "GET") {
      return send(response, 200, { "content-type": "text/javascript; charset=utf-8" }, LIVE_EVENTS_SCRIPT);
    }
    // The body stays unread (Node buffers it) until the route that wants it reads it: the session lookup
    // may wait on Redis, and a flowing body would be lost meanwhile. Node discards an unread one.
    const session = await options.sessions.get(parseCookies(request.headers.cookie).get(cookieName));
    if (session === undefined) return send(response, 303, { location: "/" });

    if (url.pathname === "/events" && method === "GET") {
      response.writeHead(200, { ...HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
      response.write(": live events\n\n");
      const write = (event: LiveEvent) => response.write(`id: ${event.seq}\nevent: zoom\ndata: ${JSON.stringify(event)}\n\n`);
      // After the last event the page showed (or, when the browser reconnects, the last it received).
      const lastEventId = request.headers["last-event-id"];
      const after = Number((typeof lastEventId === "string" ? lastEventId : null) ?? url.searchParams.get("after") ?? options.events.lastSeq);
      for (const event of options.events.after(Number.isInteger(after) && after >= 0 ? after : options.events.lastSeq)) write(event);
      const stop = options.events.listen(write);
      response.on("close", stop);
      return;
    }
    if (url.pathname === "/meetings" && method === "GET") return page(session, response);
    if (method !== "POST") return fail(response, describeFailure("method-not-allowed", "route"));
    if (!isSameOriginPost(request, options.appOrigin)) return fail(response, describeFailure("cross-site-post", "meetings"));

    if (url.pathname === "/meetings") {
      const form = await readForm(request);
      const topic = (form.get("topic") ?? "").trim();
      const startTime = zoomStartTime(form.get("start_time") ?? "");
      const duration = Number(form.get("duration") ?? "30");
      if (topic === "" || topic.length > 200 || startTime === null || !Number.isInteger(duration) || duration < 1 || duration > 1440) {
        return page(session, response, "A meeting needs a topic (up to 200 characters), a start time and a duration from 1 to 1440 minutes.", 400);
      }
      unwrap(
        await clientOf(session).POST("/users/{userId}/meetings", {
          params: { path: { userId: "me" } },
          body: { topic, type: 2, start_time: startTime, duration, timezone: "UTC", default_password: false, pre_schedule: false },
        }),
      );
      return seeOther(response);
    }
    const action = /^\/meetings\/(\d{1,20})\/(delete|start)$/.exec(url.pathname);
    if (action?.[1] !== undefined) {
      const meetingId = Number(action[1]);
      if (action[2] === "delete") {
        unwrap(await clientOf(session).DELETE("/meetings/{meetingId}", { params: { path: { meetingId } } }));
        return seeOther(response);
      }
      if (options.startMeeting === undefined) return fail(response, describeFailure("not-found", "route"));
      options.startMeeting(meetingId);
      return seeOther(response);
    }
    return fail(response, describeFailure("not-found", "route"));
  }

  return (request: IncomingMessage, response: ServerResponse, url: URL): void => {
    route(request, response, url).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      fail(response, describeFailure(error, "meetings"));
    });
  };
}
