import { jsonResponse, type RecordedRequest } from "../../../oauth-core/test/fake-fetch.js";

/**
 * The refresh answers of a fake Zoom token endpoint that rotates refresh tokens as Zoom does:
 * refresh-N gives access-(N+1) and refresh-(N+1), and refresh-N is refused with `invalid_grant`
 * from then on. Tests start from access-0 / refresh-0.
 */
export function createRotatingTokenEndpoint(tokenFields: Record<string, unknown> = {}) {
  let generation = 0;
  return (request: RecordedRequest): Response => {
    if (new URLSearchParams(request.body).get("refresh_token") !== `refresh-${generation}`) {
      return jsonResponse({ reason: "Invalid Token!", error: "invalid_grant" }, 400);
    }
    generation++;
    return jsonResponse({
      access_token: `access-${generation}`,
      token_type: "bearer",
      refresh_token: `refresh-${generation}`,
      expires_in: 3599,
      ...tokenFields,
    });
  };
}
