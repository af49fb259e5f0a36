/**
 * A short, fixed-seed run of the randomized fault soak (`npm run soak` runs the long one):
 * random edits, outside changes and faults, one `up` killed outright, and after every
 * round the invariant holds with no mismatch.
 */
import * as assert from "node:assert/strict";
import { runSoak, soakWorkspaces } from "../../testing/soak/soak";
import { ensureEngine } from "../../testing/engine/engine";
import { useEmulator } from "../../testing/emulatorSession";

describe("end to end: the fault soak, short and seeded", function () {
  this.timeout(600_000);
  const aws = useEmulator();
  let engineBin = "";

  before(function () {
    this.timeout(60 * 60 * 1000);
    engineBin = ensureEngine();
  });

  it("converges after every round, with nothing overwritten, half-applied or left to change", async () => {
    const report = await runSoak({
      seed: 20261201,
      pools: 16,
      rounds: 3,
      aws,
      workspace: soakWorkspaces(aws, engineBin),
    });
    assert.deepEqual(report.mismatches, []);
    assert.ok(report.kills.attempted >= 1, "the first round's up was killed");
    assert.equal(report.kills.survived, report.kills.attempted);
    const injected = Object.values(report.faults).reduce((total, count) => total + count, 0);
    assert.ok(injected > 0, "faults were injected and met");
  });
});
