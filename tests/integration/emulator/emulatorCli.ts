/** Runs `testing/emulator/cli.ts` as `npm run emulator` does, for tests of the command line. */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../../..");

export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout text matching `pattern`. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function runCli(args: readonly string[]): CliRun {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "testing/emulator/cli.ts", ...args],
    {
      cwd: REPO_ROOT,
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitForOutput = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) {
          child.stdout.off("data", check);
          resolve(match);
        }
      };
      child.stdout.on("data", check);
      void exited.then(() =>
        reject(new Error(`the CLI exited before printing ${pattern}: ${stderr}`)),
      );
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, waitForOutput, exited };
}
