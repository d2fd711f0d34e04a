#!/usr/bin/env node
// `pnpm generate`: specs/zoom-api.yaml -> src/generated/zoom-api.ts (types) and src/generated/scopes.ts (x-scopes)
import { defaultOutput, defaultSpec, generateTypes } from "./openapi-typescript.mjs";
import { defaultScopesOutput, generateScopes } from "./scopes-table.mjs";

generateTypes(defaultSpec, defaultOutput);
generateScopes(defaultSpec, defaultScopesOutput);
