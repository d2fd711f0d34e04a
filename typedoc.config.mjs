// The API reference of every published package (packages/*), built from their TSDoc: `pnpm docs:api`.
// Warnings fail it, so a broken {@link}, an unknown tag or an exported type that references an
// unexported one is caught where the TSDoc is written. Output: .artifacts/reference/index.html.
import { OptionDefaults } from "typedoc";

// openapi-typescript writes `@description` into the generated types of @org/zoom-api.
const blockTags = [...OptionDefaults.blockTags, "@description"];

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "Zoom SDK for TypeScript",
  entryPoints: ["packages/*"],
  entryPointStrategy: "packages",
  packageOptions: {
    entryPoints: ["src/index.ts"],
    readme: "none",
    excludePrivate: true,
    excludeInternal: true,
    blockTags,
  },
  blockTags,
  readme: "none",
  out: ".artifacts/reference",
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: false },
};
