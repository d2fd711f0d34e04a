import { recordingNotFound, transcriptNotFound, validationFailed } from "./api-failure.js";
import { uuidCandidates } from "./meeting-uuid.js";
import { countedPageFields, type PageRequest } from "./pagination.js";
import type { PastMeetingRecord } from "./past-meetings.js";
import { utcDate, zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** One file of a cloud recording (video, audio, chat, transcript...), in Zoom's field names. */
export interface RecordingFileRecord {
  id: string;
  meeting_id: string;
  recording_start: string;
  recording_end: string;
  file_type: string;
  file_extension: string;
  file_size: number;
  play_url: string;
  download_url: string;
  status: string;
  recording_type: string;
}

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
  share_url: string;
  password: string;
  recording_play_passcode: string;
  recording_files: RecordingFileRecord[];
  /** ms of the instance start, for date filters. */
  startedAt: number;
  /** Files in the trash, with when they were trashed (ms). */
  trashed: Map<string, number>;
  /** Sharing settings (`GET/PATCH /meetings/{meetingId}/recordings/settings`). */
  settings: Record<string, unknown>;
  /** Whether the session's audio transcript still exists (it goes with `DELETE .../transcript`). */
  hasTranscript: boolean;
  /** One audio file per participant, when the host records them separately. */
  participantAudioFiles: Record<string, unknown>[];
}

/** Bytes of per-participant audio per second (M4A at about 64 kbit/s). */
const PARTICIPANT_AUDIO_BYTES_PER_SECOND = 8_000;

/** How long after the session a recording with auto-delete on is deleted (Zoom's default retention, in days). */
const AUTO_DELETE_AFTER_DAYS = 30;

/** How long a recording's download access token lasts unless `ttl` says otherwise (Zoom: up to 7 days). */
const DEFAULT_DOWNLOAD_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** Zoom's `from`/`to` range on recordings may span at most one month. */
const MAX_RANGE_DAYS = 31;

/**
 * Cloud recordings of past meeting instances: listing by user and date, reading, trashing and
 * recovering (whole recordings or single files), deleting for good. A recording is visible while
 * at least one of its files is out of the trash, and listed in the trash while one is in it.
 */
export class Recordings {
  readonly #byUuid = new Map<string, RecordingRecord>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** Every stored recording (files in the trash included, as they still use storage), oldest first. */
  all(): RecordingRecord[] {
    return [...this.#byUuid.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /**
   * Records a cloud recording (speaker view video and audio only) for an ended instance; with
   * `audioPerParticipant`, also an audio file of each participant for the time they were there.
   */
  record(past: PastMeetingRecord, accountId: string, options: { audioPerParticipant?: boolean } = {}): RecordingRecord {
    const file = (fileType: string, recordingType: string, size: number): RecordingFileRecord => {
      const id = this.#context.ids.entityId();
      return {
        id,
        meeting_id: past.uuid,
        recording_start: past.start_time,
        recording_end: past.end_time,
        file_type: fileType,
        file_extension: fileType,
        file_size: size,
        play_url: `https://zoom.us/rec/play/${id}`,
        download_url: `https://zoom.us/rec/download/${id}`,
        status: "completed",
        recording_type: recordingType,
      };
    };
    const recording: RecordingRecord = {
      uuid: past.uuid,
      id: past.id,
      account_id: accountId,
      host_id: past.host_id,
      topic: past.topic,
      type: String(past.type),
      start_time: past.start_time,
      duration: past.duration,
      share_url: `https://zoom.us/rec/share/${this.#context.ids.opaque(24)}`,
      password: this.#context.ids.digits(8),
      recording_play_passcode: this.#context.ids.opaque(24),
      recording_files: [file("MP4", "shared_screen_with_speaker_view", 2_400_000), file("M4A", "audio_only", 600_000)],
      startedAt: past.startedAt,
      trashed: new Map(),
      settings: {},
      hasTranscript: true,
      participantAudioFiles: options.audioPerParticipant === true ? past.participants.map((participant) => this.#participantAudio(participant)) : [],
    };
    this.#byUuid.set(recording.uuid, recording);
    return recording;
  }

  /**
   * The recording a `{meetingId}` names: an instance UUID, or a meeting number for its latest
   * recorded instance. One with every file in the trash, or none at all, gives 404 code 3301.
   */
  resolve(meetingId: string): RecordingRecord {
    return this.#resolve(meetingId, (recording) => this.#liveFiles(recording).length > 0);
  }

  /** `GET /meetings/{meetingId}/recordings/settings`: how the recording is shared. */
  settingsOf(recording: RecordingRecord): Record<string, unknown> {
    const settings: Record<string, unknown> = {
      share_recording: "publicly",
      recording_authentication: false,
      on_demand: false,
      approval_type: 2,
      send_email_to_host: true,
      show_social_share_buttons: true,
      viewer_download: true,
      password: recording.password,
      topic: recording.topic,
      ...structuredClone(recording.settings),
      ...this.#autoDelete(recording),
    };
    // Viewers must sign in: by default to any Zoom account, or to one of the listed domains.
    if (settings.recording_authentication === true) {
      const domains = typeof settings.authentication_domains === "string" ? settings.authentication_domains : "";
      settings.authentication_option ??= domains === "" ? "signIn_zoom" : "signIn_domains";
      settings.authentication_domains = domains;
      settings.authentication_name = domains === "" ? "Sign in to Zoom" : `Sign in to Zoom with ${domains}`;
    }
    return settings;
  }

  #participantAudio(participant: Record<string, unknown>): Record<string, unknown> {
    const id = this.#context.ids.entityId();
    const start = String(participant.join_time);
    const end = String(participant.leave_time);
    const seconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000));
    return {
      id,
      file_name: `Audio only - ${String(participant.name)}`,
      file_type: "M4A",
      file_size: seconds * PARTICIPANT_AUDIO_BYTES_PER_SECOND,
      play_url: `https://zoom.us/rec/play/${id}`,
      download_url: `https://zoom.us/rec/download/${id}`,
      recording_start: start,
      recording_end: end,
      status: "completed",
    };
  }

