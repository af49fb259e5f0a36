import * as assert from "node:assert/strict";
import { readInputs } from "../../../src/core/readInputs";
import type { CheckFailure } from "../../../src/core/failures";
import { UNKNOWN_VALUE } from "../../../src/core/values";
import {
  BUCKET_ARN,
  LOG_GROUP_ARN,
  POOL_ID,
  STREAM_ARN,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";
import { sdkPartitions } from "../../../testing/sdkPartitions";
import type { SdkPartition } from "../../../testing/sdkPartitions";

const SHAPE = {
  logs: "arn:<partition>:logs:<region>:<account>:log-group:<name>",
  firehose: "arn:<partition>:firehose:<region>:<account>:deliverystream/<name>",
};

/** Inputs with one userAuthEvents entry whose destination is given. */
function authEventsTo(destination: Record<string, unknown>): Record<string, unknown> {
  return {
    userPoolId: POOL_ID,
    logConfigurations: [{ eventSource: "userAuthEvents", logLevel: "INFO", ...destination }],
  };
}

function notificationsWith(entry: Record<string, unknown>): Record<string, unknown> {
  return { userPoolId: POOL_ID, logConfigurations: [{ ...notificationsToLogGroup, ...entry }] };
}

interface Case {
  name: string;
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

const VALID: Case[] = [
  {
    name: "an empty list (the pool delivers no logs)",
    inputs: { userPoolId: POOL_ID, logConfigurations: [] },
    failures: [],
  },
  {
    name: "both event sources, one destination each",
    inputs: {
      userPoolId: POOL_ID,
      logConfigurations: [notificationsToLogGroup, authEventsToStream],
    },
    failures: [],
  },
  {
    name: "userAuthEvents to S3",
    inputs: authEventsTo({ s3Configuration: { bucketArn: BUCKET_ARN } }),
    failures: [],
  },
  {
    name: "userAuthEvents to CloudWatch Logs",
    inputs: authEventsTo({ cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN } }),
    failures: [],
  },
  {
    name: "a log group ARN with a trailing :* (CDK's form)",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:*` },
    }),
    failures: [],
  },
  {
    name: "an explicit region equal to the pool's",
    inputs: { userPoolId: POOL_ID, region: "us-east-1", logConfigurations: [] },
    failures: [],
  },
  {
    name: "a pool ID without a region prefix when region is given (emulators)",
    inputs: { userPoolId: "local_abc123", region: "us-east-1", logConfigurations: [] },
    failures: [],
  },
  {
    name: "a pool in aws-cn delivering to an aws-cn log group",
    inputs: {
      userPoolId: "cn-north-1_abc",
      logConfigurations: [
        {
          ...notificationsToLogGroup,
          cloudWatchLogsConfiguration: {
            logGroupArn: "arn:aws-cn:logs:cn-north-1:123456789012:log-group:x",
          },
        },
      ],
    },
    failures: [],
  },
  {
    name: "destinations set to undefined or null besides the real one",
    inputs: notificationsWith({ s3Configuration: undefined, firehoseConfiguration: null }),
    failures: [],
  },
];

const POOL_FAILURES: Case[] = [
  {
    name: "missing userPoolId and logConfigurations",
    inputs: {},
    failures: [
      {
        property: "userPoolId",
        reason:
          'is required: the ID of the user pool, e.g. "us-east-1_AbCdEf123" (aws.cognito.UserPool\'s `id`).',
      },
      {
        property: "logConfigurations",
        reason:
          "is required: a list of at most 2 entries, one per event source, or [] to declare that the pool delivers no logs.",
      },
    ],
  },
  {
    name: "a user pool ARN instead of its ID",
    inputs: {
      userPoolId: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC",
      logConfigurations: [],
    },
    failures: [
      {
        property: "userPoolId",
        reason: 'is a user pool ARN; write the pool\'s ID "us-east-1_AbC" instead.',
      },
    ],
  },
  {
    name: "a pool ID without the region_id shape",
    inputs: { userPoolId: "pool", logConfigurations: [] },
    failures: [
      {
        property: "userPoolId",
        reason:
          '"pool" is not a user pool ID: write <region>_<id>, e.g. "us-east-1_AbCdEf123" (aws.cognito.UserPool\'s `id`).',
      },
    ],
  },
  {
    name: "a pool ID longer than 55 characters",
    inputs: { userPoolId: `us-east-1_${"a".repeat(46)}`, logConfigurations: [] },
    failures: [
      {
        property: "userPoolId",
        reason:
          'is 56 characters long; a user pool ID has at most 55, e.g. "us-east-1_AbCdEf123" (aws.cognito.UserPool\'s `id`).',
      },
    ],
  },
  {
    name: "a pool ID whose prefix is not a region, without region",
    inputs: { userPoolId: "local_abc", logConfigurations: [] },
    failures: [
      {
        property: "region",
        reason:
          'is required for the pool "local_abc": its ID does not start with a region name, so set region to the region the pool is in, e.g. "us-east-1".',
      },
    ],
  },
  {
    name: "a region that contradicts the pool ID",
    inputs: { userPoolId: POOL_ID, region: "eu-west-1", logConfigurations: [] },
    failures: [
      {
        property: "region",
        reason:
          'is "eu-west-1", but the pool us-east-1_AbCdEf123 is in us-east-1 (a pool ID starts with its region): remove region or set it to "us-east-1".',
      },
    ],
  },
  {
    name: "a region that is not a region name",
    inputs: { userPoolId: POOL_ID, region: "US East", logConfigurations: [] },
    failures: [
      {
        property: "region",
        reason:
          'must be a region name such as "us-east-1", or left out to use the pool\'s region "us-east-1".',
      },
    ],
  },
  {
    name: "a misspelt top-level property",
    inputs: { userPoolId: POOL_ID, logConfiguration: [] },
    failures: [
      {
        property: "logConfiguration",
        reason: 'is not a known property; did you mean "logConfigurations"?',
      },
      {
        property: "logConfigurations",
        reason:
          "is required: a list of at most 2 entries, one per event source, or [] to declare that the pool delivers no logs.",
      },
    ],
  },
];

const ENTRY_FAILURES: Case[] = [
  {
    name: "more than 2 entries",
    inputs: {
      userPoolId: POOL_ID,
      logConfigurations: [notificationsToLogGroup, authEventsToStream, authEventsToStream],
    },
    failures: [
      {
        property: "logConfigurations",
        reason:
          'has 3 entries; Cognito accepts at most 2, one per event source ("userNotification" or "userAuthEvents").',
      },
      {
        property: "logConfigurations[2].eventSource",
        reason:
          '"userAuthEvents" is already configured in logConfigurations[1]; Cognito accepts one entry per event source: keep one of the two.',
      },
    ],
  },
  {
    name: "two entries for one event source",
    inputs: {
      userPoolId: POOL_ID,
      logConfigurations: [notificationsToLogGroup, notificationsToLogGroup],
    },
    failures: [
      {
        property: "logConfigurations[1].eventSource",
        reason:
          '"userNotification" is already configured in logConfigurations[0]; Cognito accepts one entry per event source: keep one of the two.',
      },
    ],
  },
  {
    name: "an entry that is not an object",
    inputs: { userPoolId: POOL_ID, logConfigurations: ["userNotification"] },
    failures: [
      {
        property: "logConfigurations[0]",
        reason:
          'must be an object such as { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:…" } }.',
      },
    ],
  },
  {
    name: "a misspelt event source",
    inputs: notificationsWith({ eventSource: "userNotifications" }),
    failures: [
      {
        property: "logConfigurations[0].eventSource",
        reason: '"userNotifications" is not an event source: write "userNotification".',
      },
    ],
  },
  {
    name: "a missing event source",
    inputs: notificationsWith({ eventSource: undefined }),
    failures: [
      {
        property: "logConfigurations[0].eventSource",
        reason:
          'is required: write "userNotification" (message-delivery errors) or "userAuthEvents" (threat-protection user activity (Plus feature plan)).',
      },
    ],
  },
  {
    name: "userNotification at INFO",
    inputs: notificationsWith({ logLevel: "INFO" }),
    failures: [
      {
        property: "logConfigurations[0].logLevel",
        reason:
          'is "INFO"; userNotification logs are delivered at level "ERROR" only: write logLevel: "ERROR".',
      },
    ],
  },
  {
    name: "userAuthEvents at ERROR",
    inputs: {
      userPoolId: POOL_ID,
      logConfigurations: [{ ...authEventsToStream, logLevel: "ERROR" }],
    },
    failures: [
      {
        property: "logConfigurations[0].logLevel",
        reason:
          'is "ERROR"; userAuthEvents logs are delivered at level "INFO" only: write logLevel: "INFO".',
      },
    ],
  },
  {
    name: "a missing log level",
    inputs: notificationsWith({ logLevel: undefined }),
    failures: [
      {
        property: "logConfigurations[0].logLevel",
        reason:
          'is required; userNotification logs are delivered at level "ERROR" only: write logLevel: "ERROR".',
      },
    ],
  },
  {
    name: "an unknown log level with an unknown event source",
    inputs: {
      userPoolId: POOL_ID,
      logConfigurations: [
        {
          eventSource: "signIns",
          logLevel: "DEBUG",
          cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
        },
      ],
    },
    failures: [
      {
        property: "logConfigurations[0].eventSource",
        reason:
          '"signIns" is not an event source: write "userNotification" (message-delivery errors) or "userAuthEvents" (threat-protection user activity (Plus feature plan)).',
      },
      {
        property: "logConfigurations[0].logLevel",
        reason: 'must be "ERROR" for userNotification or "INFO" for userAuthEvents.',
      },
    ],
  },
  {
    name: "an entry with no destination",
    inputs: notificationsWith({ cloudWatchLogsConfiguration: undefined }),
    failures: [
      {
        property: "logConfigurations[0]",
        reason: "has no destination: set cloudWatchLogsConfiguration.logGroupArn.",
      },
    ],
  },
  {
    name: "userAuthEvents with no destination",
    inputs: authEventsTo({}),
    failures: [
      {
        property: "logConfigurations[0]",
        reason:
          "has no destination: set exactly one of cloudWatchLogsConfiguration.logGroupArn, firehoseConfiguration.streamArn, s3Configuration.bucketArn.",
      },
    ],
  },
  {
    name: "an entry with two destinations",
    inputs: authEventsTo({
      cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
      firehoseConfiguration: { streamArn: STREAM_ARN },
    }),
    failures: [
      {
        property: "logConfigurations[0]",
        reason:
          "sets 2 destinations (cloudWatchLogsConfiguration, firehoseConfiguration); Cognito delivers each event source to exactly one: keep one of them.",
      },
    ],
  },
  {
    name: "userNotification to S3",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: undefined,
      s3Configuration: { bucketArn: BUCKET_ARN },
    }),
    failures: [
      {
        property: "logConfigurations[0].s3Configuration",
        reason:
          "cannot be used for userNotification: userNotification logs go to cloudWatchLogsConfiguration.logGroupArn only (S3 buckets take userAuthEvents, which needs the Plus feature plan).",
      },
    ],
  },
  {
    name: "userNotification to Firehose",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: undefined,
      firehoseConfiguration: { streamArn: STREAM_ARN },
    }),
    failures: [
      {
        property: "logConfigurations[0].firehoseConfiguration",
        reason:
          "cannot be used for userNotification: userNotification logs go to cloudWatchLogsConfiguration.logGroupArn only (Firehose streams take userAuthEvents, which needs the Plus feature plan).",
      },
    ],
  },
  {
    name: "a misspelt destination property",
    inputs: authEventsTo({ cloudwatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN } }),
    failures: [
      {
        property: "logConfigurations[0].cloudwatchLogsConfiguration",
        reason: 'is not a known property; did you mean "cloudWatchLogsConfiguration"?',
      },
      {
        property: "logConfigurations[0]",
        reason:
          "has no destination: set exactly one of cloudWatchLogsConfiguration.logGroupArn, firehoseConfiguration.streamArn, s3Configuration.bucketArn.",
      },
    ],
  },
  {
    name: "a log group name field instead of its ARN",
    inputs: notificationsWith({ cloudWatchLogsConfiguration: { logGroupName: "/aws/cognito" } }),
    failures: [
      {
        property: "logConfigurations[0].cloudWatchLogsConfiguration.logGroupName",
        reason: "is not a known property; the only property here is logGroupArn.",
      },
      {
        property: "logConfigurations[0].cloudWatchLogsConfiguration.logGroupArn",
        reason: `is required: the ARN of the CloudWatch Logs log group, ${SHAPE.logs} (aws.cloudwatch.LogGroup's \`arn\`).`,
      },
    ],
  },
  {
    name: "a destination that is not an object",
    inputs: notificationsWith({ cloudWatchLogsConfiguration: LOG_GROUP_ARN }),
    failures: [
      {
        property: "logConfigurations[0].cloudWatchLogsConfiguration",
        reason: `must be an object: { logGroupArn: "${SHAPE.logs}" }.`,
      },
    ],
  },
];

