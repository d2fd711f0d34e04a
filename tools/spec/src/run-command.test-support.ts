import type { CommandIO } from "./diff-command.mjs";

/**
 * Runs a spec command as its CLI would, in-process: relative paths read from `cwd`, both output streams
 * captured in order as one text, the exit code returned.
 */
export function runCommand(
  command: (argv: string[], io: CommandIO) => number,
  args: string[],
  cwd: string,
): { status: number; stdout: string } {
  let stdout = "";
  const write = (text: string) => {
    stdout += text;
  };
  const status = command(args, { cwd, repoRoot: cwd, stdout: write, stderr: write });
  return { status, stdout };
}
