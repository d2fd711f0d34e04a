import { ZoomApiFailure } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { uuidCandidates } from "./meeting-uuid.js";
import type { PastMeetingRecord } from "./past-meetings.js";

interface ArchivedFile {
  id: string;
  extension: "MP4" | "M4A" | "TXT" | "JSON" | "VTT";
  status: "completed";
  autoDelete: boolean;
}

interface Archive {
  uuid: string;
  completedAt: number;
  files: ArchivedFile[];
}

/**
 * Archived meeting files (the account's compliance archive of a session: video, audio, chat,
 * transcript). Tests archive a session with the `archive` option of `holdMeeting`.
 */
export class Archives {
  readonly #byUuid = new Map<string, Archive>();
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** Archives an ended session's files. */
  archive(past: PastMeetingRecord, completedAt: number): void {
    const files = (["MP4", "M4A", "TXT", "JSON", "VTT"] as const).map((extension) => ({
      id: this.#ids.entityId(),
      extension,
      status: "completed" as const,
      autoDelete: false,
    }));
    this.#byUuid.set(past.uuid, { uuid: past.uuid, completedAt, files });
  }

  /** Ids of a session's archived files (for tests). */
  fileIdsOf(uuid: string): string[] {
    return (this.#byUuid.get(uuid)?.files ?? []).map((file) => file.id);
  }

  /** `GET /archive_files/statistics`: counts of archived files whose session completed in [from, to). */
  statistics(range: { from?: string | undefined; to?: string | undefined }) {
    const from = range.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(range.from);
    const to = range.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(range.to);
    const files = [...this.#byUuid.values()].filter((archive) => archive.completedAt >= from && archive.completedAt < to).flatMap((archive) => archive.files);
    const count = (extension: ArchivedFile["extension"]) => files.filter((file) => file.extension === extension).length;
    return {
      ...(range.from === undefined ? {} : { from: range.from }),
      ...(range.to === undefined ? {} : { to: range.to }),
      total_records: files.length,
      statistic_by_file_extension: {
        mp4_file_count: count("MP4"),
        m4a_file_count: count("M4A"),
        txt_file_count: count("TXT"),
        json_file_count: count("JSON"),
        vtt_file_count: count("VTT"),
      },
      statistic_by_file_status: { processing_file_count: 0, completed_file_count: files.length, failed_file_count: 0 },
    };
  }

  /** `PATCH /archive_files/{fileId}`: whether the file is deleted with the account's retention policy. */
  setAutoDelete(fileId: string, autoDelete: boolean): void {
    for (const archive of this.#byUuid.values()) {
      const file = archive.files.find((candidate) => candidate.id === fileId);
      if (file !== undefined) {
        file.autoDelete = autoDelete;
        return;
      }
    }
    throw new ZoomApiFailure(404, 404, `Archived file does not exist: ${fileId}.`);
  }

  /** Whether a file is set to auto-delete (for tests). */
  autoDeleteOf(fileId: string): boolean | undefined {
    for (const archive of this.#byUuid.values()) {
      const file = archive.files.find((candidate) => candidate.id === fileId);
      if (file !== undefined) return file.autoDelete;
    }
    return undefined;
  }

  /** `DELETE /past_meetings/{meetingUUID}/archive_files`. */
  deleteSession(meetingUuid: string): void {
    for (const uuid of uuidCandidates(meetingUuid)) {
      if (this.#byUuid.delete(uuid)) return;
    }
    throw new ZoomApiFailure(404, 404, "There are no archived files for this meeting.");
  }
}
