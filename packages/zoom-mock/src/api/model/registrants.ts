import { registrantNotFound, validationFailed } from "./api-failure.js";
import { numberedPageFields, type PageRequest } from "./pagination.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";
import { listUnder } from "./keyed-lists.js";
import type { OccurrenceView } from "./occurrences.js";

/** Registration state of a registrant. */
export type RegistrantStatus = "approved" | "pending" | "denied";

/** What `PUT .../registrants/status` does to the named registrants. */
export type RegistrantAction = "approve" | "cancel" | "deny";

/** Body of `POST /meetings/{meetingId}/registrants` (and the webinar one). */
export interface RegistrantInput {
  email: string;
  first_name: string;
  last_name?: string;
  auto_approve?: boolean;
  [field: string]: unknown;
}

/** What an event (meeting or webinar) tells the registrants model about itself. */
export interface RegistrationTarget {
  /** `meeting:<id>` or `webinar:<id>`: keeps the two namespaces apart. */
  key: string;
  id: number;
  topic: string;
  join_url: string;
  start_time?: string | undefined;
  /** 0 automatically approve, 1 manually approve, 2 no registration required. */
  approval_type: number;
  /** The occurrences still to come of a recurring session; none for one that does not recur. */
  occurrences?: readonly OccurrenceView[];
}

/** The language of a webinar registrant's emails when the registration names none. */
const DEFAULT_REGISTRANT_LANGUAGE = "en-US";

interface RegistrantRecord {
  fields: Record<string, unknown>;
  /** The `language` a webinar registration chose, if any. */
  language: string | undefined;
  id: string;
  email: string;
  status: RegistrantStatus;
  join_url: string;
  create_time: string;
  participant_pin_code: number;
  /** Of a recurring session: the occurrences the registrant signed up for. */
  occurrence_ids: string[];
}

/** Fields a registrant body may carry that the list shows back. */
const ECHOED_FIELDS = [
  "first_name",
  "last_name",
  "address",
  "city",
  "state",
  "zip",
  "country",
  "phone",
  "comments",
  "custom_questions",
  "industry",
  "job_title",
  "no_of_employees",
  "org",
  "purchasing_time_frame",
  "role_in_purchase_process",
] as const;

/**
 * Registrants of meetings and webinars. Registering the same email twice gives back the first
 * registration, as Zoom does; manual approval (approval_type 1) starts registrants as `pending`.
 */
