import { type ChildProcess, fork } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { BurstResult, FromInstance, InitMessage } from "./instance.js";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
/** Inside the package's node_modules, so that the bundle resolves @org/zoom-auth and redis as the package does. */
const bundleDir = `${packageRoot}node_modules/.cache/zoom-token-store-redis-test`;

/**
 * Bundles `instance.ts` with this package's current source (dependencies stay imports), so that child
 * processes run what the tests test without a build step.
 */
export async function bundleInstance(): Promise<string> {
  await mkdir(bundleDir, { recursive: true });
  const outfile = `${bundleDir}/instance-${process.pid}.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL("./instance.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

/** One instance process, driven over IPC. */
export class Instance {
  readonly child: ChildProcess;
  readonly #exited: Promise<void>;

  constructor(script: string) {
    this.child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.#exited = new Promise((resolve) => this.child.once("exit", () => resolve()));
  }

  #next<T extends FromInstance["type"]>(type: T): Promise<Extract<FromInstance, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromInstance) => {
        if (message.type !== type) return;
        this.child.off("message", onMessage);
        this.child.off("exit", onExit);
        resolve(message as Extract<FromInstance, { type: T }>);
      };
      const onExit = (code: number | null) => {
        this.child.off("message", onMessage);
        reject(new Error(`instance exited (${code}) while the test waited for "${type}"`));
      };
      this.child.on("message", onMessage);
      this.child.once("exit", onExit);
    });
  }

  async init(message: Omit<InitMessage, "type">): Promise<void> {
    const ready = this.#next("ready");
    this.child.send({ type: "init", ...message });
    await ready;
  }

  /** Starts `callers` concurrent getAccessToken() calls with the test clock `offsetMs` ahead. */
  burst(offsetMs: number, callers: number): Promise<BurstResult> {
    const result = this.#next("burst-result");
    this.child.send({ type: "burst", offsetMs, callers });
    return result;
  }

  /** Resolves once the instance's Redis client is connected again. */
  async redisReady(): Promise<void> {
    const ready = this.#next("redis-ready");
    this.child.send({ type: "wait-for-redis" });
    await ready;
  }

  /** Kills the process at once, as a crash or an out-of-memory kill would. */
  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.#exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.disconnect();
    await this.#exited;
  }
}
