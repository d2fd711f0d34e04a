import type { IdSource } from "./id-source.js";
import type { PageTokens } from "./pagination.js";
import type { UserDirectory } from "./user-directory.js";

/**
 * What the parts of the API model share: the user directory, the source of ids and tokens, the
 * page tokens of every list and the clock. One context per model, so all parts see the same users,
 * draw from the same random bytes and agree on the time. Parts that need more than one of these
 * take the context; a part that needs only the clock or only the ids takes just that.
 */
export interface ModelContext {
  /** Where users live (shared with the OAuth part of the mock). */
  readonly directory: UserDirectory;
  readonly ids: IdSource;
  readonly pages: PageTokens;
  /** Current time in ms. */
  readonly clock: () => number;
}
