import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, expect } from "vitest";
import { type AnswerContext, type AnswerSpec, materialize } from "./answers.js";
import { type RawServer, type Responder, startRawServer } from "./raw-server.js";

/** Runs per property: 1,000 by default; `RELIABILITY_RUNS` raises it (e.g. 10000). */
export const RUNS = Number(process.env.RELIABILITY_RUNS ?? 1000);

/**
 * The deadline every client is given: short, so that faults which can only end there end soon, yet
 * long enough that a healthy loopback answer usually beats it on a busy machine (when it does not,
 * {@link recovers} tries again).
 */
export const TIMEOUT_MS = 150;

/**
 * How long past its deadlines a call may take before it counts as hung. Large on purpose: the
 * property separates "settled" from "never settles" and must not fail on a busy machine.
 */
export const SLACK_MS = 10_000;

/** The test timeout of a property: generous for the run count, so that only a hang fails it. */
export const PROPERTY_TIMEOUT_MS = Math.max(600_000, RUNS * 300);

/** What a call did: settled with a value or an error. A hang fails the property instead. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Waits for `work` to settle within `deadlineMs` plus {@link SLACK_MS}.
 * @throws {Error} when it has not settled by then: the property fails with "hung".
 */
export async function settle<T>(work: Promise<T>, deadlineMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), deadlineMs + SLACK_MS);
  });
  const outcome = work.then(
    (value): Outcome<T> => ({ ok: true, value }),
    (error: unknown): Outcome<T> => ({ ok: false, error }),
  );
  const result = await Promise.race([outcome, hung]);
  clearTimeout(timer);
  if (result === "hung") throw new Error(`the call did not settle within its deadline (${deadlineMs} ms) + ${SLACK_MS} ms`);
  return result;
}

/** Asserts an error is one of the documented classes (by its own `name`), with a `toJSON`. */
export function expectDocumented(error: unknown, documented: readonly string[]): void {
  expect(error).toBeInstanceOf(Error);
  const { name } = error as Error;
  if (!documented.includes(name)) {
    throw new Error(`undocumented error ${name}: ${(error as Error).message}\n${(error as Error).stack}`);
  }
  expect(typeof (error as { toJSON?: unknown }).toJSON).toBe("function");
}

/** Every form in which a secret could leak: as sent, encoded for a form or a URL, base64, JSON-escaped. */
export function leakForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString("base64"),
    Buffer.from(secret).toString("base64url"),
    JSON.stringify(secret).slice(1, -1),
  ]);
  return [...forms];
}

/** Everything an error shows: message, stack, JSON, `util.inspect`, and the same for each cause. */
export function everythingShown(error: unknown): string {
  const shown: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (current instanceof Error) shown.push(current.message, current.stack ?? "");
    try {
      shown.push(JSON.stringify(current) ?? "");
    } catch (serialisationError) {
      shown.push(String(serialisationError));
    }
    shown.push(inspect(current, { depth: 10 }));
    current = current instanceof Error ? current.cause : undefined;
  }
  return shown.join("\n");
}

/** Asserts no form of any secret appears anywhere the error shows. */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  const shown = everythingShown(error);
  for (const secret of secrets) {
    for (const form of leakForms(secret)) {
      if (shown.includes(form)) throw new Error(`a secret leaked (as ${JSON.stringify(form.slice(0, 6))}…) into:\n${shown.slice(0, 2000)}`);
    }
  }
}

/**
 * The two servers of a property: the one under test, answering whatever the run says, and one
 * "elsewhere" that redirects point to, which must never receive a request.
 */
export interface Servers {
  readonly server: RawServer;
  readonly elsewhere: RawServer;
  /** Answers every request with this answer (materialised per request) until {@link Servers.behave}. */
  misbehave(spec: AnswerSpec): void;
  /** Answers every request the way a healthy Zoom would. */
  behave(): void;
  /** Ends hung connections of the last run and forgets its requests. */
  reset(): void;
}

/** Starts the servers of a test file and the unhandled-rejection watch; stops both after it. */
export function useServers(good: Responder): { get(): Servers; unhandled: unknown[] } {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let servers: Servers | null = null;
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    const server = await startRawServer(good);
    const elsewhere = await startRawServer(good);
    const context: AnswerContext = { elsewhere: elsewhere.origin };
    servers = {
      server,
      elsewhere,
      misbehave(spec) {
        server.respond = (request) => materialize(spec, request, context);
      },
      behave() {
        // A healthy server does not go on writing to the connections of the last answer.
        server.dropConnections();
        server.respond = good;
      },
      reset() {
        server.dropConnections();
        server.clearRequests();
      },
    };
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await servers?.server.close();
    await servers?.elsewhere.close();
  });
  return {
    get() {
      if (servers === null) throw new Error("servers not started");
      return servers;
    },
    unhandled,
  };
}

/**
 * Runs a property at {@link RUNS} runs and reports how many ran and how long they took (the figures
 * the closing note asks for).
 */
export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IAsyncPropertyWithHooks<Ts>,
  runs = RUNS,
): Promise<void> {
  const started = performance.now();
  // RELIABILITY_SEED (and RELIABILITY_PATH) replay a failure fast-check reported.
  const seed = process.env.RELIABILITY_SEED;
  const path = process.env.RELIABILITY_PATH;
  await fc.assert(property, {
    numRuns: runs,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const what = path === undefined ? `${runs} runs` : `the run at seed ${seed}, path ${path},`;
  console.log(`[reliability] ${name}: ${what} passed in ${seconds} s`);
}

/**
 * The "no stuck state" check: once the server is healthy again, the next call succeeds. A call that
 * got no answer is tried again, up to ten times: a busy machine can make a healthy loopback answer
 * late, and a keep-alive connection the hostile answer left garbage on fails the first request sent
 * over it, as it would with any server. Any other error, or ten failures, fails the property. A stuck
 * state (a cached bad token, a hung flight every caller joins) fails every time.
 */
export async function recovers<T>(call: () => Promise<T>, deadlineMs: number): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    const outcome = await settle(call(), deadlineMs);
    if (outcome.ok) return outcome.value;
    last = outcome.error;
    if ((last as { kind?: unknown }).kind !== "unreachable") break;
  }
  throw last;
}

/** Gives a pending microtask queue and timers of a run a moment to surface unhandled rejections. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
