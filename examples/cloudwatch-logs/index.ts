// Message-delivery errors (userNotification) of a user pool to a CloudWatch Logs log group.
// Works on every feature plan. Run with `pulumi up` after `npm install
// pulumi-cognito-log-delivery @pulumi/aws @pulumi/pulumi`.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";

const pool = new aws.cognito.UserPool("app-users", { userPoolTier: "ESSENTIALS" });

// A name under /aws/vendedlogs/ keeps the log group's resource policy small: AWS
// recommends it once the policy would exceed 5120 characters (SetLogDeliveryConfiguration docs).
const notifications = new aws.cloudwatch.LogGroup("cognito-notifications", {
  name: pulumi.interpolate`/aws/vendedlogs/cognito/${pool.id}/notifications`,
  retentionInDays: 30,
});

const current = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();

// Declared here so that CloudWatch's log delivery does not have to write it on first use
// (which would need logs:PutResourcePolicy at deploy time and is invisible to Pulumi).
new aws.cloudwatch.LogResourcePolicy("cognito-log-delivery", {
  policyName: "cognito-log-delivery",
  policyDocument: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "CognitoLogDelivery",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: pulumi.interpolate`${notifications.arn}:log-stream:*`,
        Condition: {
          StringEquals: { "aws:SourceAccount": current.accountId },
          ArnLike: {
            "aws:SourceArn": pulumi.interpolate`arn:aws:logs:${region.region}:${current.accountId}:*`,
          },
        },
      },
    ],
  }),
});

export const logDelivery = new UserPoolLogDelivery("app-users-logs", {
  userPoolId: pool.id,
  logConfigurations: [
    {
      eventSource: "userNotification",
      logLevel: "ERROR",
      cloudWatchLogsConfiguration: { logGroupArn: notifications.arn },
    },
  ],
});

export const userPoolId = pool.id;
export const deliveredTo = logDelivery.logConfigurations;
