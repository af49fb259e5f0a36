/**
 * The real Pulumi engine for the e2e tests, the demo and the bench: built or reused by
 * ensure-engine.sh (progress on stderr), which prints the bin directory to put on PATH.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** This repository's root. */
export const PROJECT_ROOT = path.resolve(__dirname, "../..");

/** The engine's bin directory, built or reused by ensure-engine.sh (progress on stderr). */
export function ensureEngine(): string {
  const result = spawnSync("bash", [path.join(PROJECT_ROOT, "testing/engine/ensure-engine.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error(
      `the Pulumi engine is not available (testing/engine/ensure-engine.sh exited ${result.status})`,
    );
  }
  return result.stdout.trim();
}

/** What the engine in `engineBin` is, from the BUILD-INFO that ensure-engine.sh wrote. */
export function engineDescription(engineBin: string): string {
  return (
    fs.readFileSync(path.join(engineBin, "..", "BUILD-INFO"), "utf8").split("\n")[0] ?? "pulumi"
  );
}
