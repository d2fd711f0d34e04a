import { validationFailed } from "./api-failure.js";
import type { IdSource } from "./id-source.js";

/** Default `page_size` of Zoom's list operations. */
export const DEFAULT_PAGE_SIZE = 30;
/** Largest `page_size` Zoom's list operations accept. */
export const MAX_PAGE_SIZE = 300;
/** Zoom's `next_page_token` expires 15 minutes after it is issued. */
export const PAGE_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/** What a caller asks of a list operation. */
export interface PageRequest {
  /** Requested page size; defaults to 30, capped at 300. */
  pageSize?: number | undefined;
  /** Token from the previous page; absent or empty for the first page. */
  nextPageToken?: string | undefined;
}

/** One page of a list, with Zoom's pagination fields. */
export interface Page<T> {
  items: T[];
  page_size: number;
  total_records: number;
  /** Empty string on the last page, as Zoom does. */
  next_page_token: string;
}

interface IssuedToken {
  listKey: string;
  offset: number;
  expiresAt: number;
}

/**
 * Issues and redeems opaque `next_page_token`s. A token remembers which list it belongs to and
 * where the next page starts, so a token from one list cannot page through another, and it expires
 * like Zoom's.
 */
export class PageTokens {
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #ids: IdSource;
  readonly #clock: () => number;

  constructor(ids: IdSource, clock: () => number) {
    this.#ids = ids;
    this.#clock = clock;
  }

  /**
   * Cuts one page out of `items`. `listKey` names the list (operation plus its filters) so tokens
   * stay bound to it.
   */
  page<T>(listKey: string, items: readonly T[], request: PageRequest, limits: PageLimits = ZOOM_PAGE_LIMITS): Page<T> {
    const pageSize = resolvePageSize(request.pageSize, limits);
    const offset = this.#redeem(listKey, request.nextPageToken);
    const slice = items.slice(offset, offset + pageSize);
    const nextOffset = offset + slice.length;
    let next = "";
    if (nextOffset < items.length) {
      next = this.#ids.opaque(24);
      this.#tokens.set(next, { listKey, offset: nextOffset, expiresAt: this.#clock() + PAGE_TOKEN_LIFETIME_MS });
    }
    return { items: slice, page_size: pageSize, total_records: items.length, next_page_token: next };
  }

  #redeem(listKey: string, token: string | undefined): number {
    if (token === undefined || token === "") return 0;
    const issued = this.#tokens.get(token);
    if (issued === undefined || issued.listKey !== listKey) {
      throw validationFailed([{ field: "next_page_token", message: "Invalid next_page_token." }]);
    }
    if (this.#clock() >= issued.expiresAt) {
      this.#tokens.delete(token);
      throw validationFailed([{ field: "next_page_token", message: "The next page token has expired." }]);
    }
    return issued.offset;
  }
}

/** A list's page size default and cap. */
export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

/** Most of Zoom's lists: 30 by default, at most 300. */
export const ZOOM_PAGE_LIMITS: PageLimits = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };

/** Applies a list's default (usually 30) and cap (usually 300) to a requested page size. */
export function resolvePageSize(requested: number | undefined, limits: PageLimits = ZOOM_PAGE_LIMITS): number {
  if (requested === undefined) return limits.defaultPageSize;
  if (!Number.isInteger(requested) || requested < 1) {
    throw validationFailed([{ field: "page_size", message: "page_size must be a positive integer." }]);
  }
  return Math.min(requested, limits.maxPageSize);
}

/** How many pages a list has at `page_size`: 0 for an empty list. */
function pageCount(page: Page<unknown>): number {
  return page.total_records === 0 ? 0 : Math.ceil(page.total_records / page.page_size);
}

/** The pagination fields most of Zoom's lists answer with, beside the page's items. */
export function pageFields(page: Page<unknown>) {
  return { page_size: page.page_size, total_records: page.total_records, next_page_token: page.next_page_token };
}

/** The pagination fields of Zoom's lists that also count their pages (`page_count`). */
export function countedPageFields(page: Page<unknown>) {
  return { page_count: pageCount(page), ...pageFields(page) };
}

/**
 * The pagination fields of Zoom's older lists, which also carry `page_number`: always 1 here, as
 * the mock pages by token only.
 */
export function numberedPageFields(page: Page<unknown>) {
  return { page_count: pageCount(page), page_number: 1, ...pageFields(page) };
}
