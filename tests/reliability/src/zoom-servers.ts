import { jsonAnswer } from "./answers.js";
import type { RawAnswer, RawRequest } from "./raw-server.js";

/** The credentials every property sends: none of them may ever show in an error, in any encoding. */
export const CLIENT_ID = "client-id-reliability";
export const CLIENT_SECRET = "secret Q7x/9+Lm=2&Pz~client";
export const CODE = "code-Rt8Wv1Kj3Hq5Ns7";
export const CODE_VERIFIER = "verifier-Yb2Xc4Vd6Wf8Ug0Th1Si3Rj5Qk7Pl9Om1Nn";
export const REFRESH_TOKEN = "refresh-Mn4Bv6Cx8Zl0Ak2";
export const API_TOKEN = "api-token-Jh5Gf7Ds9Ap1Lk3";
export const ACCOUNT_ID = "account-reliability";
/** The `Basic` credentials built from the client id and secret (RFC 6749 section 2.3.1). */
export const BASIC_CREDENTIALS = Buffer.from(
  `${encodeURIComponent(CLIENT_ID).replace(/%20/g, "+")}:${new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2)}`,
).toString("base64");

export const TOKEN_SECRETS = [CLIENT_SECRET, CODE, CODE_VERIFIER, REFRESH_TOKEN, BASIC_CREDENTIALS];

let issued = 0;

/** How a healthy Zoom answers: tokens at /oauth/token, success at /oauth/revoke, small pages under /v2. */
export function healthyZoom(request: RawRequest): RawAnswer {
  if (request.path.startsWith("/oauth/token")) {
    issued++;
    return jsonAnswer(200, {
      access_token: `access-good-${issued}`,
      token_type: "bearer",
      refresh_token: `refresh-good-${issued}`,
      expires_in: 3599,
      scope: "user:read",
      api_url: "https://api.zoom.us",
    });
  }
  if (request.path.startsWith("/oauth/revoke")) return jsonAnswer(200, { status: "success" });
  if (request.method === "GET") return jsonAnswer(200, { id: "ok", users: [], next_page_token: "" });
  if (request.method === "POST") return jsonAnswer(201, { id: "ok" });
  return { status: 204, headers: [], body: new Uint8Array(0), framing: "length", ending: "end" };
}
