import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const script = join(packageDir, "scripts/check-generated.mjs");
const spec = join(packageDir, "../../specs/zoom-api.yaml");
const committed = join(packageDir, "src/generated/zoom-api.ts");
const committedScopes = join(packageDir, "src/generated/scopes.ts");
const scratch: string[] = [];

function check(generated: string, specFile = spec, scopes = committedScopes) {
  try {
    const stdout = execFileSync(process.execPath, [script, "--spec", specFile, "--generated", generated, "--scopes", scopes], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, output: stdout };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: failed.stdout + failed.stderr };
  }
}

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "check-generated-test-"));
  scratch.push(dir);
  const file = join(dir, "zoom-api.ts");
  copyFileSync(committed, file);
  return file;
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each case runs openapi-typescript (a few seconds on a busy 2-core machine), hence the long timeout.
describe("generate:check", { timeout: 60_000 }, () => {
  it("passes when the generated types are what the spec generates", () => {
    expect(check(scratchCopy())).toEqual({ status: 0, output: expect.stringContaining("matches") });
  });

  it("fails, saying how to fix it, when the generated file was edited by hand", () => {
    const file = scratchCopy();
    writeFileSync(file, readFileSync(file, "utf8").replace('"/users/me": {', '"/users/myself": {'));
    const result = check(file);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/differs from a fresh generation \(first difference at line \d+\)/);
    expect(result.output).toContain("run `pnpm --filter @org/zoom-api generate` and commit the result");
  });

  it("fails when the spec changed but the types were not regenerated", () => {
    const file = scratchCopy();
    const changedSpec = join(dirname(file), "zoom-api.yaml");
    writeFileSync(changedSpec, readFileSync(spec, "utf8").replace("summary: Get a meeting\n", "summary: Read a meeting\n"));
    expect(check(file, changedSpec).status).toBe(1);
  });

  it("fails when the scopes table was edited by hand", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-generated-test-"));
    scratch.push(dir);
    const scopes = join(dir, "scopes.ts");
    writeFileSync(scopes, readFileSync(committedScopes, "utf8").replace('"GET /users/me": { classic: ["user:read",', '"GET /users/me": { classic: ['));
    const result = check(scratchCopy(), spec, scopes);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/scopes\.ts differs from a fresh generation/);
  });

  it("fails when an operation's x-scopes changed but the scopes table was not regenerated", () => {
    const file = scratchCopy();
    const changedSpec = join(dirname(file), "zoom-api.yaml");
    writeFileSync(changedSpec, readFileSync(spec, "utf8").replace("\n          - user_info:read\n", "\n          - user_info:read:extra\n"));
    const result = check(file, changedSpec);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/scopes\.ts differs from a fresh generation/);
  });

  it("fails when the generated file is missing", () => {
    const file = join(scratchCopy(), "..", "absent.ts");
    expect(check(file)).toEqual({ status: 1, output: expect.stringContaining("is missing") });
  });
});
