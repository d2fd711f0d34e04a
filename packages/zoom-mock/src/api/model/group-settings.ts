import { validationFailed } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { listUnder } from "./keyed-lists.js";
import type { UserGroups } from "./user-groups.js";

/** Settings by area (`schedule_meeting`, `in_meeting`, ...), each a record of Zoom-named settings. */
export type SettingsDocument = Record<string, Record<string, unknown>>;

/** The part of a group's settings `option=` reads or writes. */
export type GroupSettingsOption = "meeting_authentication" | "recording_authentication" | "meeting_security";

interface AuthenticationOption {
  id: string;
  name: string;
  type: string;
  default_option: boolean;
  domains?: string;
  visible: boolean;
}

/** `authentication_option` of a settings PATCH with an authentication `option`. */
interface AuthenticationOptionChange {
  action?: "update" | "show" | "hide";
  id?: string;
  name?: string;
  type?: string;
  default_option?: boolean;
  domains?: string;
}

interface GroupSettingsRecord {
  settings: SettingsDocument;
  meetingSecurity: Record<string, unknown>;
  locks: SettingsDocument;
  lockedSecurity: Record<string, unknown>;
  meetingAuthentication: boolean;
  recordingAuthentication: boolean;
  meetingAuthenticationOptions: AuthenticationOption[];
  recordingAuthenticationOptions: AuthenticationOption[];
  registration: Record<string, unknown>;
}

/**
 * The account's settings, which a new group starts from (the mock does not model account-level
 * settings yet, so this is their value). A believable subset of Zoom's fields, small enough to read.
 */
export function accountDefaultSettings(): SettingsDocument {
  return {
    schedule_meeting: {
      host_video: true,
      participant_video: true,
      audio_type: "both",
      join_before_host: false,
      mute_upon_entry: false,
      embed_password_in_join_link: true,
      require_password_for_scheduled_meetings: true,
      require_password_for_instant_meetings: true,
      require_password_for_pmi_meetings: "jbh_only",
      personal_meeting: true,
      use_pmi_for_schedule_meetings: false,
      use_pmi_for_instant_meetings: false,
    },
    in_meeting: {
      chat: true,
      private_chat: true,
      auto_saving_chat: false,
      allow_participants_chat_with: 1,
      annotation: true,
      whiteboard: true,
      breakout_room: true,
      co_host: true,
      polling: true,
      screen_sharing: true,
      who_can_share_screen: "host",
      who_can_share_screen_when_someone_is_sharing: "host",
      waiting_room: true,
      virtual_background: true,
      virtual_background_settings: { enable: true, allow_videos: true, allow_upload_custom: true },
      meeting_reactions: true,
    },
    email_notification: {
      jbh_reminder: true,
      cancel_meeting_reminder: true,
      alternative_host_reminder: true,
      schedule_for_reminder: true,
      cloud_recording_available_reminder: true,
    },
    recording: {
      local_recording: true,
      cloud_recording: true,
      auto_recording: "none",
      cloud_recording_download: true,
      host_delete_cloud_recording: true,
      record_speaker_view: true,
      record_gallery_view: false,
      record_audio_file: true,
      save_chat_text: true,
      show_timestamp: true,
    },
    telephony: { third_party_audio: false, audio_conference_info: "" },
    // The mock's account keeps its recordings in the US, the only place it may.
    profile: { recording_storage_location: { allowed_values: ["US"], value: "US" } },
    audio_conferencing: { personal_audio_conference: false },
    other_options: { allow_users_contact_support_via_chat: true, blur_snapshot: false },
    chat: {
      create_public_channels: true,
      create_private_channels: true,
      share_links_in_chat: true,
      schedule_meetings_in_chat: true,
      record_voice_messages: true,
      record_video_messages: true,
      screen_capture: true,
      translate_messages: false,
    },
  };
}

function defaultMeetingSecurity(): Record<string, unknown> {
  return {
    auto_security: true,
    waiting_room: true,
    embed_password_in_join_link: true,
    meeting_password: true,
    phone_password: false,
    pmi_password: false,
    webinar_password: false,
    encryption_type: "enhanced_encryption",
    end_to_end_encrypted_meetings: false,
    only_authenticated_can_join_from_webclient: false,
    block_user_domain: false,
  };
}

