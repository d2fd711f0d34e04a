import { RedisTokenStoreError } from "./errors.js";

/**
 * What the store needs of a Redis client: node-redis's `sendCommand` (on the client that
 * `createClient()` from `redis` returns, versions 5 and 6). Pass your application's client, so that
 * the store shares its connection and its reconnection settings.
 */
export interface RedisClientLike {
  /** Sends one command, e.g. `["SET", key, value, "NX", "PX", "10000"]`, and resolves with Redis's reply. */
  sendCommand(args: string[]): Promise<unknown>;
}

/**
 * Sends Redis commands with a deadline: a client that queues commands while disconnected would
 * otherwise keep a caller waiting for as long as Redis is down.
 * @internal
 */
export class RedisCommands {
  readonly #client: RedisClientLike;
  readonly #timeoutMs: number;

  constructor(client: RedisClientLike, timeoutMs: number) {
    this.#client = client;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * @param what - Names the operation in errors (never a key's value).
   * @param args - The command and its arguments.
   * @returns Redis's reply.
   * @throws {RedisTokenStoreError} When the client fails or the deadline passes.
   */
  async send(what: string, args: string[]): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisTokenStoreError(what, `no reply within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    let sent: Promise<unknown>;
    try {
      sent = Promise.resolve(this.#client.sendCommand(args));
    } catch (error) {
      sent = Promise.reject(error);
    }
    // A reply that comes after the deadline is dropped; its rejection must not go unhandled.
    sent.catch(() => undefined);
    try {
      return await Promise.race([
        sent.catch((error: unknown) => {
          throw new RedisTokenStoreError(what, error instanceof Error ? error.name : typeof error, error);
        }),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
