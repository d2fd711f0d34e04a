import Ajv2020, { type ErrorObject } from "ajv/dist/2020.js";
import type { MeetingCreateInput } from "../api/model/meetings.js";
import { createZoomMock, type ZoomMock, type ZoomMockOptions } from "../create-zoom-mock.js";
import type { MockAppInput, MockUser } from "../state.js";
import { formatViolation } from "../violations.js";

/**
 * What a seed file (`zoom-mock --seed seed.json`) holds: JSON, every key optional.
 *
 * @example
 * ```json
 * {
 *   "defaultUser": { "email": "owner@example.com", "first_name": "Olga", "last_name": "Owner" },
 *   "redirectUris": ["http://localhost:3000/callback"],
 *   "users": [{ "id": "grace", "email": "grace@example.com", "first_name": "Grace", "last_name": "Hopper" }],
 *   "apps": [{ "clientId": "spa", "clientSecret": null, "redirectUris": ["http://localhost:5173/cb"] }],
 *   "meetings": [{ "host": "grace@example.com", "topic": "Standup", "type": 2, "start_time": "2030-01-01T09:00:00Z", "duration": 15 }]
 * }
 * ```
 */
export interface ZoomMockSeed {
  /** Fields of the seeded user, the one who consents and whom `me` names on S2S tokens (default Ada Lovelace). */
  defaultUser?: Partial<MockUser>;
  /** Redirect URIs of the default app; without them it accepts any `http` loopback URI. */
  redirectUris?: string[];
  /** The scopes users grant the default app (default: the user-level `DEFAULT_APP_SCOPES`). */
  defaultAppScopes?: string[];
  /** The scopes of the default app's Server-to-Server and `client_credentials` tokens (default: the account-level `DEFAULT_APP_TOKEN_SCOPES`). */
  defaultAppTokenScopes?: string[];
  /** `false` lets any valid token call any operation; by default a token without the operation's scopes gets Zoom's 4711. */
  enforceScopes?: boolean;
  /** More users; missing fields get plausible values. */
  users?: Partial<MockUser>[];
  /** More apps (a `null` secret makes a public client, which must use PKCE); `scopes` and `appTokenScopes` as in `registerApp`. */
  apps?: MockAppInput[];
  /** Scheduled meetings, each with its `host` (a user's id or email) and the body `POST /users/{userId}/meetings` takes. */
  meetings?: (MeetingCreateInput & { host: string })[];
}

/** A seed file that cannot be used; the message names the file and the field. */
export class ZoomMockSeedError extends Error {
  override readonly name = "ZoomMockSeedError";
}

const STRING_LIST = { type: "array", items: { type: "string" } } as const;
/** Scope names go into a space-separated `scope`: non-empty, no spaces. */
const SCOPE_LIST = { type: "array", items: { type: "string", pattern: "^\\S+$" } } as const;

/** The shape of a seed file, for ajv. User fields are checked by type; the mock fills the rest. */
const SEED_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    defaultUser: { $ref: "#/$defs/user" },
    redirectUris: STRING_LIST,
    defaultAppScopes: SCOPE_LIST,
    defaultAppTokenScopes: SCOPE_LIST,
    enforceScopes: { type: "boolean" },
    users: { type: "array", items: { $ref: "#/$defs/user" } },
    apps: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["clientId", "clientSecret"],
        properties: {
          clientId: { type: "string", minLength: 1 },
          clientSecret: { type: ["string", "null"], minLength: 1 },
          name: { type: "string" },
          redirectUris: STRING_LIST,
          allowLoopbackRedirects: { type: "boolean" },
          scopes: SCOPE_LIST,
          appTokenScopes: SCOPE_LIST,
          accountId: { type: "string", minLength: 1 },
        },
      },
    },
    meetings: {
      type: "array",
      items: { type: "object", required: ["host"], properties: { host: { type: "string", minLength: 1 } } },
    },
  },
  $defs: {
    user: {
      type: "object",
      additionalProperties: false,
      properties: {
        id: { type: "string", minLength: 1 },
        email: { type: "string", minLength: 3 },
        first_name: { type: "string" },
        last_name: { type: "string" },
        display_name: { type: "string" },
        pic_url: { type: "string" },
        type: { enum: [1, 2, 4, 99] },
        status: { enum: ["pending", "active", "inactive"] },
        account_id: { type: "string" },
        account_number: { type: "integer" },
        role_name: { type: "string" },
        role_id: { type: "string" },
        pmi: { type: "integer" },
        use_pmi: { type: "boolean" },
        personal_meeting_url: { type: "string" },
        timezone: { type: "string" },
        language: { type: "string" },
        dept: { type: "string" },
        verified: { type: "integer" },
        created_at: { type: "string" },
        user_created_at: { type: "string" },
        last_login_time: { type: "string" },
        phone_number: { type: "string" },
        cluster: { type: "string" },
        login_types: { type: "array", items: { type: "integer" } },
      },
    },
  },
} as const;

