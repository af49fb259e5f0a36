/** The local Cognito emulator over the wire, through the real AWS SDK: validation. */
import assert from "node:assert/strict";
import {
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { failureOf } from "../../../testing/emulatorClient";
import {
  ACCOUNT,
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  BUCKET_ARN,
  LOG_GROUP_ARN,
  STREAM_ARN,
} from "../../../testing/fixtures/arns";
import {
  REGION,
  ARN_TYPE_PATTERN,
  S3_ARN_TYPE_PATTERN,
  unchecked,
  createPool,
  setLogDelivery,
  storedLogConfigurations,
  assertRejected,
  validationError,
  useWireEmulator,
} from "./wireEmulator";

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

    const ruleCases: { title: string; entries: LogConfigurationType[]; problems: string[] }[] = [
      {
        title: "an entry with no destination, in the words recorded from AWS",
        entries: [{ EventSource: "userNotification", LogLevel: "ERROR" }],
        problems: ["Following event sources in request have no destination: [userNotification]."],
      },
      {
        title: "two entries for one event source, in the words recorded from AWS",
        entries: [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_NOTIFICATIONS_TO_LOG_GROUP],
        problems: [
          "Following event sources appear more then once in a request: [userNotification].",
        ],
      },
      {
        title: "repeated entries without destination, naming both problems",
        entries: [
          { EventSource: "userNotification", LogLevel: "ERROR" },
          { EventSource: "userNotification", LogLevel: "ERROR" },
        ],
        problems: [
          "Following event sources in request have no destination: [userNotification].",
          "Following event sources appear more then once in a request: [userNotification].",
        ],
      },
      {
        title: "an entry with two destinations",
        entries: [
          { ...AWS_AUTH_EVENTS_TO_BUCKET, FirehoseConfiguration: { StreamArn: STREAM_ARN } },
        ],
        problems: [
          "Following event sources in request have more than one destination: [userAuthEvents].",
        ],
      },
      {
        title: "userNotification at INFO",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" }],
        problems: ["Event source userNotification needs log level ERROR, not INFO."],
      },
      {
        title: "userNotification to S3",
        entries: [
          {
            EventSource: "userNotification",
            LogLevel: "ERROR",
            S3Configuration: { BucketArn: BUCKET_ARN },
          },
        ],
        problems: [
          "Event source userNotification can be delivered only to CloudWatchLogsConfiguration, not S3Configuration.",
        ],
      },
      {
        title: "userNotification to Firehose",
        entries: [
          {
            EventSource: "userNotification",
            LogLevel: "ERROR",
            FirehoseConfiguration: { StreamArn: STREAM_ARN },
          },
        ],
        problems: [
          "Event source userNotification can be delivered only to CloudWatchLogsConfiguration, not FirehoseConfiguration.",
        ],
      },
      {
        title: "userAuthEvents at ERROR",
        entries: [{ ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: "ERROR" }],
        problems: ["Event source userAuthEvents needs log level INFO, not ERROR."],
      },
      {
        title: "a Firehose stream ARN as the log group",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: STREAM_ARN },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn must be a CloudWatch Logs log group ARN, arn:<partition>:logs:<region>:<account>:log-group:<name>, not ${STREAM_ARN}.`,
        ],
      },
      {
        title: "a Kinesis data stream ARN as the Firehose stream",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_STREAM,
            FirehoseConfiguration: {
              StreamArn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/events`,
            },
          },
        ],
        problems: [
          `FirehoseConfiguration.StreamArn must be a Firehose stream ARN, arn:<partition>:firehose:<region>:<account>:deliverystream/<name>, not arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/events.`,
        ],
      },
      {
        title: "an SQS ARN as the bucket",
        entries: [
          { ...AWS_AUTH_EVENTS_TO_BUCKET, S3Configuration: { BucketArn: "arn:aws:sqs:::queue" } },
        ],
        problems: [
          "S3Configuration.BucketArn must be an S3 bucket ARN, arn:<partition>:s3:::<bucket>, not arn:aws:sqs:::queue.",
        ],
      },
      {
        title: "a log group in another region",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: {
              LogGroupArn: `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:x`,
            },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn arn:aws:logs:us-west-2:${ACCOUNT}:log-group:x is in region us-west-2, but it must be in the user pool's region, us-east-1.`,
        ],
      },
      {
        title: "a Firehose stream in another region",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_STREAM,
            FirehoseConfiguration: {
              StreamArn: `arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/x`,
            },
          },
        ],
        problems: [
          `FirehoseConfiguration.StreamArn arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/x is in region eu-west-1, but it must be in the user pool's region, us-east-1.`,
        ],
      },
      {
        title: "a log group in another account",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: {
              LogGroupArn: `arn:aws:logs:${REGION}:111122223333:log-group:x`,
            },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn arn:aws:logs:${REGION}:111122223333:log-group:x is in account 111122223333, but it must be in the user pool's account, ${ACCOUNT}.`,
        ],
      },
    ];
    for (const { title, entries, problems } of ruleCases) {
      it(`rejects ${title}`, () =>
        assertRejected(
          setLogDelivery(wire.client, plusPool, entries),
          "InvalidParameterException",
          ["Request validation Failed.", ...problems].join(" "),
        ));
    }

    it("leaves the stored configuration alone when it rejects a Set", async () => {
      await setLogDelivery(wire.client, plusPool, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await failureOf(
        setLogDelivery(wire.client, plusPool, [
          { ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" },
        ]),
      );
      assert.deepEqual(await storedLogConfigurations(wire.client, plusPool), [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });

    for (const tier of ["ESSENTIALS", "LITE"] as const) {
      it(`refuses userAuthEvents on a ${tier} pool with FeatureUnavailableInTierException`, async () => {
        const id = await createPool(wire.client, tier);
        await assertRejected(
          setLogDelivery(wire.client, id, [AWS_AUTH_EVENTS_TO_BUCKET]),
          "FeatureUnavailableInTierException",
          `Log delivery of userAuthEvents needs the PLUS feature plan, and user pool ${id} is on ${tier}: set its UserPoolTier to PLUS.`,
        );
        await setLogDelivery(wire.client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      });
    }

    it("reports an invalid request before the tier, and before a missing pool", async () => {
      const essentials = await createPool(wire.client, "ESSENTIALS");
      const badLevel = [{ ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: unchecked<"INFO">("WARN") }];
      for (const id of [essentials, "us-east-1_NoSuchPoo"]) {
        const error = await failureOf(setLogDelivery(wire.client, id, badLevel));
        assert.equal(error.name, "InvalidParameterException");
      }
      const error = await failureOf(
        setLogDelivery(wire.client, essentials, [
          { ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: "ERROR" },
        ]),
      );
      assert.equal(error.name, "InvalidParameterException");
    });
  });
});
