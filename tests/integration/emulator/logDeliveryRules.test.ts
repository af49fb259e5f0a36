/**
 * The local Cognito emulator over the wire, through the real AWS SDK: the rules
 * SetLogDeliveryConfiguration enforces beyond the API model (destinations per event
 * source, ARNs, the pool's account and partition, the feature plan), and their order.
 */
import assert from "node:assert/strict";
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { failureOf, TEST_REGION } from "../../../testing/emulatorClient";
import {
  ACCOUNT,
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  BUCKET_ARN,
  STREAM_ARN,
} from "../../../testing/fixtures/arns";
import {
  unchecked,
  createPool,
  setLogDelivery,
  storedLogConfigurations,
  assertRejected,
  useWireEmulator,
} from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("SetLogDeliveryConfiguration rules", () => {
    let plusPool: string;

    before(async () => {
      plusPool = await createPool(wire.client, "PLUS");
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
              StreamArn: `arn:aws:kinesis:${TEST_REGION}:${ACCOUNT}:stream/events`,
            },
          },
        ],
        problems: [
          `FirehoseConfiguration.StreamArn must be a Firehose stream ARN, arn:<partition>:firehose:<region>:<account>:deliverystream/<name>, not arn:aws:kinesis:${TEST_REGION}:${ACCOUNT}:stream/events.`,
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
              LogGroupArn: `arn:aws:logs:${TEST_REGION}:111122223333:log-group:x`,
            },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn arn:aws:logs:${TEST_REGION}:111122223333:log-group:x is in account 111122223333, but it must be in the user pool's account, ${ACCOUNT}.`,
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
