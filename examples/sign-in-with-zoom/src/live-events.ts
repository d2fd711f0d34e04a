import type { ZoomWebhookEvent } from "@org/zoom-webhooks";

/** One event as the meetings page shows it. */
export interface LiveEvent {
  /** Its place in the order of arrival (1, 2, ...): a page asks for the events after the last it showed. */
  seq: number;
  /** The event's name, e.g. `meeting.started`. */
  event: string;
  /** One line for a person: what happened, to which meeting. */
  summary: string;
  /** When Zoom created it (ISO 8601). */
  at: string;
}

/** The most recent events the page can show (older ones are dropped). */
const KEPT = 50;

/** What one event says, in a line. Only fields of the typed payload are used. */
export function summarize(event: ZoomWebhookEvent): string {
  switch (event.event) {
    case "meeting.created":
      return `Scheduled "${event.payload.object.topic}"${event.payload.object.start_time ? ` for ${event.payload.object.start_time}` : ""}`;
    case "meeting.updated":
      return `Changed meeting ${event.payload.object.id}`;
    case "meeting.deleted":
      return `Deleted "${event.payload.object.topic ?? event.payload.object.id}"`;
    case "meeting.started":
      return `"${event.payload.object.topic}" started`;
    case "meeting.ended":
      return `"${event.payload.object.topic}" ended`;
    case "meeting.participant_joined":
      return `${event.payload.object.participant.user_name} joined "${event.payload.object.topic}"`;
    case "meeting.participant_left":
      return `${event.payload.object.participant.user_name ?? "Someone"} left "${event.payload.object.topic}"`;
    case "recording.completed":
      return `Recording of "${event.payload.object.topic}" is ready (${event.payload.object.recording_count} files)`;
    default:
      return event.event;
  }
}

/**
 * The events the app received, newest last, and the pages listening for more (server-sent events).
 * In memory, like the sessions: one process, one account.
 */
export class LiveEvents {
  readonly #events: LiveEvent[] = [];
  readonly #listeners = new Set<(event: LiveEvent) => void>();
  #seq = 0;

  /** Every kept event, oldest first. */
  get all(): readonly LiveEvent[] {
    return this.#events;
  }

  /** Records an event and tells every listener. */
  add(event: ZoomWebhookEvent): void {
    this.#seq += 1;
    const live: LiveEvent = { seq: this.#seq, event: event.event, summary: summarize(event), at: new Date(event.event_ts).toISOString() };
    this.#events.push(live);
    if (this.#events.length > KEPT) this.#events.splice(0, this.#events.length - KEPT);
    for (const listener of this.#listeners) listener(live);
  }

  /** The kept events that arrived after `seq`, oldest first. */
  after(seq: number): LiveEvent[] {
    return this.#events.filter((event) => event.seq > seq);
  }

  /** The last event's `seq` (0 before any). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Calls `listener` with each new event; returns the function that stops it. */
  listen(listener: (event: LiveEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
