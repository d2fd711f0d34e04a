#!/usr/bin/env node
// `pnpm generate`: specs/zoom-api.yaml -> src/generated/zoom-api.ts
import { defaultOutput, defaultSpec, generateTypes } from "./openapi-typescript.mjs";

generateTypes(defaultSpec, defaultOutput);
