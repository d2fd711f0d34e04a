import type { FetchOptions } from "openapi-fetch";
import type { ZoomClient } from "./create-zoom-client.js";
import type { paths } from "./generated/zoom-api.js";
import { unwrap, type ZoomFetchResult } from "./unwrap.js";

/** The operation behind `GET path`, or `never` when the path has no GET. */
export type GetOperation<Paths, Path extends keyof Paths> = Paths[Path] extends { get: infer Operation }
  ? Operation
  : never;

/**
 * The 200 JSON body of `GET path`: one page of a list operation. Read straight from the operation's
 * `responses` (not through openapi-fetch's response helpers) because {@link PaginatedPath} evaluates it for
 * every path of the API, and the helpers made a consumer's type check several times slower.
 */
export type PageOf<Paths, Path extends keyof Paths> = GetOperation<Paths, Path> extends {
  responses: { 200: { content: { "application/json": infer Page } } };
}
  ? Page
  : never;

/** Paths whose GET answers a page carrying `next_page_token`: the only ones {@link paginate} accepts. */
export type PaginatedPath<Paths> = {
  [Path in keyof Paths]: "next_page_token" extends keyof PageOf<Paths, Path> ? Path : never;
}[keyof Paths];

/** How many pages {@link paginate} follows when `maxPages` is not given. */
export const DEFAULT_MAX_PAGES = 1000;

/** The options {@link paginate} adds to a GET's request options. */
export interface PaginationLimit {
  /**
   * The most pages to request (default 1 000, 300 000 items at `page_size` 300).
   * A server that keeps handing out new `next_page_token`s past it gets a {@link ZoomPaginationError}
   * with reason `"page_limit"` instead of an endless loop.
   */
  maxPages?: number;
}

/** The request options of `GET path` (path parameters, `page_size`, headers, `signal`...), and `maxPages`. */
export type PaginateOptions<Paths, Path extends keyof Paths> = FetchOptions<GetOperation<Paths, Path>> & PaginationLimit;

/** `init` is optional exactly when the GET operation has no required parameter. */
export type PaginateInitArgs<Paths, Path extends keyof Paths> =
  Record<never, never> extends PaginateOptions<Paths, Path>
    ? [init?: PaginateOptions<Paths, Path>]
    : [init: PaginateOptions<Paths, Path>];

/** Keys of a page whose value is a list (e.g. `users`, `meetings`): what {@link paginateItems} can flatten. */
export type ListKey<Page> = {
  [Key in keyof Page]-?: NonNullable<Page[Key]> extends readonly unknown[] ? Key : never;
}[keyof Page];

/** The element type of the list under `key` in a page. */
export type ListItem<Page, Key extends keyof Page> = NonNullable<Page[Key]> extends readonly (infer Item)[]
  ? Item
  : never;

/** Why {@link paginate} stopped: a `next_page_token` handed out twice, or `maxPages` reached with more to come. */
export type ZoomPaginationFailure = "repeated_token" | "page_limit";

/**
 * Thrown when following `next_page_token` would not end: Zoom handed back a token it already gave, or
 * `maxPages` pages were read and the last still pointed to another.
 */
export class ZoomPaginationError extends Error {
  override readonly name = "ZoomPaginationError";
  /** The path being paginated, e.g. `"/users"`. */
  readonly path: string;
  /** Why pagination stopped, one of a fixed set (as every `reason` in the SDK, never a server's text). */
  readonly reason: ZoomPaginationFailure;
  /** How many pages were read (and yielded) before stopping. */
  readonly pages: number;

  constructor(path: string, reason: ZoomPaginationFailure = "repeated_token", pages = 0) {
    super(
      reason === "repeated_token"
        ? `paginate(${path}): the API repeated a next_page_token; stopping instead of looping`
        : `paginate(${path}): read ${pages} pages (maxPages) and the last still has a next_page_token; raise maxPages to read more`,
    );
    this.path = path;
    this.reason = reason;
    this.pages = pages;
  }

