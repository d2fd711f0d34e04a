import type { IdSource } from "./id-source.js";

/** A meeting's or webinar's post-session survey (`GET/PATCH/DELETE .../survey`). */
export type SurveyDocument = Record<string, unknown>;

/**
 * Post-session surveys, keyed `meeting:<id>` / `webinar:<id>`. Without one, the GET answers the
 * defaults (no custom survey, shown in the browser); a PATCH merges top-level fields and replaces
 * `custom_survey` as a whole; a DELETE goes back to the defaults. A custom survey gets an id when
 * it is first set, which the survey reports name.
 */
export class Surveys {
  readonly #byKey = new Map<string, SurveyDocument>();
  readonly #customIds = new Map<string, string>();
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** The id of the session's custom survey, if it has one. */
  customSurveyId(key: string): string | undefined {
    return this.#customIds.get(key);
  }

  /** `GET .../survey`. */
  get(key: string): SurveyDocument {
    const kind = key.split(":")[0];
    const defaults: SurveyDocument = kind === "webinar" ? { show_in_the_browser: true, show_in_the_follow_up_email: false } : { show_in_the_browser: true };
    return { ...defaults, ...structuredClone(this.#byKey.get(key) ?? {}) };
  }

  /** `PATCH .../survey`. */
  update(key: string, patch: SurveyDocument): void {
    this.#byKey.set(key, { ...(this.#byKey.get(key) ?? {}), ...structuredClone(patch) });
    if (patch.custom_survey !== undefined && !this.#customIds.has(key)) this.#customIds.set(key, this.#ids.entityId());
  }

  /** `DELETE .../survey`. */
  delete(key: string): void {
    this.#byKey.delete(key);
    this.#customIds.delete(key);
  }
}