const ARN_PATH = "logConfigurations[0].cloudWatchLogsConfiguration.logGroupArn";

const ARN_FAILURES: Case[] = [
  {
    name: "a log group name instead of its ARN",
    inputs: notificationsWith({ cloudWatchLogsConfiguration: { logGroupArn: "/aws/cognito/x" } }),
    failures: [
      {
        property: ARN_PATH,
        reason:
          '"/aws/cognito/x" looks like a name, not an ARN: write the CloudWatch Logs log group ARN, arn:aws:logs:us-east-1:<account>:log-group:/aws/cognito/x (aws.cloudwatch.LogGroup\'s `arn`).',
      },
    ],
  },
  {
    name: "a log group in another region than the pool",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: {
        logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:x",
      },
    }),
    failures: [
      {
        property: ARN_PATH,
        reason:
          "is in eu-west-1, but the user pool is in us-east-1; Cognito delivers only to a CloudWatch Logs log group in the pool's region: create it in us-east-1.",
      },
    ],
  },
  {
    name: "a log group name with # (CloudWatch allows it, Cognito's pattern does not)",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: {
        logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:a#b",
      },
    }),
    failures: [
      {
        property: ARN_PATH,
        reason:
          'has the log group name "a#b", which Cognito\'s API rejects (it allows only letters, digits and _ + = / , . @ -, so no "#" or ":"): use a log group whose name has only those characters.',
      },
    ],
  },
  {
    name: "a log stream ARN",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:log-stream:s` },
    }),
    failures: [
      {
        property: ARN_PATH,
        reason: `points at a log stream; Cognito delivers to a log group: write ${SHAPE.logs} without ":log-stream:…".`,
      },
    ],
  },
  {
    name: "a log group ARN with a malformed account",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:us-east-1:12345:log-group:x" },
    }),
    failures: [
      { property: ARN_PATH, reason: 'has the account "12345"; an account ID is 12 digits.' },
    ],
  },
  {
    name: "an ARN of another service in the log group field",
    inputs: notificationsWith({
      cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:sns:us-east-1:123456789012:topic" },
    }),
    failures: [
      {
        property: ARN_PATH,
        reason: `is an ARN of service "sns"; write a CloudWatch Logs log group ARN (${SHAPE.logs}).`,
      },
    ],
  },
  {
    name: "a log group in the wrong partition for the pool",
    inputs: {
      userPoolId: "cn-north-1_abc",
      logConfigurations: [
        {
          ...notificationsToLogGroup,
          cloudWatchLogsConfiguration: {
            logGroupArn: "arn:aws:logs:cn-north-1:123456789012:log-group:x",
          },
        },
      ],
    },
    failures: [
      {
        property: ARN_PATH,
        reason:
          'is in partition "aws", but a pool in cn-north-1 can only deliver to partition "aws-cn": write arn:aws-cn:….',
      },
    ],
  },
  {
    name: "a bucket name instead of its ARN",
    inputs: authEventsTo({ s3Configuration: { bucketArn: "my-bucket" } }),
    failures: [
      {
        property: "logConfigurations[0].s3Configuration.bucketArn",
        reason:
          '"my-bucket" looks like a name, not an ARN: write the S3 bucket ARN, arn:aws:s3:::my-bucket (aws.s3.Bucket\'s `arn`).',
      },
    ],
  },
  {
    name: "a bucket ARN with an object path",
    inputs: authEventsTo({ s3Configuration: { bucketArn: "arn:aws:s3:::my-bucket/prefix" } }),
    failures: [
      {
        property: "logConfigurations[0].s3Configuration.bucketArn",
        reason:
          'points inside the bucket ("/prefix"); Cognito takes the bucket itself: write arn:aws:s3:::my-bucket.',
      },
    ],
  },
  {
    name: "a bucket ARN with an invalid bucket name",
    inputs: authEventsTo({ s3Configuration: { bucketArn: "arn:aws:s3:::My_Bucket" } }),
    failures: [
      {
        property: "logConfigurations[0].s3Configuration.bucketArn",
        reason:
          'has the bucket name "My_Bucket", which is not a valid S3 bucket name (3–63 characters of a-z, 0-9, "." and "-", starting and ending with a letter or digit).',
      },
    ],
  },
  {
    name: "a Kinesis Data Streams ARN for Firehose",
    inputs: authEventsTo({
      firehoseConfiguration: { streamArn: "arn:aws:kinesis:us-east-1:123456789012:stream/x" },
    }),
    failures: [
      {
        property: "logConfigurations[0].firehoseConfiguration.streamArn",
        reason: `is a Kinesis Data Streams ARN; Cognito delivers to Amazon Data Firehose: write a Firehose stream ARN (${SHAPE.firehose}).`,
      },
    ],
  },
  {
    name: "a log group ARN in the Firehose field",
    inputs: authEventsTo({ firehoseConfiguration: { streamArn: LOG_GROUP_ARN } }),
    failures: [
      {
        property: "logConfigurations[0].firehoseConfiguration.streamArn",
        reason: `is a CloudWatch Logs log group ARN, not a Firehose stream ARN: put it in cloudWatchLogsConfiguration.logGroupArn, or write a Firehose stream ARN here (${SHAPE.firehose}).`,
      },
    ],
  },
  {
    name: "a Firehose ARN that is not a delivery stream",
    inputs: authEventsTo({
      firehoseConfiguration: { streamArn: "arn:aws:firehose:us-east-1:123456789012:stream/x" },
    }),
    failures: [
      {
        property: "logConfigurations[0].firehoseConfiguration.streamArn",
        reason: `names "stream/x", not a Firehose stream: write ${SHAPE.firehose}.`,
      },
    ],
  },
  {
    name: "a Firehose stream in another region",
    inputs: authEventsTo({
      firehoseConfiguration: {
        streamArn: "arn:aws:firehose:eu-west-1:123456789012:deliverystream/x",
      },
    }),
    failures: [
      {
        property: "logConfigurations[0].firehoseConfiguration.streamArn",
        reason:
          "is in eu-west-1, but the user pool is in us-east-1; Cognito delivers only to a Firehose stream in the pool's region: create it in us-east-1.",
      },
    ],
  },
  {
    name: "an S3 ARN in the log group field",
    inputs: authEventsTo({ cloudWatchLogsConfiguration: { logGroupArn: BUCKET_ARN } }),
    failures: [
      {
        property: "logConfigurations[0].cloudWatchLogsConfiguration.logGroupArn",
        reason: `is an S3 bucket ARN, not a CloudWatch Logs log group ARN: put it in s3Configuration.bucketArn, or write a CloudWatch Logs log group ARN here (${SHAPE.logs}).`,
      },
    ],
  },
];

const PREVIEW: Case[] = [
  {
    name: "an unknown pool ID and destination ARN",
    inputs: {
      userPoolId: UNKNOWN_VALUE,
      logConfigurations: [
        { ...notificationsToLogGroup, cloudWatchLogsConfiguration: { logGroupArn: UNKNOWN_VALUE } },
      ],
    },
    failures: [],
  },
  {
    name: "an unknown list",
    inputs: { userPoolId: POOL_ID, logConfigurations: UNKNOWN_VALUE },
    failures: [],
  },
  {
    name: "an unknown entry",
    inputs: { userPoolId: POOL_ID, logConfigurations: [UNKNOWN_VALUE] },
    failures: [],
  },
  {
    name: "an unknown destination object still counts as the destination",
    inputs: notificationsWith({ cloudWatchLogsConfiguration: UNKNOWN_VALUE }),
    failures: [],
  },
  {
    name: "known mistakes are still reported next to unknown values",
    inputs: {
      userPoolId: UNKNOWN_VALUE,
      logConfigurations: [
        {
          ...notificationsToLogGroup,
          logLevel: "INFO",
          cloudWatchLogsConfiguration: { logGroupArn: UNKNOWN_VALUE },
        },
      ],
    },
    failures: [
      {
        property: "logConfigurations[0].logLevel",
        reason:
          'is "INFO"; userNotification logs are delivered at level "ERROR" only: write logLevel: "ERROR".',
      },
    ],
  },
];

function runTable(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const { name, inputs, failures } of cases) {
      it(name, () => assert.deepEqual(readInputs(inputs).failures, failures));
    }
  });
}

describe("readInputs: failures", () => {
  runTable("accepts", VALID);
  runTable("pool ID and region", POOL_FAILURES);
  runTable("entries", ENTRY_FAILURES);
  runTable("destination ARNs", ARN_FAILURES);
  runTable("during preview, skips what is unknown", PREVIEW);
});

describe("readInputs: desired state", () => {
  it("is the typed configuration, in canonical order, with the region filled in and :* removed", () => {
    const reading = readInputs({
      userPoolId: POOL_ID,
      logConfigurations: [
        authEventsToStream,
        {
          ...notificationsToLogGroup,
          cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:*` },
          s3Configuration: null,
        },
      ],
      __provider: "exports.handler = …",
    });
    assert.deepEqual(reading.failures, []);
    assert.deepEqual(reading.desired, {
      pool: { userPoolId: POOL_ID, region: "us-east-1" },
      logConfigurations: [notificationsToLogGroup, authEventsToStream],
    });
  });

  it("is absent when there are failures, and while a value is unknown", () => {
    assert.equal(readInputs({ userPoolId: POOL_ID, logConfigurations: "x" }).desired, undefined);
    const preview = readInputs({
      userPoolId: POOL_ID,
      logConfigurations: [
        { ...notificationsToLogGroup, cloudWatchLogsConfiguration: UNKNOWN_VALUE },
      ],
    });
    assert.deepEqual(preview.failures, []);
    assert.equal(preview.desired, undefined);
  });
});

