import type { HttpHandler } from "msw";
import { createApiHandlers } from "./api/index.js";
import { createRecordingFileHandlers } from "./api/recording-files.js";
import { FaultInjector } from "./faults.js";
import { zoomApiSpec, zoomOAuthSpec, zoomWebhooksSpec } from "./generated/index.js";
import { type AuthorizationOutcome, decideAuthorization } from "./oauth/authorization-rules.js";
import { decideDeviceAuthorization, findDeviceAuthorization } from "./oauth/device-authorization-rules.js";
import { createOAuthHandlers } from "./oauth/index.js";
import type { MockRuntime } from "./spec-route.js";
import {
  type Clock,
  DEFAULT_APP_SCOPES,
  DEFAULT_APP_TOKEN_SCOPES,
  type MockApp,
  type MockAppInput,
  type MockUser,
  type RandomString,
  ZoomMockState,
} from "./state.js";
import { createSpecValidator, type SpecValidator, type SpecViolation } from "./validation/spec-validator.js";
import { SpecViolationError } from "./violations.js";
import { ZoomMockApi } from "./api/zoom-mock-api.js";
import { ZoomMockWebhooks, type ZoomMockWebhooksOptions } from "./webhooks/zoom-mock-webhooks.js";
import { DEFAULT_ACCOUNT_ID } from "./state.js";

/** The client id of the app every mock registers. */
export const MOCK_CLIENT_ID = "mock-client-id";

/** The client secret of the app every mock registers. */
export const MOCK_CLIENT_SECRET = "mock-client-secret";

/** Options of {@link createZoomMock}. */
export interface ZoomMockOptions {
  /** Milliseconds since the epoch (default `Date.now`): drives code and token expiry. */
  clock?: Clock;
  /**
   * Makes codes, tokens and ids (default: 24 random bytes, base64url). Named for its shape, as across
   * the SDK: `random` is a number in [0, 1) like `Math.random`, `randomString` a fresh string.
   */
  randomString?: RandomString;
  /** @deprecated Renamed `randomString` (the SDK's one name for a `() => string` source); `random` goes in the next minor release. */
  random?: RandomString;
  /**
   * Strict mode (default `true`): a request that breaks the spec is answered 400 and a response of the
   * mock that breaks it 500, each naming the violation. In every mode violations are recorded in
   * `zoom.violations`, passed to `onViolation`, and make `zoom.assertNoViolations()` throw.
   */
  strict?: boolean;
  /** Called with each violation as it happens, e.g. to fail the current test at once. */
  onViolation?: (violation: SpecViolation) => void;
  /** Redirect URIs of the default app. When none are given, it accepts any `http` loopback URI. */
  redirectUris?: readonly string[];
  /** Reported as `api_url` in token responses (default `https://api.zoom.us`). */
  apiUrl?: string;
  /** Fields of the seeded user (default Ada Lovelace, ada@example.com). */
  defaultUser?: Partial<MockUser>;
  /**
   * Refuse API calls whose token holds none of the operation's scopes (`x-scopes` in specs/zoom-api.yaml)
   * with Zoom's answer: 400 `{"code":4711,"message":"Invalid access token, does not contain scopes:[...]."}`.
   * Default `true`, as Zoom does. Give an app the scopes it needs (`registerApp({ scopes, appTokenScopes })`,
   * `defaultAppScopes`, `defaultAppTokenScopes`); `false` lets any valid token call any operation.
   */
  enforceScopes?: boolean;
  /** The scopes users grant the seeded app (default `DEFAULT_APP_SCOPES`, user-level). */
  defaultAppScopes?: readonly string[];
  /**
   * The scopes of the seeded app's Server-to-Server and `client_credentials` tokens (default
   * `DEFAULT_APP_TOKEN_SCOPES`, account-level).
   */
  defaultAppTokenScopes?: readonly string[];
  /** How webhooks are delivered: retry delays (default Zoom's 5, 20, 60 minutes), the retry scheduler, the timeout. */
  webhooks?: ZoomMockWebhooksOptions;
}

/** `zoom.approve()` / `zoom.deny()` met a request a real server would refuse without redirecting. */
export class ZoomMockAuthorizationError extends Error {
  override readonly name = "ZoomMockAuthorizationError";
}

/**
 * What the route factories receive. The REST API handlers (src/api, helper "mock-api") are created
 * from this context too, so they share the store, the violation log and the fault queue.
 */
