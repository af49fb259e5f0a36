import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import packageJson from "../../package.json";

const PROJECT_ROOT = path.resolve(__dirname, "../..");

/** The files `npm publish` would ship, from `npm pack --dry-run`. */
function packedFiles(): string[] {
  const result = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  const [pack] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((file) => file.path);
}

describe("the published package", function () {
  this.timeout(60_000);

  it("ships every file its exports, types and bin point to", () => {
    const files = packedFiles();
    const targets = [
      ...Object.values(packageJson.exports).flatMap((target) =>
        typeof target === "string" ? [target] : Object.values(target),
      ),
      packageJson.main,
      packageJson.types,
      ...Object.values(packageJson.bin),
    ].map((target) => path.normalize(target));
    for (const target of targets) {
      assert.ok(files.includes(target), `${target} is not in the package`);
    }
  });

  it("exports the module the serialised provider requires at run time", () => {
    assert.ok(
      "./implementation" in packageJson.exports,
      'require("pulumi-cognito-log-delivery/implementation") must resolve',
    );
  });

  it("ships neither the emulator nor the tests", () => {
    assert.deepEqual(
      packedFiles().filter((file) => /^(dist\/)?(emulator|tests|demo|scripts)\//.test(file)),
      [],
    );
  });

  it("loads @pulumi/aws only from ./alert, so the main entry needs no AWS provider", () => {
    const loaded = (entry: string) => {
      const result = spawnSync(
        process.execPath,
        [
          "-e",
          `require(${JSON.stringify(entry)}); ` +
            "console.log(Object.keys(require.cache).some((file) => file.includes('/node_modules/@pulumi/aws/')))",
        ],
        { cwd: PROJECT_ROOT, encoding: "utf8" },
      );
      assert.equal(result.status, 0, result.stderr);
      return result.stdout.trim();
    };
    assert.equal(loaded("pulumi-cognito-log-delivery"), "false");
    assert.equal(loaded("pulumi-cognito-log-delivery/implementation"), "false");
    assert.equal(loaded("pulumi-cognito-log-delivery/alert"), "true");
    assert.equal(packageJson.peerDependenciesMeta["@pulumi/aws"].optional, true);
  });
});
