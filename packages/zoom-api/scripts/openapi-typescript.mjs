// The one openapi-typescript invocation of this package, shared by `generate` and `generate:check`
// so that both always make the same output.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const thisFile = fileURLToPath(import.meta.url);
export const packageDir = resolve(dirname(thisFile), "..");
export const defaultSpec = resolve(packageDir, "../../specs/zoom-api.yaml");
export const defaultOutput = join(packageDir, "src/generated/zoom-api.ts");

/**
 * Writes the types of `spec` to `output`.
 *
 * It runs openapi-typescript's Node API in a child process (this file, run as a script), so callers
 * keep a synchronous function. The Node API is used rather than the CLI for its `transform` option:
 * - `defaultNonNullable: false`: a request field with a `default` stays optional (Zoom fills it in);
 *   openapi-typescript would otherwise make every such field required in request bodies too.
 * - `format: binary` becomes `Blob` (a `File` is a `Blob`): the file parts of Zoom's multipart uploads
 *   are typed as what `FormData` takes, instead of openapi-typescript's default `string`.
 * - a `multipart/form-data` request body is its object type or a `FormData`, the two bodies the
 *   client sends as multipart (see src/multipart-body.ts).
 * @param {string} spec @param {string} output
 */
export function generateTypes(spec, output) {
  execFileSync(process.execPath, [thisFile, spec, output], { cwd: packageDir, stdio: ["ignore", "ignore", "inherit"] });
}

/** @param {string} spec @param {string} output */
async function writeTypes(spec, output) {
  const { default: openapiTS, astToString, COMMENT_HEADER } = await import("openapi-typescript");
  const { default: ts } = await import("typescript");
  const blob = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
  const formData = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("FormData"));
  const ast = await openapiTS(pathToFileURL(spec), {
    defaultNonNullable: false,
    silent: true,
    transform(schemaObject) {
      if ("format" in schemaObject && schemaObject.format === "binary") return blob;
      return undefined;
    },
    postTransform(type, metadata) {
      if (metadata.path?.endsWith("/requestBody/content/multipart~1form-data")) return ts.factory.createUnionTypeNode([type, formData]);
      return undefined;
    },
  });
  writeFileSync(output, `${COMMENT_HEADER}${astToString(ast)}`, "utf8");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === thisFile) {
  const [spec, output] = process.argv.slice(2);
  if (spec === undefined || output === undefined) throw new Error("usage: openapi-typescript.mjs <spec> <output>");
  await writeTypes(resolve(spec), resolve(output));
}
