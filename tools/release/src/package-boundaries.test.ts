import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listPublishablePackages } from "./publishable-packages.mjs";
import { repoRoot } from "./repo-root.mjs";

// The dependency rules of ../shared/DESIGN.md: arrows point one way, and the OAuth packages run on any
// runtime with fetch and Web Crypto. A user who installs one package gets only what it needs.
const allowedRuntimeDependencies: Record<string, string[]> = {
  "@org/oauth-core": [],
  "@org/zoom-auth": ["@org/oauth-core"],
  "@org/zoom-api": ["openapi-fetch"],
  "@org/zoom-mock": ["ajv", "ajv-formats"],
  // Types only from @org/zoom-auth; the Redis client (redis) is a peer.
  "@org/zoom-token-store-redis": ["@org/zoom-auth"],
  // The router verifies through @org/zoom-auth; ajv only for the opt-in payload validation.
  "@org/zoom-webhooks": ["@org/zoom-auth", "ajv", "ajv-formats"],
};
const webStandardOnly = ["@org/oauth-core", "@org/zoom-auth", "@org/zoom-webhooks"];

/** Shipped source: tests (`*.test.ts`) and their helpers (`test-support` files and folders) are not. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
    .filter(({ entry, path }) => entry.isFile() && path.endsWith(".ts") && !/\.test\.ts$|test-support/.test(path))
    .map(({ path }) => path);
}

function importedSpecifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
}

describe("package boundaries", async () => {
  const packages = await listPublishablePackages(repoRoot);

  it("knows every publishable package", () => {
    expect(packages.map((p) => p.name)).toEqual(Object.keys(allowedRuntimeDependencies).sort());
  });

  for (const { name, dir } of packages) {
    it(`${name} depends at run time on ${allowedRuntimeDependencies[name]?.join(", ") || "nothing"}`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(allowedRuntimeDependencies[name]);
    });

    it(`${name} imports in its source only itself, its dependencies and its peers`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const allowed = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const webOnly = webStandardOnly.includes(name);
      const offending = sourceFiles(join(dir, "src")).flatMap((file) =>
        importedSpecifiers(file)
          .filter((specifier) => !specifier.startsWith("."))
          .filter((specifier) => (specifier.startsWith("node:") ? webOnly : !allowed.has(packageOf(specifier))))
          .map((specifier) => `${file.slice(repoRoot.length + 1)}: ${specifier}`),
      );
      expect(offending).toEqual([]);
    });
  }
});

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}
