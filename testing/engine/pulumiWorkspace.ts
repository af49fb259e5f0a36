/**
 * A throw-away Pulumi project run by the real engine, offline: a local file backend, a
 * passphrase for secrets, no update checks, no plugin downloads. Used by the end-to-end
 * tests, the demo and the bench.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileBackend } from "./fileBackend";
import type { StateResource } from "./fileBackend";
import { endProcessesIn } from "./orphans";
import { startPulumi } from "./pulumiCommand";
import type { CommandResult, RunningCommand } from "./pulumiCommand";
import { linkNodeModules, writeProjectFiles } from "./projectFiles";

export interface WorkspaceOptions {
  /** The engine's bin directory. */
  engineBin: string;
  /** Other language hosts' bin directories (ensure-language-host.sh), on PATH after the engine's. */
  hostBins?: readonly string[];
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
  /** The file the program is written to (PROGRAM_FILES). */
  programFile: string;
}

/** The languages a throw-away project can be written in. */
export type ProjectRuntime = "nodejs" | "yaml" | "python";

/** Where each runtime's program goes: for yaml, the program is Pulumi.yaml itself. */
const PROGRAM_FILES: Readonly<Record<ProjectRuntime, string>> = {
  nodejs: "index.ts",
  yaml: "Pulumi.yaml",
  python: "__main__.py",
};

/** A Pulumi project with one stack, run offline with a throw-away file backend. */
export class PulumiWorkspace {
  private readonly backend: FileBackend;

  private constructor(
    private readonly layout: WorkspaceLayout,
    private readonly options: WorkspaceOptions,
  ) {
    this.backend = new FileBackend(path.join(layout.scratch, "state"), layout.stack);
  }

  /**
   * A new temporary project with stack `dev`. nodejs (the default): `options.program` is its
   * index.ts, in a TypeScript project that resolves this package as a user's does. yaml:
   * `options.program` is its whole Pulumi.yaml (pluginPrograms.ts). python: `options.program`
   * is its __main__.py, and `options.projectFile` its Pulumi.yaml.
   */
  static async create(
    options: WorkspaceOptions & { program: string; runtime?: ProjectRuntime; projectFile?: string },
  ): Promise<PulumiWorkspace> {
    const name = options.name ?? "cognito-e2e";
    const runtime = options.runtime ?? "nodejs";
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    const directory = path.join(scratch, "project");
    fs.mkdirSync(directory);
    if (runtime === "nodejs") {
      writeProjectFiles(directory, name);
      linkNodeModules(directory);
    } else if (options.projectFile !== undefined) {
      fs.writeFileSync(path.join(directory, "Pulumi.yaml"), options.projectFile);
    }
    const workspace = new PulumiWorkspace(
      { directory, stack: "dev", scratch, ownsProject: true, programFile: PROGRAM_FILES[runtime] },
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
      { directory, stack, scratch, ownsProject: false, programFile: "index.ts" },
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
    fs.mkdirSync(this.backend.directory);
    fs.mkdirSync(path.join(this.layout.scratch, "home"));
    await this.pulumiOrThrow("stack", "init", this.layout.stack);
  }

  /** Replaces the program: index.ts, or a YAML project's Pulumi.yaml. */
  writeProgram(program: string): void {
    fs.writeFileSync(path.join(this.directory, this.layout.programFile), program);
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
    return startPulumi(args, {
      cwd: this.directory,
      echo: this.options.echo,
      environment: {
        ...process.env,
        ...this.options.environment,
        PATH: [
          this.options.engineBin,
          ...(this.options.hostBins ?? []),
          process.env["PATH"] ?? "",
        ].join(path.delimiter),
        PULUMI_BACKEND_URL: `file://${this.backend.directory}`,
        PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
        PULUMI_HOME: path.join(this.layout.scratch, "home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      },
    });
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
    return this.backend.stateFileText();
  }

  /** The resources in the stack's state. */
  stateResources(): StateResource[] {
    return this.backend.stateResources();
  }

  /** The lock files the file backend holds for the stack (one while an update runs). */
  lockFiles(): string[] {
    return this.backend.lockFiles();
  }

  /** The checkpoint's metadata sidecar, which a kill can leave empty (see FileBackend). */
  checkpointSidecar(): string {
    return this.backend.checkpointSidecar();
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
