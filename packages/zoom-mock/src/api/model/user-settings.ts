/** A user's settings: sections (`schedule_meeting`, `in_meeting`, ...) of Zoom-named fields. */
export type UserSettingsDocument = Record<string, Record<string, unknown>>;

/** Which view of the settings `GET /users/{userId}/settings?option=` asks for. */
export type UserSettingsOption = "meeting_authentication" | "recording_authentication" | "meeting_security";

/** Settings a new user starts with: a believable Zoom default, small enough to read. */
export function defaultUserSettings(): UserSettingsDocument {
  return {
    schedule_meeting: {
      host_video: true,
      participants_video: true,
      audio_type: "both",
      join_before_host: false,
      require_password_for_scheduled_meetings: true,
      embed_password_in_join_link: true,
      personal_meeting: true,
    },
    in_meeting: {
      chat: true,
      private_chat: true,
      auto_saving_chat: false,
      breakout_room: true,
      waiting_room: true,
      annotation: true,
      whiteboard: true,
    },
    email_notification: {
      jbh_reminder: true,
      cancel_meeting_reminder: true,
      alternative_host_reminder: true,
      schedule_for_reminder: true,
    },
    recording: {
      local_recording: true,
      cloud_recording: true,
      auto_recording: "none",
      auto_delete_cmr: false,
    },
    telephony: {
      third_party_audio: false,
      show_international_numbers_link: true,
    },
    // No toll-free numbers, TSP call-out or advanced whiteboard until a test turns them on.
    audio_conferencing: {
      toll_free_and_fee_based_toll_call: { enable: false, allow_webinar_attendees_dial: false, numbers: [] },
    },
    tsp: {
      call_out: false,
      call_out_countries: [],
      show_international_numbers_link: true,
    },
    whiteboard: {
      out_meeting_advanced_whiteboard: false,
      in_meeting_advanced_whiteboard: false,
    },
    profile: {
      recording_storage_location: { allowed_values: ["US"], value: "US" },
    },
    feature: {
      meeting_capacity: 100,
      large_meeting: false,
      webinar: false,
      cn_meeting: false,
      in_meeting: false,
    },
  };
}

/** Per-user settings: read whole or by option, patched section by section. */
export class UserSettings {
  readonly #byUser = new Map<string, UserSettingsDocument>();

  /** `GET /users/{userId}/settings`. */
  get(userId: string, option?: UserSettingsOption): Record<string, unknown> {
    const settings = this.#document(userId);
    if (option === "meeting_security") {
      return { meeting_security: { ...(settings.meeting_security ?? { waiting_room: true, embed_password_in_join_link: true }) } };
    }
    if (option === "meeting_authentication") return { meeting_authentication: false, allow_authentication_exception: false, authentication_options: [] };
    if (option === "recording_authentication") return { recording_authentication: false, authentication_options: [] };
    return structuredClone(settings);
  }

  /**
   * `PATCH /users/{userId}/settings`: each section in the patch is merged into the stored one, so
   * `{ in_meeting: { chat: false } }` leaves the other in-meeting settings as they were.
   */
  update(userId: string, patch: Record<string, unknown>): void {
    const settings = this.#document(userId);
    for (const [section, values] of Object.entries(patch)) {
      if (values === null || typeof values !== "object" || Array.isArray(values)) continue;
      settings[section] = { ...(settings[section] ?? {}), ...(values as Record<string, unknown>) };
    }
  }

  /**
   * Changes fields of the `feature` section (what the account's plan gives the user); a field set
   * to `undefined` is removed.
   */
  setFeatures(userId: string, changes: Readonly<Record<string, unknown>>): void {
    const settings = this.#document(userId);
    const feature = { ...(settings.feature ?? {}) };
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) delete feature[field];
      else feature[field] = value;
    }
    settings.feature = feature;
  }

  /** Forgets a removed user's settings. */
  forget(userId: string): void {
    this.#byUser.delete(userId);
  }

  #document(userId: string): UserSettingsDocument {
    let settings = this.#byUser.get(userId);
    if (settings === undefined) {
      settings = defaultUserSettings();
      this.#byUser.set(userId, settings);
    }
    return settings;
  }
}