  /** A JSON form with the error's fields. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, path: this.path, reason: this.reason, pages: this.pages };
  }
}

type LooseInit = {
  params?: { query?: Record<string, unknown> | undefined } & Record<string, unknown>;
} & Record<string, unknown>;
type LooseGet = (path: string, init: LooseInit) => Promise<ZoomFetchResult>;

/**
 * Iterates over the pages of a list operation, following `next_page_token` until it is empty or absent.
 * Query parameters (such as `page_size`) are sent with every page request. A non-2xx page throws
 * {@link ZoomApiError}; a token handed out twice, or more than `maxPages` pages (default
 * 1 000), throw {@link ZoomPaginationError}.
 *
 * @example
 * ```ts
 * for await (const page of paginate(client, "/users/{userId}/meetings", {
 *   params: { path: { userId: "me" }, query: { page_size: 300 } },
 * })) {
 *   for (const meeting of page.meetings ?? []) console.log(meeting.topic);
 * }
 * ```
 * Takes a {@link ZoomClient}, not a generic `Client<Paths>`: either inferring `Paths` from the argument or
 * spelling out `Client<paths>` here made TypeScript compare whole client types structurally, adding
 * about 150 000 type instantiations (over a second) to the type check of every consumer calling it.
 * @param client - a client from {@link createZoomClient}.
 * @param path - a GET path whose answer has `next_page_token`.
 * @param init - the request options, as for `client.GET(path, init)`, and `maxPages`.
 * @throws {TypeError} when `maxPages` is not a whole number of at least 1.
 */
export async function* paginate<Path extends PaginatedPath<paths>>(
  client: ZoomClient,
  path: Path,
  ...[init]: PaginateInitArgs<paths, Path>
): AsyncGenerator<PageOf<paths, Path>, void, undefined> {
  const get = client.GET as unknown as LooseGet;
  const { maxPages = DEFAULT_MAX_PAGES, ...base } = (init ?? {}) as LooseInit & PaginationLimit;
  if (!(Number.isInteger(maxPages) && maxPages >= 1)) {
    throw new TypeError(`paginate(${String(path)}): maxPages must be a whole number of at least 1`);
  }
  const seen = new Set<string>();
  let pageToken: string | undefined;
  let pages = 0;
  do {
    if (pages >= maxPages) throw new ZoomPaginationError(String(path), "page_limit", pages);
    const query = { ...base.params?.query, ...(pageToken === undefined ? {} : { next_page_token: pageToken }) };
    const page = await unwrap(get.call(client, String(path), { ...base, params: { ...base.params, query } }));
    pages++;
    yield page as PageOf<paths, Path>;
    const next = (page as { next_page_token?: unknown } | undefined)?.next_page_token;
    pageToken = typeof next === "string" && next !== "" ? next : undefined;
    if (pageToken !== undefined) {
      if (seen.has(pageToken)) throw new ZoomPaginationError(String(path));
      seen.add(pageToken);
    }
  } while (pageToken !== undefined);
}

/**
 * Like {@link paginate}, but yields the items of one list of each page (e.g. every meeting of every page).
 *
 * @example
 * ```ts
 * for await (const user of paginateItems(client, "/users", "users", { params: { query: { page_size: 300 } } })) {
 *   console.log(user.email);
 * }
 * ```
 * @param key - the page property holding the list, e.g. `"meetings"`.
 */
export async function* paginateItems<Path extends PaginatedPath<paths>, Key extends ListKey<PageOf<paths, Path>>>(
  client: ZoomClient,
  path: Path,
  key: Key,
  ...init: PaginateInitArgs<paths, Path>
): AsyncGenerator<ListItem<PageOf<paths, Path>, Key>, void, undefined> {
  for await (const page of paginate(client, path, ...init)) {
    const items = page[key] as readonly ListItem<PageOf<paths, Path>, Key>[] | null | undefined;
    if (items) yield* items;
  }
}
