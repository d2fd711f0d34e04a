// Runs every benchmark in turn. @org/zoom-api and @org/zoom-mock must be built first (their dist is what consumers import).
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
// Before the type-check bench, which ends the process when it is done.
await import("./recording-download.mjs");
console.log("");
await import("./typecheck-time.mjs");
