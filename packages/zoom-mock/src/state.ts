/**
 * The store behind the mock: the registered apps, the users, and everything the authorization server
 * has issued (authorization codes, grants, access and refresh tokens). It holds data and answers
 * look-ups; the OAuth rules that change it live in `oauth/authorization-rules.ts`, and the REST API
 * handlers read it through {@link ZoomMockState.verifyAccessToken} and {@link ZoomMockState.users}.
 */

/** Milliseconds since the epoch; injected so tests control code and token expiry. */
export type Clock = () => number;

/** Makes an unguessable opaque string (codes, tokens, ids); injected so tests can predict values. */
export type RandomString = () => string;

/** How long an authorization code can be exchanged: Zoom's codes live 5 minutes. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 5 * 60 * 1000;

/** How long an access token is accepted: Zoom's access tokens live one hour. */
export const ACCESS_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** The `expires_in` Zoom reports for a fresh access token (a second under the hour). */
export const ACCESS_TOKEN_EXPIRES_IN_SECONDS = 3599;

/** A Marketplace app as the authorization server knows it. */
export interface MockApp {
  clientId: string;
  /** `null` for a public client (PKCE only, no Basic credentials). */
  clientSecret: string | null;
  name: string;
  /** Redirect URIs accepted exactly as written. */
  redirectUris: readonly string[];
  /** Also accept any `http` redirect URI on a loopback host (localhost, 127.0.0.1, [::1]), any port. */
  allowLoopbackRedirects: boolean;
  /**
   * The scopes configured on the app: what a user grants it (authorization code, device flow, and every
   * refresh of those tokens). Zoom grants them whatever the authorization request's `scope` says.
   */
  scopes: readonly string[];
  /**
   * The scopes of the app's own tokens, which no user grants: Server-to-Server (`account_credentials`)
   * and `client_credentials`. The same as {@link MockApp.scopes} unless the app was given others.
   */
  appTokenScopes: readonly string[];
  /** The Zoom account that owns the app (used by `account_credentials`). */
  accountId: string;
}

/** What {@link ZoomMockState.registerApp} takes: everything but the client id is optional. */
export interface MockAppInput {
  clientId: string;
  clientSecret: string | null;
  redirectUris?: readonly string[];
  allowLoopbackRedirects?: boolean;
  name?: string;
  /** The scopes users grant the app (default {@link DEFAULT_APP_SCOPES}). */
  scopes?: readonly string[];
  /** The scopes of its Server-to-Server and `client_credentials` tokens (default: `scopes`). */
  appTokenScopes?: readonly string[];
  accountId?: string;
}

/** A Zoom user, with the field names and types of Zoom's user object. */
export interface MockUser {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  display_name: string;
  pic_url: string;
  /** 1 basic, 2 licensed, 4 unassigned without Meetings Basic, 99 none. */
  type: 1 | 2 | 4 | 99;
  status: "pending" | "active" | "inactive";
  account_id: string;
  account_number: number;
  role_name: string;
  role_id: string;
  pmi: number;
  use_pmi: boolean;
  personal_meeting_url: string;
  timezone: string;
  language: string;
  dept: string;
  verified: number;
  created_at: string;
  user_created_at: string;
  last_login_time: string;
  phone_number: string;
  cluster: string;
  login_types: number[];
}

/** Which token endpoint grant produced a set of tokens. */
export type GrantKind = "authorization_code" | "account_credentials" | "client_credentials" | "device_code";

/** An authorization code, bound to everything the exchange must match. */
export interface AuthorizationCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  /** `null` when the request had no PKCE challenge (Zoom allows that; this project's spec does not). */
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  userId: string;
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number;
  /** When the code was exchanged (a code works once), or `null`. */
  consumedAt: number | null;
  /** The grant the exchange started; revoked if someone replays the code. */
  grantId: string | null;
}

/** A device authorization (RFC 8628): its two codes, the user's decision so far, and how fast the app may poll. */
export interface DeviceAuthorizationRecord {
  deviceCode: string;
  /** The short code the user enters, e.g. `BDWP-HQPK`. */
  userCode: string;
  clientId: string;
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number;
  /** The wait the app must leave between polls, in ms; every `slow_down` adds five seconds. */
  intervalMs: number;
  /** When the app last polled, or `null`. */
  lastPolledAt: number | null;
  /** Answer the next poll with `slow_down` whatever its timing (a test hook). */
  slowDownNext: boolean;
  /** `approved` until the app polls and gets its tokens, then `consumed`. */
  status: "pending" | "approved" | "denied" | "consumed";
  /** The user who approved, once one did. */
  userId: string | null;
}

