import { templateNotFound, validationFailed } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { listUnder } from "./keyed-lists.js";

/** Zoom allows 40 templates per user. */
export const MAX_TEMPLATES_PER_USER = 40;

/** What a template is made from: a meeting's or webinar's settings. */
export interface TemplateSource {
  id: number;
  settings: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
}

interface TemplateRecord {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  recurrence?: Record<string, unknown>;
}

/**
 * Meeting or webinar templates, per user: saved from an existing meeting or webinar, listed, read.
 * A template with the same name is replaced when `overwrite` is set, otherwise added beside it.
 */
export class Templates {
  readonly #byUser = new Map<string, TemplateRecord[]>();
  readonly #ids: IdSource;
  readonly #kind: "meeting" | "webinar";

  constructor(ids: IdSource, kind: "meeting" | "webinar") {
    this.#ids = ids;
    this.#kind = kind;
  }

  /** `GET /users/{userId}/meeting_templates` (type 1: the user's own templates). */
  list(userId: string) {
    const templates = this.#list(userId).map((template) => ({ id: template.id, name: template.name, type: 1 }));
    return { total_records: templates.length, templates };
  }

  /** `POST /users/{userId}/meeting_templates`. */
  create(userId: string, source: TemplateSource, input: { name?: string; save_recurrence?: boolean; overwrite?: boolean }) {
    const list = this.#list(userId);
    const name = input.name ?? `${this.#kind === "meeting" ? "Meeting" : "Webinar"} ${source.id}`;
    const existing = input.overwrite ? list.find((template) => template.name === name) : undefined;
    if (existing === undefined && list.length >= MAX_TEMPLATES_PER_USER) {
      throw validationFailed([{ field: "name", message: `You can only create up to ${MAX_TEMPLATES_PER_USER} ${this.#kind} templates.` }]);
    }
    const template: TemplateRecord = existing ?? { id: this.#ids.entityId(), name, settings: {} };
    template.settings = structuredClone(source.settings);
    if (input.save_recurrence && source.recurrence !== undefined) template.recurrence = structuredClone(source.recurrence);
    if (existing === undefined) list.push(template);
    return { id: template.id, name: template.name };
  }

  /**
   * What scheduling with `template_id` takes from the user's template: its settings, and its
   * recurrence when it saved one. An id the user has no template under gives 404, as `get` does.
   */
  scheduleFrom(userId: string, templateId: string): { settings: Record<string, unknown>; recurrence?: Record<string, unknown> } {
    const template = this.#list(userId).find((candidate) => candidate.id === templateId);
    if (template === undefined) throw templateNotFound(templateId);
    return structuredClone({ settings: template.settings, ...(template.recurrence === undefined ? {} : { recurrence: template.recurrence }) });
  }

  /** `GET /users/{userId}/meeting_templates/{meetingTemplateId}`: the template's settings, grouped as Zoom shows them. */
  get(userId: string, templateId: string) {
    const template = this.#list(userId).find((candidate) => candidate.id === templateId);
    if (template === undefined) throw templateNotFound(templateId);
    const settings = template.settings;
    return {
      id: template.id,
      name: template.name,
      settings: {
        in_meeting: { breakout_room: Boolean((settings.breakout_room as { enable?: boolean } | undefined)?.enable) },
        recording: { auto_recording: (settings.auto_recording as string | undefined) ?? "none" },
        schedule_meeting: {
          host_video: settings.host_video === true,
          participant_video: settings.participant_video === true,
          mute_upon_entry: settings.mute_upon_entry === true,
        },
        meeting_security: { waiting_room: settings.waiting_room === true },
      },
    };
  }

  #list(userId: string): TemplateRecord[] {
    return listUnder(this.#byUser, userId);
  }
}

