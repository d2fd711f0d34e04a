// What our packages cost a page that imports them: each entry below is bundled by esbuild (minified, ESM,
// browser platform) from the built packages, as a user's bundler would, and gzipped at level 9. Sizes are
// bytes, deterministic for a given lockfile and Node (zlib) version: the CI budget
// (bundle-budget.test.mjs) reads the same numbers.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * The entries, in pairs: ours and what it is measured against.
 * `signIn`: the sign-in button's code (`Zoom` and the two generators), against arctic 3.7's.
 * `apiCall`: a client and one typed call, against openapi-fetch's bare `createClient` and the same call;
 *   `apiCall.scopeCheck` is the same client with the scope check (`@org/zoom-api/scopes`), for the record.
 */
export const ENTRIES = {
  "signIn.ours": `export { Zoom, generateState, generateCodeVerifier } from "@org/zoom-auth";`,
  "signIn.arctic": `export { Zoom, generateState, generateCodeVerifier } from "arctic";`,
  "apiCall.ours": `import { createZoomClient } from "@org/zoom-api";
export function me(accessToken) {
  return createZoomClient({ accessToken }).GET("/users/me");
}`,
  "apiCall.scopeCheck": `import { createZoomClient } from "@org/zoom-api";
import { scopeCheck } from "@org/zoom-api/scopes";
export function me(accessToken, scopes) {
  return createZoomClient({ accessToken, checkScopes: scopeCheck(scopes) }).GET("/users/me");
}`,
  "apiCall.openapiFetch": `import createClient from "openapi-fetch";
export function me(accessToken) {
  return createClient({ baseUrl: "https://api.zoom.us/v2", headers: { Authorization: \`Bearer \${accessToken}\` } }).GET("/users/me");
}`,
};

// Our packages' sources, for the per-module breakdown: the built packages are one file each, so the
// metafile of a build from `dist` can only say "zoom-auth/dist/index.js". Directories, so that a subpath
// resolves too: `@org/oauth-core` is `src/index.ts`, `@org/oauth-core/internal` is `src/internal.ts`.
const SOURCES = {
  "@org/oauth-core": "../packages/oauth-core/src",
  "@org/zoom-auth": "../packages/zoom-auth/src",
  "@org/zoom-api": "../packages/zoom-api/src",
};

/**
 * Bundles one entry, from the built packages as a user's bundler would, or with `fromSources` from our
 * packages' TypeScript sources (the same code, within a few bytes, but with a module per file).
 * @returns {Promise<{ minified: number, gzip: number, modules: { path: string, bytes: number }[], text: string }>}
 *   `modules`: each input file's share of the minified output (esbuild's metafile), largest first;
 *   `text`: the bundle itself.
 */
export function measureEntry(name, { fromSources = false } = {}) {
  return measureBundle(ENTRIES[name], { fromSources, sourcefile: `${name}.mjs` });
}

/** Bundles `contents`, a module importing our packages, like {@link measureEntry}. */
export async function measureBundle(contents, { fromSources = false, sourcefile = "entry.mjs" } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: "js", sourcefile },
    alias: fromSources ? Object.fromEntries(Object.entries(SOURCES).map(([pkg, path]) => [pkg, fileURLToPath(new URL(path, import.meta.url))])) : {},
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: shortPath(path), bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, modules, text: result.outputFiles[0].text };
}

/** Every entry, measured in one run. */
export async function measureAll() {
  const sizes = {};
  for (const name of Object.keys(ENTRIES)) sizes[name] = await measureEntry(name);
  return sizes;
}

// `../packages/oauth-core/dist/index.js` and `node_modules/.pnpm/arctic@3.7.0/node_modules/arctic/dist/x.js`
// alike become `oauth-core/dist/index.js`, `arctic/dist/x.js`.
function shortPath(path) {
  const inPackages = path.match(/packages\/(.+)$/);
  if (inPackages) return inPackages[1];
  const inModules = path.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+\/.+)$/);
  return inModules ? inModules[1] : path;
}

async function printReport(sizes) {
  const row = (cells) => `| ${cells.join(" | ")} |`;
  const pair = (label, ours, theirs, theirName) => {
    const a = sizes[ours];
    const b = sizes[theirs];
    console.log(`\n${label}`);
    console.log(row(["", "minified B", "gzip -9 B"]));
    console.log(row(["---", "---:", "---:"]));
    console.log(row(["ours", a.minified, a.gzip]));
    console.log(row([theirName, b.minified, b.gzip]));
    console.log(row(["ours / theirs", (a.minified / b.minified).toFixed(2), (a.gzip / b.gzip).toFixed(2)]));
    console.log(row(["ours − theirs", a.minified - b.minified, a.gzip - b.gzip]));
  };
  pair("Sign-in: Zoom + generateState + generateCodeVerifier", "signIn.ours", "signIn.arctic", "arctic 3.7");
  pair("API: createZoomClient + GET /users/me", "apiCall.ours", "apiCall.openapiFetch", "bare openapi-fetch");
  const checked = sizes["apiCall.scopeCheck"];
  console.log(`\nWith checkScopes: scopeCheck(scopes) from @org/zoom-api/scopes: ${checked.minified} B minified, ${checked.gzip} B gzipped (${checked.gzip - sizes["apiCall.ours"].gzip} B more)`);
  for (const name of ["signIn.ours", "apiCall.ours"]) {
    const fromSources = await measureEntry(name, { fromSources: true });
    console.log(`\nWhere the minified bytes of ${name} go (a build from the sources: ${fromSources.minified} B, ${fromSources.gzip} B gzipped):`);
    for (const { path, bytes } of fromSources.modules) console.log(`  ${String(bytes).padStart(6)}  ${path}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await printReport(await measureAll());
}
