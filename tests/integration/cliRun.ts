/** The command line run in this process, with what it printed captured: the CLI suites share it. */
import { runCli } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi-cognito-log-delivery <argv>` in `cwd` with the process's environment. */
export async function runCliCapturing(argv: readonly string[], cwd: string): Promise<CliRun> {
  const run: CliRun = { code: -1, stdout: "", stderr: "" };
  run.code = await runCli(argv, {
    stdout: (text) => (run.stdout += text),
    stderr: (text) => (run.stderr += text),
    environment: process.env,
    cwd,
  });
  return run;
}
