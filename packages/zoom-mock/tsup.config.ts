import { multiEntryConfig } from "../../tsup.config.base.ts";

/**
 * Two more entries: the real HTTP server (`@org/zoom-mock/server`) and the `zoom-mock` command
 * (`dist/bin/zoom-mock.js`, which keeps its `#!` line). Shared chunks mean `require("@org/zoom-mock")` and
 * `require("@org/zoom-mock/server")` load one copy of the mock (and of its bundled specs, about 1 MB).
 */
export default multiEntryConfig({ index: "src/index.ts", server: "src/server.ts", "bin/zoom-mock": "src/bin/zoom-mock.ts" });
