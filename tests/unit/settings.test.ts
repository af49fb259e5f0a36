import * as assert from "node:assert/strict";
import { DEFAULT_PACING } from "../../src/aws/requestPacer";
import { InvalidSettingError } from "../../src/errors";
import { DEFAULT_ATTRIBUTION, DEFAULT_IVSCHAT, readSettings } from "../../src/settings";

describe("readSettings", () => {
  const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

  it("defaults to 10 reads and 10 writes per second per region", () => {
    assert.deepEqual(readSettings(config({}), {}), {
      pacing: DEFAULT_PACING,
      attribution: DEFAULT_ATTRIBUTION,
      ivsChat: DEFAULT_IVSCHAT,
    });
    assert.deepEqual(DEFAULT_PACING, { readsPerSecond: 10, writesPerSecond: 10 });
    assert.deepEqual(DEFAULT_IVSCHAT, { readsPerSecond: 4 });
  });

  it("takes stack config over the environment", () => {
    assert.deepEqual(
      readSettings(config({ "pulumi-cognito-log-delivery:writesPerSecond": "14" }), {
        COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "3",
        COGNITO_LOG_DELIVERY_READS_PER_SECOND: "0",
      }),
      {
        pacing: { readsPerSecond: 0, writesPerSecond: 14 },
        attribution: DEFAULT_ATTRIBUTION,
        ivsChat: DEFAULT_IVSCHAT,
      },
    );
  });

  it("paces IVS Chat reads from config or the environment", () => {
    assert.deepEqual(
      readSettings(config({}), { COGNITO_LOG_DELIVERY_IVSCHAT_READS_PER_SECOND: "2" }).ivsChat,
      { readsPerSecond: 2 },
    );
    assert.throws(
      () =>
        readSettings(config({ "pulumi-cognito-log-delivery:ivsChatReadsPerSecond": "fast" }), {}),
      (error: unknown) =>
        InvalidSettingError.isInstance(error) &&
        error.setting === "pulumi-cognito-log-delivery:ivsChatReadsPerSecond",
    );
  });

  it("attributes drift by default, below CloudTrail's 2 lookups per second, over its 90 days", () => {
    assert.deepEqual(DEFAULT_ATTRIBUTION, {
      enabled: true,
      lookupsPerSecond: 1.5,
      lookbackDays: 90,
    });
  });

  it("turns attribution off and tunes it from config or the environment", () => {
    assert.deepEqual(
      readSettings(
        config({
          "pulumi-cognito-log-delivery:attributeDrift": "false",
          "pulumi-cognito-log-delivery:cloudTrailLookbackDays": "30",
        }),
        { COGNITO_LOG_DELIVERY_CLOUDTRAIL_LOOKUPS_PER_SECOND: "0.5" },
      ).attribution,
      { enabled: false, lookupsPerSecond: 0.5, lookbackDays: 30 },
    );
    assert.equal(
      readSettings(config({}), { COGNITO_LOG_DELIVERY_ATTRIBUTE_DRIFT: "FALSE" }).attribution
        .enabled,
      false,
    );
  });

  const wrong: [Record<string, string>, string][] = [
    [
      { "pulumi-cognito-log-delivery:attributeDrift": "no" },
      'pulumi-cognito-log-delivery:attributeDrift is "no": set true or false',
    ],
    [
      { "pulumi-cognito-log-delivery:cloudTrailLookupsPerSecond": "5" },
      'pulumi-cognito-log-delivery:cloudTrailLookupsPerSecond is "5": set a number of LookupEvents per second above 0 and at most 2, CloudTrail\'s limit per account and region (e.g. 1)',
    ],
    [
      { "pulumi-cognito-log-delivery:cloudTrailLookbackDays": "120" },
      'pulumi-cognito-log-delivery:cloudTrailLookbackDays is "120": set a whole number of days from 1 to 90 (CloudTrail\'s event history keeps 90)',
    ],
  ];
  for (const [values, message] of wrong) {
    it(`says what to write: ${message.split(":")[1]}`, () => {
      assert.throws(
        () => readSettings(config(values), {}),
        (error: unknown) => InvalidSettingError.isInstance(error) && error.message === message,
      );
    });
  }

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
