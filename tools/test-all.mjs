#!/usr/bin/env node
// `pnpm test:all`: every check a change must pass, in stages. A failing stage does not stop the others
// (turbo runs with --continue too), so one red test never hides the rest: the summary at the end names
// each stage with its result and time, and the exit code is non-zero when any failed.
import { spawnSync } from "node:child_process";

/** [what the stage checks, the command] */
const STAGES = [
  ["generated code matches specs/, specs lint clean", "turbo run generate:check lint:spec --continue"],
  ["build, typecheck, lint, unit, contract and browser tests", "turbo run build typecheck lint test --continue"],
  ["spec drift against Zoom's published documents", "pnpm --silent spec:drift"],
  // The next two read the record the contract tests left in tests/contract/contract-run (the stage above
  // wrote it, or turbo restored it from its cache): they must come after it, and never run the tests again.
  ["the contract run served every operation to the typed client, the router received every event", "pnpm --silent spec:coverage"],
  ["mock answers carry Zoom's documented properties (no regression)", "pnpm --silent spec:completeness"],
  ["package lint (publint, attw)", "pnpm --silent lint:packages"],
  ["install as a consumer (packed tarballs, npm)", "pnpm --silent test:install"],
  ["benchmarks run (smoke; numbers not judged)", "pnpm --silent bench:smoke"],
  ["API reference builds without a warning (TypeDoc)", "pnpm --silent docs:api"],
];

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
const results = [];
for (const [what, command] of STAGES) {
  console.log(`\ntest:all: ${what}\n$ ${command}`);
  const started = Date.now();
  const { status, signal } = spawnSync(command, { shell: true, stdio: "inherit", env });
  results.push({ what, ok: status === 0, seconds: (Date.now() - started) / 1000, status: signal ?? status });
}

console.log("\ntest:all summary");
for (const { what, ok, seconds, status } of results) {
  console.log(`  ${ok ? "ok    " : "FAILED"} ${seconds.toFixed(0).padStart(4)} s  ${what}${ok ? "" : ` (exit ${status})`}`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