/** Nothing is locked for a new group: its members may change every setting. */
function defaultLocks(): SettingsDocument {
  return {
    schedule_meeting: { host_video: false, participant_video: false, join_before_host: false, mute_upon_entry: false, embed_password_in_join_link: false },
    in_meeting: { chat: false, private_chat: false, auto_saving_chat: false, annotation: false, breakout_room: false, co_host: false, waiting_room: false },
    email_notification: { jbh_reminder: false, cancel_meeting_reminder: false, alternative_host_reminder: false, schedule_for_reminder: false },
    recording: { local_recording: false, cloud_recording: false, auto_recording: false, host_delete_cloud_recording: false },
    telephony: { third_party_audio: false },
    audio_conferencing: { personal_audio_conference: false },
    other_options: { blur_snapshot: false },
  };
}

function defaultLockedSecurity(): Record<string, unknown> {
  return { auto_security: false, waiting_room: false, meeting_password: false, phone_password: false, pmi_password: false, embed_password_in_join_link: false };
}

function defaultRegistration(): Record<string, unknown> {
  return {
    options: {
      host_email_notification: false,
      close_registration: false,
      allow_participants_to_join_from_multiple_devices: true,
      show_social_share_buttons: true,
    },
    questions: [],
    approve_type: 0,
    custom_questions: [],
  };
}

/** `section` with each area in `patch` merged into it: `{ in_meeting: { chat: false } }` leaves the rest as it was. */
function mergeSections(target: SettingsDocument, patch: Record<string, unknown>): void {
  for (const [section, values] of Object.entries(patch)) {
    if (values === null || typeof values !== "object" || Array.isArray(values)) continue;
    target[section] = { ...(target[section] ?? {}), ...structuredClone(values as Record<string, unknown>) };
  }
}

/**
 * Per-group settings (`/groups/{groupId}/settings`), locks (`/lock_settings`), webinar registration
 * settings and chat channels. Every read and write first checks the group exists (404 code 4130).
 */
export class GroupSettings {
  readonly #byGroup = new Map<string, GroupSettingsRecord>();
  readonly #channels = new Map<string, { channel_id: string; channel_name: string }[]>();
  readonly #groups: UserGroups;
  readonly #ids: IdSource;

  constructor(groups: UserGroups, ids: IdSource) {
    this.#groups = groups;
    this.#ids = ids;
  }

