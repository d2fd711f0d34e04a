import { multiEntryConfig } from "../../tsup.config.base.ts";

/** A second entry, `@org/oauth-core/internal`: what the SDK's own packages share beyond the public API. */
export default multiEntryConfig({ index: "src/index.ts", internal: "src/internal.ts" });
