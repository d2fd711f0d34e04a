import type { IdSource } from "./id-source.js";

interface TrackingSource {
  id: string;
  source_name: string;
  tracking_url: string;
  visitor_count: number;
  registration_count: number;
}

/**
 * Webinar registration tracking sources (a link per channel, with visits and registrations).
 * Zoom's API only lists them; tests add them with {@link TrackingSources.add}.
 */
export class TrackingSources {
  readonly #byWebinar = new Map<number, TrackingSource[]>();
  readonly #ids: IdSource;

  constructor(ids: IdSource) {
    this.#ids = ids;
  }

  /** Test hook: a tracking link for a webinar's registration page. */
  add(webinar: { id: number; registration_url: string }, sourceName: string, counts: { visitors?: number; registrations?: number } = {}) {
    const id = this.#ids.entityId();
    const source: TrackingSource = {
      id,
      source_name: sourceName,
      tracking_url: `${webinar.registration_url}?tk=${id}`,
      visitor_count: counts.visitors ?? 0,
      registration_count: counts.registrations ?? 0,
    };
    const list = this.#byWebinar.get(webinar.id) ?? [];
    list.push(source);
    this.#byWebinar.set(webinar.id, list);
    return { ...source };
  }

  /** `GET /webinars/{webinarId}/tracking_sources`. */
  list(webinar: { id: number }) {
    const tracking_sources = (this.#byWebinar.get(webinar.id) ?? []).map((source) => ({ ...source }));
    return { total_records: tracking_sources.length, tracking_sources };
  }
}
