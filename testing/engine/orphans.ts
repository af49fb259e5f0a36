/** Plugins a killed Pulumi CLI leaves behind. */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Ends processes still working in the project directory. Pulumi starts its plugins (the
 * language host, the dynamic provider) in process groups of their own, so a CLI that
 * was killed outright leaves them running; a test that kills it must not leave them
 * behind. Linux only (/proc); elsewhere nothing to find.
 */
export function endProcessesIn(directory: string): void {
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
