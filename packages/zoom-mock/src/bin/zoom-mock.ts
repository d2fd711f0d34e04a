#!/usr/bin/env node
// The `zoom-mock` command: `npx @org/zoom-mock --port 4010 --seed seed.json`.
import { runZoomMockCli } from "../cli/run-zoom-mock-cli.js";

runZoomMockCli(process.argv.slice(2)).then(
  (code) => {
    // Exit explicitly: an injected "infinite" delay fault keeps a timer that would hold the process open.
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`zoom-mock: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