export interface ZoomMockContext {
  state: ZoomMockState;
  runtime: MockRuntime;
  validators: { oauth: SpecValidator; api: SpecValidator | null };
  /** The REST API side of the mock: its model and test hooks. */
  api: ZoomMockApi;
}

/**
 * Test hooks for the device authorization grant: the user's part, played without a browser, under the
 * same rules as the verification page (`GET /oauth_device`).
 */
export interface ZoomMockDevices {
  /** The user (default: the seeded user) approves the device showing `userCode`; its next poll gets tokens. */
  approve(userCode: string, options?: { userId?: string }): void;
  /** The user denies the device showing `userCode`; its next poll gets `access_denied`. */
  deny(userCode: string): void;
  /**
   * The device's next poll is answered `slow_down` (and its interval grows five seconds), as Zoom does
   * when it finds a device polling too often.
   */
  slowDown(userCode: string): void;
}

/** A mock of Zoom: msw handlers over an inspectable model. */
export interface ZoomMock {
  /** msw handlers for the OAuth server (`*\/oauth/*`), the REST API and recording downloads; pass them to `setupServer(...)`. */
  readonly handlers: HttpHandler[];
  /** The store: apps, users, codes, grants, tokens (and, from the API handlers, meetings and more). */
  readonly state: ZoomMockState;
  /**
   * The REST API side: its resource model (`zoom.api.model.meetings...`) and test hooks
   * (`zoom.api.rateLimit(...)`, `.holdMeeting(...)`, `.overrideResponse(...)`).
   */
  readonly api: ZoomMockApi;
  /** The seeded user who consents unless another is named. */
  readonly defaultUser: MockUser;
  /** The seeded app ({@link MOCK_CLIENT_ID} / {@link MOCK_CLIENT_SECRET}). */
  readonly defaultApp: MockApp;
  /** Every spec violation seen so far (newest last). */
  readonly violations: readonly SpecViolation[];
  /** Fault injection: `zoom.faults.inject({ route: "token", kind: "network" })`. */
  readonly faults: FaultInjector;
  /**
   * Webhooks: `await zoom.webhooks.subscribe({ url, secretToken })`, then every change of the model
   * (a meeting scheduled, started, joined...) is sent, signed, to each subscriber; `emit(...)` sends any
   * event on demand, and `deliveries` lists what was sent and answered.
   */
  readonly webhooks: ZoomMockWebhooks;
  readonly strict: boolean;
  /** The spec validators, for users who want to check their own traffic. */
  readonly validators: { oauth: SpecValidator; api: SpecValidator | null };
  /** The context route factories receive (for extensions such as the REST API handlers). */
  readonly context: ZoomMockContext;
  /** Registers another app (a `null` secret makes a public client). */
  registerApp(input: MockAppInput): MockApp;
  /** Adds a user; missing fields get plausible values. */
  addUser(input?: Partial<MockUser>): MockUser;
  /**
   * Consents to an authorization URL as `userId` (default: the seeded user) without a browser, under the
   * same rules as the consent page, and returns the redirect URL with `code` and `state`. Throws
   * {@link ZoomMockAuthorizationError} when a real server would show an error page instead, and in strict
   * mode {@link SpecViolationError} when the URL breaks the spec.
   */
  approve(authorizationURL: string | URL, options?: { userId?: string }): Promise<URL>;
  /** Like {@link approve}, but the user refuses: the redirect URL carries `error=access_denied` and `state`. */
  deny(authorizationURL: string | URL): Promise<URL>;
  /** The user's side of device authorizations (approve, deny) and a `slow_down` hook. */
  readonly devices: ZoomMockDevices;
  /** Throws a {@link SpecViolationError} listing every violation seen; call it in `afterEach`. */
  assertNoViolations(): void;
  /** Forgets recorded violations (after a test that provoked one on purpose). */
  clearViolations(): void;
}

/**
 * Creates a mock of Zoom's authorization server and REST API for msw.
 *
 * @example
 * ```ts
 * const zoom = createZoomMock();
 * const server = setupServer(...zoom.handlers);
 * server.listen({ onUnhandledRequest: "error" });
 * afterEach(() => zoom.assertNoViolations());
 * const url = client.createAuthorizationURL(state, verifier);
 * const code = (await zoom.approve(url)).searchParams.get("code");
 * ```
 */