describe("readInputs: every region and partition the AWS SDK knows", () => {
  const account = "123456789012";
  const declaration = (region: string, partition: string, explicitRegion: boolean) => ({
    userPoolId: `${region}_AbC123`,
    ...(explicitRegion ? { region } : {}),
    logConfigurations: [
      {
        eventSource: "userNotification",
        logLevel: "ERROR",
        cloudWatchLogsConfiguration: {
          logGroupArn: `arn:${partition}:logs:${region}:${account}:log-group:/aws/vendedlogs/x`,
        },
      },
      {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        s3Configuration: { bucketArn: `arn:${partition}:s3:::auth-events` },
      },
    ],
  });
  const partitions = sdkPartitions();
  const regionsOf = (partition: SdkPartition) =>
    Object.keys(partition.regions).filter((region) => !region.endsWith("-global"));

  it("reads the SDK's partition data (sanity: the partitions this test relies on are there)", () => {
    const names = partitions.map((partition) => partition.outputs.name);
    for (const name of ["aws", "aws-cn", "aws-us-gov", "aws-eusc", "aws-iso", "aws-iso-b"]) {
      assert.ok(names.includes(name), `the SDK's partition data lists ${name}`);
    }
  });

  for (const partition of partitions) {
    const name = partition.outputs.name;
    it(`accepts every region of ${name}, from the pool ID and given explicitly`, () => {
      for (const region of regionsOf(partition)) {
        for (const explicitRegion of [false, true]) {
          const reading = readInputs(declaration(region, name, explicitRegion));
          assert.deepEqual(reading.failures, [], `${region} (${name})`);
          assert.deepEqual(reading.desired?.pool, { userPoolId: `${region}_AbC123`, region });
        }
      }
    });

    it(`accepts a region of ${name} the SDK does not list yet but its pattern covers`, () => {
      const [listed] = regionsOf(partition);
      assert.ok(listed, `${name} lists a region`);
      const future = listed.replace(/\d+$/, "97");
      assert.match(future, new RegExp(partition.regionRegex));
      assert.deepEqual(readInputs(declaration(future, name, false)).failures, []);
    });

    it(`says which partition a pool in ${name} delivers to, when an ARN names another`, () => {
      const [region] = regionsOf(partition);
      const other = name === "aws" ? "aws-cn" : "aws";
      const inputs = declaration(region!, name, false);
      inputs.logConfigurations[1] = {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        s3Configuration: { bucketArn: `arn:${other}:s3:::auth-events` },
      };
      assert.deepEqual(readInputs(inputs).failures, [
        {
          property: "logConfigurations[1].s3Configuration.bucketArn",
          reason: `is in partition "${other}", but a pool in ${region} can only deliver to partition "${name}": write arn:${name}:….`,
        },
      ]);
    });
  }
});

