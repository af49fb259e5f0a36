/**
 * The demo's Pulumi program, run by the root Pulumi.yaml: the log delivery of one user
 * pool, chosen by stack config so that it can be changed one step at a time. `npm run
 * demo` drives it against the local emulator; against AWS, set the config and run it:
 *
 *   pulumi config set userPoolId us-east-1_AbC123
 *   pulumi config set notificationsLogGroupArn arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/cognito
 *   pulumi config set authEventsDestination firehose        # firehose, s3 or none
 *   pulumi config set authEventsStreamArn arn:aws:firehose:us-east-1:123456789012:deliverystream/cognito
 *   pulumi config set authEventsBucketArn arn:aws:s3:::cognito-auth-events
 *   pulumi config set reverseEntries true                   # order never matters
 */
import * as pulumi from "@pulumi/pulumi";
import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";
import type { LogConfiguration } from "pulumi-cognito-log-delivery";

const config = new pulumi.Config();

const notifications: LogConfiguration = {
  eventSource: "userNotification",
  logLevel: "ERROR",
  cloudWatchLogsConfiguration: { logGroupArn: config.require("notificationsLogGroupArn") },
};

function authEvents(): LogConfiguration[] {
  const destination = config.get("authEventsDestination") ?? "none";
  switch (destination) {
    case "firehose":
      return [
        {
          eventSource: "userAuthEvents",
          logLevel: "INFO",
          firehoseConfiguration: { streamArn: config.require("authEventsStreamArn") },
        },
      ];
    case "s3":
      return [
        {
          eventSource: "userAuthEvents",
          logLevel: "INFO",
          s3Configuration: { bucketArn: config.require("authEventsBucketArn") },
        },
      ];
    case "none":
      return [];
    default:
      throw new Error(`authEventsDestination is "${destination}"; set it to firehose, s3 or none.`);
  }
}

const entries = [notifications, ...authEvents()];

const logDelivery = new UserPoolLogDelivery("user-pool-logs", {
  userPoolId: config.require("userPoolId"),
  logConfigurations: config.getBoolean("reverseEntries") ? entries.reverse() : entries,
});

export const deliveredTo = logDelivery.logConfigurations;
