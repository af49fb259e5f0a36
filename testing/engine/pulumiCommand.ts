/** One `pulumi` CLI command, run in its own process group and captured. */
import { spawn } from "node:child_process";

/** The outcome of one CLI command. */
export interface CommandResult {
  command: string;
  code: number;
  /** The signal that ended the command, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A command under way. */
export interface RunningCommand {
  result: Promise<CommandResult>;
  /** Sends the signal to the command's process group (SIGINT by default: what Ctrl-C sends). */
  interrupt(signal?: NodeJS.Signals): void;
}

/** Starts `pulumi <args>` non-interactively; `echo` also prints its output live. */
export function startPulumi(
  args: readonly string[],
  options: { cwd: string; environment: NodeJS.ProcessEnv; echo?: boolean },
): RunningCommand {
  const command = `pulumi ${args.join(" ")}`;
  // Its own process group, so that an interruption reaches the engine's plugins too, as
  // a terminal's Ctrl-C or a cancelled CI job does, and leaves no orphans.
  const child = spawn("pulumi", [...args, "--non-interactive", "--color=never"], {
    cwd: options.cwd,
    env: options.environment,
    detached: true,
  });
  const result = new Promise<CommandResult>((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on("error", (error) =>
      resolve({ command, code: 127, signal: null, stdout, stderr: `${stderr}${error.message}\n` }),
    );
    child.on("close", (code, signal) =>
      resolve({ command, code: code ?? 1, signal, stdout, stderr }),
    );
  });
  return {
    result,
    interrupt: (signal = "SIGINT") => {
      if (child.pid !== undefined) {
        process.kill(-child.pid, signal);
      }
    },
  };
}
