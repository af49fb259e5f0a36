import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureEngine } from "../../../testing/engine/engine";
import { writeGoModuleProxy } from "../../../testing/engine/goModuleProxy";

/** A PATH with Go and the basic tools but no `pulumi`, so no engine on PATH is reused. */
function pathWithoutPulumi(): string {
  const go = spawnSync("bash", ["-c", "command -v go"], { encoding: "utf8" }).stdout.trim();
  return [path.dirname(go), "/usr/local/bin", "/usr/bin", "/bin"].join(":");
}

describe("ensureEngine: a failing set-up says why, not only its exit code (issue 20)", function () {
  this.timeout(60_000);
  let scratch: string;
  let environment: NodeJS.ProcessEnv;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ensure-engine-"));
    environment = {
      ...process.env,
      PATH: pathWithoutPulumi(),
      PULUMI_COGNITO_CACHE: path.join(scratch, "cache"),
      GOPROXY: writeGoModuleProxy(path.join(scratch, "proxy"), []),
      GOMODCACHE: path.join(scratch, "modcache"),
      GOSUMDB: "off",
      GOFLAGS: "-modcacherw",
    };
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("repeats the resolver's reason when the proxy does not serve the pinned version", () => {
    assert.throws(() => ensureEngine({ ...environment, PULUMI_ENGINE_VERSION: "3.276.0" }), {
      message:
        "the Pulumi engine is not available: the Go module proxy does not serve " +
        "github.com/pulumi/pulumi/pkg/v3@v3.276.0; unset PULUMI_ENGINE_VERSION or pick another " +
        "version. (testing/engine/ensure-engine.sh exited 1)",
    });
  });

  it("names the command and line of a failure nobody foresaw (here: the cache root is a file)", () => {
    fs.writeFileSync(path.join(scratch, "cache"), "not a directory");
    assert.throws(() => ensureEngine(environment), {
      message: new RegExp(
        "^the Pulumi engine is not available: 'mkdir -p \"\\$engine_root\"' exited 1 " +
          "\\(ensure-engine\\.sh line \\d+\\); the lines above say why\\. If they do not, run " +
          "'bash -x testing/engine/ensure-engine\\.sh' to see where, and report it\\. " +
          "\\(testing/engine/ensure-engine\\.sh exited 1\\)$",
      ),
    });
  });
});
