import type { LiveEvent } from "./live-events.js";
import { escapeHtml, layout } from "./pages.js";

/** One upcoming meeting as the page lists it. */
export interface MeetingRow {
  id: number;
  topic: string;
  startTime: string | null;
  duration: number | null;
}

/** What the meetings page shows. */
export interface MeetingsPageInput {
  meetings: readonly MeetingRow[];
  events: readonly LiveEvent[];
  /** The `seq` of the last event the page shows: its script streams the ones after it. */
  lastSeq: number;
  /** Mock mode: each meeting gets a "Start" button that makes the mock start it. */
  canStart: boolean;
  /** Whether the app receives Zoom's events (a webhook secret token is configured). */
  receivesEvents: boolean;
  modeNote: string;
  /** A sentence about the last form, e.g. what was wrong with it. */
  notice?: string | undefined;
}

const STYLE = `<style>
  main { max-width: 720px; }
  ul.meetings, ol.events { padding: 0; list-style: none; }
  ul.meetings li { display: flex; gap: 12px; align-items: center; padding: 10px 0; border-bottom: 1px solid #e6e9f0; }
  ul.meetings li .what { flex: 1; }
  ul.meetings form { margin: 0; }
  button.secondary { background: #e8eefc; color: #0b5cff; }
  ol.events li { padding: 6px 0; border-bottom: 1px dashed #e6e9f0; font-size: 14px; }
  ol.events code { color: #0b5cff; margin-right: 6px; }
  form.schedule { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1.4fr) 80px auto; gap: 8px; align-items: end; margin: 8px 0 24px; }
  form.schedule label { display: grid; font-size: 13px; color: #4a5270; }
  form.schedule input { font: inherit; padding: 6px 8px; border: 1px solid #c9cfdd; border-radius: 6px; min-width: 0; width: 100%; box-sizing: border-box; }
  .notice { color: #c62828; }
</style>`;

/** The signed-in user's upcoming meetings, a form to schedule one, and what Zoom sent, live. */
export function meetingsPage(input: MeetingsPageInput): string {
  const rows = input.meetings
    .map(
      (meeting) => `<li data-meeting-id="${meeting.id}">
        <span class="what"><strong>${escapeHtml(meeting.topic)}</strong><br><small>${escapeHtml(meeting.startTime ?? "no fixed time")}${meeting.duration === null ? "" : ` · ${meeting.duration} min`}</small></span>
        ${input.canStart ? `<form method="post" action="/meetings/${meeting.id}/start"><button type="submit" class="secondary" aria-label="Start ${escapeHtml(meeting.topic)}">Start</button></form>` : ""}
        <form method="post" action="/meetings/${meeting.id}/delete"><button type="submit" class="secondary" aria-label="Delete ${escapeHtml(meeting.topic)}">Delete</button></form>
      </li>`,
    )
    .join("\n");
  const events = input.events.map((event) => `<li data-event="${escapeHtml(event.event)}"><code>${escapeHtml(event.event)}</code> ${escapeHtml(event.summary)}</li>`).join("\n");
  return layout(
    "Your meetings · Sign in with Zoom",
    `${STYLE}
    <p class="eyebrow"><a href="/">Signed in with Zoom</a></p>
    <h1>Your meetings</h1>
    ${input.notice ? `<p class="notice" role="alert">${escapeHtml(input.notice)}</p>` : ""}
    <form class="schedule" method="post" action="/meetings">
      <label>Topic <input name="topic" required maxlength="200"></label>
      <label>Starts (UTC) <input name="start_time" type="datetime-local" required></label>
      <label>Minutes <input name="duration" type="number" min="1" max="1440" value="30" required></label>
      <button type="submit">Schedule</button>
    </form>
    ${rows === "" ? `<p id="no-meetings">No upcoming meetings.</p>` : `<ul class="meetings" id="meetings">${rows}</ul>`}
    <h2>What Zoom sent</h2>
    ${input.receivesEvents ? "" : `<p>Set ZOOM_WEBHOOK_SECRET_TOKEN and register this app's /zoom/webhook as its event endpoint to see Zoom's events here.</p>`}
    <ol class="events" id="events" data-after="${input.lastSeq}">${events}</ol>
    ${events === "" ? `<p id="no-events">Nothing yet: schedule or start a meeting.</p>` : ""}
    <script src="/live-events.js" defer></script>
    <p class="note">${escapeHtml(input.modeNote)}</p>`,
  );
}
