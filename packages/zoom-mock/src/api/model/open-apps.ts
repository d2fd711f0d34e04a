import { ZoomApiFailure } from "./api-failure.js";
import type { MeetingRecord } from "./meetings.js";
import { zoomDateTime } from "./zoom-time.js";

/** Zoom opens at most 3 apps automatically when a meeting starts. */
export const MAX_OPEN_APPS = 3;

/**
 * Zoom Apps that open when a meeting starts (`/meetings/{meetingId}/open_apps`). The app is the
 * calling app (the token's client). A meeting that has started cannot change its apps (code 3000).
 */
export class OpenApps {
  readonly #byMeeting = new Map<number, string[]>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** `POST /meetings/{meetingId}/open_apps`. */
  add(meeting: MeetingRecord, appId: string) {
    this.#assertNotStarted(meeting);
    const apps = this.#byMeeting.get(meeting.id) ?? [];
    if (!apps.includes(appId)) {
      if (apps.length >= MAX_OPEN_APPS) throw new ZoomApiFailure(400, 3000, `You can only add up to ${MAX_OPEN_APPS} apps.`);
      apps.push(appId);
    }
    this.#byMeeting.set(meeting.id, apps);
    return { id: meeting.id, start_time: meeting.start_time ?? zoomDateTime(this.#clock()), app_id: appId };
  }

  /** `DELETE /meetings/{meetingId}/open_apps`. */
  remove(meeting: MeetingRecord, appId: string): void {
    this.#assertNotStarted(meeting);
    this.#byMeeting.set(
      meeting.id,
      (this.#byMeeting.get(meeting.id) ?? []).filter((candidate) => candidate !== appId),
    );
  }

  /** The apps that will open in a meeting (for tests). */
  of(meeting: MeetingRecord): readonly string[] {
    return [...(this.#byMeeting.get(meeting.id) ?? [])];
  }

  #assertNotStarted(meeting: MeetingRecord): void {
    if (meeting.status === "started") throw new ZoomApiFailure(400, 3000, `Meeting ${meeting.id} has started.`);
  }
}
