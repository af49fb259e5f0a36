import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../../testing/engine/engine";
import type { ServedModule } from "../../../testing/engine/goModuleProxy";
import { writeGoModuleProxy } from "../../../testing/engine/goModuleProxy";

const CLI = "github.com/pulumi/pulumi/pkg/v3";
const SDK = "github.com/pulumi/pulumi/sdk/v3";
const LANGHOST = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";
const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const COMMIT_TIME = "2026-11-12T12:59:22Z";
const LANGHOST_PSEUDO_VERSION = "v3.0.0-20261112125922-0123456789ab";
const ORIGIN = { VCS: "git", URL: "https://github.com/pulumi/pulumi", Hash: COMMIT };

/** The shape of upstream's go.mod: a relative replace (dropped) and a module replace (kept). */
function cliGoMod(goDirective = "1.21"): string {
  return [
    `module ${CLI}`,
    "",
    `go ${goDirective}`,
    "",
    "replace github.com/pulumi/pulumi/sdk/v3 => ../sdk",
    "",
    "replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e",
    "",
  ].join("\n");
}

function release(
  version: string,
  options: { origin?: boolean; zip?: boolean; goDirective?: string } = {},
): ServedModule[] {
  const info = {
    Version: `v${version}`,
    Time: COMMIT_TIME,
    ...(options.origin ? { Origin: ORIGIN } : {}),
  };
  return [
    {
      path: CLI,
      version: `v${version}`,
      info,
      goMod: cliGoMod(options.goDirective),
      zip: options.zip,
    },
    { path: SDK, version: `v${version}`, info, goMod: `module ${SDK}\n\ngo 1.21\n` },
  ];
}

const LANGHOST_MODULE: ServedModule = {
  path: LANGHOST,
  version: LANGHOST_PSEUDO_VERSION,
  info: { Version: LANGHOST_PSEUDO_VERSION, Time: COMMIT_TIME },
  goMod: `module ${LANGHOST}\n\ngo 1.21\n`,
};

const LEGACY_SDK: ServedModule = {
  path: SDK,
  version: "v3.68.0",
  info: { Version: "v3.68.0", Time: "2023-05-24T10:00:00Z" },
  goMod: `module ${SDK}\n\ngo 1.18\n`,
};

interface Resolution {
  status: number | null;
  facts: Record<string, string>;
  stderr: string;
  /** The "engine: error: …" lines: one per failure, never more. */
  errors: string[];
}

