import { ZoomApiFailure } from "./api-failure.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** One chat message sent in a live meeting or webinar. */
export interface ChatMessage {
  id: string;
  sender: string;
  message: string;
  sentAt: string;
}

/**
 * What happens inside live meetings and webinars that the API can act on: in-meeting controls
 * (recording, invitations, AI Companion), realtime media streams (RTMS) and chat messages.
 * In-meeting controls need the meeting to be running (code 3000 otherwise).
 */
export class LiveEvents {
  readonly #controls = new Map<string, { method: string; params: Record<string, unknown> }[]>();
  readonly #rtms = new Map<string, { state: string; clientId: string }>();
  readonly #chats = new Map<string, ChatMessage[]>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `PATCH /live_meetings/{meetingId}/events`. */
  control(key: string, live: boolean, method: string, params: Record<string, unknown>): void {
    if (!live) throw new ZoomApiFailure(400, 3000, "The meeting is not in progress.");
    const list = this.#controls.get(key) ?? [];
    list.push({ method, params: structuredClone(params) });
    this.#controls.set(key, list);
  }

  /** The in-meeting controls applied so far (for tests). */
  controlsOf(key: string): readonly { method: string; params: Record<string, unknown> }[] {
    return [...(this.#controls.get(key) ?? [])];
  }

  /** `PATCH /live_meetings/{meetingId}/rtms_app/status`. */
  setRtms(key: string, action: string, clientId: string): void {
    const state = { start: "started", stop: "stopped", pause: "paused", resume: "started" }[action] ?? action;
    this.#rtms.set(key, { state, clientId });
  }

  /** The realtime media stream's state (for tests). */
  rtmsOf(key: string): { state: string; clientId: string } | undefined {
    return this.#rtms.get(key);
  }

  /** Test hook: someone posts a chat message in a live meeting or webinar; returns its id. */
  postChat(key: string, sender: string, message: string): ChatMessage {
    const chat: ChatMessage = { id: this.#context.ids.entityId(), sender, message, sentAt: zoomDateTime(this.#context.clock()) };
    const list = this.#chats.get(key) ?? [];
    list.push(chat);
    this.#chats.set(key, list);
    return { ...chat };
  }

  /** The chat messages still there (for tests). */
  chatOf(key: string): readonly ChatMessage[] {
    return (this.#chats.get(key) ?? []).map((message) => ({ ...message }));
  }

  /** `PATCH .../chat/messages/{messageId}`. */
  editChat(key: string, messageId: string, content: string): void {
    this.#message(key, messageId).message = content;
  }

  /** `DELETE .../chat/messages/{messageId}`. */
  deleteChat(key: string, messageId: string): void {
    const message = this.#message(key, messageId);
    const list = this.#chats.get(key) ?? [];
    list.splice(list.indexOf(message), 1);
  }

  #message(key: string, messageId: string): ChatMessage {
    const message = this.#chats.get(key)?.find((candidate) => candidate.id === messageId);
    if (message === undefined) throw new ZoomApiFailure(404, 404, `Chat message does not exist: ${messageId}.`);
    return message;
  }
}
