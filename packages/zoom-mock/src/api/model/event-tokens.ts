import type { IdSource } from "./id-source.js";

/** What a join token lets an app do in a meeting or webinar. */
export type JoinTokenPurpose = "local_recording" | "live_streaming" | "local_archiving";

/** Join tokens live two minutes, as Zoom's (`expire_in: 120`). */
export const JOIN_TOKEN_LIFETIME_SECONDS = 120;

/** Tokens scoped to one meeting or webinar: closed-caption URLs and short-lived join tokens for apps. */
export class EventTokens {
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** `GET /meetings/{meetingId}/token` (and the webinar one): a closed-caption token is a URL to post captions to. */
  closedCaptionToken(eventId: number): { token: string } {
    return { token: `https://wmcc.zoom.us/closedcaption?id=${eventId}&ns=${this.#ids.opaque(16)}&expire=86400&sparams=id%2Cns%2Cexpire&signature=${this.#ids.opaque(32)}` };
  }

  /** `GET /meetings/{meetingId}/jointoken/{purpose}` (and the webinar ones). */
  joinToken(_purpose: JoinTokenPurpose): { token: string; expire_in: number } {
    return { token: this.#ids.opaque(48), expire_in: JOIN_TOKEN_LIFETIME_SECONDS };
  }

  /**
   * `POST /meetings/{meetingId}/sip_dialing` (and the webinar one): the SIP URI a room system dials,
   * valid two hours. A passcode, when given, is carried in the URI's user part.
   */
  sipDialing(eventId: number, passcode: string | undefined) {
    const user = passcode === undefined ? String(eventId) : `${eventId}.${passcode}`;
    return {
      sip_dialing: `${user}.${this.#ids.opaque(12)}@zoomcrc.com`,
      paid_crc_plan_participant: false,
      participant_identifier_code: this.#ids.digits(6),
      expire_in: 7200,
    };
  }

  /** `POST .../invite_links`: one personal join link per attendee. */
  inviteLinks(joinUrl: string, attendees: readonly { name: string }[]) {
    return {
      attendees: attendees.map((attendee) => {
        const url = new URL(joinUrl);
        url.searchParams.set("tk", this.#ids.opaque(24));
        return { name: attendee.name, join_url: url.toString() };
      }),
    };
  }
}
