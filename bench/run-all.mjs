// Runs every benchmark in turn. The packages must be built first (their dist is what consumers import);
// the token store bench also needs redis-server.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const entry = require.resolve("@org/zoom-api");
if (!existsSync(entry)) {
  console.error("bench: @org/zoom-api is not built; run `pnpm --filter @org/zoom-api build` first");
  process.exit(1);
}
await import("./client-overhead.mjs");
console.log("");
await import("./typecheck-time.mjs");
console.log("");
await import("./token-store.mjs");
