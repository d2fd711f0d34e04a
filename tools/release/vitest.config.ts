import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // These tests pack tarballs and run real CLIs (npm pack, pnpm install, changeset version).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
