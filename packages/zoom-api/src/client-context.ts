import type { ResolvedZoomClientOptions } from "./zoom-client-options.js";

// Helpers such as downloadRecording() need the client's token, fetch, timeout and signal, which an
// openapi-fetch client does not expose. A WeakMap keeps them off the client object (no property to
// print or serialise) and lets clients be garbage-collected as usual.
const contexts = new WeakMap<object, ResolvedZoomClientOptions>();

/** Remembers the options a client of {@link createZoomClient} was made with. */
export function registerClientContext(client: object, options: ResolvedZoomClientOptions): void {
  contexts.set(client, options);
}

/**
 * The options of a client from {@link createZoomClient}.
 * @throws {TypeError} when `client` was not made by `createZoomClient`.
 */
export function clientContextOf(client: object): ResolvedZoomClientOptions {
  const context = typeof client === "object" && client !== null ? contexts.get(client) : undefined;
  if (context === undefined) throw new TypeError("expected a client made by createZoomClient()");
  return context;
}
