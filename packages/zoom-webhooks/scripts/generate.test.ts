import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const spec = join(packageDir, "../../specs/zoom-webhooks.yaml");
const scratch: string[] = [];

function check(specFile: string) {
  try {
    const stdout = execFileSync(process.execPath, ["scripts/generate.mjs", "--check", "--spec", specFile], { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, output: stdout };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: failed.stdout + failed.stderr };
  }
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each case runs openapi-typescript in a child process: seconds on a busy 2-core machine, hence the timeout.
describe("generate:check", { timeout: 90_000 }, () => {
  it("passes when the committed types are what the spec generates", () => {
    expect(check(spec)).toEqual({ status: 0, output: expect.stringContaining("matches") });
  });

  it("fails, saying how to fix it, when an event's payload field changed in the spec without regenerating", () => {
    const dir = mkdtempSync(join(tmpdir(), "zoom-webhooks-generate-"));
    scratch.push(dir);
    const changed = join(dir, "zoom-webhooks.yaml");
    writeFileSync(changed, readFileSync(spec, "utf8").replace("        leave_reason:\n", "        leave_cause:\n"));
    const result = check(changed);
    expect(result.status).toBe(1);
    expect(result.output).toContain("zoom-webhooks.ts");
    expect(result.output).toContain("run `pnpm --filter @org/zoom-webhooks generate` and commit the result");
  });
});
