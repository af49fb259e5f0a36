// Threat-protection user activity (userAuthEvents) to an Amazon Data Firehose stream that
// lands in S3. userAuthEvents needs the Plus feature plan with threat protection on.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";

const pool = new aws.cognito.UserPool("tenant-users", {
  userPoolTier: "PLUS",
  userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
});

const archive = new aws.s3.Bucket("auth-events-archive", { forceDestroy: true });

const firehoseRole = new aws.iam.Role("auth-events-firehose", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "firehose.amazonaws.com" },
        Action: "sts:AssumeRole",
      },
    ],
  }),
});

new aws.iam.RolePolicy("auth-events-firehose-to-s3", {
  role: firehoseRole.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "s3:AbortMultipartUpload",
          "s3:GetBucketLocation",
          "s3:GetObject",
          "s3:ListBucket",
          "s3:ListBucketMultipartUploads",
          "s3:PutObject",
        ],
        Resource: [archive.arn, pulumi.interpolate`${archive.arn}/*`],
      },
    ],
  }),
});

const stream = new aws.kinesis.FirehoseDeliveryStream("auth-events", {
  destination: "extended_s3",
  extendedS3Configuration: { roleArn: firehoseRole.arn, bucketArn: archive.arn },
  // Cognito delivers only to streams tagged LogDeliveryEnabled=true, and tags the stream
  // itself if this is missing; declaring it keeps Pulumi's view of the tags true.
  tags: { LogDeliveryEnabled: "true" },
});

export const logDelivery = new UserPoolLogDelivery("tenant-users-logs", {
  userPoolId: pool.id,
  logConfigurations: [
    {
      eventSource: "userAuthEvents",
      logLevel: "INFO",
      firehoseConfiguration: { streamArn: stream.arn },
    },
  ],
});

export const streamName = stream.name;
