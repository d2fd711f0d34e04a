// @ts-check
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root (this file lives in `tools/release/src`). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "");
