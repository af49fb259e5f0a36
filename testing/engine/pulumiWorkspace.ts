/**
 * A throw-away Pulumi project run by the real engine, offline: a local file backend, a
 * passphrase for secrets, no update checks, no plugin downloads. Its `node_modules`
 * holds links to this project's packages and to this package itself, laid out as in a
 * user's project, so the engine's dynamic-provider process resolves
 * `pulumi-cognito-log-delivery/implementation` exactly as it would there.
 * Used by the end-to-end tests and by the demo.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
const PACKAGE_NAME = "pulumi-cognito-log-delivery";

/** The engine's bin directory, built or reused by ensure-engine.sh (progress on stderr). */
export function ensureEngine(): string {
  const result = spawnSync("bash", [path.join(PROJECT_ROOT, "testing/engine/ensure-engine.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error(
      `the Pulumi engine is not available (scripts/engine/ensure-engine.sh exited ${result.status})`,
    );
  }
  return result.stdout.trim();
}

/** The outcome of one CLI command. */
export interface CommandResult {
  command: string;
  code: number;
  /** The signal that ended the command, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface WorkspaceOptions {
  /** The engine's bin directory. */
  engineBin: string;
  /** Extra environment for the engine and the providers it starts (AWS endpoint, keys). */
  environment: Record<string, string>;
  /** Project name; also names the temporary directory. */
  name?: string;
  /** Printed live to the terminal as well as captured (the demo). */
  echo?: boolean;
}

/** Where a workspace keeps what it must remove afterwards. */
interface WorkspaceLayout {
  /** The project directory (holds Pulumi.yaml). */
  directory: string;
  /** The stack's name. */
  stack: string;
  /** A temporary directory for the state backend and PULUMI_HOME, removed by `dispose`. */
  scratch: string;
  /** Whether the project directory itself is temporary (removed by `dispose`). */
  ownsProject: boolean;
}

/** A Pulumi project with one stack, run offline with a throw-away file backend. */
export class PulumiWorkspace {
  private constructor(
    private readonly layout: WorkspaceLayout,
    private readonly options: WorkspaceOptions,
  ) {}

  /** A new temporary project whose index.ts is `options.program`, with stack `dev`. */
  static async create(options: WorkspaceOptions & { program: string }): Promise<PulumiWorkspace> {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name ?? "cognito-e2e"}-`));
    const directory = path.join(scratch, "project");
    fs.mkdirSync(directory);
    writeProjectFiles(directory, options.name ?? "cognito-e2e");
    linkNodeModules(directory);
    const workspace = new PulumiWorkspace(
      { directory, stack: "dev", scratch, ownsProject: true },
      options,
    );
    workspace.writeProgram(options.program);
    await workspace.initialize();
    return workspace;
  }

  /** An existing project (e.g. this repository's root), with a new stack in a throw-away backend. */
  static async forProject(
    directory: string,
    stack: string,
    options: WorkspaceOptions,
  ): Promise<PulumiWorkspace> {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name ?? "cognito-demo"}-`));
    const workspace = new PulumiWorkspace(
      { directory, stack, scratch, ownsProject: false },
      options,
    );
    await workspace.initialize();
    return workspace;
  }

  /** The project directory. */
  get directory(): string {
    return this.layout.directory;
  }

  private async initialize(): Promise<void> {
    fs.mkdirSync(this.backendDirectory);
    fs.mkdirSync(path.join(this.layout.scratch, "home"));
    await this.pulumiOrThrow("stack", "init", this.layout.stack);
  }

  /** Replaces index.ts. */
  writeProgram(program: string): void {
    fs.writeFileSync(path.join(this.directory, "index.ts"), program);
  }

  /** Sets a stack config value. */
  async setConfig(key: string, value: string): Promise<void> {
    await this.pulumiOrThrow("config", "set", key, value);
  }

  /** Runs `pulumi <args>` in the project; never throws on a non-zero exit. */
  pulumi(...args: string[]): Promise<CommandResult> {
    return this.start(...args).result;
  }

  /** Starts `pulumi <args>`; the handle can interrupt it, as Ctrl-C or a kill would. */
  start(...args: string[]): RunningCommand {
    const environment = {
      ...process.env,
      ...this.options.environment,
      PATH: `${this.options.engineBin}${path.delimiter}${process.env["PATH"] ?? ""}`,
      PULUMI_BACKEND_URL: `file://${this.backendDirectory}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_HOME: path.join(this.layout.scratch, "home"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    };
    const command = `pulumi ${args.join(" ")}`;
    // Its own process group, so that an interruption reaches the engine's plugins too, as
    // a terminal's Ctrl-C or a cancelled CI job does, and leaves no orphans.
    const child = spawn("pulumi", [...args, "--non-interactive", "--color=never"], {
      cwd: this.directory,
      env: environment,
      detached: true,
    });
    const result = new Promise<CommandResult>((resolve) => {
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (this.options.echo) process.stdout.write(chunk);
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (this.options.echo) process.stderr.write(chunk);
      });
      child.on("error", (error) =>
        resolve({
          command,
          code: 127,
          signal: null,
          stdout,
          stderr: `${stderr}${error.message}\n`,
        }),
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

  /** Runs `pulumi <args>` and throws with the whole output when it fails. */
  async pulumiOrThrow(...args: string[]): Promise<CommandResult> {
    const result = await this.pulumi(...args);
    if (result.code !== 0) {
      throw new Error(
        `${result.command} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
      );
    }
    return result;
  }

  /** The stack's checkpoint file as the file backend wrote it. */
  stateFileText(): string {
    return fs.readFileSync(this.stackFile(".json"), "utf8");
  }

  /** The lock files the file backend holds for the stack (one while an update runs). */
  lockFiles(): string[] {
    return findFiles(path.join(this.backendDirectory, ".pulumi", "locks"), (file) =>
      file.endsWith(".json"),
    );
  }

  /**
   * The metadata sidecar of the stack's checkpoint file (`<stack>.json.attrs`). The file
   * backend (gocloud's fileblob) rewrites it in place, truncating it first, before it
   * renames a new checkpoint into place: a CLI killed in between leaves it empty, and the
   * stack then fails to load with "failed to load checkpoint: EOF".
   */
  checkpointSidecar(): string {
    return this.stackFile(".json.attrs");
  }

  /** The one file of the stack under the backend's stacks folder named `<stack><suffix>`. */
  private stackFile(suffix: string): string {
    const stacks = path.join(this.backendDirectory, ".pulumi", "stacks");
    const name = `${this.layout.stack}${suffix}`;
    const candidates = findFiles(stacks, (file) => file.endsWith(`${path.sep}${name}`));
    if (candidates.length !== 1) {
      throw new Error(`expected one ${name} under ${stacks}, found ${candidates.length}`);
    }
    return candidates[0] as string;
  }

  /** The throw-away file backend's folder. */
  private get backendDirectory(): string {
    return path.join(this.layout.scratch, "state");
  }

  /** The resources in the stack's state. */
  stateResources(): StateResource[] {
    const checkpoint = JSON.parse(this.stateFileText()) as {
      checkpoint?: { latest?: { resources?: StateResource[] } };
    };
    return checkpoint.checkpoint?.latest?.resources ?? [];
  }

  /** The URN of a resource of this stack. */
  urnOf(type: string, name: string): string {
    return `urn:pulumi:${this.layout.stack}::${this.options.name ?? "cognito-e2e"}::${type}::${name}`;
  }

  /** Removes the backend, PULUMI_HOME, and the project if temporary or else its stack config file. */
  dispose(): void {
    if (this.layout.ownsProject) {
      endProcessesIn(this.layout.directory); // never in a real project, where its user works
    }
    fs.rmSync(this.layout.scratch, { recursive: true, force: true });
    if (!this.layout.ownsProject) {
      fs.rmSync(path.join(this.layout.directory, `Pulumi.${this.layout.stack}.yaml`), {
        force: true,
      });
    }
  }
}

