import type { IdSource } from "./id-source.js";

/** An AI Companion meeting summary template. */
export interface SummaryTemplateRecord {
  meeting_summary_template_id: string;
  name: string;
  description: string;
}

/**
 * The account's meeting summary templates, which every user of the account can choose. Zoom's
 * API only lists them (they are made in the web portal), so tests add them through
 * {@link SummaryTemplates.add}.
 */
export class SummaryTemplates {
  readonly #templates: SummaryTemplateRecord[] = [];
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** Test hook: makes a template available to the account's users. */
  add(input: { name: string; description?: string }): SummaryTemplateRecord {
    const template = { meeting_summary_template_id: this.#ids.entityId(), name: input.name, description: input.description ?? "" };
    this.#templates.push(template);
    return { ...template };
  }

  /** `GET /users/{userId}/meeting_summary_templates`. */
  list(): SummaryTemplateRecord[] {
    return this.#templates.map((template) => ({ ...template }));
  }
}
