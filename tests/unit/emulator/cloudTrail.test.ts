/** The emulator's CloudTrail pieces that need no server: record shapes and identities. */
import assert from "node:assert/strict";
import { EventHistory, camelCaseKeys } from "../../../testing/emulator/cloudtrail/eventHistory";
import {
  accessKeyOf,
  principalArn,
  principalOf,
  userIdentityOf,
  userNameOf,
} from "../../../testing/emulator/cloudtrail/principals";

describe("emulator: CloudTrail records and identities", () => {
  it("camelCases keys at every depth, as published Cognito records do, leaving values alone", () => {
    assert.deepEqual(
      camelCaseKeys({
        UserPoolId: "us-east-1_A",
        LogConfigurations: [
          { EventSource: "userNotification", CloudWatchLogsConfiguration: { LogGroupArn: "ARN" } },
        ],
      }),
      {
        userPoolId: "us-east-1_A",
        logConfigurations: [
          { eventSource: "userNotification", cloudWatchLogsConfiguration: { logGroupArn: "ARN" } },
        ],
      },
    );
    assert.equal(camelCaseKeys(null), null);
  });

  it("reads the access key of a SigV4 Authorization header", () => {
    assert.equal(
      accessKeyOf(
        "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261122/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0",
      ),
      "AKIAEXAMPLE",
    );
    assert.equal(accessKeyOf(undefined), undefined);
    assert.equal(accessKeyOf("Bearer x"), undefined);
  });

  it("maps keys to principals, others to an IAM user named after the key, in the region's partition", () => {
    const principals = {
      KEY1: { type: "AssumedRole", roleName: "Admin", sessionName: "alice" },
    } as const;
    assert.deepEqual(principalOf("OTHER", principals), { type: "IAMUser", userName: "user-OTHER" });
    assert.equal(
      principalArn(principalOf("KEY1", principals), "123456789012", "cn-north-1"),
      "arn:aws-cn:sts::123456789012:assumed-role/Admin/alice",
    );
    assert.equal(
      principalArn({ type: "Root" }, "123456789012", "us-east-1"),
      "arn:aws:iam::123456789012:root",
    );
    assert.equal(userNameOf(principalOf("KEY1", principals)), "alice");
    assert.equal(principalOf("constructor", {}).type, "IAMUser", "no prototype keys");
  });

  it("an assumed role's userIdentity names its session and the role that issued it", () => {
    const identity = userIdentityOf(
      { type: "AssumedRole", roleName: "Admin", sessionName: "alice" },
      "ASIAKEY",
      "123456789012",
      "us-east-1",
      new Date("2026-11-22T09:00:00.123Z"),
    );
    assert.equal(identity.type, "AssumedRole");
    assert.equal(identity.arn, "arn:aws:sts::123456789012:assumed-role/Admin/alice");
    assert.match(identity.principalId, /^AROA[0-9A-Z]{17}:alice$/);
    assert.equal(
      identity.sessionContext?.sessionIssuer.arn,
      "arn:aws:iam::123456789012:role/Admin",
    );
    assert.equal(identity.sessionContext?.attributes.creationDate, "2026-11-22T09:00:00Z");
  });

  it("stamps records to the second, truncates long user agents, and rejects a negative delay", () => {
    const history = new EventHistory(() => new Date("2026-11-22T10:00:00.900Z"));
    history.record({
      identity: userIdentityOf({ type: "Root" }, "K", "123456789012", "us-east-1", new Date()),
      userName: "root",
      eventSource: "cognito-idp.amazonaws.com",
      operation: "SetLogDeliveryConfiguration",
      region: "us-east-1",
      sourceIPAddress: "127.0.0.1",
      userAgent: "x".repeat(2000),
      body: { UserPoolId: "us-east-1_A" },
      output: undefined,
      error: { errorType: "ResourceNotFoundException", message: "not found" },
      requestId: "r",
      readOnly: false,
    });
    const [record] = history.records;
    assert.equal(record?.eventTime, "2026-11-22T10:00:00Z");
    assert.equal(record?.userAgent.length, 1024);
    assert.equal(record?.errorCode, "ResourceNotFoundException");
    assert.equal(record?.responseElements, null);
    assert.throws(() => history.setDeliveryDelay(-1), /milliseconds >= 0/);
  });
});