/** A command under way. */
export interface RunningCommand {
  result: Promise<CommandResult>;
  /** Sends the signal to the command's process group (SIGINT by default: what Ctrl-C sends). */
  interrupt(signal?: NodeJS.Signals): void;
}

/** One resource of the checkpoint. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/**
 * Ends processes still working in the project directory. Pulumi starts its plugins (the
 * language host, the dynamic provider) in process groups of their own, so a CLI that
 * was killed outright leaves them running; a test that kills it must not leave them
 * behind. Linux only (/proc); elsewhere nothing to find.
 */
function endProcessesIn(directory: string): void {
  if (!fs.existsSync("/proc")) {
    return;
  }
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    let cwd: string;
    try {
      cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
    } catch {
      continue; // the process ended meanwhile, or is not ours to inspect
    }
    if (cwd === directory || cwd.startsWith(`${directory}${path.sep}`)) {
      process.kill(Number(entry), "SIGKILL");
    }
  }
}

function writeProjectFiles(directory: string, name: string): void {
  fs.writeFileSync(path.join(directory, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  // A user's project: the language host reads these dependencies to decide which plugins
  // the program needs (with downloads off, @pulumi/aws must not make it fail).
  fs.writeFileSync(
    path.join(directory, "package.json"),
    JSON.stringify(
      {
        name,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "*", "@pulumi/aws": "*", [PACKAGE_NAME]: "*" },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(directory, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2023",
          module: "commonjs",
          moduleResolution: "node10",
          esModuleInterop: true,
        },
      },
      null,
      2,
    ),
  );
}

/** node_modules with a link per package of this project, and this package itself. */
function linkNodeModules(directory: string): void {
  const target = path.join(directory, "node_modules");
  fs.mkdirSync(target);
  const source = path.join(PROJECT_ROOT, "node_modules");
  for (const entry of fs.readdirSync(source)) {
    if (entry !== ".bin" && entry !== PACKAGE_NAME) {
      fs.symlinkSync(path.join(source, entry), path.join(target, entry), "dir");
    }
  }
  fs.symlinkSync(PROJECT_ROOT, path.join(target, PACKAGE_NAME), "dir");
}

function findFiles(directory: string, wanted: (file: string) => boolean): string[] {
  if (!fs.existsSync(directory)) {
    return [];
  }
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? findFiles(full, wanted) : wanted(full) ? [full] : [];
  });
}
