import type { Client, FetchOptions, FetchResponse } from "openapi-fetch";
import { unwrap, type ZoomFetchResult } from "./unwrap.js";

/** The operation behind `GET path`, or `never` when the path has no GET. */
export type GetOperation<Paths, Path extends keyof Paths> = Paths[Path] extends { get: infer Operation }
  ? Operation
  : never;

/** The 2xx JSON body of `GET path`: one page of a list operation. */
export type PageOf<Paths, Path extends keyof Paths> =
  GetOperation<Paths, Path> extends infer Operation extends Record<string, unknown>
    ? NonNullable<FetchResponse<Operation, Record<never, never>, `${string}/${string}`>["data"]>
    : never;

/** Paths whose GET answers a page carrying `next_page_token`: the only ones {@link paginate} accepts. */
export type PaginatedPath<Paths> = {
  [Path in keyof Paths]: "next_page_token" extends keyof PageOf<Paths, Path> ? Path : never;
}[keyof Paths];

/** The request options of `GET path` (path parameters, `page_size`, headers, `signal`...). */
export type PaginateOptions<Paths, Path extends keyof Paths> = FetchOptions<GetOperation<Paths, Path>>;

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

/** Thrown when Zoom hands back a `next_page_token` it already gave: following it would loop forever. */
export class ZoomPaginationError extends Error {
  override readonly name = "ZoomPaginationError";
  /** The path being paginated, e.g. `"/users"`. */
  readonly path: string;

  constructor(path: string) {
    super(`paginate(${path}): the API repeated a next_page_token; stopping instead of looping`);
    this.path = path;
  }
}

type LooseInit = {
  params?: { query?: Record<string, unknown> | undefined } & Record<string, unknown>;
} & Record<string, unknown>;
type LooseGet = (path: string, init: LooseInit) => Promise<ZoomFetchResult>;

/**
 * Iterates over the pages of a list operation, following `next_page_token` until it is empty or absent.
 * Query parameters (such as `page_size`) are sent with every page request. A non-2xx page throws
 * {@link ZoomApiError}.
 *
 * @example
 * ```ts
 * for await (const page of paginate(client, "/users/{userId}/meetings", {
 *   params: { path: { userId: "me" }, query: { page_size: 300 } },
 * })) {
 *   for (const meeting of page.meetings ?? []) console.log(meeting.topic);
 * }
 * ```
 * @param client - a client from {@link createZoomClient} (any openapi-fetch client works).
 * @param path - a GET path whose answer has `next_page_token`.
 * @param init - the request options, as for `client.GET(path, init)`.
 */
export async function* paginate<Paths extends {}, Path extends PaginatedPath<Paths>>(
  client: Client<Paths>,
  path: Path,
  ...[init]: PaginateInitArgs<Paths, Path>
): AsyncGenerator<PageOf<Paths, Path>, void, undefined> {
  const get = client.GET as unknown as LooseGet;
  const base = (init ?? {}) as LooseInit;
  const seen = new Set<string>();
  let pageToken: string | undefined;
  do {
    const query = { ...base.params?.query, ...(pageToken === undefined ? {} : { next_page_token: pageToken }) };
    const page = await unwrap(get.call(client, String(path), { ...base, params: { ...base.params, query } }));
    yield page as PageOf<Paths, Path>;
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
export async function* paginateItems<
  Paths extends {},
  Path extends PaginatedPath<Paths>,
  Key extends ListKey<PageOf<Paths, Path>>,
>(
  client: Client<Paths>,
  path: Path,
  key: Key,
  ...init: PaginateInitArgs<Paths, Path>
): AsyncGenerator<ListItem<PageOf<Paths, Path>, Key>, void, undefined> {
  for await (const page of paginate(client, path, ...init)) {
    const items = page[key] as readonly ListItem<PageOf<Paths, Path>, Key>[] | null | undefined;
    if (items) yield* items;
  }
}
