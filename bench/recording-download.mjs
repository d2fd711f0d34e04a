// Streams one large recording file with downloadRecording() from @org/zoom-mock's server (in a child
// process) and samples this process's memory while it reads. The goal: memory stays flat, whatever the
// file's size (the body is streamed, never buffered). Prints throughput and the growth of RSS and of
// ArrayBuffer memory over the baseline taken just before the download.
import { fork } from "node:child_process";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createZoomClient, downloadRecording } from "@org/zoom-api";

const SMOKE = process.argv.includes("--smoke");
const SIZE = SMOKE ? 16 * 1024 * 1024 : Number(process.env.BENCH_DOWNLOAD_BYTES ?? 1024 * 1024 * 1024);
// What "flat" allows: a few chunks in flight and the allocator's slack, far below the file.
const FLAT_LIMIT_BYTES = 64 * 1024 * 1024;
const MiB = 1024 * 1024;

const server = fork(new URL("./recording-download-server.mjs", import.meta.url), {
  env: { ...process.env, BENCH_DOWNLOAD_BYTES: String(SIZE) },
});
const ready = await new Promise((resolve, reject) => {
  server.once("message", resolve);
  server.once("error", reject);
  server.once("exit", (code) => reject(new Error(`the mock server exited with ${code}`)));
});

const client = createZoomClient({ accessToken: ready.token, baseUrl: `${ready.url}/v2` });
global.gc?.();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakArrayBuffers = baseline.arrayBuffers;
const sample = () => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
};
const sampler = setInterval(sample, 50);

const started = performance.now();
let received = 0;
try {
  const download = await downloadRecording(
    client,
    { download_url: `${ready.url}/rec/download/${ready.fileId}`, file_size: ready.size },
    { trustedOrigins: [ready.url] },
  );
  const reader = download.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    received += read.value.byteLength;
    // A sample per 64 MiB too, so a burst between timer ticks is not missed.
    if (received % (64 * MiB) < read.value.byteLength) sample();
  }
} finally {
  clearInterval(sampler);
  server.send("stop");
}
sample();
const seconds = (performance.now() - started) / 1000;
const rssGrowth = peakRss - baseline.rss;
const bufferGrowth = peakArrayBuffers - baseline.arrayBuffers;

console.log(`recording download${SMOKE ? " (smoke: numbers mean nothing)" : ""}`);
console.log(`  file          ${(received / MiB).toFixed(0)} MiB of ${(SIZE / MiB).toFixed(0)} MiB in ${seconds.toFixed(1)} s (${(received / MiB / seconds).toFixed(0)} MiB/s)`);
console.log(`  RSS           ${(baseline.rss / MiB).toFixed(0)} MiB before, peak ${(peakRss / MiB).toFixed(0)} MiB (+${(rssGrowth / MiB).toFixed(1)} MiB)`);
console.log(`  ArrayBuffers  peak +${(bufferGrowth / MiB).toFixed(1)} MiB over the baseline`);
const flat = rssGrowth < FLAT_LIMIT_BYTES;
console.log(`  flat memory   ${flat ? "yes" : "NO"}: RSS grew ${flat ? "less" : "more"} than ${FLAT_LIMIT_BYTES / MiB} MiB while ${(SIZE / MiB).toFixed(0)} MiB passed`);
console.log(`  load average  ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
if (received !== SIZE) {
  console.error(`bench: received ${received} bytes, expected ${SIZE}`);
  process.exitCode = 1;
}
