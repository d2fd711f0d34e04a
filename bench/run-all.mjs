// Runs every benchmark in turn. @org/zoom-api must be built first (its dist is what consumers import).
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
