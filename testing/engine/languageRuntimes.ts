/**
 * What a program in another language needs beside the engine to run through the provider
 * plugin: its language host's bin directory on PATH, and for Python a virtual environment
 * with PyPI's `pulumi` (first on PATH: the in-tree host ignores `runtime.options.virtualenv`)
 * and the generated SDK on PYTHONPATH. One set-up for the e2e suites and the bench.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { installPythonSdk, pythonWithPulumi } from "../sdkChecks";
import { ensureLanguageHost, PROJECT_ROOT } from "./engine";

export interface LanguageRuntime {
  /** Directories to put on PATH after the engine's (PulumiWorkspace's `hostBins`). */
  hostBins: string[];
  /** Environment for the engine and the program. */
  environment: Record<string, string>;
  /** Removes what the set-up made outside the caches. */
  dispose(): void;
}

/** Builds or reuses what a `language` program needs (minutes the first time on a machine). */
export function languageRuntime(language: "yaml" | "python"): LanguageRuntime {
  const hostBin = ensureLanguageHost(language);
  if (language === "yaml") {
    return { hostBins: [hostBin], environment: {}, dispose: () => undefined };
  }
  const python = pythonWithPulumi();
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "python-sdk-"));
  installPythonSdk(python, path.join(PROJECT_ROOT, "sdk", "python"), path.join(site, "site"));
  return {
    hostBins: [hostBin, path.dirname(python)],
    environment: { PYTHONPATH: path.join(site, "site") },
    dispose: () => fs.rmSync(site, { recursive: true, force: true }),
  };
}
