// Per-request overhead of @org/zoom-api's client over raw fetch, against a loopback server serving
// /v2/users/me. Both sides send the bearer token and parse the JSON body. Runs are interleaved: each
// round times a batch of raw requests and a batch of client requests (order alternating per round),
// so drift in machine load affects both; the result is the median of the per-round ratios.
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createZoomClient } from "@org/zoom-api";
import { median } from "./stats.mjs";

const GOAL = 1.05;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const WARMUP = 1000;

const server = fork(new URL("./users-me-server.mjs", import.meta.url));
const { port } = await new Promise((resolve) => server.once("message", resolve));
const baseUrl = `http://127.0.0.1:${port}/v2`;
const token = "bench-access-token";

async function rawRequest() {
  const response = await fetch(`${baseUrl}/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
  return response.json();
}

const client = createZoomClient({ accessToken: token, baseUrl });
async function clientRequest() {
  const { data, error } = await client.GET("/users/me");
  if (error !== undefined || data === undefined) throw new Error("client: request failed");
  return data;
}

async function timeBatch(request) {
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) await request();
  return (performance.now() - start) / BATCH;
}

try {
  for (let i = 0; i < WARMUP; i++) {
    await rawRequest();
    await clientRequest();
  }
  const raw = [];
  const wrapped = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    let rawMs;
    let clientMs;
    if (round % 2 === 0) {
      rawMs = await timeBatch(rawRequest);
      clientMs = await timeBatch(clientRequest);
    } else {
      clientMs = await timeBatch(clientRequest);
      rawMs = await timeBatch(rawRequest);
    }
    raw.push(rawMs);
    wrapped.push(clientMs);
    ratios.push(clientMs / rawMs);
  }
  const ratio = median(ratios);
  const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(`client overhead over raw fetch (GET /v2/users/me, loopback, ${ROUNDS} rounds x ${BATCH} requests)`);
  console.log(`  raw fetch     median ${us(median(raw))} per request`);
  console.log(`  zoom client   median ${us(median(wrapped))} per request`);
  console.log(`  median ratio  ${ratio.toFixed(3)} (goal <= ${GOAL.toFixed(2)}): ${ratio <= GOAL ? "within goal" : "ABOVE GOAL"}`);
  console.log(`  ratio spread  min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)}`);
} finally {
  server.disconnect();
}
