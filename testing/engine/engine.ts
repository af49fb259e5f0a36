/**
 * The real Pulumi engine for the e2e tests, the demo and the bench: built or reused by
 * ensure-engine.sh (progress on stderr), which prints the bin directory to put on PATH.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** This repository's root. */
export const PROJECT_ROOT = path.resolve(__dirname, "../..");

/**
 * The engine's bin directory, built or reused by ensure-engine.sh. Its progress stays live
 * on stderr (a cold build takes minutes); when it fails, the error repeats the script's own
 * line saying what failed and what to do, which it writes to ENGINE_FAILURE_FILE (issue 20:
 * "exited 1" alone left a newcomer with nothing to go on).
 */
export function ensureEngine(environment: NodeJS.ProcessEnv = process.env): string {
  return runSetupScript("engine", "ensure-engine.sh", [], environment);
}

/** A language host's bin directory, built or reused by ensure-language-host.sh. */
export function ensureLanguageHost(
  language: "yaml" | "python",
  environment: NodeJS.ProcessEnv = process.env,
): string {
  return runSetupScript(
    `${language} language host`,
    "ensure-language-host.sh",
    [language],
    environment,
  );
}

/** Runs a set-up script of testing/engine/ that provides `what`; returns the directory it prints. */
function runSetupScript(
  what: string,
  script: string,
  args: string[],
  environment: NodeJS.ProcessEnv,
): string {
  const failureDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "engine-failure-"));
  const failureFile = path.join(failureDirectory, "reason");
  try {
    const result = spawnSync("bash", [path.join(PROJECT_ROOT, "testing/engine", script), ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...environment, ENGINE_FAILURE_FILE: failureFile },
    });
    if (result.status !== 0) {
      throw new Error(
        `the Pulumi ${what} is not available: ${setupFailure(script, failureFile, result.status, result.signal)}`,
      );
    }
    return result.stdout.trim();
  } finally {
    fs.rmSync(failureDirectory, { recursive: true, force: true });
  }
}

function setupFailure(
  script: string,
  failureFile: string,
  status: number | null,
  signal: NodeJS.Signals | null,
): string {
  const reason = fs.existsSync(failureFile) ? fs.readFileSync(failureFile, "utf8").trim() : "";
  const exit = signal === null ? `exited ${status}` : `was killed by ${signal}`;
  return reason === ""
    ? `testing/engine/${script} ${exit} without saying why; run it by hand to see its output.`
    : `${reason} (testing/engine/${script} ${exit})`;
}

/** What the engine in `engineBin` is, from the BUILD-INFO that ensure-engine.sh wrote. */
export function engineDescription(engineBin: string): string {
  return (
    fs.readFileSync(path.join(engineBin, "..", "BUILD-INFO"), "utf8").split("\n")[0] ?? "pulumi"
  );
}
