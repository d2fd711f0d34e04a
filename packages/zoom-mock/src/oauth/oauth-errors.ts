/** Zoom's error body on the token and revoke endpoints: `error` always, `reason` usually. */
export interface ZoomOAuthErrorBody {
  error: string;
  reason?: string;
}

/** An error answer of the token or revoke endpoint. */
export interface ZoomOAuthFailure {
  status: 400 | 401;
  body: ZoomOAuthErrorBody;
}

const failure = (status: 400 | 401, error: string, reason: string): ZoomOAuthFailure => ({ status, body: { reason, error } });

/**
 * The errors the mock answers with, in Zoom's shape (`{"reason": ..., "error": ...}`). Reasons follow
 * Zoom's where they are known (`Invalid Token!` for a used refresh token, the `invalid_client` text).
 */
export const oauthFailures = {
  invalidClient: failure(401, "invalid_client", "Invalid client_id or client_secret"),
  invalidCode: failure(400, "invalid_grant", "Invalid authorization code"),
  expiredCode: failure(400, "invalid_grant", "Authorization code has expired"),
  redirectUriMismatch: failure(400, "invalid_grant", "Redirect URI mismatch"),
  invalidCodeVerifier: failure(400, "invalid_grant", "Invalid code_verifier"),
  invalidRefreshToken: failure(400, "invalid_grant", "Invalid Token!"),
  unknownAccount: failure(400, "invalid_grant", "Invalid account_id"),
  tokenOfAnotherClient: failure(400, "invalid_request", "Token was not issued to this client"),
  unsupportedGrantType: failure(400, "unsupported_grant_type", "Unsupported grant type"),
} as const satisfies Record<string, ZoomOAuthFailure>;
