// Threat-protection user activity (userAuthEvents) to an S3 bucket, and message-delivery
// errors (userNotification) to CloudWatch Logs. userAuthEvents needs the Plus feature
// plan with threat protection on (audit-only or full-function).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";

const pool = new aws.cognito.UserPool("tenant-users", {
  userPoolTier: "PLUS",
  userPoolAddOns: { advancedSecurityMode: "AUDIT" },
});

const notifications = new aws.cloudwatch.LogGroup("cognito-notifications", {
  name: pulumi.interpolate`/aws/vendedlogs/cognito/${pool.id}/notifications`,
  retentionInDays: 30,
});

const authEvents = new aws.s3.Bucket("cognito-auth-events", { forceDestroy: true });

const current = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();

// The policy CloudWatch's log delivery needs on the bucket, declared so that it is not
// written behind Pulumi's back on first delivery (that would drift this bucket's policy).
new aws.s3.BucketPolicy("cognito-auth-events", {
  bucket: authEvents.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSLogDeliveryWrite",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: pulumi.interpolate`${authEvents.arn}/AWSLogs/${current.accountId}/*`,
        Condition: {
          StringEquals: {
            "s3:x-amz-acl": "bucket-owner-full-control",
            "aws:SourceAccount": current.accountId,
          },
          ArnLike: {
            "aws:SourceArn": pulumi.interpolate`arn:aws:logs:${region.region}:${current.accountId}:*`,
          },
        },
      },
      {
        Sid: "AWSLogDeliveryAclCheck",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: authEvents.arn,
        Condition: { StringEquals: { "aws:SourceAccount": current.accountId } },
      },
    ],
  }),
});

export const logDelivery = new UserPoolLogDelivery("tenant-users-logs", {
  userPoolId: pool.id,
  logConfigurations: [
    {
      eventSource: "userNotification",
      logLevel: "ERROR",
      cloudWatchLogsConfiguration: { logGroupArn: notifications.arn },
    },
    {
      eventSource: "userAuthEvents",
      logLevel: "INFO",
      s3Configuration: { bucketArn: authEvents.arn },
    },
  ],
});

export const userPoolId = pool.id;
export const bucketName = authEvents.bucket;
