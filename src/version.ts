/**
 * The package's name and version, read from its package.json (one directory above both
 * `src/` and `dist/`), so the marker our AWS calls carry always names the release that
 * made them.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const PACKAGE_NAME = "pulumi-cognito-log-delivery";

let version: string | undefined;

/** The installed release, e.g. `0.2.0`; `0.0.0` when package.json cannot be read. */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      const manifest = JSON.parse(
        fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"),
      ) as { version?: unknown };
      version = typeof manifest.version === "string" ? manifest.version : "0.0.0";
    } catch {
      // A bundler that drops package.json: the marker still names the package.
      version = "0.0.0";
    }
  }
  return version;
}
