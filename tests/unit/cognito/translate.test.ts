import * as assert from "node:assert/strict";
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { fromAwsLogConfigurations, toAwsLogConfigurations } from "../../../src/cognito/translate";
import {
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  LOG_GROUP_ARN,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

describe("translation between AWS shapes and ours", () => {
  it("writes the shape SetLogDeliveryConfiguration takes", () => {
    assert.deepEqual(toAwsLogConfigurations([notificationsToLogGroup, authEventsToStream]), [
      AWS_NOTIFICATIONS_TO_LOG_GROUP,
      AWS_AUTH_EVENTS_TO_STREAM,
    ]);
  });

  it("reads entries in any order into canonical order", () => {
    const fromAws: LogConfigurationType[] = [
      AWS_AUTH_EVENTS_TO_STREAM,
      AWS_NOTIFICATIONS_TO_LOG_GROUP,
    ];
    assert.deepEqual(fromAwsLogConfigurations(fromAws), [
      notificationsToLogGroup,
      authEventsToStream,
    ]);
  });

  it("ignores fields it does not know (the API has grown before)", () => {
    const withNewFields = [
      {
        EventSource: "userNotification",
        LogLevel: "ERROR",
        CloudWatchLogsConfiguration: {
          LogGroupArn: LOG_GROUP_ARN,
          RoleArn: "arn:aws:iam::123456789012:role/x",
        },
        FutureConfiguration: { Anything: true },
      },
    ] as unknown as LogConfigurationType[];
    assert.deepEqual(fromAwsLogConfigurations(withNewFields), [notificationsToLogGroup]);
  });

  it("reads a missing list as no delivery", () => {
    assert.deepEqual(fromAwsLogConfigurations(undefined), []);
  });
});
