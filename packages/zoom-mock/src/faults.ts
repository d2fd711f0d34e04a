import { delay, HttpResponse, type JsonBodyType } from "msw";

/**
 * A route a fault applies to: `"authorize"`, `"token"`, `"revoke"`, `"api"` (every REST call), or a
 * finer name a route declares (the REST handlers accept an operationId such as `"getUser"`).
 */
export type FaultRoute = "authorize" | "token" | "revoke" | "api" | (string & {});

/**
 * What goes wrong:
 * - `"status"`: an error status (default 503) with a JSON body (default a Zoom-style error; `body` replaces it);
 * - `"json"`: any status (default 200) with the given JSON `body` (e.g. a 200 `{}` without `access_token`);
 * - `"html"`: an HTML page (default status 502), as a proxy or load balancer would answer;
 * - `"network"`: the connection fails (a `TypeError` from fetch; a dropped socket behind the real server);
 * - `"delay"`: the request waits `delayMs` (or forever with `"infinite"`), then is answered normally.
 */
export type FaultKind = "status" | "json" | "html" | "network" | "delay";

/** A fault to inject with `zoom.faults.inject(...)`. */
export interface FaultSpec {
  route: FaultRoute;
  kind: FaultKind;
  /** How many matching requests it affects (default 1). */
  times?: number;
  status?: number;
  /** For `"status"` and `"json"`: the JSON body to answer with. */
  body?: unknown;
  /** For `"delay"`: milliseconds, or `"infinite"` to never answer (for client timeout tests). */
  delayMs?: number | "infinite";
}

/** A fault waiting for requests, with how many it still affects. */
export interface PendingFault extends FaultSpec {
  remaining: number;
}

const FAULT_KINDS: readonly FaultKind[] = ["status", "json", "html", "network", "delay"];

/** Fault injection: queued faults are consumed by the next matching requests, first injected first. */
export class FaultInjector {
  readonly #pending: PendingFault[] = [];

  /** Makes the next `times` requests to `route` fail the given way. */
  inject(fault: FaultSpec): void {
    if (!FAULT_KINDS.includes(fault.kind)) throw new TypeError(`faults.inject: unknown kind "${fault.kind}"`);
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new TypeError("faults.inject: times must be a positive integer");
    if (fault.kind === "delay" && fault.delayMs === undefined) throw new TypeError('faults.inject: kind "delay" needs delayMs');
    if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599)) {
      throw new TypeError("faults.inject: status must be an HTTP status between 200 and 599");
    }
    this.#pending.push({ ...fault, remaining: times });
  }

  /** Faults not yet used up. */
  get pending(): readonly PendingFault[] {
    return this.#pending;
  }

  /** Forgets every pending fault. */
  clear(): void {
    this.#pending.length = 0;
  }

  /** Takes one use of the first pending fault for any of `routes`, or `null`. */
  take(routes: readonly string[]): FaultSpec | null {
    const index = this.#pending.findIndex((fault) => routes.includes(fault.route));
    const fault = this.#pending[index];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#pending.splice(index, 1);
    return fault;
  }
}

/**
 * Acts out a fault: the response to send instead of the normal one, or `null` once a delay has passed
 * and the request should be answered normally.
 */
export async function actOutFault(fault: FaultSpec, defaultErrorBody: (status: number) => unknown): Promise<Response | null> {
  switch (fault.kind) {
    case "network":
      return HttpResponse.error();
    case "delay":
      await delay(fault.delayMs);
      return null;
    case "html": {
      const status = fault.status ?? 502;
      return HttpResponse.html(
        `<!DOCTYPE html><html><head><title>Error ${status}</title></head><body><h1>Error ${status}</h1><p>The upstream server is unavailable.</p></body></html>`,
        { status },
      );
    }
    case "json":
      return HttpResponse.json((fault.body ?? {}) as JsonBodyType, { status: fault.status ?? 200 });
    case "status": {
      const status = fault.status ?? 503;
      return HttpResponse.json((fault.body ?? defaultErrorBody(status)) as JsonBodyType, { status });
    }
  }
}
