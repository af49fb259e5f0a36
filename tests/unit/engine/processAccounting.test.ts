import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ProcessAccounting } from "../../../testing/engine/processAccounting";

describe("CPU and memory by process, for the benchmark", function () {
  let engineBin: string;
  let accounting: ProcessAccounting | undefined;

  before(function () {
    engineBin = fs.mkdtempSync(path.join(os.tmpdir(), "fake-engine-"));
    // A fake engine that starts the fake provider from PATH, as the engine finds its plugins.
    const binaries = {
      pulumi: `#!/bin/sh\npulumi-resource-pulumi-nodejs\nexit 0\n`,
      "pulumi-resource-pulumi-nodejs": `#!/bin/sh\ni=0; while [ $i -lt 20000 ]; do i=$((i+1)); done\n`,
      "pulumi-language-nodejs": `#!/bin/sh\nexit 0\n`,
    };
    for (const [name, text] of Object.entries(binaries)) {
      fs.writeFileSync(path.join(engineBin, name), text, { mode: 0o755 });
    }
    accounting = ProcessAccounting.create(engineBin);
    if (!accounting) {
      this.skip(); // no GNU time on this machine
    }
  });

  after(() => {
    accounting?.dispose();
    fs.rmSync(engineBin, { recursive: true, force: true });
  });

  it("reports each role's CPU and peak memory, the engine's without its plugins'", () => {
    accounting!.reset();
    const run = spawnSync(path.join(accounting!.binDirectory, "pulumi"), [], {
      env: { PATH: `${accounting!.binDirectory}:${process.env["PATH"] ?? ""}` },
    });
    assert.equal(run.status, 0, String(run.stderr));
    const usage = accounting!.read();
    assert.ok(usage.peakMiB.provider > 0, "the provider ran under GNU time");
    assert.equal(usage.peakMiB.languageHost, 0, "no language host ran");
    assert.ok(usage.cpuSeconds.engine >= 0);
    accounting!.reset();
    assert.deepEqual(accounting!.read().cpuSeconds, { engine: 0, languageHost: 0, provider: 0 });
  });
});
