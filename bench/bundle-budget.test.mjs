// The byte budget of `pnpm test` (node's own test runner: the bench package has no test framework).
// It bundles the built packages exactly as `bench:size` does and fails when either bundle grows past its
// budget: bytes, not time, so the result depends only on the lockfile and Node's zlib, never on the
// machine's load. A budget sits a little above what the bundle weighs today; lower it when the bundle
// shrinks, and raise it only with a reason written in bench/README.md ("Bundle size").
import assert from "node:assert/strict";
import { test } from "node:test";
import { measureAll, measureBundle } from "./bundle-size.mjs";

/** gzip -9 bytes. */
export const BUDGET = {
  /** `Zoom` + `generateState` + `generateCodeVerifier` from `@org/zoom-auth`. */
  signIn: 7100,
  /** `createZoomClient` + one call, over the same call through bare openapi-fetch. */
  apiCallOverOpenapiFetch: 6400,
};

const sizes = await measureAll();

test(`the sign-in bundle stays within ${BUDGET.signIn} B gzipped`, () => {
  const { gzip } = sizes["signIn.ours"];
  assert.ok(gzip <= BUDGET.signIn, `Zoom + generateState + generateCodeVerifier weigh ${gzip} B gzipped, over the budget of ${BUDGET.signIn} B (arctic 3.7: ${sizes["signIn.arctic"].gzip} B). Run \`pnpm --filter @org-internal/bench bench:size\` to see which module grew.`);
});

test(`createZoomClient + one call stays within ${BUDGET.apiCallOverOpenapiFetch} B gzipped over bare openapi-fetch`, () => {
  const over = sizes["apiCall.ours"].gzip - sizes["apiCall.openapiFetch"].gzip;
  assert.ok(over <= BUDGET.apiCallOverOpenapiFetch, `createZoomClient + GET /users/me weighs ${sizes["apiCall.ours"].gzip} B gzipped, ${over} B over bare openapi-fetch (${sizes["apiCall.openapiFetch"].gzip} B): over the budget of ${BUDGET.apiCallOverOpenapiFetch} B. Run \`pnpm --filter @org-internal/bench bench:size\` to see which module grew.`);
});

// The generated table of the 255 operations' scopes (4.5 KB gzipped) is reachable only from
// `@org/zoom-api/scopes`: a client that does not check scopes must not carry it, nor its check.
test("createZoomClient + one call carries neither the scope table nor its check", () => {
  const { text } = sizes["apiCall.ours"];
  // A key and a scope of the table, and the message of the check's error.
  for (const piece of ["GET /archive_files", "archiving:read:list_archived_files:admin", "needs one of these scopes"]) {
    assert.ok(!text.includes(piece), `the API-call bundle holds "${piece}": something in @org/zoom-api's main entry imports the scope table or its check (generated/scopes.ts, scope-check-middleware.ts)`);
  }
  // The same table does reach a client that asks for the check: the assertion above can fail.
  for (const piece of ["GET /archive_files", "archiving:read:list_archived_files:admin", "needs one of these scopes"]) {
    assert.ok(sizes["apiCall.scopeCheck"].text.includes(piece), `the bundle of a client with scopeCheck() lacks "${piece}"`);
  }
});

// Tree-shaking: a module-level statement a bundler cannot prove harmless (`new RegExp(\`...\`)`, a template
// string, reading a property of an import) keeps its module, and what it uses, in every bundle that imports
// anything from the package. Then importing one small function pulls in the package: these catch that.
for (const [entry, budget] of [
  ['export { generateState } from "@org/zoom-auth";', 400],
  ['export { isUnreachableError } from "@org/zoom-api";', 200],
]) {
  test(`${entry} bundles to at most ${budget} B minified`, async () => {
    const { minified, modules } = await measureBundle(entry);
    assert.ok(minified <= budget, `${entry} bundles to ${minified} B minified (${modules.map(({ path, bytes }) => `${path} ${bytes} B`).join(", ")}): something at module level is kept as a side effect`);
  });
}
