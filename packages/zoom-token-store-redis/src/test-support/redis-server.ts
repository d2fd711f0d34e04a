import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian's package installs it (`.ci/run` installs the package when it is missing); `REDIS_SERVER` names another. */
const DEFAULT_REDIS_SERVER = "/usr/bin/redis-server";

/** The redis-server to start, or an error that says how to get one. */
export function redisServerBinary(env: NodeJS.ProcessEnv = process.env): string {
  const binary = env.REDIS_SERVER || DEFAULT_REDIS_SERVER;
  if (!existsSync(binary)) {
    throw new Error(`No redis-server at ${binary}: install Debian's (apt-get install redis-server) or set REDIS_SERVER to one.`);
  }
  return binary;
}

/** A free TCP port on loopback, found by letting the kernel pick one. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Resolves once something accepts connections on the port (redis-server is up). */
async function waitForPort(port: number, process: ChildProcess): Promise<void> {
  for (;;) {
    if (process.exitCode !== null) throw new Error(`redis-server exited with code ${process.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
      socket.connect(port, "127.0.0.1");
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A redis-server this test started, on loopback. */
export interface TestRedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops it (SIGTERM: with `persistent`, it writes its append-only file first) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops it and removes its data directory. */
  close(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port, with no snapshots. With `persistent`, it keeps an
 * append-only file in a temporary directory (written on every command), so that data survives
 * {@link TestRedisServer.restart}.
 */
export async function startRedisServer(options: { persistent?: boolean } = {}): Promise<TestRedisServer> {
  const binary = redisServerBinary();
  const port = await freeLoopbackPort();
  const dir = await mkdtemp(join(tmpdir(), "zoom-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--dir", dir];
  args.push(...(options.persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]));
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(binary, args, { stdio: "ignore" });
    const started = child;
    await new Promise<void>((resolve, reject) => {
      started.once("error", reject);
      started.once("spawn", resolve);
    });
    await waitForPort(port, started);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: start,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