const validateSeed = new Ajv2020({ allErrors: true, strict: false }).compile(SEED_SCHEMA);

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "the seed" : error.instancePath.slice(1).replace(/\/(\d+)/g, "[$1]").replace(/\//g, ".");
  if (error.keyword === "additionalProperties") return `${where} has an unknown field "${String(error.params.additionalProperty)}"`;
  if (error.keyword === "pattern" && /scopes\[\d+\]$/i.test(where)) return `${where} must be a scope name (a non-empty string without spaces)`;
  if (error.keyword === "required") return `${where} needs "${String(error.params.missingProperty)}"`;
  return `${where} ${error.message ?? "is invalid"}`;
}

/** Checks parsed JSON against the seed format; throws {@link ZoomMockSeedError} listing every problem. */
export function parseSeed(value: unknown, source = "seed"): ZoomMockSeed {
  if (!validateSeed(value)) {
    const problems = (validateSeed.errors ?? []).map(describe);
    throw new ZoomMockSeedError(`${source}: ${problems.join("; ")}`);
  }
  return value as ZoomMockSeed;
}

/**
 * A mock with the seed applied: the default user and app as the seed says, then its users, apps and
 * meetings. A meeting is checked against the spec's `POST /users/{userId}/meetings` body first, so a
 * seed cannot hold a meeting the API would refuse.
 */
export function createSeededZoomMock(seed: ZoomMockSeed, options: ZoomMockOptions = {}, source = "seed"): ZoomMock {
  const mock = createZoomMock({
    ...options,
    ...(seed.defaultUser ? { defaultUser: seed.defaultUser } : {}),
    ...(seed.redirectUris ? { redirectUris: seed.redirectUris } : {}),
    ...(seed.defaultAppScopes ? { defaultAppScopes: seed.defaultAppScopes } : {}),
    ...(seed.defaultAppTokenScopes ? { defaultAppTokenScopes: seed.defaultAppTokenScopes } : {}),
    ...(seed.enforceScopes === undefined ? {} : { enforceScopes: seed.enforceScopes }),
  });
  const at = (where: string, action: () => void) => {
    try {
      action();
    } catch (error) {
      throw new ZoomMockSeedError(`${source}: ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  seed.users?.forEach((user, i) => {
    at(`users[${i}]`, () => {
      if (user.id !== undefined && mock.state.users.has(user.id)) throw new Error(`a user with id "${user.id}" already exists`);
      mock.addUser(user);
    });
  });
  seed.apps?.forEach((app, i) => {
    at(`apps[${i}]`, () => {
      if (mock.state.apps.has(app.clientId)) throw new Error(`an app with clientId "${app.clientId}" already exists`);
      mock.registerApp(app);
    });
  });
  const { api } = mock;
  seed.meetings?.forEach(({ host, ...input }, i) => {
    at(`meetings[${i}]`, () => {
      const violations = mock.validators.api?.validateRequest({
        method: "POST",
        url: "https://api.zoom.us/v2/users/me/meetings",
        headers: new Headers({ "content-type": "application/json", authorization: "Bearer seed" }),
        bodyText: JSON.stringify(input),
      });
      if (violations && violations.length > 0) throw new Error(violations.map(formatViolation).join("; "));
      api.createMeeting(host, input);
    });
  });
  return mock;
}
