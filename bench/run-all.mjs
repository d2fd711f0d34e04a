// Runs every benchmark in turn. The packages must be built first (their dist is what consumers import);
// the token store bench also needs redis-server.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
for (const name of ["@org/zoom-api", "@org/zoom-mock"]) {
  if (!existsSync(require.resolve(name))) {
    console.error(`bench: ${name} is not built; run \`pnpm --filter ${name} build\` first`);
    process.exit(1);
  }
}
await import("./client-overhead.mjs");
console.log("");
// Every other bench before the type-check bench, which ends the process when it is done.
await import("./recording-download.mjs");
console.log("");
await import("./token-store.mjs");
console.log("");
await import("./typecheck-time.mjs");
