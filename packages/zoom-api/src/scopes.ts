/**
 * `@org/zoom-api/scopes`: the scopes of every operation of Zoom's REST API, from the spec's `x-scopes`,
 * and the client's scope check. A subpath of its own because the table weighs 4.5 KB gzip, which a
 * client that does not check scopes should not carry. `ZoomScopeError` is exported from `@org/zoom-api`.
 * @packageDocumentation
 */
export { hasRequiredScope, requiredScopes, type ZoomHttpMethod } from "./required-scopes.js";
export { scopeCheck } from "./scope-check-middleware.js";
export type { RequiredScopes } from "./zoom-scope-error.js";
