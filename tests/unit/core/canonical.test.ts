import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { readInputs } from "../../../src/core/readInputs";
import { UNKNOWN_VALUE } from "../../../src/core/values";
import {
  LOG_GROUP_ARN,
  POOL_ID,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

/** The inputs `check` returns. */
const canonicalInputs = (inputs: Record<string, unknown>) => readInputs(inputs).inputs;

describe("readInputs: canonical inputs", () => {
  const cases: {
    name: string;
    inputs: Record<string, unknown>;
    canonical: Record<string, unknown>;
  }[] = [
    {
      name: "orders entries by event source, userNotification first",
      inputs: {
        userPoolId: POOL_ID,
        logConfigurations: [authEventsToStream, notificationsToLogGroup],
      },
      canonical: {
        userPoolId: POOL_ID,
        region: "us-east-1",
        logConfigurations: [notificationsToLogGroup, authEventsToStream],
      },
    },
    {
      name: "removes a trailing :* from a log group ARN (AWS rejects it, aws-cdk #31241)",
      inputs: {
        userPoolId: POOL_ID,
        logConfigurations: [
          {
            ...notificationsToLogGroup,
            cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:*` },
          },
        ],
      },
      canonical: {
        userPoolId: POOL_ID,
        region: "us-east-1",
        logConfigurations: [notificationsToLogGroup],
      },
    },
    {
      name: "drops destinations set to undefined or null",
      inputs: {
        userPoolId: POOL_ID,
        logConfigurations: [
          { ...notificationsToLogGroup, s3Configuration: null, firehoseConfiguration: undefined },
        ],
      },
      canonical: {
        userPoolId: POOL_ID,
        region: "us-east-1",
        logConfigurations: [notificationsToLogGroup],
      },
    },
    {
      name: "keeps an explicit region",
      inputs: { userPoolId: "local_abc", region: "eu-west-1", logConfigurations: [] },
      canonical: { userPoolId: "local_abc", region: "eu-west-1", logConfigurations: [] },
    },
    {
      name: "leaves region out while the pool ID is unknown",
      inputs: { userPoolId: UNKNOWN_VALUE, logConfigurations: [] },
      canonical: { userPoolId: UNKNOWN_VALUE, logConfigurations: [] },
    },
    {
      name: "keeps unknown entries, after the known ones",
      inputs: { userPoolId: POOL_ID, logConfigurations: [UNKNOWN_VALUE, authEventsToStream] },
      canonical: {
        userPoolId: POOL_ID,
        region: "us-east-1",
        logConfigurations: [authEventsToStream, UNKNOWN_VALUE],
      },
    },
    {
      name: "passes the serialized provider through untouched",
      inputs: { __provider: "exports.handler = …", userPoolId: POOL_ID, logConfigurations: [] },
      canonical: {
        __provider: "exports.handler = …",
        userPoolId: POOL_ID,
        region: "us-east-1",
        logConfigurations: [],
      },
    },
  ];
  for (const { name, inputs, canonical } of cases) {
    it(name, () => assert.deepEqual(canonicalInputs(inputs), canonical));
  }

  it("is idempotent", () => {
    const once = canonicalInputs({
      userPoolId: POOL_ID,
      logConfigurations: [authEventsToStream, notificationsToLogGroup],
    });
    assert.deepEqual(canonicalInputs(once), once);
  });

  it("uses the same unknown sentinel as @pulumi/pulumi", () => {
    assert.equal(UNKNOWN_VALUE, pulumi.runtime.unknownValue);
  });
});
