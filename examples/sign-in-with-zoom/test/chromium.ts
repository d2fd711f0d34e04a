import { existsSync } from "node:fs";
import sparticuzChromium from "@sparticuz/chromium";

/**
 * The Chromium the browser test drives. One from the npm registry by default, so the README's promise
 * ("only Node 20 and npm") holds: `@sparticuz/chromium` ships the browser inside its package and unpacks
 * it to the temp folder on first use (no download at install or at run time). `CHROMIUM_PATH` points the
 * test at another build instead, such as Debian's `/usr/bin/chromium`.
 */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const override = env.CHROMIUM_PATH;
  if (override !== undefined && override !== "") {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is ${override}, but no file is there: unset it to use the bundled Chromium.`);
    return override;
  }
  return sparticuzChromium.executablePath();
}
