import type { ZoomApiFailure } from "./api-failure.js";
import type { PageLimits, PageRequest } from "./pagination.js";
import type { ModelContext } from "./model-context.js";

/**
 * ZDM group lists: 30 a page by default. Zoom's parameter allows up to 100 but its answer holds at
 * most 50 groups, so pages are capped at 50.
 */
export const ZDM_GROUP_PAGE_LIMITS: PageLimits = { defaultPageSize: 30, maxPageSize: 50 };

/** A Zoom Device Management group, as `GET /devices/groups` shows it. */
export interface ZdmGroupRecord {
  zdm_group_id: string;
  name: string;
  description: string;
}

/**
 * Zoom Device Management groups. Zoom's API lists them but cannot create them (the web portal
 * does), so tests add them through {@link ZdmGroups.add}.
 */
export class ZdmGroups {
  readonly #groups: ZdmGroupRecord[] = [];
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** Test hook: creates a group. */
  add(input: { name: string; description?: string }): ZdmGroupRecord {
    const group = { zdm_group_id: this.#context.ids.entityId(), name: input.name, description: input.description ?? "" };
    this.#groups.push(group);
    return { ...group };
  }

  /** `GET /devices/groups`. */
  list(page: PageRequest) {
    const result = this.#context.pages.page("zdm-groups", this.#groups, page, ZDM_GROUP_PAGE_LIMITS);
    return { groups: result.items.map((group) => ({ ...group })), next_page_token: result.next_page_token, page_size: result.page_size };
  }

  /** Whether the group exists. */
  has(groupId: string): boolean {
    return this.#groups.some((group) => group.zdm_group_id === groupId);
  }

  /** Throws `failure` unless the group exists (each operation answers an unknown group with its own code). */
  require(groupId: string, failure: () => ZoomApiFailure): void {
    if (!this.has(groupId)) throw failure();
  }
}
