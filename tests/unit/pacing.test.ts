import * as assert from "node:assert/strict";
import {
  DEFAULT_PACING,
  RequestPacer,
  TokenBucket,
  categoryOf,
  pacingSettings,
} from "../../src/cognito/pacing";
import { InvalidSettingError } from "../../src/errors";

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe("TokenBucket", () => {
  it("serves a burst of one second, then spaces reservations at the rate", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(4, clock.now);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map(() => bucket.reserve()),
      [0, 0, 0, 0, 250, 500],
    );
  });

  it("refills with time, never beyond its burst", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, clock.now);
    bucket.reserve();
    bucket.reserve();
    clock.advance(10_000);
    assert.deepEqual(
      [1, 2, 3].map(() => bucket.reserve()),
      [0, 0, 500],
    );
  });

  it("handles rates below one per second with a burst of one", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(0.5, clock.now);
    assert.deepEqual([bucket.reserve(), bucket.reserve()], [0, 2000]);
  });
});

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
});

describe("categoryOf", () => {
  it("counts Set as a write and everything else as a read", () => {
    assert.deepEqual(
      [
        "SetLogDeliveryConfigurationCommand",
        "GetLogDeliveryConfigurationCommand",
        "ListUserPoolsCommand",
        undefined,
      ].map(categoryOf),
      ["write", "read", "read", "read"],
    );
  });
});

describe("pacingSettings", () => {
  const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

  it("defaults to 10 reads and 10 writes per second per region", () => {
    assert.deepEqual(pacingSettings(config({}), {}), DEFAULT_PACING);
    assert.deepEqual(DEFAULT_PACING, { readsPerSecond: 10, writesPerSecond: 10 });
  });

  it("takes stack config over the environment", () => {
    assert.deepEqual(
      pacingSettings(config({ "pulumi-cognito-log-delivery:writesPerSecond": "14" }), {
        COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "3",
        COGNITO_LOG_DELIVERY_READS_PER_SECOND: "0",
      }),
      { readsPerSecond: 0, writesPerSecond: 14 },
    );
  });

  it("says what to write for a value that is not a rate", () => {
    assert.throws(
      () => pacingSettings(config({ "pulumi-cognito-log-delivery:readsPerSecond": "fast" }), {}),
      (error: unknown) =>
        InvalidSettingError.isInstance(error) &&
        error.message ===
          'pulumi-cognito-log-delivery:readsPerSecond is "fast": set a number of requests per second per region (e.g. 10), or 0 to turn pacing off',
    );
    assert.throws(
      () => pacingSettings(config({}), { COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "-1" }),
      /COGNITO_LOG_DELIVERY_WRITES_PER_SECOND is "-1"/,
    );
  });
});
