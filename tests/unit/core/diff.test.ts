import * as assert from "node:assert/strict";
import { diffLogDelivery } from "../../../src/core/diff";
import type { LogDeliveryDiff } from "../../../src/core/diff";
import { UNKNOWN_VALUE } from "../../../src/core/values";
import {
  AUTH_LOG_GROUP_ARN,
  BUCKET_ARN,
  LOG_GROUP_ARN,
  POOL_ID,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

const OLD_OUTPUTS = {
  userPoolId: POOL_ID,
  region: "us-east-1",
  logConfigurations: [notificationsToLogGroup, authEventsToStream],
};

const NO_CHANGE: LogDeliveryDiff = { changes: false, replaces: [], deleteBeforeReplace: false };
const UPDATE: LogDeliveryDiff = { changes: true, replaces: [], deleteBeforeReplace: false };

describe("diffLogDelivery", () => {
  const cases: {
    name: string;
    olds: Record<string, unknown>;
    news: Record<string, unknown>;
    diff: LogDeliveryDiff;
  }[] = [
    {
      name: "the same configuration is no change",
      olds: OLD_OUTPUTS,
      news: OLD_OUTPUTS,
      diff: NO_CHANGE,
    },
    {
      name: "entries in another order are no change (Terraform #43550)",
      olds: OLD_OUTPUTS,
      news: { ...OLD_OUTPUTS, logConfigurations: [authEventsToStream, notificationsToLogGroup] },
      diff: NO_CHANGE,
    },
    {
      name: "a log group ARN with :* is no change",
      olds: OLD_OUTPUTS,
      news: {
        ...OLD_OUTPUTS,
        logConfigurations: [
          {
            ...notificationsToLogGroup,
            cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:*` },
          },
          authEventsToStream,
        ],
      },
      diff: NO_CHANGE,
    },
    {
      name: "an old state without region is no change when the pool's region is the same",
      olds: { userPoolId: POOL_ID, logConfigurations: [] },
      news: { userPoolId: POOL_ID, region: "us-east-1", logConfigurations: [] },
      diff: NO_CHANGE,
    },
    {
      name: "another destination is an update",
      olds: OLD_OUTPUTS,
      news: {
        ...OLD_OUTPUTS,
        logConfigurations: [
          notificationsToLogGroup,
          {
            eventSource: "userAuthEvents",
            logLevel: "INFO",
            s3Configuration: { bucketArn: BUCKET_ARN },
          },
        ],
      },
      diff: UPDATE,
    },
    {
      name: "another log group is an update",
      olds: OLD_OUTPUTS,
      news: {
        ...OLD_OUTPUTS,
        logConfigurations: [
          {
            ...notificationsToLogGroup,
            cloudWatchLogsConfiguration: { logGroupArn: AUTH_LOG_GROUP_ARN },
          },
          authEventsToStream,
        ],
      },
      diff: UPDATE,
    },
    {
      name: "a removed entry is an update",
      olds: OLD_OUTPUTS,
      news: { ...OLD_OUTPUTS, logConfigurations: [notificationsToLogGroup] },
      diff: UPDATE,
    },
    {
      name: "a configuration emptied outside Pulumi (refreshed outputs) is an update",
      olds: { ...OLD_OUTPUTS, logConfigurations: [] },
      news: OLD_OUTPUTS,
      diff: UPDATE,
    },
    {
      name: "another pool replaces",
      olds: OLD_OUTPUTS,
      news: { ...OLD_OUTPUTS, userPoolId: "us-east-1_Other1" },
      diff: { changes: true, replaces: ["userPoolId"], deleteBeforeReplace: false },
    },
    {
      name: "another region replaces",
      olds: { ...OLD_OUTPUTS, userPoolId: "local_abc", region: "us-east-1" },
      news: { ...OLD_OUTPUTS, userPoolId: "local_abc", region: "eu-west-1" },
      diff: { changes: true, replaces: ["region"], deleteBeforeReplace: false },
    },
    {
      name: "a pool ID unknown at preview may replace",
      olds: OLD_OUTPUTS,
      news: { userPoolId: UNKNOWN_VALUE, logConfigurations: OLD_OUTPUTS.logConfigurations },
      diff: { changes: true, replaces: ["userPoolId"], deleteBeforeReplace: false },
    },
    {
      name: "a destination unknown at preview is a possible update",
      olds: OLD_OUTPUTS,
      news: {
        ...OLD_OUTPUTS,
        logConfigurations: [
          {
            ...notificationsToLogGroup,
            cloudWatchLogsConfiguration: { logGroupArn: UNKNOWN_VALUE },
          },
          authEventsToStream,
        ],
      },
      diff: UPDATE,
    },
  ];
  for (const { name, olds, news, diff } of cases) {
    it(name, () => assert.deepEqual(diffLogDelivery(olds, news), diff));
  }
});

describe("diffLogDelivery never throws, whatever the input", () => {
  /** A value nested 100,000 levels deep; each call makes a new one. */
  const nested = (): unknown => {
    let value: unknown = "x";
    for (let level = 0; level < 100_000; level++) {
      value = level % 2 ? { a: value } : [value];
    }
    return value;
  };
  const deep = nested();
  const recorded = {
    userPoolId: POOL_ID,
    region: "us-east-1",
    logConfigurations: [notificationsToLogGroup],
  };
  const cases: [string, unknown, unknown][] = [
    ["deep new inputs", recorded, deep],
    ["deep old outputs", deep, recorded],
    ["a deep entry", recorded, { ...recorded, logConfigurations: [deep] }],
    [
      "deep eventSources on both sides that differ at the bottom",
      { ...recorded, logConfigurations: [{ ...notificationsToLogGroup, eventSource: deep }] },
      { ...recorded, logConfigurations: [{ ...notificationsToLogGroup, eventSource: [deep] }] },
    ],
    [
      "a deep ARN",
      recorded,
      {
        ...recorded,
        logConfigurations: [
          { ...notificationsToLogGroup, cloudWatchLogsConfiguration: { logGroupArn: deep } },
        ],
      },
    ],
    ["null", null, undefined],
  ];
  for (const [name, olds, news] of cases) {
    it(`reports a change for ${name}`, () => {
      assert.equal(diffLogDelivery(olds, news).changes, true);
    });
  }

  it("reports no change for equal deep values (compared structurally, without recursion)", () => {
    const withSource = (eventSource: unknown) => ({
      ...recorded,
      logConfigurations: [{ ...notificationsToLogGroup, eventSource }],
    });
    assert.equal(diffLogDelivery(withSource(nested()), withSource(nested())).changes, false);
  });
});
