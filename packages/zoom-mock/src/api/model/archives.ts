import { meetingNotFound, validationFailed, ZoomApiFailure } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { uuidCandidates } from "./meeting-uuid.js";
import type { PageRequest, PageTokens } from "./pagination.js";
import type { PastMeetingRecord } from "./past-meetings.js";
import { zoomDateTime } from "./zoom-time.js";

type ArchivedExtension = "MP4" | "M4A" | "TXT" | "JSON" | "VTT";

interface ArchivedFile {
  id: string;
  extension: ArchivedExtension;
  status: "completed";
  autoDelete: boolean;
  /** SHA-256-sized hex fingerprint, fixed when the file is archived. */
  fingerprint: string;
}

/** What the archive keeps of the session beside its past-meeting record. */
export interface ArchivedSessionDetails {
  /** When archiving finished (ms). */
  completedAt: number;
  /** The meeting's time zone. */
  timezone: string;
  /** The meeting's scheduled length, in minutes. */
  scheduledDuration: number;
  /** Primary groups of the account's users who took part. */
  groupIds: readonly string[];
  /** Files sent in the session's chat, which the archive keeps as they were. */
  sharedFiles?: readonly { name: string; size: number }[];
  /** Names of the breakout rooms opened in the session: each is archived as a session of its own. */
  breakoutRooms?: readonly string[];
}

interface Archive extends ArchivedSessionDetails {
  past: PastMeetingRecord;
  /** Of a breakout room's archive: the UUID of the session it was opened in. */
  parentUuid?: string;
  physicalFiles: { file_id: string; file_name: string; file_size: number; download_url: string }[];
  /** When the session started and ended, to the second as Zoom shows them (ms). */
  startedAt: number;
  endedAt: number;
  files: ArchivedFile[];
}

/** The Zoom file type, recording type and bytes per second of session of each archived extension. */
const FILE_KINDS: Readonly<Record<ArchivedExtension, { fileType: string; recordingType: string; bytesPerSecond: number }>> = {
  MP4: { fileType: "MP4", recordingType: "shared_screen_with_speaker_view", bytesPerSecond: 62_500 },
  M4A: { fileType: "M4A", recordingType: "audio_only", bytesPerSecond: 8_000 },
  TXT: { fileType: "CHAT", recordingType: "chat_file", bytesPerSecond: 4 },
  JSON: { fileType: "CHAT_MESSAGE", recordingType: "chat_message", bytesPerSecond: 8 },
  VTT: { fileType: "CC", recordingType: "closed_caption", bytesPerSecond: 16 },
};

/** `from` and `to` of `GET /archive_files` may be at most seven days apart. */
const MAX_RANGE_MS = 7 * 24 * 60 * 60 * 1000;
/** `group_ids` filters by at most seven groups. */
const MAX_GROUP_FILTERS = 7;

/** Query of `GET /archive_files`. */
export interface ArchiveListQuery {
  from?: string | undefined;
  to?: string | undefined;
  /** Which instant `from` and `to` apply to (default the session's start). */
  queryDateType?: "meeting_start_time" | "archive_complete_time" | undefined;
  /** Comma-separated group ids. */
  groupIds?: string | undefined;
}

/**
 * Archived meeting files (the account's compliance archive of a session: video, audio, chat,
 * transcript). Tests archive a session with the `archive` option of `holdMeeting`. Archiving is
 * complete as soon as the session ends, so `complete_time` is always set and every file
 * `completed`.
 */
export class Archives {
  readonly #byUuid = new Map<string, Archive>();
  readonly #ids: IdSource;
  readonly #pages: PageTokens;
  readonly #accountName: string;

  constructor(ids: IdSource, pages: PageTokens, accountName: string) {
    this.#ids = ids;
    this.#pages = pages;
    this.#accountName = accountName;
  }

  /** Archives an ended session's files, and those of each of its breakout rooms as sessions of their own. */
  archive(past: PastMeetingRecord, details: ArchivedSessionDetails, parentUuid?: string): void {
    for (const room of parentUuid === undefined ? (details.breakoutRooms ?? []) : []) {
      const { breakoutRooms: _rooms, sharedFiles: _files, ...roomDetails } = details;
      this.archive({ ...past, uuid: this.#ids.meetingUuid(), topic: room }, roomDetails, past.uuid);
    }
    const files = (["MP4", "M4A", "TXT", "JSON", "VTT"] as const).map((extension) => ({
      id: this.#ids.entityId(),
      extension,
      status: "completed" as const,
      autoDelete: false,
      fingerprint: this.#ids.hex(32),
    }));
    this.#byUuid.set(past.uuid, {
      ...details,
      // Zoom's times have whole seconds: a range ending at the shown completion time includes it.
      completedAt: Date.parse(zoomDateTime(details.completedAt)),
      groupIds: [...details.groupIds],
      physicalFiles: (details.sharedFiles ?? []).map((shared) => {
        const fileId = this.#ids.entityId();
        return { file_id: fileId, file_name: shared.name, file_size: shared.size, download_url: `https://zoom.us/rec/archive/attached/download/${fileId}` };
      }),
      past,
      ...(parentUuid === undefined ? {} : { parentUuid }),
      startedAt: Date.parse(past.start_time),
      endedAt: Date.parse(past.end_time),
      files,
    });
  }