/** One authorization: the tokens issued from one code (and its refreshes), or one S2S/app token. */
export interface GrantRecord {
  id: string;
  kind: GrantKind;
  clientId: string;
  /** The user the tokens act for; `null` for app-only (`client_credentials`) tokens. */
  userId: string | null;
  accountId: string;
  scopes: readonly string[];
  createdAt: number;
  revokedAt: number | null;
}

/** An issued access token. */
export interface AccessTokenRecord {
  token: string;
  grantId: string;
  kind: GrantKind;
  clientId: string;
  userId: string | null;
  accountId: string;
  scopes: readonly string[];
  issuedAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** An issued refresh token (only the `authorization_code` grant has them). */
export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  userId: string;
  scopes: readonly string[];
  issuedAt: number;
  /** When a refresh replaced this token (it then answers `invalid_grant`), or `null`. */
  rotatedAt: number | null;
  revokedAt: number | null;
}

/** Why an access token is refused by {@link ZoomMockState.verifyAccessToken}. */
export type AccessTokenRejection = "unknown" | "expired" | "revoked";

/** The answer of {@link ZoomMockState.verifyAccessToken}. */
export type AccessTokenVerification =
  | { ok: true; record: AccessTokenRecord; user: MockUser | null }
  | { ok: false; reason: AccessTokenRejection };

/** Options of {@link ZoomMockState}. */
export interface ZoomMockStateOptions {
  clock?: Clock;
  randomString?: RandomString;
  /** The regional API base reported as `api_url` in token responses. */
  apiUrl?: string;
}

