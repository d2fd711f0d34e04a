import { execFile, spawn } from "node:child_process";
import { access, copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { assertPublishableTarball } from "@org-internal/release-tools/packed-manifest";
import { listPublishablePackages, type PublishablePackage } from "@org-internal/release-tools/publishable-packages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer } from "../../../packages/zoom-token-store-redis/src/test-support/redis-server.js";

const run = promisify(execFile);
/** The mock's seeded user signs in unless told otherwise (the consumers assert it against `defaultUser`). */
const defaultUserEmail = expect.stringMatching(/^[^@\s]+@[^@\s]+$/);
const workspaceRoot = fileURLToPath(new URL("../../../", import.meta.url));
const consumerSources = fileURLToPath(new URL("../consumer/", import.meta.url));

/**
 * TypeScript 7, the native compiler: what `npm i -D typescript` installs today (the `latest` dist-tag).
 * The workspace itself stays on 5.9 (openapi-typescript wants ^5); a user may have either, so the
 * consumer type-checks under both. Installed under an alias beside `typescript`, like any npm alias.
 */
const TYPESCRIPT_7 = "7.0.2";

/** Versions of the registry packages the consumer installs next to ours: the ones the workspace tests with. */
async function consumerToolVersions(): Promise<{ msw: string; redis: string; typescript: string; typesNode: string }> {
  const root = JSON.parse(await readFile(join(workspaceRoot, "package.json"), "utf8"));
  const mock = JSON.parse(await readFile(join(workspaceRoot, "packages/zoom-mock/package.json"), "utf8"));
  const redisStore = JSON.parse(await readFile(join(workspaceRoot, "packages/zoom-token-store-redis/package.json"), "utf8"));
  return {
    msw: mock.devDependencies.msw,
    redis: redisStore.devDependencies.redis,
    typescript: root.devDependencies.typescript,
    typesNode: root.devDependencies["@types/node"],
  };
}

/**
 * The environment of a user's shell: without the `npm_*` variables pnpm sets for the script that
 * runs this test, which would otherwise leak workspace settings into the consumer's `npm install`.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/i.test(key) && !/^npm_config_(registry|cache|userconfig)$/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

async function tarballOf(pkg: PublishablePackage, destination: string): Promise<string> {
  await access(join(pkg.dir, "dist")).catch(() => {
    throw new Error(`${pkg.name} has no dist/: run \`pnpm build\` first (\`pnpm test:install\` does)`);
  });
  await run("pnpm", ["pack", "--pack-destination", destination], { cwd: pkg.dir });
  return join(destination, `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`);
}

describe("the packed packages, installed with npm in a fresh project outside the workspace", () => {
  let tarballs: string;
  let project: string;
  const packed: string[] = [];

  /** Runs a command in the consumer project as its user would. */
  function inProject(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
    return run(command, args, { cwd: project, env: userEnvironment(), maxBuffer: 16 * 1024 * 1024 });
  }

  beforeAll(async () => {
    tarballs = await mkdtemp(join(tmpdir(), "zoom-sdk-tarballs-"));
    project = await mkdtemp(join(tmpdir(), "zoom-sdk-consumer-"));

    const packages = await listPublishablePackages(workspaceRoot);
    for (const pkg of packages) {
      const tarball = await tarballOf(pkg, tarballs);
      // npm cannot install a manifest that kept `workspace:*`: stop here with a clear message.
      await assertPublishableTarball(tarball);
      packed.push(tarball);
    }

    await writeFile(
      join(project, "package.json"),
      `${JSON.stringify({ name: "zoom-sdk-consumer", version: "1.0.0", private: true }, null, 2)}\n`,
    );
    const tools = await consumerToolVersions();
    // One install for everything. No install script may matter: npm 11 holds them back by default.
    await inProject("npm", [
      "install",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--prefer-offline",
      ...packed,
      `msw@${tools.msw}`,
      `redis@${tools.redis}`,
      `typescript@${tools.typescript}`,
      `typescript-7@npm:typescript@${TYPESCRIPT_7}`,
      `@types/node@${tools.typesNode}`,
    ]);

    for (const file of [
      "redis-store.mjs",
      "sign-in.mjs",
      "sign-in.cjs",
      "webhooks.mjs",
      "webhooks.cjs",
      "tsconfig.nodenext.json",
      "tsconfig.bundler.json",
      "tsconfig.node-only.json",
    ]) {
      await copyFile(join(consumerSources, file), join(project, file));
    }
    for (const extension of ["ts", "mts", "cts"]) {
      await copyFile(join(consumerSources, "typed-client.ts"), join(project, `typed-client.${extension}`));
    }
    for (const extension of ["mts", "cts"]) {
      await copyFile(join(consumerSources, "node-only.ts"), join(project, `node-only.${extension}`));
    }
  });

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
    if (tarballs) await rm(tarballs, { recursive: true, force: true });
  });

  it("resolves every package from the project's own node_modules, not the workspace", async () => {
    const { stdout } = await inProject("node", ["-p", 'require.resolve("@org/zoom-auth")']);
    expect(stdout.trim()).toBe(join(project, "node_modules/@org/zoom-auth/dist/index.cjs"));
  });

  it("ships in each tarball the manifest, README, LICENSE, built dist/ and a command's launcher, nothing else", async () => {
    for (const tarball of packed) {
      const { stdout } = await run("tar", ["-tzf", tarball]);
      const files = stdout.split("\n").filter((line) => line !== "" && !line.endsWith("/"));
      expect(files).toEqual(expect.arrayContaining(["package/package.json", "package/README.md", "package/LICENSE"]));
      const unexpected = files.filter(
        (file) => !/^package\/(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+\.(c?js|d\.c?ts)|bin\/[a-z-]+\.js)$/.test(file),
      );
      expect({ tarball, unexpected }).toEqual({ tarball, unexpected: [] });
    }
  });

  it("ships @org/zoom-api's generated spec types once, in a file both its ESM and CommonJS declarations import", async () => {
    const tarball = packed.find((file) => file.includes("org-zoom-api-")) ?? "";
    const { stdout } = await run("tar", ["-tzf", tarball]);
    const declarations = stdout.split("\n").filter((file) => /\.d\.c?ts$/.test(file));
    const declaringPaths: string[] = [];
    const importingShared: string[] = [];
    for (const file of declarations) {
      const { stdout: text } = await run("tar", ["-xzOf", tarball, file], { maxBuffer: 16 * 1024 * 1024 });
      if (/^(export )?interface paths \{/m.test(text)) declaringPaths.push(file);
      if (text.includes("from './zoom-api-types.cjs'")) importingShared.push(file);
    }
    expect(declaringPaths).toEqual(["package/dist/zoom-api-types.d.cts"]);
    // Both entry points (`@org/zoom-api` and `@org/zoom-api/scopes`), in both module systems.
    expect(importingShared.sort()).toEqual([
      "package/dist/index.d.cts",
      "package/dist/index.d.ts",
      "package/dist/scopes.d.cts",
      "package/dist/scopes.d.ts",
    ]);
  });

  it("installs a consistent tree: no missing, invalid or unmet peer dependency", async () => {
    // `npm ls` exits non-zero on any of them; @org/zoom-auth's exact @org/oauth-core version must match.
    const { stdout } = await inProject("npm", ["ls", "--all", "--json"]);
    const tree = JSON.parse(stdout);
    expect(tree.problems ?? []).toEqual([]);
    expect(tree.dependencies["@org/zoom-auth"].dependencies["@org/oauth-core"].version).toBe(
      tree.dependencies["@org/oauth-core"].version,
    );
  });

  it("(a) an ESM consumer signs in with Zoom and reads GET /users/me, in-process (msw) and over HTTP, with one copy of the mock and of the scope error", async () => {
    const { stdout } = await inProject("node", ["sign-in.mjs"]);
    expect(JSON.parse(stdout.trim())).toEqual({ moduleSystem: "esm", signedInAs: defaultUserEmail, signedInOverHttp: defaultUserEmail, oneCopyOfTheMock: true, oneCopyOfTheScopeError: true });
  });

  it("(b) a CommonJS consumer signs in with Zoom and reads GET /users/me, in-process (msw) and over HTTP, with one copy of the mock and of the scope error", async () => {
    const { stdout } = await inProject("node", ["sign-in.cjs"]);
    expect(JSON.parse(stdout.trim())).toEqual({ moduleSystem: "cjs", signedInAs: defaultUserEmail, signedInOverHttp: defaultUserEmail, oneCopyOfTheMock: true, oneCopyOfTheScopeError: true });
  });

  it("(d) @org/zoom-token-store-redis with node-redis shares a grant and an S2S token through a real redis-server", async () => {
    const redis = await startRedisServer();
    try {
      const { stdout } = await run("node", ["redis-store.mjs"], { cwd: project, env: { ...userEnvironment(), REDIS_URL: redis.url } });
      expect(JSON.parse(stdout.trim())).toEqual({ sharedGrant: true, refreshes: 1, sharedAccountToken: true });
      const { stdout: cjs } = await inProject("node", ["-p", 'typeof require("@org/zoom-token-store-redis").createRedisTokenStore']);
      expect(cjs.trim()).toBe("function");
    } finally {
      await redis.close();
    }
  });

  it("ships @org/zoom-mock without express: its packed manifest names neither express nor @mswjs/http-middleware, and neither is installed", async () => {
    const tarball = packed.find((file) => file.includes("org-zoom-mock-"));
    expect(tarball).toBeDefined();
    const { stdout: manifestText } = await run("tar", ["-xzOf", tarball ?? "", "package/package.json"]);
    const manifest = JSON.parse(manifestText);
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies });
    expect(declared).not.toContain("express");
    expect(declared).not.toContain("@mswjs/http-middleware");
    expect(manifest.bin).toEqual({ "zoom-mock": "./bin/zoom-mock.js" });
    for (const name of ["express", "@mswjs/http-middleware"]) {
      await expect(access(join(project, "node_modules", name))).rejects.toMatchObject({ code: "ENOENT" });
    }
  });

  it(
    "`npx @org/zoom-mock` serves /v2/users/me to an HTTP client with a token from /oauth/token, and stops on SIGTERM to its process group",
    async () => {
      // In its own process group, so the test can signal npx and the mock together, as Ctrl+C in a terminal does.
      const child = spawn("npx", ["--no-install", "@org/zoom-mock", "--port", "0"], {
        cwd: project,
        env: userEnvironment(),
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      let output = "";
      let errors = "";
      child.stderr.on("data", (chunk: Buffer) => {
        errors += chunk.toString();
      });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      try {
        const origin = await new Promise<string>((resolve, reject) => {
          child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            const match = /zoom-mock listening on (\S+)/.exec(output);
            if (match?.[1]) resolve(match[1]);
          });
          child.once("exit", (code) => reject(new Error(`zoom-mock exited (${code}) before listening: ${errors}`)));
        });
        expect(output).toContain("client id:      mock-client-id");
        expect(output).toContain("S2S account id: mock-account-id");

        const token = await fetch(`${origin}/oauth/token`, {
          method: "POST",
          headers: { authorization: `Basic ${btoa("mock-client-id:mock-client-secret")}`, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "account_credentials", account_id: "mock-account-id" }),
        });
        expect(token.status).toBe(200);
        const { access_token } = (await token.json()) as { access_token: string };
        const me = await fetch(`${origin}/v2/users/me`, { headers: { authorization: `Bearer ${access_token}` } });
        expect(me.status).toBe(200);
        expect(await me.json()).toMatchObject({ email: "ada@example.com", id: "mock-user-ada" });

        process.kill(-(child.pid ?? 0), "SIGTERM");
        await exited;
        // npm may end by the signal itself; what matters is that the mock closed its server and said so.
        expect(output).toContain("zoom-mock stopped (SIGTERM).");
        expect(errors).toBe("");
      } finally {
        if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }
    },
    // npx resolves the bin and starts a Node process: allow far more than it needs on a busy machine.
    180_000,
  );

  it("(b) an ESM and a CommonJS consumer receive a signed event from the mock through the webhook router", async () => {
    for (const [file, moduleSystem] of [
      ["webhooks.mjs", "esm"],
      ["webhooks.cjs", "cjs"],
    ] as const) {
      const { stdout } = await inProject("node", [file]);
      expect(JSON.parse(stdout.trim())).toEqual({ moduleSystem, started: ["Installed"], states: ["delivered", "delivered"] });
    }
  });

  /**
   * The consumer's own compilers: TypeScript 5.9 (the workspace's) and 7 (`npm i -D typescript` today),
   * each run from its package's `bin/tsc`.
   */
  const compilers = [
    { id: "ts5", tsc: "node_modules/typescript/bin/tsc", version: async () => (await consumerToolVersions()).typescript },
    { id: "ts7", tsc: "node_modules/typescript-7/bin/tsc", version: async () => TYPESCRIPT_7 },
  ] as const;

  /** Runs one of the consumer's compilers with its arguments; the output is the list of errors. */
  async function tsc(compiler: string, args: string[]): Promise<{ code: number; output: string }> {
    try {
      const { stdout } = await inProject("node", [compiler, ...args, "--pretty", "false"]);
      return { code: 0, output: stdout.trim() };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, output: `${failure.stdout}${failure.stderr}`.trim() };
    }
  }

  /** Each compiler run's budget: up to five run side by side on two cores (vitest's maxConcurrency); so loaded, one took 130 s. */
  const compilerBudget = 900_000;

  // Independent compiler runs: side by side, they take the time of the longest.
  describe.each(compilers)("under the consumer's $id compiler", (compiler) => {
    const typecheck = (config: string) => tsc(compiler.tsc, ["-p", config]);

    it.concurrent("is the TypeScript version the consumer installed", async () => {
      expect(await tsc(compiler.tsc, ["--version"])).toEqual({ code: 0, output: `Version ${await compiler.version()}` });
    }, compilerBudget);

    it.concurrent("(c) a strict TypeScript consumer type-checks under moduleResolution NodeNext, as ESM and CommonJS", async () => {
      expect(await typecheck("tsconfig.nodenext.json")).toEqual({ code: 0, output: "" });
    }, compilerBudget);

    it.concurrent("(c) a strict TypeScript consumer type-checks under moduleResolution Bundler", async () => {
      expect(await typecheck("tsconfig.bundler.json")).toEqual({ code: 0, output: "" });
    }, compilerBudget);

    it.concurrent("(c) a Node-only TypeScript consumer (no DOM lib) of zoom-auth and zoom-api type-checks under NodeNext", async () => {
      expect(await typecheck("tsconfig.node-only.json")).toEqual({ code: 0, output: "" });
    }, compilerBudget);

    it.concurrent("(c) rejects an unknown path and a missing path parameter: without @ts-expect-error each is an error", async () => {
      const lines = (await readFile(join(consumerSources, "typed-client.ts"), "utf8")).split("\n");
      // 1-based numbers of the lines each directive guards (the line after it).
      const guarded = lines.flatMap((line, index) => (line.trim().startsWith("// @ts-expect-error") ? [index + 2] : []));
      const unguarded = lines.join("\n").replaceAll("// @ts-expect-error", "// (expected error)");
      // One copy per compiler: the two run side by side.
      const file = `typed-client-unguarded-${compiler.id}.ts`;
      await writeFile(join(project, file), unguarded);
      await writeFile(
        join(project, `tsconfig.unguarded-${compiler.id}.json`),
        // Only the errors in this file matter here: skip re-checking the libraries (done above).
        JSON.stringify({
          extends: "./tsconfig.bundler.json",
          compilerOptions: { skipLibCheck: true },
          files: [file],
        }),
      );

      const { code, output } = await typecheck(`tsconfig.unguarded-${compiler.id}.json`);

      expect(code).not.toBe(0);
      const errors = output.split("\n").filter((line) => line.startsWith(`${file}(`));
      const errorLines = errors.map((line) => Number(/^[^(]+\((\d+),/.exec(line)?.[1]));
      expect(new Set(errorLines)).toEqual(new Set(guarded));
      const errorAt = (line: number) => errors.filter((error) => error.startsWith(`${file}(${line},`)).join("\n");
      const unknownPath = lines.findIndex((line) => line.includes('"/users/not-a-zoom-path"')) + 1;
      expect(errorAt(unknownPath)).toContain('"/users/not-a-zoom-path"');
      const missingParameter = lines.findIndex((line) => line.includes("{ params: { path: {} } }")) + 1;
      expect(errorAt(missingParameter)).toContain("Property 'userId' is missing");
    }, compilerBudget);
  });
});
