/**
 * `@org/oauth-core/internal`: what the SDK's own packages (`@org/zoom-auth`) share with this one
 * beyond its public API, such as the one request function behind every OAuth call.
 *
 * **No stability guarantee**: these names may change or disappear in any release, minor and patch
 * included. Applications and other libraries should use `@org/oauth-core` itself.
 *
 * @packageDocumentation
 */
export type { ClientAuthentication } from "./client-authentication.js";
export {
  type OAuth2EndpointRequest,
  readTokenResponse,
  type SuccessfulResponse,
  type SuccessfulResponseReader,
  sendOAuth2Request,
  type TokenResponse,
} from "./token-request.js";