  /** Whether the recording is deleted automatically (its settings' `auto_delete`), and on which day. */
  #autoDelete(recording: RecordingRecord): { auto_delete: boolean; auto_delete_date?: string } {
    if (recording.settings.auto_delete !== true) return { auto_delete: false };
    return { auto_delete: true, auto_delete_date: utcDate(recording.startedAt + AUTO_DELETE_AFTER_DAYS * 86_400_000) };
  }

  /** `PATCH /meetings/{meetingId}/recordings/settings`: merges; a new `topic` or `password` applies to the recording too. */
  updateSettings(recording: RecordingRecord, patch: Record<string, unknown>): void {
    const { topic, password, ...rest } = patch;
    if (typeof topic === "string") recording.topic = topic;
    if (typeof password === "string") recording.password = password;
    recording.settings = { ...recording.settings, ...structuredClone(rest) };
  }

  /**
   * `PUT /meetings/{meetingUUID}/recordings/status {"action":"recover"}`: takes every file of the
   * recording out of the trash. Nothing in the trash gives 404 code 3301.
   */
  recoverAll(meetingId: string): void {
    const recording = this.#resolve(meetingId, (candidate) => candidate.trashed.size > 0);
    recording.trashed.clear();
  }

  /** `GET /meetings/{meetingId}/transcript`; no recording or a deleted transcript gives 404 code 3322. */
  transcript(meetingId: string): Record<string, unknown> {
    const recording = this.#withTranscript(meetingId);
    const out: Record<string, unknown> = {
      meeting_id: recording.uuid,
      account_id: recording.account_id,
      meeting_topic: recording.topic,
      host_id: recording.host_id,
      transcript_created_time: recording.recording_files[0]?.recording_end ?? recording.start_time,
      ...this.#autoDelete(recording),
    };
    // With every file of the recording in the trash the transcript stays, but cannot be downloaded.
    if (this.#liveFiles(recording).length === 0) return { ...out, can_download: false, download_restriction_reason: "DELETED_OR_TRASHED" };
    return { ...out, can_download: true, download_url: `https://zoom.us/rec/download/${encodeURIComponent(recording.uuid)}/transcript.vtt` };
  }

  /** `DELETE /meetings/{meetingId}/transcript`. */
  deleteTranscript(meetingId: string): void {
    this.#withTranscript(meetingId).hasTranscript = false;
  }

  #withTranscript(meetingId: string): RecordingRecord {
    try {
      return this.#resolve(meetingId, (candidate) => candidate.hasTranscript);
    } catch {
      throw transcriptNotFound();
    }
  }

  /**
   * `GET /meetings/{meetingId}/recordings`: the files out of the trash, and whether (and when) the
   * recording is deleted automatically. `downloadAccessToken` (asked with
   * `include_fields=download_access_token`) adds a token valid for `ttlSeconds` that downloads its files.
   */
  view(recording: RecordingRecord, options: { downloadAccessToken?: boolean; ttlSeconds?: number | undefined } = {}): Record<string, unknown> {
    const view: Record<string, unknown> = { ...this.#view(recording, false), ...this.#autoDelete(recording) };
    if (options.downloadAccessToken === true) view.download_access_token = this.#downloadToken(recording, options.ttlSeconds ?? DEFAULT_DOWNLOAD_TOKEN_TTL_SECONDS);
    return view;
  }

  /** A JWT-shaped token naming the recording and when it expires (the mock does not sign it). */
  #downloadToken(recording: RecordingRecord, ttlSeconds: number): string {
    const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const issuedAt = Math.floor(this.#context.clock() / 1000);
    const claims = { aud: "zoom_recording", sub: recording.uuid, iat: issuedAt, exp: issuedAt + ttlSeconds, jti: this.#context.ids.opaque(16) };
    return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
  }

  /** `GET /users/{userId}/recordings`: the user's recordings whose instance started in [from, to] (UTC dates, default today). */
  listForUser(
    hostId: string,
    options: { from?: string | undefined; to?: string | undefined; trash?: boolean | undefined; meetingId?: number | undefined },
    page: PageRequest,
  ) {
    const today = utcDate(this.#context.clock());
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
          (trash ? recording.trashed.size > 0 : this.#liveFiles(recording).length > 0) &&
          (options.meetingId === undefined || recording.id === options.meetingId) &&
          recording.startedAt >= fromMs &&
          recording.startedAt < toMs,
      )
      .sort((a, b) => b.startedAt - a.startedAt);
    const key = `recordings:${hostId}:${from}:${to}:${trash}:${options.meetingId ?? ""}`;
    const result = this.#context.pages.page(key, matching, page);
    return {
      from,
      to,
      ...countedPageFields(result),
      meetings: result.items.map((recording) => {
        const { password: _password, ...summary } = this.#view(recording, trash);
        return summary;
      }),
    };
  }

  /** `DELETE /meetings/{meetingId}/recordings`: `trash` (default, recoverable) every file, or `delete` the recording. */
  delete(recording: RecordingRecord, action: "trash" | "delete" = "trash"): void {
    if (action === "delete") {
      this.#byUuid.delete(recording.uuid);
      return;
    }
    for (const file of recording.recording_files) if (!recording.trashed.has(file.id)) recording.trashed.set(file.id, this.#context.clock());
  }

  /**
   * `DELETE /meetings/{meetingId}/recordings/{recordingId}`: trashes (default) or deletes one file.
   * An unknown file, or one already in the trash, gives 404 code 3301.
   */
  deleteFile(meetingId: string, fileId: string, action: "trash" | "delete" = "trash"): void {
    const recording = this.#resolve(meetingId, (candidate) =>
      candidate.recording_files.some((file) => file.id === fileId && !candidate.trashed.has(file.id)),
    );
    if (action === "delete") {
      recording.recording_files = recording.recording_files.filter((file) => file.id !== fileId);
      recording.trashed.delete(fileId);
      if (recording.recording_files.length === 0) this.#byUuid.delete(recording.uuid);
      return;
    }
    recording.trashed.set(fileId, this.#context.clock());
  }

  /** `PUT /meetings/{meetingId}/recordings/{recordingId}/status {"action":"recover"}`: takes one file out of the trash. */
  recoverFile(meetingId: string, fileId: string): void {
    const recording = this.#resolve(meetingId, (candidate) => candidate.trashed.has(fileId));
    recording.trashed.delete(fileId);
  }

  #resolve(meetingId: string, accept: (recording: RecordingRecord) => boolean): RecordingRecord {
    for (const uuid of uuidCandidates(meetingId)) {
      const byUuid = this.#byUuid.get(uuid);
      if (byUuid !== undefined && accept(byUuid)) return byUuid;
    }
    const id = Number(meetingId);
    const latest = [...this.#byUuid.values()]
      .filter((recording) => recording.id === id && accept(recording))
      .sort((a, b) => b.startedAt - a.startedAt)[0];
    if (latest === undefined) throw recordingNotFound();
    return latest;
  }

  #liveFiles(recording: RecordingRecord): RecordingFileRecord[] {
    return recording.recording_files.filter((file) => !recording.trashed.has(file.id));
  }

  #view(recording: RecordingRecord, trash: boolean): Record<string, unknown> {
    const { startedAt: _startedAt, trashed, recording_files, settings: _settings, hasTranscript: _hasTranscript, participantAudioFiles, ...fields } = recording;
    const files = recording_files
      .filter((file) => trashed.has(file.id) === trash)
      .map((file) => {
        const trashedAt = trashed.get(file.id);
        return trashedAt === undefined ? { ...file } : { ...file, deleted_time: zoomDateTime(trashedAt) };
      });
    return {
      ...structuredClone(fields),
      recording_count: files.length,
      total_size: files.reduce((sum, file) => sum + file.file_size, 0),
      recording_files: files,
      // Zoom lists per-participant audio only when the host records it.
      ...(participantAudioFiles.length > 0 && !trash ? { participant_audio_files: structuredClone(participantAudioFiles) } : {}),
    };
  }
}
