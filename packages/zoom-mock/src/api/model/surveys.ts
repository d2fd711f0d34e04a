/** A meeting's or webinar's post-session survey (`GET/PATCH/DELETE .../survey`). */
export type SurveyDocument = Record<string, unknown>;

/**
 * Post-session surveys, keyed `meeting:<id>` / `webinar:<id>`. Without one, the GET answers the
 * defaults (no custom survey, shown in the browser); a PATCH merges top-level fields and replaces
 * `custom_survey` as a whole; a DELETE goes back to the defaults.
 */
export class Surveys {
  readonly #byKey = new Map<string, SurveyDocument>();

  /** `GET .../survey`. */
  get(key: string): SurveyDocument {
    const kind = key.split(":")[0];
    const defaults: SurveyDocument = kind === "webinar" ? { show_in_the_browser: true, show_in_the_follow_up_email: false } : { show_in_the_browser: true };
    return { ...defaults, ...structuredClone(this.#byKey.get(key) ?? {}) };
  }

  /** `PATCH .../survey`. */
  update(key: string, patch: SurveyDocument): void {
    this.#byKey.set(key, { ...(this.#byKey.get(key) ?? {}), ...structuredClone(patch) });
  }

  /** `DELETE .../survey`. */
  delete(key: string): void {
    this.#byKey.delete(key);
  }
}
