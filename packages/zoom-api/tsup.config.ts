import { multiEntryConfig } from "../../tsup.config.base.ts";

/**
 * The generated spec types (`paths`, `operations`, `components`: about 690 KB) are a declaration file of
 * their own, `zoom-api-types.d.cts`. They import nothing, so the build's last step ships them once for ESM
 * and CommonJS instead of inside both `index.d.ts` and `index.d.cts`. A second entry,
 * `@org/zoom-api/scopes`, holds the generated table of every operation's scopes, so only clients that
 * check scopes carry it; shared chunks give both entries one `ZoomScopeError`.
 */
const entry = { index: "src/index.ts", scopes: "src/scopes.ts" };
export default multiEntryConfig(entry, { dts: { entry: { ...entry, "zoom-api-types": "src/generated/zoom-api.ts" } } });
