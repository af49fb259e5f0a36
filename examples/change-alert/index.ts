// A user pool's log delivery, and an alert when anyone but the deployer changes it: an
// EventBridge rule on CloudTrail's SetLogDeliveryConfiguration events, to an SNS topic.
// Needs a CloudTrail trail that logs management events in this region (docs/CHANGE-ALERTS.md).
// Run with `pulumi up` after `npm install pulumi-cognito-log-delivery @pulumi/aws
// @pulumi/pulumi`; `pulumi config set alertEmail you@example.com` to be mailed the alerts.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";
import { LogDeliveryChangeAlert } from "pulumi-cognito-log-delivery/alert";

const config = new pulumi.Config();
const pool = new aws.cognito.UserPool("app-users", { userPoolTier: "ESSENTIALS" });

const notifications = new aws.cloudwatch.LogGroup("cognito-notifications", {
  name: pulumi.interpolate`/aws/vendedlogs/cognito/${pool.id}/notifications`,
  retentionInDays: 30,
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

// Whoever runs `pulumi up` is the expected writer. In CI that is a session of the deploy
// role (arn:aws:sts::…:assumed-role/<role>/<session>): the alert ignores every session of
// that role, so the next run, with another session name, is ignored too. Add the ARNs of
// other roles that deploy these pools (another pipeline, a break-glass role) here.
const alert = new LogDeliveryChangeAlert("log-delivery-changes", {
  userPoolIds: [pool.id],
  ignorePrincipals: [aws.getCallerIdentityOutput().arn],
  tags: { purpose: "cognito-log-delivery-drift" },
});

const alertEmail = config.get("alertEmail");
if (alertEmail !== undefined) {
  // AWS mails a confirmation link first; alerts arrive once it is followed.
  new aws.sns.TopicSubscription("log-delivery-changes-email", {
    topic: alert.topicArn,
    protocol: "email",
    endpoint: alertEmail,
  });
}

export const alertTopicArn = alert.topicArn;
export const alertRuleArns = alert.ruleArns;
export const alertEventPatterns = alert.eventPatterns;