  /** UUIDs of the archived breakout rooms of a session (for tests). */
  breakoutRoomsOf(parentUuid: string): string[] {
    return [...this.#byUuid.values()].filter((archive) => archive.parentUuid === parentUuid).map((archive) => archive.past.uuid);
  }

  /** Ids of a session's archived files (for tests). */
  fileIdsOf(uuid: string): string[] {
    return (this.#byUuid.get(uuid)?.files ?? []).map((file) => file.id);
  }

  /**
   * `GET /archive_files`: archived sessions that started (or, with `archive_complete_time`, whose
   * archiving completed) between `from` and `to`, optionally only those with a participant whose
   * primary group is one of `group_ids`.
   */
  list(query: ArchiveListQuery, page: PageRequest) {
    const from = query.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.from);
    const to = query.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(query.to);
    if (from > to) throw validationFailed([{ field: "to", message: "to must not be before from." }]);
    // Zoom does not document a default range; an absent bound is left open here.
    if (query.from !== undefined && query.to !== undefined && to - from > MAX_RANGE_MS) throw validationFailed([{ field: "to", message: "from and to can be at most seven days apart." }]);
    const groups = query.groupIds === undefined ? undefined : query.groupIds.split(",").map((id) => id.trim()).filter((id) => id !== "");
    if (groups !== undefined && groups.length > MAX_GROUP_FILTERS) {
      throw validationFailed([{ field: "group_ids", message: `At most ${MAX_GROUP_FILTERS} groups can be given.` }]);
    }
    const byCompletion = query.queryDateType === "archive_complete_time";
    const matching = [...this.#byUuid.values()].filter((archive) => {
      const at = byCompletion ? archive.completedAt : archive.startedAt;
      return at >= from && at <= to && (groups === undefined || archive.groupIds.some((id) => groups.includes(id)));
    });
    const key = ["archives", query.from, query.to, byCompletion, groups?.join(",")].join("|");
    const result = this.#pages.page(key, matching, page);
    return {
      ...(query.from === undefined ? {} : { from: query.from }),
      ...(query.to === undefined ? {} : { to: query.to }),
      page_size: result.page_size,
      next_page_token: result.next_page_token,
      total_records: result.total_records,
      meetings: result.items.map((archive) => this.#view(archive)),
    };
  }

  /** `GET /past_meetings/{meetingUUID}/archive_files` (404 code 3001 when the session has no archive). */
  session(meetingUuid: string) {
    for (const uuid of uuidCandidates(meetingUuid)) {
      const archive = this.#byUuid.get(uuid);
      if (archive !== undefined) return this.#view(archive);
    }
    throw meetingNotFound(meetingUuid);
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

  #view(archive: Archive) {
    const { past } = archive;
    const seconds = Math.max(0, Math.round((archive.endedAt - archive.startedAt) / 1000));
    const files = archive.files.map((file) => {
      const kind = FILE_KINDS[file.extension];
      return {
        id: file.id,
        download_url: `https://zoom.us/rec/archive/download/${file.id}`,
        file_extension: file.extension,
        file_size: kind.bytesPerSecond * seconds,
        file_type: kind.fileType,
        recording_type: kind.recordingType,
        status: file.status,
        individual: false,
        // Whole-session files: the archiving gateway joined when the session started and left when it ended.
        participant_join_time: past.start_time,
        participant_leave_time: past.end_time,
        encryption_fingerprint: file.fingerprint,
        auto_delete: file.autoDelete,
      };
    });
    return {
      uuid: past.uuid,
      id: past.id,
      account_name: this.#accountName,
      host_id: past.host_id,
      topic: past.topic,
      type: past.type,
      start_time: past.start_time,
      timezone: archive.timezone,
      duration: archive.scheduledDuration,
      duration_in_second: seconds,
      is_breakout_room: archive.parentUuid !== undefined,
      ...(archive.parentUuid === undefined ? {} : { parent_meeting_id: archive.parentUuid }),
      meeting_type: "internal",
      status: "completed",
      complete_time: zoomDateTime(archive.completedAt),
      group_id: archive.groupIds.join(","),
      recording_count: files.length,
      total_size: files.reduce((sum, file) => sum + file.file_size, 0),
      archive_files: files,
      physical_files: archive.physicalFiles.map((file) => ({ ...file })),
    };
  }
}