describe("readInputs: never throws, whatever the input", () => {
  /** A list nested `depth` levels deep around `inner`. */
  function nested(depth: number, inner: unknown = "x"): unknown {
    let value = inner;
    for (let level = 0; level < depth; level++) {
      value = level % 2 ? { a: value } : [value];
    }
    return value;
  }
  const deep = nested(100_000);
  const garbage: [string, unknown][] = [
    ["the whole bag", deep],
    ["userPoolId", { userPoolId: deep, logConfigurations: [] }],
    ["region", { userPoolId: POOL_ID, region: deep, logConfigurations: [] }],
    ["logConfigurations", { userPoolId: POOL_ID, logConfigurations: deep }],
    ["an entry", { userPoolId: POOL_ID, logConfigurations: [deep] }],
    [
      "eventSource",
      {
        userPoolId: POOL_ID,
        logConfigurations: [{ ...notificationsToLogGroup, eventSource: deep }],
      },
    ],
    [
      "logLevel",
      { userPoolId: POOL_ID, logConfigurations: [{ ...notificationsToLogGroup, logLevel: deep }] },
    ],
    [
      "a destination",
      {
        userPoolId: POOL_ID,
        logConfigurations: [{ ...notificationsToLogGroup, cloudWatchLogsConfiguration: deep }],
      },
    ],
    [
      "an ARN",
      {
        userPoolId: POOL_ID,
        logConfigurations: [
          { ...notificationsToLogGroup, cloudWatchLogsConfiguration: { logGroupArn: deep } },
        ],
      },
    ],
    ["an unknown key", { userPoolId: POOL_ID, logConfigurations: [], extra: deep }],
    ["null", null],
    ["a number", 42],
    [
      "a huge list",
      { userPoolId: POOL_ID, logConfigurations: new Array(200_000).fill(notificationsToLogGroup) },
    ],
  ];
  for (const [where, inputs] of garbage) {
    it(`reports a failure for a value nested 100,000 levels deep in ${where}, or garbage`, () => {
      const reading = readInputs(inputs);
      assert.ok(reading.failures.length > 0);
      assert.equal(reading.desired, undefined);
    });
  }

  it("quotes a deeply nested value by its kind, not its JSON", () => {
    const reading = readInputs({
      userPoolId: POOL_ID,
      logConfigurations: [{ ...notificationsToLogGroup, eventSource: nested(50) }],
    });
    assert.match(
      reading.failures[0]?.reason ?? "",
      /^an object nested more than 8 levels deep is not an event source: write "userNotification" \(message-delivery errors\) or/,
    );
  });
});