export function createZoomMock(options: ZoomMockOptions = {}): ZoomMock {
  const state = new ZoomMockState({
    ...(options.clock ? { clock: options.clock } : {}),
    ...((options.randomString ?? options.random) ? { randomString: options.randomString ?? options.random } : {}),
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
  });
  const strict = options.strict ?? true;
  const violations: SpecViolation[] = [];
  const faults = new FaultInjector();
  const runtime: MockRuntime = {
    strict,
    faults,
    report(found) {
      for (const violation of found) {
        violations.push(violation);
        options.onViolation?.(violation);
      }
    },
  };
  const validators = {
    oauth: createSpecValidator(zoomOAuthSpec),
    api: zoomApiSpec ? createSpecValidator(zoomApiSpec) : null,
  };
  const api = new ZoomMockApi(state);
  const context: ZoomMockContext = { state, runtime, validators, api };

  const defaultUser = state.addUser({
    id: "mock-user-ada",
    email: "ada@example.com",
    first_name: "Ada",
    last_name: "Lovelace",
    ...options.defaultUser,
  });
  state.defaultUserId = defaultUser.id;
  const defaultApp = state.registerApp({
    clientId: MOCK_CLIENT_ID,
    clientSecret: MOCK_CLIENT_SECRET,
    name: "Mock Zoom App",
    redirectUris: options.redirectUris ?? [],
    scopes: options.defaultAppScopes ?? DEFAULT_APP_SCOPES,
    appTokenScopes: options.defaultAppTokenScopes ?? DEFAULT_APP_TOKEN_SCOPES,
  });

  const oauthHandlers = createOAuthHandlers({ state, runtime, validator: validators.oauth });
  const apiHandlers: HttpHandler[] = createApiHandlers(context, { enforceScopes: options.enforceScopes ?? true });
  const webhooks = new ZoomMockWebhooks(
    {
      model: api.model,
      spec: zoomWebhooksSpec,
      runtime,
      changes: api.changes,
      clock: state.now,
      random: state.randomString,
      accountId: DEFAULT_ACCOUNT_ID,
    },
    options.webhooks,
  );

  const decide = async (authorizationURL: string | URL, decision: { allow: true; userId?: string } | { allow: false }) => {
    const url = new URL(authorizationURL);
    const found = validators.oauth.validateRequest({ method: "GET", url, headers: new Headers(), bodyText: null });
    if (found.length > 0) {
      runtime.report(found);
      if (strict) throw new SpecViolationError(found);
    }
    const outcome: AuthorizationOutcome = decideAuthorization(state, url.searchParams, decision);
    if (outcome.kind !== "redirect") {
      throw new ZoomMockAuthorizationError(outcome.kind === "error-page" ? outcome.message : "no decision was made");
    }
    return outcome.location;
  };

  return {
    handlers: [...oauthHandlers, ...apiHandlers, ...createRecordingFileHandlers(state, api)],
    state,
    api,
    defaultUser,
    defaultApp,
    violations,
    faults,
    webhooks,
    strict,
    validators,
    context,
    registerApp: (input) => state.registerApp(input),
    addUser: (input) => state.addUser(input),
    approve: (authorizationURL, approveOptions = {}) =>
      decide(authorizationURL, { allow: true, ...(approveOptions.userId ? { userId: approveOptions.userId } : {}) }),
    deny: (authorizationURL) => decide(authorizationURL, { allow: false }),
    devices: {
      approve(userCode, approveOptions = {}) {
        const outcome = decideDeviceAuthorization(state, userCode, { allow: true, ...(approveOptions.userId ? { userId: approveOptions.userId } : {}) });
        if (!outcome.ok) throw new ZoomMockAuthorizationError(`the device code cannot be approved: ${outcome.reason}`);
      },
      deny(userCode) {
        const outcome = decideDeviceAuthorization(state, userCode, { allow: false });
        if (!outcome.ok) throw new ZoomMockAuthorizationError(`the device code cannot be denied: ${outcome.reason}`);
      },
      slowDown(userCode) {
        const record = findDeviceAuthorization(state, userCode);
        if (record === undefined) throw new ZoomMockAuthorizationError("the device code is unknown");
        record.slowDownNext = true;
      },
    },
    assertNoViolations() {
      if (violations.length > 0) throw new SpecViolationError(violations);
    },
    clearViolations() {
      violations.length = 0;
    },
  };
}
