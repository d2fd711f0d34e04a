import { validationFailed } from "./api-failure.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** Where a meeting or webinar streams to (`GET/PATCH .../livestream`). */
export type LiveStreamSettings = NonNullable<RequestBodyOf<"meetingLiveStreamUpdate"> | RequestBodyOf<"webinarLiveStreamUpdate">>;

/** The resolution of a stream whose settings name none. */
const DEFAULT_RESOLUTION = "720p";

/** What `PATCH .../livestream/status` asks. */
export type LiveStreamStatusInput = NonNullable<RequestBodyOf<"meetingLiveStreamStatusUpdate"> | RequestBodyOf<"webinarLiveStreamStatusUpdate">>;

interface LiveStream {
  settings?: LiveStreamSettings;
  live: boolean;
  displaySettings: Record<string, unknown>;
}

/**
 * Custom live streaming of meetings and webinars, keyed `meeting:<id>` / `webinar:<id>`. Starting
 * a stream needs its settings first (Zoom code 300 otherwise).
 */
export class LiveStreams {
  readonly #byKey = new Map<string, LiveStream>();

  /** `GET .../livestream`: the stream settings; empty strings until set, and Zoom's 720p resolution by default. */
  get(key: string): LiveStreamSettings {
    return { stream_url: "", stream_key: "", page_url: "", resolution: DEFAULT_RESOLUTION, ...(this.#byKey.get(key)?.settings ?? {}) };
  }

  /** `PATCH .../livestream`. */
  update(key: string, settings: LiveStreamSettings): void {
    this.#stream(key).settings = { ...settings };
  }

  /** `PATCH .../livestream/status`: start or stop the stream, or change how it shows the meeting. */
  setStatus(key: string, input: LiveStreamStatusInput): void {
    const stream = this.#stream(key);
    if (input.action === "start" && stream.settings === undefined) {
      throw validationFailed([{ field: "action", message: "Set the live stream's URL, key and page before starting it." }]);
    }
    if (input.action === "start") stream.live = true;
    if (input.action === "stop") stream.live = false;
    if (input.settings !== undefined) stream.displaySettings = { ...stream.displaySettings, ...input.settings };
  }

  /** Whether the stream is running (for tests). */
  isLive(key: string): boolean {
    return this.#byKey.get(key)?.live ?? false;
  }

  #stream(key: string): LiveStream {
    let stream = this.#byKey.get(key);
    if (stream === undefined) {
      stream = { live: false, displaySettings: {} };
      this.#byKey.set(key, stream);
    }
    return stream;
  }
}
