import { recordingNotFound, validationFailed } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { uuidCandidates } from "./meeting-uuid.js";
import type { PageRequest, PageTokens } from "./pagination.js";
import type { PastMeetingRecord } from "./past-meetings.js";
import { utcDate, zoomDateTime } from "./zoom-time.js";

/** A meeting instance's cloud recording, in Zoom's field names. */
export interface RecordingRecord {
  uuid: string;
  id: number;
  account_id: string;
  host_id: string;
  topic: string;
  type: string;
  start_time: string;
  duration: number;
  total_size: number;
  recording_count: number;
  share_url: string;
  password: string;
  recording_play_passcode: string;
  recording_files: Record<string, unknown>[];
  /** ms of the instance start, for date filters. */
  startedAt: number;
  /** Set while the recording sits in the trash. */
  trashedAt?: number;
}

/** Zoom's `from`/`to` range on recordings may span at most one month. */
const MAX_RANGE_DAYS = 31;

/** Cloud recordings of past meeting instances: listing by user and date, reading, trashing, deleting. */
export class Recordings {
  readonly #byUuid = new Map<string, RecordingRecord>();
  readonly #ids: IdSource;
  readonly #pages: PageTokens;
  readonly #clock: () => number;

  constructor(ids: IdSource, pages: PageTokens, clock: () => number) {
    this.#ids = ids;
    this.#pages = pages;
    this.#clock = clock;
  }

  /** Records a cloud recording (speaker view video and audio only) for an ended instance. */
  record(past: PastMeetingRecord, accountId: string): RecordingRecord {
    const start = past.start_time;
    const end = past.end_time;
    const file = (fileType: string, recordingType: string, size: number) => {
      const id = this.#ids.entityId();
      return {
        id,
        meeting_id: past.uuid,
        recording_start: start,
        recording_end: end,
        file_type: fileType,
        file_extension: fileType,
        file_size: size,
        play_url: `https://zoom.us/rec/play/${id}`,
        download_url: `https://zoom.us/rec/download/${id}`,
        status: "completed",
        recording_type: recordingType,
      };
    };
    const files = [file("MP4", "shared_screen_with_speaker_view", 2_400_000), file("M4A", "audio_only", 600_000)];
    const passcode = this.#ids.digits(8);
    const recording: RecordingRecord = {
      uuid: past.uuid,
      id: past.id,
      account_id: accountId,
      host_id: past.host_id,
      topic: past.topic,
      type: String(past.type),
      start_time: start,
      duration: past.duration,
      total_size: files.reduce((sum, f) => sum + f.file_size, 0),
      recording_count: files.length,
      share_url: `https://zoom.us/rec/share/${this.#ids.opaque(24)}`,
      password: passcode,
      recording_play_passcode: this.#ids.opaque(24),
      recording_files: files,
      startedAt: past.startedAt,
    };
    this.#byUuid.set(recording.uuid, recording);
    return recording;
  }

  /**
   * The recording a `{meetingId}` names: an instance UUID, or a meeting number for its latest
   * recorded instance. Trashed or unknown gives 404 code 3301.
   */
  resolve(meetingId: string): RecordingRecord {
    for (const uuid of uuidCandidates(meetingId)) {
      const byUuid = this.#byUuid.get(uuid);
      if (byUuid !== undefined && byUuid.trashedAt === undefined) return byUuid;
    }
    const id = Number(meetingId);
    const latest = [...this.#byUuid.values()]
      .filter((recording) => recording.id === id && recording.trashedAt === undefined)
      .sort((a, b) => b.startedAt - a.startedAt)[0];
    if (latest === undefined) throw recordingNotFound();
    return latest;
  }

  /** `GET /meetings/{meetingId}/recordings`. */
  view(recording: RecordingRecord): Record<string, unknown> {
    const { startedAt: _startedAt, trashedAt: _trashedAt, ...fields } = recording;
    return structuredClone(fields);
  }

  /** `GET /users/{userId}/recordings`: the user's recordings whose instance started in [from, to] (UTC dates, default today). */
  listForUser(
    hostId: string,
    options: { from?: string | undefined; to?: string | undefined; trash?: boolean | undefined; meetingId?: number | undefined },
    page: PageRequest,
  ) {
    const today = utcDate(this.#clock());
    const from = options.from ?? today;
    const to = options.to ?? today;
    const fromMs = Date.parse(`${from}T00:00:00Z`);
    const toMs = Date.parse(`${to}T00:00:00Z`) + 24 * 60 * 60 * 1000;
    if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs) {
      throw validationFailed([{ field: "from", message: "from and to must be yyyy-mm-dd dates with from on or before to." }]);
    }
    if ((toMs - fromMs) / 86_400_000 > MAX_RANGE_DAYS) {
      throw validationFailed([{ field: "to", message: "The date range may span at most one month." }]);
    }
    const trash = options.trash ?? false;
    const matching = [...this.#byUuid.values()]
      .filter(
        (recording) =>
          recording.host_id === hostId &&
          (recording.trashedAt !== undefined) === trash &&
          (options.meetingId === undefined || recording.id === options.meetingId) &&
          recording.startedAt >= fromMs &&
          recording.startedAt < toMs,
      )
      .sort((a, b) => b.startedAt - a.startedAt);
    const key = `recordings:${hostId}:${from}:${to}:${trash}:${options.meetingId ?? ""}`;
    const result = this.#pages.page(key, matching, page);
    return {
      from,
      to,
      page_count: result.total_records === 0 ? 0 : Math.ceil(result.total_records / result.page_size),
      page_size: result.page_size,
      total_records: result.total_records,
      next_page_token: result.next_page_token,
      meetings: result.items.map((recording) => {
        const { password: _password, ...summary } = this.view(recording);
        return summary;
      }),
    };
  }

  /** `DELETE /meetings/{meetingId}/recordings`: `trash` (default, recoverable) or `delete` (gone). */
  delete(recording: RecordingRecord, action: "trash" | "delete" = "trash"): void {
    if (action === "delete") {
      this.#byUuid.delete(recording.uuid);
      return;
    }
    recording.trashedAt = this.#clock();
    for (const file of recording.recording_files) file.deleted_time = zoomDateTime(this.#clock());
  }
}
