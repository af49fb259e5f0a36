/**
 * The local Cognito emulator over the wire, through the real AWS SDK: requests checked
 * against the API model's constraints (required, length, pattern, enum), reported as AWS
 * reports them.
 */
import assert from "node:assert/strict";
import {
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import {
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  BUCKET_ARN,
  LOG_GROUP_ARN,
  STREAM_ARN,
} from "../../../testing/fixtures/arns";
import {
  unchecked,
  createPool,
  setLogDelivery,
  storedLogConfigurations,
  assertRejected,
  validationError,
  useWireEmulator,
} from "./wireEmulator";

/** The API model's `ArnType` and `S3ArnType` patterns, as AWS prints them. */
const ARN_TYPE_PATTERN =
  "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";
const S3_ARN_TYPE_PATTERN =
  "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:::[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("SetLogDeliveryConfiguration validation", () => {
    let plusPool: string;

    before(async () => {
      plusPool = await createPool(wire.client, "PLUS");
    });

    const at = (index: number, member: string) => `logConfigurations.${index}.member.${member}`;
    const shapeCases: { title: string; entries: LogConfigurationType[]; violations: string[] }[] = [
      {
        title: "more than 2 entries, rendered as AWS renders the list",
        entries: [
          AWS_NOTIFICATIONS_TO_LOG_GROUP,
          AWS_AUTH_EVENTS_TO_BUCKET,
          AWS_AUTH_EVENTS_TO_STREAM,
        ],
        violations: [
          "Value '[" +
            `LogConfigurationType(logLevel=ERROR, eventSource=userNotification, cloudWatchLogsConfiguration=CloudWatchLogsConfigurationType(logGroupArn=${LOG_GROUP_ARN}), s3Configuration=null, firehoseConfiguration=null), ` +
            `LogConfigurationType(logLevel=INFO, eventSource=userAuthEvents, cloudWatchLogsConfiguration=null, s3Configuration=S3ConfigurationType(bucketArn=${BUCKET_ARN}), firehoseConfiguration=null), ` +
            `LogConfigurationType(logLevel=INFO, eventSource=userAuthEvents, cloudWatchLogsConfiguration=null, s3Configuration=null, firehoseConfiguration=FirehoseConfigurationType(streamArn=${STREAM_ARN}))` +
            "]' at 'logConfigurations' failed to satisfy constraint: Member must have length less than or equal to 2",
        ],
      },
      {
        title: "a missing LogLevel",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: undefined }],
        violations: [
          `Value null at '${at(1, "logLevel")}' failed to satisfy constraint: Member must not be null`,
        ],
      },
      {
        title: "an unknown LogLevel, at its 1-based index",
        entries: [
          AWS_NOTIFICATIONS_TO_LOG_GROUP,
          { ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: unchecked("WARN") },
        ],
        violations: [
          `Value 'WARN' at '${at(2, "logLevel")}' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, INFO]`,
        ],
      },
      {
        title: "a missing EventSource",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, EventSource: undefined }],
        violations: [
          `Value null at '${at(1, "eventSource")}' failed to satisfy constraint: Member must not be null`,
        ],
      },
      {
        title: "an unknown EventSource",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, EventSource: unchecked("userLogins") }],
        violations: [
          `Value 'userLogins' at '${at(1, "eventSource")}' failed to satisfy constraint: Member must satisfy enum value set: [userAuthEvents, userNotification]`,
        ],
      },
      {
        title: "a log group ARN ending in :* (aws-cdk #31241)",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: `${LOG_GROUP_ARN}:*` },
          },
        ],
        violations: [
          `Value '${LOG_GROUP_ARN}:*' at '${at(1, "cloudWatchLogsConfiguration.logGroupArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a log group name with #",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: `${LOG_GROUP_ARN}#1` },
          },
        ],
        violations: [
          `Value '${LOG_GROUP_ARN}#1' at '${at(1, "cloudWatchLogsConfiguration.logGroupArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a log group ARN under 20 characters",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: "arn:a:logs::1:lg" },
          },
        ],
        violations: [
          `Value 'arn:a:logs::1:lg' at '${at(1, "cloudWatchLogsConfiguration.logGroupArn")}' failed to satisfy constraint: Member must have length greater than or equal to 20`,
        ],
      },
      {
        title: "a bucket ARN with a region",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_BUCKET,
            S3Configuration: { BucketArn: "arn:aws:s3:us-east-1::bucket" },
          },
        ],
        violations: [
          `Value 'arn:aws:s3:us-east-1::bucket' at '${at(1, "s3Configuration.bucketArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${S3_ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a bucket ARN under 3 characters, reporting its length and its pattern",
        entries: [{ ...AWS_AUTH_EVENTS_TO_BUCKET, S3Configuration: { BucketArn: "ar" } }],
        violations: [
          `Value 'ar' at '${at(1, "s3Configuration.bucketArn")}' failed to satisfy constraint: Member must have length greater than or equal to 3`,
          `Value 'ar' at '${at(1, "s3Configuration.bucketArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${S3_ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a stream ARN without an account",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_STREAM,
            FirehoseConfiguration: { StreamArn: "arn:aws:firehose:us-east-1::deliverystream/x" },
          },
        ],
        violations: [
          `Value 'arn:aws:firehose:us-east-1::deliverystream/x' at '${at(1, "firehoseConfiguration.streamArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_TYPE_PATTERN}`,
        ],
      },
    ];
    for (const { title, entries, violations } of shapeCases) {
      it(`rejects ${title}`, () =>
        assertRejected(
          setLogDelivery(wire.client, plusPool, entries),
          "InvalidParameterException",
          validationError(...violations),
        ));
    }

    it("rejects a missing LogConfigurations rather than clearing the configuration", async () => {
      await setLogDelivery(wire.client, plusPool, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await assertRejected(
        setLogDelivery(wire.client, plusPool, unchecked(undefined)),
        "InvalidParameterException",
        validationError(
          "Value null at 'logConfigurations' failed to satisfy constraint: Member must not be null",
        ),
      );
      assert.deepEqual(await storedLogConfigurations(wire.client, plusPool), [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });

    it("rejects a UserPoolId outside [\\w-]+_[0-9a-zA-Z]+ or longer than 55 characters, in every operation", async () => {
      const pattern = validationError(
        "Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
      );
      for (const call of [
        setLogDelivery(wire.client, "bad", []),
        wire.client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: "bad" })),
        wire.client.send(new DescribeUserPoolCommand({ UserPoolId: "bad" })),
        wire.client.send(new DeleteUserPoolCommand({ UserPoolId: "bad" })),
      ]) {
        await assertRejected(call, "InvalidParameterException", pattern);
      }
      const long = `us-east-1_${"a".repeat(46)}`;
      await assertRejected(
        setLogDelivery(wire.client, long, []),
        "InvalidParameterException",
        validationError(
          `Value '${long}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55`,
        ),
      );
      await assertRejected(
        wire.client.send(new GetLogDeliveryConfigurationCommand(unchecked({}))),
        "InvalidParameterException",
        validationError(
          "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        ),
      );
    });
  });
});