export class Registrants {
  readonly #byTarget = new Map<string, RegistrantRecord[]>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /**
   * `POST .../registrants`. For a recurring session the registrant signs up for the occurrences
   * named (`occurrence_ids`), else for every one still to come; the answer lists them. Naming one the
   * session does not have, or one that was deleted, gives 400 code 300.
   */
  add(target: RegistrationTarget, input: RegistrantInput, occurrenceIds?: readonly string[]) {
    const occurrences = chosenOccurrences(target, occurrenceIds);
    const list = this.#list(target.key);
    const lowered = input.email.toLowerCase();
    let registrant = list.find((existing) => existing.email.toLowerCase() === lowered);
    if (registrant === undefined) {
      const fields: Record<string, unknown> = {};
      for (const field of ECHOED_FIELDS) if (input[field] !== undefined) fields[field] = input[field];
      const id = this.#context.ids.entityId();
      registrant = {
        fields,
        language: typeof input.language === "string" ? input.language : undefined,
        id,
        email: input.email,
        status: target.approval_type === 1 && input.auto_approve !== true ? "pending" : "approved",
        join_url: `${target.join_url.split("?")[0]}?tk=${this.#context.ids.opaque(24)}`,
        create_time: zoomDateTime(this.#context.clock()),
        participant_pin_code: Number(this.#context.ids.digits(6).replace(/^0/, "1")),
        occurrence_ids: [],
      };
      list.push(registrant);
    }
    // Registering again for other occurrences adds them to the same registration.
    for (const occurrence of occurrences) if (!registrant.occurrence_ids.includes(occurrence.occurrence_id)) registrant.occurrence_ids.push(occurrence.occurrence_id);
    const out: Record<string, unknown> = {
      id: target.id,
      registrant_id: registrant.id,
      topic: target.topic,
      join_url: registrant.join_url,
      participant_pin_code: registrant.participant_pin_code,
    };
    if (target.start_time !== undefined) out.start_time = target.start_time;
    if (occurrences.length > 0) out.occurrences = occurrences;
    return out;
  }

  /**
   * `GET .../registrants`: one page of registrants with `status` (default `approved`); with an
   * `occurrenceId`, only those signed up for that occurrence.
   */
  list(target: RegistrationTarget, status: RegistrantStatus | undefined, page: PageRequest, occurrenceId?: string) {
    const wanted = status ?? "approved";
    const matching = this.#list(target.key).filter(
      (registrant) => registrant.status === wanted && (occurrenceId === undefined || registrant.occurrence_ids.includes(occurrenceId)),
    );
    const result = this.#context.pages.page(`registrants:${target.key}:${wanted}:${occurrenceId ?? ""}`, matching, page);
    return {
      ...numberedPageFields(result),
      registrants: result.items.map((registrant) => this.#view(target, registrant)),
    };
  }

  /** Every registrant of a meeting or webinar, as the API shows them. */
  all(target: RegistrationTarget): Record<string, unknown>[] {
    return this.#list(target.key).map((registrant) => this.#view(target, registrant));
  }

  /** One page of already-chosen registrant views, under `listKey` (e.g. a webinar's absentees). */
  page(listKey: string, views: readonly Record<string, unknown>[], page: PageRequest) {
    const result = this.#context.pages.page(listKey, views, page);
    return {
      ...numberedPageFields(result),
      registrants: result.items,
    };
  }

  /** `GET .../registrants/{registrantId}`; an unknown id gives 400 code 3000. */
  get(target: RegistrationTarget, registrantId: string): Record<string, unknown> {
    const registrant = this.#list(target.key).find((candidate) => candidate.id === registrantId);
    if (registrant === undefined) throw registrantNotFound(registrantId);
    return this.#view(target, registrant);
  }

  /** `DELETE .../registrants/{registrantId}`; an unknown id gives 400 code 3000. */
  remove(target: RegistrationTarget, registrantId: string): void {
    const list = this.#list(target.key);
    const index = list.findIndex((candidate) => candidate.id === registrantId);
    if (index === -1) throw registrantNotFound(registrantId);
    list.splice(index, 1);
  }

  #view(target: RegistrationTarget, registrant: RegistrantRecord): Record<string, unknown> {
    // Zoom's registrant record has every field, empty when the registrant did not give it.
    const unset: Record<string, unknown> = {};
    for (const field of ECHOED_FIELDS) unset[field] = field === "custom_questions" ? [] : "";
    const view: Record<string, unknown> = {
      id: registrant.id,
      email: registrant.email,
      ...unset,
      ...registrant.fields,
      status: registrant.status,
      create_time: registrant.create_time,
      join_url: registrant.join_url,
    };
    if (target.key.startsWith("meeting:")) view.participant_pin_code = registrant.participant_pin_code;
    // Webinar registrants carry no participant PIN but the language of their emails (English unless chosen).
    else view.language = registrant.language ?? DEFAULT_REGISTRANT_LANGUAGE;
    return view;
  }

  /**
   * `PUT .../registrants/status`: approves, denies or cancels the named registrants (by id or
   * email). Naming one that is not registered is a validation failure.
   */
  setStatus(target: RegistrationTarget, action: RegistrantAction, who: readonly { id?: string; email?: string }[]): void {
    const list = this.#list(target.key);
    const next: RegistrantStatus = action === "approve" ? "approved" : "denied";
    const chosen = who.length === 0 ? list.filter((registrant) => registrant.status === "pending") : [];
    for (const [index, ref] of who.entries()) {
      const registrant = list.find(
        (candidate) =>
          (ref.id !== undefined && candidate.id === ref.id) ||
          (ref.email !== undefined && candidate.email.toLowerCase() === ref.email.toLowerCase()),
      );
      if (registrant === undefined) {
        throw validationFailed([{ field: `registrants[${index}]`, message: "No such registrant." }]);
      }
      chosen.push(registrant);
    }
    for (const registrant of chosen) registrant.status = next;
  }

  /** Drops every registrant of a deleted meeting or webinar. */
  forget(key: string): void {
    this.#byTarget.delete(key);
  }

  #list(key: string): RegistrantRecord[] {
    return listUnder(this.#byTarget, key);
  }
}

/** The occurrences a registration is for: those named, else every one still to come (none for a session that does not recur). */
function chosenOccurrences(target: RegistrationTarget, occurrenceIds: readonly string[] | undefined): OccurrenceView[] {
  const available = (target.occurrences ?? []).filter((occurrence) => occurrence.status === "available");
  if (occurrenceIds === undefined || occurrenceIds.length === 0) return [...available];
  return occurrenceIds.map((id) => {
    const occurrence = available.find((candidate) => candidate.occurrence_id === id);
    if (occurrence === undefined) throw validationFailed([{ field: "occurrence_ids", message: `Invalid occurrence_id: ${id}.` }]);
    return occurrence;
  });
}