  /**
   * `GET /groups/{groupId}/settings`: the whole settings object (only the settings named in
   * `customQueryFields`, when given), or the part `option` asks for.
   */
  get(groupId: string, option: GroupSettingsOption | undefined, customQueryFields: string | undefined): Record<string, unknown> {
    const record = this.#record(groupId);
    if (option === "meeting_security") return { meeting_security: structuredClone(record.meetingSecurity) };
    if (option === "meeting_authentication") {
      return {
        meeting_authentication: record.meetingAuthentication,
        allow_authentication_exception: false,
        authentication_options: record.meetingAuthenticationOptions.map((entry) => ({ ...entry })),
      };
    }
    if (option === "recording_authentication") {
      return { recording_authentication: record.recordingAuthentication, authentication_options: record.recordingAuthenticationOptions.map((entry) => ({ ...entry })) };
    }
    const settings = structuredClone(record.settings);
    const wanted = (customQueryFields ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
    if (wanted.length === 0) return settings;
    const picked: SettingsDocument = {};
    for (const [section, values] of Object.entries(settings)) {
      const kept = Object.fromEntries(Object.entries(values).filter(([name]) => wanted.includes(name)));
      if (Object.keys(kept).length > 0) picked[section] = kept;
    }
    return picked;
  }

  /** `PATCH /groups/{groupId}/settings`: merges the areas given, or changes the part `option` names. */
  update(groupId: string, option: GroupSettingsOption | undefined, patch: Record<string, unknown>): void {
    const record = this.#record(groupId);
    if (option === "meeting_security") {
      const security = patch.meeting_security;
      if (security !== null && typeof security === "object") record.meetingSecurity = { ...record.meetingSecurity, ...structuredClone(security as Record<string, unknown>) };
      return;
    }
    if (option === "meeting_authentication" || option === "recording_authentication") {
      const meeting = option === "meeting_authentication";
      const enabled = patch[option];
      if (typeof enabled === "boolean") {
        if (meeting) record.meetingAuthentication = enabled;
        else record.recordingAuthentication = enabled;
      }
      const change = patch.authentication_option as AuthenticationOptionChange | undefined;
      if (change !== undefined) this.#changeAuthenticationOption(meeting ? record.meetingAuthenticationOptions : record.recordingAuthenticationOptions, change);
      return;
    }
    mergeSections(record.settings, patch);
  }

  /** `GET /groups/{groupId}/lock_settings` (`option=meeting_security` for the security locks). */
  locks(groupId: string, option: string | undefined): Record<string, unknown> {
    const record = this.#record(groupId);
    if (option === "meeting_security") return { meeting_security: { ...record.lockedSecurity } };
    return structuredClone(record.locks);
  }

  /** `PATCH /groups/{groupId}/lock_settings`. */
  updateLocks(groupId: string, option: string | undefined, patch: Record<string, unknown>): void {
    const record = this.#record(groupId);
    if (option === "meeting_security") {
      const security = patch.meeting_security;
      if (security !== null && typeof security === "object") record.lockedSecurity = { ...record.lockedSecurity, ...(security as Record<string, unknown>) };
      return;
    }
    mergeSections(record.locks, patch);
  }

  /**
   * `GET /groups/{groupId}/settings/registration[?type=webinar]`: `type` is optional and `webinar` is its
   * only value (the spec refuses others), so the answer is the same with or without it.
   */
  registration(groupId: string): Record<string, unknown> {
    return structuredClone(this.#record(groupId).registration);
  }

  /**
   * `PATCH /groups/{groupId}/settings/registration[?type=webinar]`: `options` merge, question lists are
   * replaced; `type` is optional, as for the read.
   */
  updateRegistration(groupId: string, patch: Record<string, unknown>): void {
    const record = this.#record(groupId);
    const next = { ...record.registration, ...structuredClone(patch) };
    if (patch.options !== undefined) next.options = { ...(record.registration.options as Record<string, unknown>), ...(patch.options as Record<string, unknown>) };
    record.registration = next;
  }

  /**
   * Test hook: a chat channel of the group (its members are the group's members, so its
   * `member_count` follows the group). Returns the channel id.
   */
  addChannel(groupId: string, channelName: string): string {
    this.#groups.get(groupId);
    const channel = { channel_id: this.#ids.opaque(16), channel_name: channelName };
    listUnder(this.#channels, groupId).push(channel);
    return channel.channel_id;
  }

  /** `GET /groups/{groupId}/channels`. */
  channels(groupId: string) {
    const group = this.#groups.get(groupId);
    return {
      group_id: group.id,
      channels: (this.#channels.get(groupId) ?? []).map((channel) => ({ ...channel, member_count: group.total_members })),
    };
  }

  /** Forgets a deleted group's settings, locks and channels. */
  forget(groupId: string): void {
    this.#byGroup.delete(groupId);
    this.#channels.delete(groupId);
  }

  #changeAuthenticationOption(options: AuthenticationOption[], change: AuthenticationOptionChange): void {
    const target = options.find((entry) => entry.id === change.id);
    if (target === undefined) throw validationFailed([{ field: "authentication_option.id", message: "No authentication option with this id." }]);
    if (change.action === "show") target.visible = true;
    else if (change.action === "hide") target.visible = false;
    else {
      if (change.name !== undefined) target.name = change.name;
      if (change.type !== undefined) target.type = change.type;
      if (change.domains !== undefined) target.domains = change.domains;
      if (change.default_option === true) for (const entry of options) entry.default_option = entry === target;
    }
  }

  #record(groupId: string): GroupSettingsRecord {
    this.#groups.get(groupId);
    let record = this.#byGroup.get(groupId);
    if (record === undefined) {
      record = {
        settings: accountDefaultSettings(),
        meetingSecurity: defaultMeetingSecurity(),
        locks: defaultLocks(),
        lockedSecurity: defaultLockedSecurity(),
        meetingAuthentication: false,
        recordingAuthentication: false,
        meetingAuthenticationOptions: [{ id: this.#ids.entityId(), name: "Sign in to Zoom", type: "enforce_login", default_option: true, visible: true }],
        recordingAuthenticationOptions: [{ id: this.#ids.entityId(), name: "Signed-in users in my account", type: "internally", default_option: true, visible: true }],
        registration: defaultRegistration(),
      };
      this.#byGroup.set(groupId, record);
    }
    return record;
  }
}
