/**
 * Where a Pulumi command's CPU goes, by process: the engine, the Node.js language host
 * (with the program) and the dynamic provider. Each of the engine's binaries is run under
 * GNU time through a wrapper in a directory of its own, which appends one line per process
 * to a log: its role, wall seconds, user and system CPU seconds and peak memory. The
 * engine's own line counts the plugins it started and reaped too (their usage is its
 * children's), so its own CPU is its line minus theirs. Used by the benchmark.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const GNU_TIME = "/usr/bin/time";
const ROLES = {
  pulumi: "engine",
  "pulumi-language-nodejs": "languageHost",
  "pulumi-resource-pulumi-nodejs": "provider",
} as const;
type Role = (typeof ROLES)[keyof typeof ROLES];

/** One command's usage by process. */
export interface CommandAccounting {
  /** CPU seconds (user + system) by process role; the engine's excludes its plugins'. */
  cpuSeconds: Record<Role, number>;
  /** Peak resident memory of the largest process of each role, in MiB. */
  peakMiB: Record<Role, number>;
}

export class ProcessAccounting {
  private constructor(
    /** Put this first on PATH, instead of the engine's bin directory. */
    readonly binDirectory: string,
    private readonly logFile: string,
  ) {}

  /** Wrappers around the engine in `engineBin`; undefined when GNU time is not installed. */
  static create(engineBin: string): ProcessAccounting | undefined {
    if (!fs.existsSync(GNU_TIME)) {
      return undefined;
    }
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-accounting-"));
    const logFile = path.join(directory, "usage.log");
    for (const [binary, role] of Object.entries(ROLES)) {
      const wrapper = path.join(directory, binary);
      fs.writeFileSync(
        wrapper,
        `#!/bin/sh\nexec ${GNU_TIME} -a -o ${JSON.stringify(logFile)} -f "${role}|%e|%U|%S|%M" ${JSON.stringify(path.join(engineBin, binary))} "$@"\n`,
      );
      fs.chmodSync(wrapper, 0o755);
    }
    return new ProcessAccounting(directory, logFile);
  }

  /** Forgets what earlier commands used. */
  reset(): void {
    fs.writeFileSync(this.logFile, "");
  }

  /** What the commands since the last `reset` used. */
  read(): CommandAccounting {
    const cpuSeconds: Record<Role, number> = { engine: 0, languageHost: 0, provider: 0 };
    const peakMiB: Record<Role, number> = { engine: 0, languageHost: 0, provider: 0 };
    const text = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, "utf8") : "";
    for (const line of text.split("\n")) {
      const [role, , user, system, peakKiB] = line.split("|");
      if (role === undefined || !(Object.values(ROLES) as string[]).includes(role)) {
        continue; // GNU time's own notes, e.g. "Command terminated by signal 2"
      }
      const known = role as Role;
      cpuSeconds[known] += Number(user) + Number(system);
      peakMiB[known] = Math.max(peakMiB[known], Number(peakKiB) / 1024);
    }
    // The engine's line includes the plugins it reaped.
    cpuSeconds.engine = Math.max(
      0,
      cpuSeconds.engine - cpuSeconds.languageHost - cpuSeconds.provider,
    );
    return { cpuSeconds, peakMiB };
  }

  dispose(): void {
    fs.rmSync(this.binDirectory, { recursive: true, force: true });
  }
}
