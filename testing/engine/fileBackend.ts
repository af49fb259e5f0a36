/**
 * What the engine's local file backend keeps for one stack: the checkpoint, its metadata
 * sidecar, and the lock files, read as the tests need them.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** One resource of the checkpoint. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  /** Where the program registered the resource: `project:///<file>#<line>,<column>`. */
  sourcePosition?: string;
}

export class FileBackend {
  constructor(
    /** The folder `PULUMI_BACKEND_URL=file://…` names. */
    readonly directory: string,
    private readonly stack: string,
  ) {}

  /** The stack's checkpoint file as the file backend wrote it. */
  stateFileText(): string {
    return fs.readFileSync(this.stackFile(".json"), "utf8");
  }

  /** The resources in the stack's state. */
  stateResources(): StateResource[] {
    const checkpoint = JSON.parse(this.stateFileText()) as {
      checkpoint?: { latest?: { resources?: StateResource[] } };
    };
    return checkpoint.checkpoint?.latest?.resources ?? [];
  }

  /** The lock files the backend holds for the stack (one while an update runs). */
  lockFiles(): string[] {
    return findFiles(path.join(this.directory, ".pulumi", "locks"), (file) =>
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
    const stacks = path.join(this.directory, ".pulumi", "stacks");
    const name = `${this.stack}${suffix}`;
    const candidates = findFiles(stacks, (file) => file.endsWith(`${path.sep}${name}`));
    if (candidates.length !== 1) {
      throw new Error(`expected one ${name} under ${stacks}, found ${candidates.length}`);
    }
    return candidates[0] as string;
  }
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
