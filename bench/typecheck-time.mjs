// `tsc --noEmit` time of a consumer file that uses @org/zoom-api against one that does not. Runs are
// interleaved (with, without, with, ...) and each side's median is reported, from the wall clock and from
// tsc's own --extendedDiagnostics (check time, memory).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { median } from "./stats.mjs";

// --smoke: one run each, to prove in CI that the benchmark still runs.
const RUNS = process.argv.includes("--smoke") ? 1 : Number(process.env.BENCH_TSC_RUNS ?? 5);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const consumers = ["with-client", "without-client"];

function typecheck(consumer) {
  const project = new URL(`./consumers/tsconfig.${consumer}.json`, import.meta.url).pathname;
  const start = performance.now();
  const output = execFileSync(process.execPath, [tsc, "--noEmit", "--extendedDiagnostics", "-p", project], {
    encoding: "utf8",
  });
  const wallMs = performance.now() - start;
  const seconds = (label) => Number(output.match(new RegExp(`^${label}:\\s+([\\d.]+)s`, "m"))?.[1] ?? Number.NaN);
  const memoryKb = Number(output.match(/^Memory used:\s+(\d+)K/m)?.[1] ?? Number.NaN);
  const types = Number(output.match(/^Types:\s+(\d+)/m)?.[1] ?? Number.NaN);
  return { wallMs, checkMs: seconds("Check time") * 1000, totalMs: seconds("Total time") * 1000, memoryKb, types };
}

const results = Object.fromEntries(consumers.map((consumer) => [consumer, []]));
for (let run = 0; run < RUNS; run++) {
  for (const consumer of run % 2 === 0 ? consumers : [...consumers].reverse()) {
    results[consumer].push(typecheck(consumer));
  }
}

const summary = Object.fromEntries(
  consumers.map((consumer) => {
    const runs = results[consumer];
    const pick = (key) => median(runs.map((run) => run[key]));
    return [consumer, { wallMs: pick("wallMs"), totalMs: pick("totalMs"), checkMs: pick("checkMs"), memoryKb: pick("memoryKb"), types: pick("types") }];
  }),
);

if (process.argv.includes("--smoke")) {
  console.log("type-check bench, smoke run: both consumer files type-check (no numbers: one run means nothing)");
  process.exit(0);
}
console.log(`tsc --noEmit of a consumer file (median of ${RUNS} runs each, interleaved)`);
for (const consumer of consumers) {
  const s = summary[consumer];
  console.log(
    `  ${consumer.padEnd(15)} wall ${s.wallMs.toFixed(0)} ms, tsc total ${s.totalMs.toFixed(0)} ms, check ${s.checkMs.toFixed(0)} ms, ${(s.memoryKb / 1024).toFixed(0)} MB, ${s.types} types`,
  );
}
const withClient = summary["with-client"];
const without = summary["without-client"];
console.log(
  `  cost of using the client: +${(withClient.wallMs - without.wallMs).toFixed(0)} ms wall (x${(withClient.wallMs / without.wallMs).toFixed(2)}), +${(withClient.checkMs - without.checkMs).toFixed(0)} ms check`,
);
