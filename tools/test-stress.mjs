#!/usr/bin/env node
// `pnpm test:stress`: the whole test command while a busy loop occupies every core, as on a CI machine
// that runs many suites at once. Turbo's cache is bypassed (TURBO_FORCE) so every task really runs. It
// proves that no test depends on the machine being fast or idle; it measures nothing.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";

const burners = Array.from({ length: availableParallelism() }, () =>
  spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
);
console.log(`test:stress: ${burners.length} busy loops running; now pnpm test:all with TURBO_FORCE=1`);

const stopBurners = () => {
  for (const burner of burners) burner.kill("SIGKILL");
};
process.on("SIGINT", stopBurners);
process.on("SIGTERM", stopBurners);

const run = spawn("pnpm", ["test:all"], { stdio: "inherit", env: { ...process.env, TURBO_FORCE: "1" } });
run.on("exit", (code, signal) => {
  stopBurners();
  console.log(`test:stress: pnpm test:all ended with ${signal ?? `exit ${code}`} under load`);
  process.exitCode = code ?? 1;
});
