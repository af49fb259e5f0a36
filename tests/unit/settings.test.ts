import * as assert from "node:assert/strict";
import { DEFAULT_PACING } from "../../src/aws/requestPacer";
import { InvalidSettingError } from "../../src/errors";
import { readSettings } from "../../src/settings";

describe("readSettings", () => {
  const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

  it("defaults to 10 reads and 10 writes per second per region", () => {
    assert.deepEqual(readSettings(config({}), {}), { pacing: DEFAULT_PACING });
    assert.deepEqual(DEFAULT_PACING, { readsPerSecond: 10, writesPerSecond: 10 });
  });

  it("takes stack config over the environment", () => {
    assert.deepEqual(
      readSettings(config({ "pulumi-cognito-log-delivery:writesPerSecond": "14" }), {
        COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "3",
        COGNITO_LOG_DELIVERY_READS_PER_SECOND: "0",
      }),
      { pacing: { readsPerSecond: 0, writesPerSecond: 14 } },
    );
  });

  it("says what to write for a value that is not a rate, and carries the setting and value", () => {
    assert.throws(
      () => readSettings(config({ "pulumi-cognito-log-delivery:readsPerSecond": "fast" }), {}),
      (error: unknown) =>
        InvalidSettingError.isInstance(error) &&
        error.setting === "pulumi-cognito-log-delivery:readsPerSecond" &&
        error.value === "fast" &&
        error.message ===
          'pulumi-cognito-log-delivery:readsPerSecond is "fast": set a number of requests per second per region (e.g. 10), or 0 to turn pacing off',
    );
    assert.throws(
      () => readSettings(config({}), { COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "-1" }),
      /COGNITO_LOG_DELIVERY_WRITES_PER_SECOND is "-1"/,
    );
  });
});
