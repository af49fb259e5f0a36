import * as assert from "node:assert/strict";
import { carriesPackageMarker, readChangeRecord } from "../../../src/core/changeRecord";
import { LOG_GROUP_ARN, POOL_ID, notificationsToLogGroup } from "../../../testing/fixtures/arns";
import {
  USER_AGENTS,
  assumedRole,
  iamUser,
  setLogDeliveryRecord,
} from "../../../testing/fixtures/cloudTrailRecords";

describe("readChangeRecord", () => {
  it("reads who, when, how and what from an IAM user's call", () => {
    const change = readChangeRecord(
      setLogDeliveryRecord({
        logConfigurations: [
          {
            eventSource: "userNotification",
            logLevel: "ERROR",
            cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
          },
        ],
      }),
    );
    assert.deepEqual(change, {
      eventId: "6f1d2c3b-aaaa-4bbb-8ccc-000000000001",
      eventTime: "2026-11-22T10:00:00Z",
      userPoolId: POOL_ID,
      region: "us-east-1",
      principalArn: "arn:aws:iam::123456789012:user/alice",
      roleArn: undefined,
      identityType: "IAMUser",
      via: "aws-cli",
      userAgent: USER_AGENTS.awsCli,
      byThisPackage: false,
      errorCode: undefined,
      logConfigurations: [notificationsToLogGroup],
    });
  });

  it("keeps no source IP address and no access key ID", () => {
    const text = JSON.stringify(readChangeRecord(setLogDeliveryRecord()));
    assert.ok(!text.includes("203.0.113.7"));
    assert.ok(!text.includes("AKIA"));
  });

  it("names the session of an assumed role, and its role", () => {
    const change = readChangeRecord(
      setLogDeliveryRecord({ identity: assumedRole("Admin", "alice@example.com") }),
    );
    assert.equal(
      change?.principalArn,
      "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com",
    );
    assert.equal(change?.roleArn, "arn:aws:iam::123456789012:role/Admin");
    assert.equal(change?.identityType, "AssumedRole");
  });

  it("recognises this package's calls by their marker, with or without the app ID", () => {
    assert.equal(
      readChangeRecord(setLogDeliveryRecord({ userAgent: USER_AGENTS.thisPackage }))?.byThisPackage,
      true,
    );
    assert.ok(
      carriesPackageMarker("aws-sdk-js/3 app/team-deployer pulumi-cognito-log-delivery/0.2.0"),
    );
    assert.ok(carriesPackageMarker("aws-sdk-js/3 app/pulumi-cognito-log-delivery-0.2.0"));
    assert.ok(!carriesPackageMarker(USER_AGENTS.sdkJs));
    assert.ok(!carriesPackageMarker("aws-sdk-js/3 app/pulumi-cognito-log-delivery-fork"));
  });

  it("keeps a failed call's error code", () => {
    assert.equal(
      readChangeRecord(setLogDeliveryRecord({ errorCode: "AccessDenied" }))?.errorCode,
      "AccessDenied",
    );
  });

  it("tolerates missing or unreadable configurations and PascalCase keys", () => {
    const missing = readChangeRecord(
      setLogDeliveryRecord({ requestParameters: { userPoolId: POOL_ID } }),
    );
    assert.equal(missing?.userPoolId, POOL_ID);
    assert.equal(missing?.logConfigurations, undefined);
    const hidden = readChangeRecord(
      setLogDeliveryRecord({
        requestParameters: {
          userPoolId: POOL_ID,
          logConfigurations: "HIDDEN_DUE_TO_SECURITY_REASONS",
        },
      }),
    );
    assert.equal(hidden?.logConfigurations, undefined);
    const pascal = readChangeRecord(
      setLogDeliveryRecord({
        requestParameters: {
          UserPoolId: POOL_ID,
          LogConfigurations: [
            {
              EventSource: "userNotification",
              LogLevel: "ERROR",
              CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP_ARN },
            },
          ],
        },
      }),
    );
    assert.equal(pascal?.userPoolId, POOL_ID);
    assert.deepEqual(pascal?.logConfigurations, [notificationsToLogGroup]);
  });

  it("ignores unknown fields, and reads an identity with no ARN", () => {
    const record = JSON.parse(setLogDeliveryRecord()) as Record<string, unknown>;
    record["somethingNew"] = { nested: [1, 2] };
    record["userIdentity"] = { type: "AWSService", invokedBy: "cloudformation.amazonaws.com" };
    record["userAgent"] = "cloudformation.amazonaws.com";
    const change = readChangeRecord(JSON.stringify(record));
    assert.equal(change?.principalArn, undefined);
    assert.equal(change?.identityType, "AWSService");
    assert.equal(change?.via, "cloudformation");
  });

  it("gives nothing for what is not a readable Cognito SetLogDeliveryConfiguration", () => {
    const other = JSON.parse(setLogDeliveryRecord()) as Record<string, unknown>;
    for (const text of [
      undefined,
      "",
      "not json",
      "[]",
      "null",
      JSON.stringify({ ...other, eventName: "DescribeUserPool" }),
      JSON.stringify({ ...other, eventSource: "cognito-identity.amazonaws.com" }),
      JSON.stringify({ ...other, requestParameters: null }),
      JSON.stringify({ ...other, eventID: 7 }),
    ]) {
      assert.equal(readChangeRecord(text), undefined, String(text).slice(0, 60));
    }
  });

  it("keeps the raw agent of an unknown tool", () => {
    const change = readChangeRecord(
      setLogDeliveryRecord({ userAgent: iamUser("x")["arn"] as string }),
    );
    assert.equal(change?.via, "other");
  });
});
