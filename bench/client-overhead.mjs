// Per-request overhead of @org/zoom-api's client over raw fetch, against a loopback server serving
// /v2/users/me (a worst case: real Zoom calls take tens of milliseconds, so the same overhead is
// invisible there). Every arm sends the bearer token and parses the JSON body. Five arms:
//   raw              fetch() + response.json()
//   rawTimeout       the same with a 30 s timeout (an AbortController and a timer, the cheapest way to give
//                    fetch a timeout): raw fetch doing what the client does by default
//   plain            openapi-fetch's createClient() with the token as a default header: the floor our runtime choice sets
//   client           createZoomClient() with default options (30 s timeout, retries on)
//   clientNoTimeout  createZoomClient({ timeoutMs: Infinity })
// The goal (client/raw <= 1.05) is printed for three pairs: client/raw as the issue states it;
// client/rawTimeout, like for like (on Node 20 a timeout itself costs fetch 5-15% here, whoever sets it:
// undici creates and links an AbortSignal per signal it is given); and client/plain, what this package adds
// over openapi-fetch. plain/raw is the floor: openapi-fetch builds a Request that fetch then copies, two
// Request objects and their AbortSignals per call where raw fetch has one, and no client built on it can
// go below that.
import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createZoomClient } from "@org/zoom-api";
import createClient from "openapi-fetch";
import { median, medianInterval } from "./stats.mjs";

const GOAL = 1.05;
// --smoke: a few requests per arm, to prove in CI that the benchmark still runs (its numbers mean nothing then).
const SMOKE = process.argv.includes("--smoke");
const ROUNDS = SMOKE ? 2 : Number(process.env.BENCH_ROUNDS ?? 40);
const BATCH = SMOKE ? 5 : Number(process.env.BENCH_BATCH ?? 500);
const WARMUP = SMOKE ? 5 : 1000;

const server = fork(new URL("./users-me-server.mjs", import.meta.url));
const { port } = await new Promise((resolve) => server.once("message", resolve));
const baseUrl = `http://127.0.0.1:${port}/v2`;
const token = "bench-access-token";

const plainClient = createClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
const zoomClient = createZoomClient({ accessToken: token, baseUrl });
const zoomClientNoTimeout = createZoomClient({ accessToken: token, baseUrl, timeoutMs: Number.POSITIVE_INFINITY });

/** One typed call, failing loudly so a broken arm cannot look fast. */
async function getMe(client, name) {
  const { data, error } = await client.GET("/users/me");
  if (error !== undefined || data === undefined) throw new Error(`${name}: request failed`);
  return data;
}

const arms = {
  raw: async () => {
    const response = await fetch(`${baseUrl}/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
    return response.json();
  },
  rawTimeout: async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await fetch(`${baseUrl}/users/me`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  },
  plain: () => getMe(plainClient, "openapi-fetch"),
  client: () => getMe(zoomClient, "zoom client"),
  clientNoTimeout: () => getMe(zoomClientNoTimeout, "zoom client without timeout"),
};
/** [arm, baseline, judged against the goal]. */
const PAIRS = [
  ["client", "raw", true],
  ["client", "rawTimeout", true],
  ["client", "plain", true],
  ["plain", "raw", false],
  ["rawTimeout", "raw", false],
  ["clientNoTimeout", "plain", false],
];
const names = Object.keys(arms);

/** Wall time and this process's CPU time per request, in ms. */
async function timeBatch(request) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) await request();
  const wall = (performance.now() - start) / BATCH;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 / BATCH };
}

try {
  for (let i = 0; i < WARMUP; i++) for (const name of names) await arms[name]();
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) samples[name].push(await timeBatch(arms[name]));
  }
  if (SMOKE) {
    console.log(`client overhead bench, smoke run: all ${names.length} arms answered ${ROUNDS * BATCH + WARMUP} requests each (no numbers: too few to mean anything)`);
  } else {
    const ratios = (arm, base, key) => samples[arm].map((sample, i) => sample[key] / samples[base][i][key]);
    const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
    // Judged on the 95% interval of the median, not the median alone: on a shared 2-core machine a
    // run-to-run swing of a few percent is common, and the goal is a few percent.
    const verdict = ([low, high]) => (high <= GOAL ? "within goal" : low > GOAL ? "ABOVE GOAL" : "inconclusive (interval spans the goal)");
    const ratioText = (values) => {
      const [low, high] = medianInterval(values);
      return `${median(values).toFixed(3)} [${low.toFixed(3)}-${high.toFixed(3)}]`;
    };

    console.log(`client overhead over raw fetch (GET /v2/users/me, loopback, ${ROUNDS} rounds x ${BATCH} requests per arm)`);
    for (const name of names) {
      const wall = median(samples[name].map((s) => s.wall));
      const cpu = median(samples[name].map((s) => s.cpu));
      console.log(`  ${name.padEnd(16)} median ${us(wall)} wall, ${us(cpu)} CPU per request`);
    }
    console.log("  median ratio per round [95% interval of the median], by wall time and by CPU time:");
    for (const [arm, base, judged] of PAIRS) {
      const wall = ratios(arm, base, "wall");
      const cpu = ratios(arm, base, "cpu");
      const goal = judged ? `  goal <= ${GOAL}: ${verdict(medianInterval(cpu))} by CPU, ${verdict(medianInterval(wall))} by wall` : "";
      console.log(`  ${`${arm}/${base}`.padEnd(26)} ${ratioText(wall)} wall, ${ratioText(cpu)} CPU${goal}`);
    }
    console.log(`  load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores (above the core count, wall times are noisy)`);
  }
} finally {
  server.disconnect();
}
