import * as assert from "node:assert/strict";
import { RequestPacer } from "../../../src/aws/requestPacer";
import { fakeClock } from "./fakeClock";

describe("RequestPacer", () => {
  it("paces reads and writes of each region separately, and not at all at rate 0", async () => {
    const clock = fakeClock();
    const pacer = new RequestPacer({ readsPerSecond: 1, writesPerSecond: 0 }, clock.now);
    const started = Date.now();
    await pacer.pace("us-east-1", "read");
    await pacer.pace("eu-west-1", "read");
    for (let index = 0; index < 50; index++) {
      await pacer.pace("us-east-1", "write");
    }
    assert.ok(Date.now() - started < 100, "no waiting: separate buckets, and writes unpaced");
  });

  it("makes the request beyond the burst wait for its token", async () => {
    const pacer = new RequestPacer({ readsPerSecond: 20, writesPerSecond: 20 });
    const started = Date.now();
    for (let index = 0; index < 21; index++) {
      await pacer.pace("us-east-1", "read");
    }
    assert.ok(Date.now() - started >= 40, "the 21st read waited about 50 ms");
  });
});
