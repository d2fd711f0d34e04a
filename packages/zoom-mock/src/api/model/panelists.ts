import { panelistNotFound, validationFailed } from "./api-failure.js";
import type { ElementOf, RequestBodyOf } from "./request-bodies.js";
import type { WebinarRecord } from "./webinars.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";
import { listUnder } from "./keyed-lists.js";

/** A panelist as `POST /webinars/{webinarId}/panelists` describes one. */
export type PanelistInput = ElementOf<NonNullable<RequestBodyOf<"webinarPanelistCreate">>["panelists"]>;

interface PanelistRecord extends PanelistInput {
  email: string;
  name: string;
  id: string;
  join_url: string;
}

/** Webinar panelists: adding (an email already on the panel is updated, not doubled), listing, removing. */
export class Panelists {
  readonly #byWebinar = new Map<number, PanelistRecord[]>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `POST /webinars/{webinarId}/panelists`: answers the webinar id and when the panel changed. */
  add(webinar: WebinarRecord, panelists: readonly PanelistInput[]): { id: string; updated_at: string } {
    const list = this.#list(webinar.id);
    // The spec leaves both optional, but a panelist is known by email and shown by name: the whole
    // request is refused, before any change, when one lacks either.
    const missing = panelists.flatMap(({ email, name }, index) =>
      (email === undefined ? ["email"] : []).concat(name === undefined ? ["name"] : []).map((key) => `panelists[${index}].${key}`),
    );
    if (missing.length > 0) throw validationFailed(missing.map((field) => ({ field, message: `${field} is required.` })));
    for (const input of panelists) {
      const { email = "", name = "" } = input;
      const existing = list.find((panelist) => panelist.email.toLowerCase() === email.toLowerCase());
      if (existing !== undefined) {
        Object.assign(existing, input);
        continue;
      }
      list.push({ ...input, email, name, id: this.#context.ids.entityId(), join_url: `${webinar.join_url}?tk=${this.#context.ids.opaque(24)}` });
    }
    return { id: String(webinar.id), updated_at: zoomDateTime(this.#context.clock()) };
  }

  /** `GET /webinars/{webinarId}/panelists`. */
  list(webinar: WebinarRecord) {
    const panelists = this.#list(webinar.id).map((panelist) => ({ ...panelist }));
    return { total_records: panelists.length, panelists };
  }

  /** `DELETE /webinars/{webinarId}/panelists/{panelistId}`; an unknown id gives 400 code 3000. */
  remove(webinar: WebinarRecord, panelistId: string): void {
    const list = this.#list(webinar.id);
    const index = list.findIndex((panelist) => panelist.id === panelistId);
    if (index === -1) throw panelistNotFound(panelistId);
    list.splice(index, 1);
  }

  /** Gives every panelist of the webinar a branding default (a name tag or a virtual background). */
  assignToAll(webinarId: number, change: { name_tag_id?: string; virtual_background_id?: string }): void {
    for (const panelist of this.#byWebinar.get(webinarId) ?? []) Object.assign(panelist, change);
  }

  /** `DELETE /webinars/{webinarId}/panelists`: removes the whole panel. */
  removeAll(webinar: WebinarRecord): void {
    this.#byWebinar.delete(webinar.id);
  }

  #list(webinarId: number): PanelistRecord[] {
    return listUnder(this.#byWebinar, webinarId);
  }
}
