import { ZoomApiFailure } from "./api-failure.js";
import type { PageRequest } from "./pagination.js";
import type { ModelContext } from "./model-context.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** A SIP phone as `POST /sip_phones/phones` describes it (specs/zoom-api.yaml). */
export type SipPhoneInput = NonNullable<RequestBodyOf<"EnableSIPPhonePhones">>;

/** The fields of a SIP phone `PATCH /sip_phones/phones/{phoneId}` may change. */
export type SipPhoneUpdateInput = NonNullable<RequestBodyOf<"UpdateSIPPhonePhones">>;

/** How often (minutes) a Zoom client re-registers with the SIP server unless told otherwise. */
const DEFAULT_REGISTRATION_EXPIRE_MINUTES = 60;

/**
 * SIP phones enabled for users. Zoom's answers show the SIP password back (the admin's client
 * configures the phone from them), so the mock's do too: it is a fixture's value, not a credential of
 * the app under test.
 */
export class SipPhones {
  readonly #phones: (SipPhoneInput & { phone_id: string })[] = [];
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /sip_phones/phones`; `search_key` matches a user's email or name. */
  list(searchKey: string | undefined, page: PageRequest) {
    const wanted = searchKey?.toLowerCase();
    const matching = this.#phones.filter(
      (phone) =>
        wanted === undefined ||
        String(phone.user_email ?? "").toLowerCase().includes(wanted) ||
        String(phone.user_name ?? "").toLowerCase().includes(wanted),
    );
    const result = this.#context.pages.page(`sip-phones:${wanted ?? ""}`, matching, page);
    return { page_size: result.page_size, next_page_token: result.next_page_token, phones: result.items.map((phone) => this.#view(phone)) };
  }

  /**
   * `POST /sip_phones/phones`. Unless the request says otherwise, the client re-registers every 60
   * minutes (Zoom's default) and shows the SIP user name as its number.
   */
  enable(input: SipPhoneInput) {
    const phone = {
      registration_expire_time: DEFAULT_REGISTRATION_EXPIRE_MINUTES,
      ...(typeof input.user_name === "string" ? { display_number: input.user_name } : {}),
      ...structuredClone(input),
      phone_id: this.#context.ids.entityId(),
    };
    this.#phones.push(phone);
    return this.#view(phone);
  }

  /** `PATCH /sip_phones/phones/{phoneId}`. */
  update(phoneId: string, patch: SipPhoneUpdateInput): void {
    Object.assign(this.#phone(phoneId), structuredClone(patch));
  }

  /** `DELETE /sip_phones/phones/{phoneId}`. */
  delete(phoneId: string): void {
    this.#phones.splice(this.#phones.indexOf(this.#phone(phoneId)), 1);
  }

  #view(phone: SipPhoneInput & { phone_id: string }) {
    return structuredClone(phone);
  }

  #phone(phoneId: string) {
    const phone = this.#phones.find((candidate) => candidate.phone_id === phoneId);
    if (phone === undefined) throw new ZoomApiFailure(404, 404, `SIP phone does not exist: ${phoneId}.`);
    return phone;
  }
}
