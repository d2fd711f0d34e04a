// The one openapi-typescript invocation of this package, shared by `generate` and `generate:check`
// so that both always make the same output.
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const defaultSpec = resolve(packageDir, "../../specs/zoom-api.yaml");
export const defaultOutput = join(packageDir, "src/generated/zoom-api.ts");

/**
 * Writes the types of `spec` to `output`.
 * `--default-non-nullable false`: a request field with a `default` stays optional (Zoom fills it in);
 * openapi-typescript would otherwise make every such field required in request bodies too.
 * @param {string} spec @param {string} output
 */
export function generateTypes(spec, output) {
  const bin = join(packageDir, "node_modules/.bin/openapi-typescript");
  execFileSync(bin, [spec, "-o", output, "--default-non-nullable", "false"], {
    cwd: packageDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
