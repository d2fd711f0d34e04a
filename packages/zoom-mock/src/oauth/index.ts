import type { HttpHandler } from "msw";
import { createAuthorizeHandlers } from "./authorize-route.js";
import { createDeviceHandlers } from "./device-route.js";
import type { OAuthRouteContext } from "./oauth-route-context.js";
import { createTokenHandlers } from "./token-route.js";

/** The handlers of Zoom's authorization server: authorize (page and decision), token, revoke, device authorization. */
export function createOAuthHandlers(context: OAuthRouteContext): HttpHandler[] {
  return [...createAuthorizeHandlers(context), ...createTokenHandlers(context), ...createDeviceHandlers(context)];
}
