import { ConfigError } from "./config.js";
import { startDemo } from "./start-demo.js";

/**
 * Entry point of `pnpm start` / `pnpm demo`: starts the demo from the environment, prints where to go,
 * and stops cleanly on Ctrl-C. Start-up failures print one clear line and exit 1, never a stack trace.
 */
async function main(): Promise<void> {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  try {
    demo = await startDemo();
  } catch (error) {
    console.error(`Sign in with Zoom could not start: ${describeStartupError(error)}`);
    process.exitCode = 1;
    return;
  }
  for (const line of demo.banner) console.log(line);
  console.log("Press Ctrl-C to stop.");

  const stop = () => {
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "EADDRINUSE") return "the port is already in use; choose another one with PORT=<number>.";
  if (code === "EACCES") return "not allowed to listen on that port; choose another one with PORT=<number>.";
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

await main();
