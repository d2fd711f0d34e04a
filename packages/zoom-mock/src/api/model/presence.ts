/** Zoom's presence statuses. `Do_No_Disturb` (sic) is how Zoom spells the one set with a duration. */
export type PresenceStatus =
  | "Away"
  | "Available"
  | "In_Calendar_Event"
  | "Presenting"
  | "In_A_Zoom_Meeting"
  | "On_A_Call"
  | "Out_of_Office"
  | "Busy"
  | "Do_Not_Disturb"
  | "Do_No_Disturb";

/** Body of `PUT /users/{userId}/presence_status`. */
export interface PresenceInput {
  status: PresenceStatus;
  /** Minutes of Do Not Disturb (1..1440; default 20). */
  duration?: number;
}

interface Presence {
  status: PresenceStatus;
  /** For Do Not Disturb: when it ends (ms). */
  endsAt?: number;
}

/** Default length of Do Not Disturb when the request names none, in minutes. */
const DEFAULT_DND_MINUTES = 20;

/** Users' presence: `Available` until set; Do Not Disturb lasts its duration, then the user is `Available` again. */
export class PresenceStatuses {
  readonly #byUser = new Map<string, Presence>();
  readonly #clock: () => number;

  constructor(clock: () => number) {
    this.#clock = clock;
  }

  /** `GET /users/{userId}/presence_status`. */
  get(userId: string): Record<string, unknown> {
    const presence = this.#byUser.get(userId);
    const now = this.#clock();
    if (presence === undefined) return { status: "Available" };
    if (presence.endsAt === undefined) return { status: presence.status };
    if (now >= presence.endsAt) {
      this.#byUser.delete(userId);
      return { status: "Available" };
    }
    return {
      status: "Do_No_Disturb",
      end_time: new Date(presence.endsAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
      remaining_time: Math.ceil((presence.endsAt - now) / 1000),
    };
  }

  /** `PUT /users/{userId}/presence_status`. */
  set(userId: string, input: PresenceInput): void {
    if (input.status === "Do_No_Disturb" || input.status === "Do_Not_Disturb") {
      this.#byUser.set(userId, { status: "Do_No_Disturb", endsAt: this.#clock() + (input.duration ?? DEFAULT_DND_MINUTES) * 60_000 });
      return;
    }
    this.#byUser.set(userId, { status: input.status });
  }

  /** Forgets a removed user. */
  forget(userId: string): void {
    this.#byUser.delete(userId);
  }
}
