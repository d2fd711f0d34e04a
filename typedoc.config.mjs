// The API reference of every published package (packages/*), built from their TSDoc: `pnpm docs:api`.
// Warnings fail it, so a broken {@link}, an unknown tag or an exported type that references an
// unexported one is caught where the TSDoc is written. Output: .artifacts/reference/index.html.
import { OptionDefaults } from "typedoc";

// openapi-typescript writes `@description` into the generated types of @org/zoom-api.
const blockTags = [...OptionDefaults.blockTags, "@description"];

// @org/zoom-auth re-exports types of @org/oauth-core whose TSDoc links to constants it does not re-export;
// the links go to those constants' pages in @org/oauth-core's part of the site (every page that can hold
// such a link sits one folder deep, so the relative path holds from all of them).
const oauthCorePage = (kind, name) => `../${kind}/_org_oauth-core.${name}.html`;

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
  externalSymbolLinkMappings: {
    "@org/oauth-core": {
      BODY_EXCERPT_LENGTH: oauthCorePage("variables", "BODY_EXCERPT_LENGTH"),
      DEFAULT_TIMEOUT_MS: oauthCorePage("variables", "DEFAULT_TIMEOUT_MS"),
    },
  },
  readme: "none",
  out: ".artifacts/reference",
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: false },
};