function defaultRandomString(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A picture that needs no network (the demo runs offline): the user's initials as an SVG data URL. */
function initialsAvatar(firstName: string, lastName: string): string {
  const initials = `${firstName.charAt(0)}${lastName.charAt(0)}`.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#0b5cff"/><text x="48" y="60" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A copy of an app's scope list, refused when a name could not appear in a space-separated `scope`. */
function checkedScopes(field: string, scopes: readonly string[]): readonly string[] {
  if (!Array.isArray(scopes)) throw new TypeError(`registerApp: ${field} must be an array of scope names`);
  for (const scope of scopes) {
    if (typeof scope !== "string" || !/^\S+$/.test(scope)) {
      throw new TypeError(`registerApp: ${field} holds ${JSON.stringify(scope)}, which is not a scope name (a non-empty string without spaces)`);
    }
  }
  return Object.freeze([...new Set(scopes)]);
}

/** The mock's store. Read it freely in tests; change it through the mock's rules or the methods here. */
export class ZoomMockState {
  /** The current time in ms; every expiry is computed from it. */
  readonly now: Clock;
  /** Makes codes, tokens and ids. */
  readonly randomString: RandomString;
  /** Reported as `api_url` in token responses (the real HTTP server sets it to its own origin). */
  apiUrl: string;
  /** The user who consents when no user is named (the seeded user of `createZoomMock`). */
  defaultUserId: string | null = null;

  /** Registered apps by client id. */
  readonly apps = new Map<string, MockApp>();
  /** Users by id. */
  readonly users = new Map<string, MockUser>();
  /** Issued authorization codes by code (kept after use, so a replay can be recognised). */
  readonly authorizationCodes = new Map<string, AuthorizationCodeRecord>();
  /** Grants by id. */
  readonly grants = new Map<string, GrantRecord>();
  /** Issued access tokens by token (kept after expiry or revocation, so the reason can be told). */
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  /** Issued refresh tokens by token (kept after rotation, so the old one answers `Invalid Token!`). */
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  /** Device authorizations by device code (kept after use, so a second poll can be refused). */
  readonly deviceAuthorizations = new Map<string, DeviceAuthorizationRecord>();

  constructor(options: ZoomMockStateOptions = {}) {
    this.now = options.clock ?? Date.now;
    this.randomString = options.randomString ?? defaultRandomString;
    this.apiUrl = options.apiUrl ?? "https://api.zoom.us";
  }

  /** Registers (or replaces) an app. */
  registerApp(input: MockAppInput): MockApp {
    if (input.clientId === "") throw new TypeError("registerApp: clientId must not be empty");
    for (const uri of input.redirectUris ?? []) {
      if (!URL.canParse(uri)) throw new TypeError(`registerApp: redirect URI "${uri}" is not an absolute URL`);
    }
    const scopes = checkedScopes("scopes", input.scopes ?? DEFAULT_APP_SCOPES);
    const app: MockApp = {
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      name: input.name ?? "Mock Zoom App",
      redirectUris: [...(input.redirectUris ?? [])],
      allowLoopbackRedirects: input.allowLoopbackRedirects ?? (input.redirectUris ?? []).length === 0,
      scopes,
      appTokenScopes: input.appTokenScopes === undefined ? scopes : checkedScopes("appTokenScopes", input.appTokenScopes),
      accountId: input.accountId ?? DEFAULT_ACCOUNT_ID,
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  /** Whether `redirectUri` is one the app accepts. */
  acceptsRedirectUri(app: MockApp, redirectUri: string): boolean {
    if (app.redirectUris.includes(redirectUri)) return true;
    if (!app.allowLoopbackRedirects || !URL.canParse(redirectUri)) return false;
    const url = new URL(redirectUri);
    return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname) && url.hash === "";
  }

  /** Adds a user; missing fields get plausible values derived from the given ones. */
  addUser(input: Partial<MockUser> = {}): MockUser {
    const id = input.id ?? this.randomString().replace(/[^A-Za-z0-9]/g, "").slice(0, 22);
    const firstName = input.first_name ?? "Mock";
    const lastName = input.last_name ?? "User";
    const createdAt = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
    const pmi = input.pmi ?? 1_000_000_000 + this.users.size;
    const user: MockUser = {
      id,
      email: input.email ?? `${id.toLowerCase()}@example.com`,
      first_name: firstName,
      last_name: lastName,
      display_name: input.display_name ?? `${firstName} ${lastName}`,
      pic_url: input.pic_url ?? initialsAvatar(firstName, lastName),
      type: input.type ?? 2,
      status: input.status ?? "active",
      account_id: input.account_id ?? DEFAULT_ACCOUNT_ID,
      account_number: input.account_number ?? 100_000_001,
      role_name: input.role_name ?? "Owner",
      role_id: input.role_id ?? "0",
      pmi,
      use_pmi: input.use_pmi ?? false,
      personal_meeting_url: input.personal_meeting_url ?? `https://zoom.us/j/${pmi}`,
      timezone: input.timezone ?? "UTC",
      language: input.language ?? "en-US",
      dept: input.dept ?? "",
      verified: input.verified ?? 1,
      created_at: input.created_at ?? createdAt,
      user_created_at: input.user_created_at ?? createdAt,
      last_login_time: input.last_login_time ?? createdAt,
      phone_number: input.phone_number ?? "",
      cluster: input.cluster ?? "us01",
      login_types: input.login_types ?? [100],
    };
    this.users.set(user.id, user);
    return user;
  }

  /** A user by id, or by email (Zoom accepts both where a `userId` is expected). */
  findUser(idOrEmail: string): MockUser | undefined {
    const byId = this.users.get(idOrEmail);
    if (byId) return byId;
    const email = idOrEmail.toLowerCase();
    for (const user of this.users.values()) if (user.email.toLowerCase() === email) return user;
    return undefined;
  }

  /** The record of an access token, whatever its status (see {@link verifyAccessToken} to authorize a call). */
  findAccessToken(token: string): AccessTokenRecord | undefined {
    return this.accessTokens.get(token);
  }

  /** Checks a bearer token the way Zoom's API does: known, not expired, not revoked. */
  verifyAccessToken(token: string): AccessTokenVerification {
    const record = this.accessTokens.get(token);
    if (!record) return { ok: false, reason: "unknown" };
    if (record.revokedAt !== null) return { ok: false, reason: "revoked" };
    if (this.now() >= record.expiresAt) return { ok: false, reason: "expired" };
    const user = record.userId === null ? null : (this.users.get(record.userId) ?? null);
    return { ok: true, record, user };
  }

  /** Starts a grant; tokens are then issued against it. */
  createGrant(grant: Omit<GrantRecord, "id" | "createdAt" | "revokedAt">): GrantRecord {
    const record: GrantRecord = { ...grant, id: this.randomString(), createdAt: this.now(), revokedAt: null };
    this.grants.set(record.id, record);
    return record;
  }

  /** Issues a one-hour access token for a grant. */
  issueAccessToken(grant: GrantRecord): AccessTokenRecord {
    const issuedAt = this.now();
    const record: AccessTokenRecord = {
      token: this.randomString(),
      grantId: grant.id,
      kind: grant.kind,
      clientId: grant.clientId,
      userId: grant.userId,
      accountId: grant.accountId,
      scopes: grant.scopes,
      issuedAt,
      expiresAt: issuedAt + ACCESS_TOKEN_LIFETIME_MS,
      revokedAt: null,
    };
    this.accessTokens.set(record.token, record);
    return record;
  }

  /** Issues a refresh token for a user grant. */
  issueRefreshToken(grant: GrantRecord & { userId: string }): RefreshTokenRecord {
    const record: RefreshTokenRecord = {
      token: this.randomString(),
      grantId: grant.id,
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: grant.scopes,
      issuedAt: this.now(),
      rotatedAt: null,
      revokedAt: null,
    };
    this.refreshTokens.set(record.token, record);
    return record;
  }

  /**
   * Refuses one access token from now on (401, code 124), leaving its grant and refresh token alone:
   * what an app sees when Zoom stops accepting a token before it expires. For testing recovery.
   * @returns Whether the token was known and not already revoked.
   */
  revokeAccessToken(token: string): boolean {
    const record = this.accessTokens.get(token);
    if (record === undefined || record.revokedAt !== null) return false;
    record.revokedAt = this.now();
    return true;
  }

  /** Revokes a grant and every token issued for it. */
  revokeGrant(grantId: string): void {
    const at = this.now();
    const grant = this.grants.get(grantId);
    if (grant && grant.revokedAt === null) grant.revokedAt = at;
    for (const token of this.accessTokens.values()) {
      if (token.grantId === grantId && token.revokedAt === null) token.revokedAt = at;
    }
    for (const token of this.refreshTokens.values()) {
      if (token.grantId === grantId && token.revokedAt === null) token.revokedAt = at;
    }
  }
}

/** The account every seeded app and user belongs to. */
export const DEFAULT_ACCOUNT_ID = "mock-account-id";

/**
 * The scopes of the seeded app's user tokens: a user-managed app that can make every call a user may make
 * for themselves. The classic user-level scopes the spec names, and the granular ones of the operations that
 * have no classic user-level scope.
 */
export const DEFAULT_APP_SCOPES: readonly string[] = Object.freeze([
  "user:read",
  "user:write",
  "user_profile",
  "user_info:read",
  "user_zak:read",
  "meeting:read",
  "meeting:write",
  "meeting:write:sip_dialing",
  "meeting_summary:read",
  "meeting_summary:write",
  "meeting_token:read:live_streaming",
  "meeting_token:read:local_recording",
  "webinar:read",
  "webinar:write",
  "webinar:write:sip_dialing",
  "webinar_token:read:live_streaming",
  "webinar_token:read:local_recording",
  "recording:read",
  "recording:write",
  "cloud_recording:read:recording_analytics_details",
  "cloud_recording:read:recording_analytics_summary",
  "pac:read",
  "tsp:read",
  "tsp:write",
]);

/**
 * The scopes of the seeded app's own tokens (Server-to-Server and `client_credentials`): an app an account
 * admin set up, which can make every call of specs/zoom-api.yaml for the whole account. The classic
 * account-level (`:admin`) scopes the spec names, and granular `:admin` ones where an operation has no
 * classic one (or only the misspelt `division:wirte:admin`).
 */
export const DEFAULT_APP_TOKEN_SCOPES: readonly string[] = Object.freeze([
  "user:read:admin",
  "user:write:admin",
  "user:read:zak:admin",
  "meeting:read:admin",
  "meeting:write:admin",
  "meeting:write:admin:sip_dialing",
  "meeting_summary:read:admin",
  "meeting_summary:write:admin",
  "meeting_token:read:admin:live_streaming",
  "meeting_token:read:admin:local_archiving",
  "meeting_token:read:admin:local_recording",
  "webinar:read:admin",
  "webinar:write:admin",
  "webinar:write:admin:sip_dialing",
  "webinar_token:read:admin:live_streaming",
  "webinar_token:read:admin:local_archiving",
  "webinar_token:read:admin:local_recording",
  "recording:read:admin",
  "recording:write:admin",
  "cloud_recording:read:recording_analytics_details:admin",
  "cloud_recording:read:recording_analytics_summary:admin",
  "archiving:read:archived_files:admin",
  "phone_recording:read:admin",
  "report:read:admin",
  "group:read:admin",
  "group:write:admin",
  "division:read:admin",
  "division:write:division:admin",
  "division:update:division:admin",
  "division:delete:division:admin",
  "division:write:member:admin",
  "contact_group:read:admin",
  "contact_group:write:admin",
  "tracking_fields:read:admin",
  "tracking_fields:write:admin",
  "device:read:admin",
  "device:write:admin",
  "h323:read:admin",
  "h323:write:admin",
  "sip_phone:read:admin",
  "sip_phone:write:admin",
  "tsp:read:admin",
  "tsp:write:admin",
  "pac:read:admin",
]);
