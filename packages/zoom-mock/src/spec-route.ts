import { http, type HttpHandler } from "msw";
import { actOutFault, type FaultInjector } from "./faults.js";
import {
  type MatchedOperation,
  type RequestSnapshot,
  type SpecValidator,
  type SpecViolation,
  snapshotRequest,
  snapshotResponse,
} from "./validation/spec-validator.js";

/** What every route of the mock shares: strictness, the violation log and the fault queue. */
export interface MockRuntime {
  /** In strict mode a violation replaces the answer with a 400 (request) or 500 (response) naming it. */
  readonly strict: boolean;
  /** Records violations (and calls the mock's `onViolation`). */
  report(violations: readonly SpecViolation[]): void;
  readonly faults: FaultInjector;
}

/** What a route's resolver receives. */
export interface SpecRouteContext {
  request: Request;
  url: URL;
  /** The request with its body already read as text. */
  snapshot: RequestSnapshot;
  /** The spec operation the request matched. */
  match: MatchedOperation;
  /**
   * What the validator found wrong with the request (already recorded). Outside strict mode the
   * request reaches the resolver anyway, which may refuse it as the real server would.
   */
  requestViolations: readonly SpecViolation[];
  /** The body as form fields (empty when there is none). */
  form: URLSearchParams;
}

/** The request a violation answer is about: its URL and its body as form fields (empty when there is none). */
export interface ViolatingRequest {
  request: Request;
  url: URL;
  form: URLSearchParams;
}

/** Options of {@link createSpecRoute}. */
export interface SpecRouteOptions {
  runtime: MockRuntime;
  validator: SpecValidator;
  /**
   * Whether the request's credentials are checked against the operation's `security` (default: the
   * validator's own setting). Routes that authenticate the request themselves turn it off.
   */
  checkSecurity?: boolean;
  /** The HTTP method, or `"all"` for a route that dispatches on the matched operation itself. */
  method: "all" | "get" | "post" | "put" | "patch" | "delete";
  /** The msw path, matched on path only (e.g. `"*\/oauth/token"`), so it works on any origin. */
  path: string;
  /** Fault routes this request counts as, e.g. `["token"]` or `["api", operationId]`. */
  faultRoutes: (match: MatchedOperation | null) => string[];
  /**
   * The answer to a violation: 400 for the request side, 500 for the response side, in the API's own error
   * shape. It also sees the request, so a route can refuse the way the real server does (Zoom's OAuth
   * server names a refusal by its error code, not by the spec rule it broke).
   */
  violationResponse: (violations: readonly SpecViolation[], request: ViolatingRequest) => Response;
  /** The body of a `"status"` fault without its own body. */
  faultErrorBody: (status: number) => unknown;
  resolve: (context: SpecRouteContext) => Response | Promise<Response>;
}

/**
 * An msw handler whose every request and response is checked against the spec. The order is:
 * validate the request (violations recorded), act out a pending fault, answer a request violation in
 * strict mode, run the resolver, validate its response. Injected faults are deliberately off-contract
 * and are not validated.
 */
export function createSpecRoute(options: SpecRouteOptions): HttpHandler {
  const { runtime, validator } = options;
  return http[options.method](options.path, async ({ request }) => {
    const snapshot = await snapshotRequest(request);
    const url = new URL(request.url);
    const match = validator.matchOperation(request.method, url);
    const requestViolations = validator.validateRequest(
      snapshot,
      match,
      options.checkSecurity === undefined ? {} : { checkSecurity: options.checkSecurity },
    );
    if (requestViolations.length > 0) runtime.report(requestViolations);

    const fault = runtime.faults.take(options.faultRoutes(match));
    if (fault) {
      const faulted = await actOutFault(fault, options.faultErrorBody);
      if (faulted) return faulted;
    }
    const form = new URLSearchParams(
      (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded") ? (snapshot.bodyText ?? "") : "",
    );
    if (!match || (runtime.strict && requestViolations.length > 0)) return options.violationResponse(requestViolations, { request, url, form });
    const response = await options.resolve({ request, url, snapshot, match, form, requestViolations });
    const responseViolations = validator.validateResponse(await snapshotResponse(response), match);
    if (responseViolations.length === 0) return response;
    runtime.report(responseViolations);
    return runtime.strict ? options.violationResponse(responseViolations, { request, url, form }) : response;
  });
}
