import { OAuth2Tokens } from "@org/oauth-core";

/**
 * Tokens from Zoom's token endpoint: the standard accessors of {@link OAuth2Tokens} plus
 * Zoom's `api_url`, the regional base of the REST API for this account.
 */
export class ZoomTokens extends OAuth2Tokens {
  /**
   * Zoom's `api_url`: the REST API origin for the account's region, for example
   * `https://api.zoom.us` or `https://eu01api.zoom.us`. Append `/v2` for API calls.
   *
   * @throws {TokenFieldError} When the response has no string `api_url`.
   */
  apiUrl(): string {
    return this.stringField("api_url");
  }

  /** Whether the response has a string `api_url`. */
  hasApiUrl(): boolean {
    return this.hasStringField("api_url");
  }
}