describe("resolving the Pulumi engine to build, against a Go module proxy the test controls (issue 20)", function () {
  this.timeout(60_000);
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "resolve-engine-"));
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  function resolve(
    modules: readonly ServedModule[] | { goproxy: string },
    args: string[],
  ): Resolution {
    const goproxy =
      "goproxy" in modules
        ? modules.goproxy
        : writeGoModuleProxy(path.join(scratch, "proxy"), modules);
    const result = spawnSync(
      "bash",
      [path.join(PROJECT_ROOT, "testing/engine/resolve-engine.sh"), ...args],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          GOPROXY: goproxy,
          GOMODCACHE: path.join(scratch, "modcache"),
          GOSUMDB: "off",
          GOFLAGS: "-modcacherw",
          GOTOOLCHAIN: "local",
          ENGINE_FAILURE_FILE: "",
        },
      },
    );
    const facts: Record<string, string> = {};
    for (const line of result.stdout.split("\n").filter(Boolean)) {
      const separator = line.indexOf("=");
      facts[line.slice(0, separator)] = line.slice(separator + 1);
    }
    const errors = result.stderr.split("\n").filter((line) => line.startsWith("engine: error:"));
    return { status: result.status, facts, stderr: result.stderr, errors };
  }

  const cached = (module: string, version: string): string =>
    path.join(scratch, "modcache", "cache", "download", module, "@v", `${version}.mod`);

  it("builds the language host module of the engine's commit when the .info names it (Origin)", () => {
    const resolution = resolve(
      [...release("3.276.0", { origin: true }), LANGHOST_MODULE, LEGACY_SDK],
      ["3.276.0"],
    );
    assert.equal(resolution.status, 0, resolution.stderr);
    assert.deepEqual(resolution.facts, {
      version: "3.276.0",
      go_directive: "1.21",
      cli_gomod: cached(CLI, "v3.276.0"),
      commit: COMMIT,
      langhost: "module",
      langhost_version: LANGHOST_PSEUDO_VERSION,
      langhost_gomod: cached(LANGHOST, LANGHOST_PSEUDO_VERSION),
      langhost_go_directive: "1.21",
      langhost_reason: "",
    });
    assert.equal(resolution.stderr, "");
  });

  it("falls back to the in-tree language host when the .info has no Origin (the regression of issue 20)", () => {
    const resolution = resolve(
      [...release("3.276.0", { origin: false }), LANGHOST_MODULE, LEGACY_SDK],
      ["3.276.0"],
    );
    assert.equal(resolution.status, 0, resolution.stderr);
    assert.equal(resolution.facts["version"], "3.276.0");
    assert.equal(resolution.facts["commit"], "");
    assert.equal(resolution.facts["langhost"], "in-tree");
    assert.equal(resolution.facts["langhost_version"], "v3.68.0");
    assert.equal(resolution.facts["langhost_gomod"], cached(SDK, "v3.68.0"));
    assert.equal(resolution.facts["langhost_go_directive"], "1.18");
    assert.equal(
      resolution.facts["langhost_reason"],
      `the proxy's answer for ${CLI}@v3.276.0 names no commit (no Origin), so the version of ${LANGHOST} that matches it is unknown`,
    );
    assert.match(resolution.stderr, /^engine: warning: the proxy's answer .* names no commit/m);
    assert.deepEqual(resolution.errors, []);
  });

  it("falls back to the in-tree language host when the proxy refuses the language host module", () => {
    const resolution = resolve([...release("3.276.0", { origin: true }), LEGACY_SDK], ["3.276.0"]);
    assert.equal(resolution.status, 0, resolution.stderr);
    assert.equal(resolution.facts["commit"], COMMIT);
    assert.equal(resolution.facts["langhost"], "in-tree");
    assert.equal(resolution.facts["langhost_version"], "v3.68.0");
    assert.equal(
      resolution.facts["langhost_reason"],
      `the Go module proxy does not serve ${LANGHOST} at commit 0123456789ab of pulumi v3.276.0`,
    );
  });

  it("steps down to the newest older release whose zip is served, and says so", () => {
    const resolution = resolve(
      [...release("3.277.0", { zip: false }), ...release("3.276.0"), LEGACY_SDK],
      ["3.277.0"],
    );
    assert.equal(resolution.status, 0, resolution.stderr);
    assert.equal(resolution.facts["version"], "3.276.0");
    assert.match(
      resolution.stderr,
      /engine: warning: the Go module proxy does not serve pulumi v3\.277\.0; using v3\.276\.0, the newest older release it serves/,
    );
  });

  it("with --exact, refuses a version the proxy does not serve, in one line that says what to do", () => {
    const resolution = resolve([...release("3.276.0"), LEGACY_SDK], ["3.277.0", "--exact"]);
    assert.equal(resolution.status, 1);
    assert.deepEqual(resolution.errors, [
      `engine: error: the Go module proxy does not serve ${CLI}@v3.277.0; unset PULUMI_ENGINE_VERSION or pick another version.`,
    ]);
    assert.deepEqual(resolution.facts, {});
  });

  it("refuses a release that needs a newer Go than this machine's", () => {
    const resolution = resolve(
      [...release("3.276.0", { goDirective: "1.99.0" }), LEGACY_SDK],
      ["3.276.0"],
    );
    assert.equal(resolution.status, 1);
    assert.equal(resolution.errors.length, 1);
    assert.match(
      resolution.errors[0]!,
      /^engine: error: github\.com\/pulumi\/pulumi\/pkg\/v3@v3\.276\.0 needs a newer Go than this machine's: .*requires go >= 1\.99\.0 \(running go [0-9.]+; GOTOOLCHAIN=local\)\. Install a newer Go, or export GOTOOLCHAIN=go<version> to let the go command fetch that toolchain from the proxy, and retry\.$/,
    );
  });

  it("says no Node.js language host can be built when neither the module nor sdk/v3 v3.68.0 is served", () => {
    const resolution = resolve(release("3.276.0"), ["3.276.0"]);
    assert.equal(resolution.status, 1);
    assert.equal(resolution.errors.length, 1);
    assert.match(resolution.errors[0]!, /no Node\.js language host can be built/);
  });

  it("says the proxy cannot be reached, naming GOPROXY, when nothing answers", () => {
    const resolution = resolve({ goproxy: "http://127.0.0.1:9" }, ["3.276.0"]);
    assert.equal(resolution.status, 1);
    assert.equal(resolution.errors.length, 1);
    assert.match(
      resolution.errors[0]!,
      /^engine: error: cannot reach the Go module proxy \(GOPROXY=http:\/\/127\.0\.0\.1:9\) for github\.com\/pulumi\/pulumi\/pkg\/v3@v3\.276\.0: .*connection refused.* Check the network and GOPROXY, then retry\.$/,
    );
  });

  it("rejects a version that is not 3.X.Y", () => {
    const resolution = resolve([], ["4.0"]);
    assert.equal(resolution.status, 1);
    assert.deepEqual(resolution.errors, [
      "engine: error: engine version '4.0' is not of the form 3.X.Y.",
    ]);
  });
});
