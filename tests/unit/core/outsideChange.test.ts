import * as assert from "node:assert/strict";
import { readChangeRecord } from "../../../src/core/changeRecord";
import type { LogDeliveryChange } from "../../../src/core/changeRecord";
import {
  foundOutsideChange,
  lookupDenied,
  newestOutsideChange,
  noOutsideChangeFound,
  outsideChangeLine,
} from "../../../src/core/outsideChange";
import { POOL_ID } from "../../../testing/fixtures/arns";
import {
  USER_AGENTS,
  assumedRole,
  setLogDeliveryRecord,
} from "../../../testing/fixtures/cloudTrailRecords";
import type { RecordOptions } from "../../../testing/fixtures/cloudTrailRecords";

function change(options: RecordOptions): LogDeliveryChange {
  const read = readChangeRecord(setLogDeliveryRecord(options));
  assert.ok(read);
  return read;
}

describe("newestOutsideChange", () => {
  const outsideOld = change({ eventId: "old", eventTime: "2026-11-20T10:00:00Z" });
  const outsideNew = change({ eventId: "new", eventTime: "2026-11-21T10:00:00Z" });
  const ours = change({
    eventId: "ours",
    eventTime: "2026-11-22T10:00:00Z",
    userAgent: USER_AGENTS.thisPackage,
  });
  const failed = change({
    eventId: "failed",
    eventTime: "2026-11-22T11:00:00Z",
    errorCode: "InvalidParameterException",
  });
  const otherPool = change({
    eventId: "other",
    eventTime: "2026-11-22T12:00:00Z",
    userPoolId: "us-east-1_Other0001",
  });

  it("is the newest applied change by someone else to that pool, in any order", () => {
    assert.equal(
      newestOutsideChange([ours, outsideOld, failed, outsideNew, otherPool], POOL_ID)?.eventId,
      "new",
    );
    assert.equal(newestOutsideChange([outsideNew, outsideOld], POOL_ID)?.eventId, "new");
  });

  it("is none when only this package or failed calls touched the pool", () => {
    assert.equal(newestOutsideChange([ours, failed, otherPool], POOL_ID), undefined);
  });
});

describe("lastOutsideChange output", () => {
  it("names the session, the role, the channel and the event, and no agent for a known channel", () => {
    const output = foundOutsideChange(
      change({ identity: assumedRole("Admin", "alice@example.com"), eventId: "e-1" }),
    );
    assert.deepEqual(output, {
      status: "found",
      eventTime: "2026-11-22T10:00:00Z",
      principalArn: "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com",
      roleArn: "arn:aws:iam::123456789012:role/Admin",
      identityType: "AssumedRole",
      via: "aws-cli",
      eventId: "e-1",
      message:
        "changed outside Pulumi by arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com via aws-cli at 2026-11-22T10:00:00Z (CloudTrail event e-1)",
    });
    assert.equal(
      outsideChangeLine(POOL_ID, output),
      `pulumi-cognito-log-delivery: user pool ${POOL_ID}: log delivery changed outside Pulumi by arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com via aws-cli at 2026-11-22T10:00:00Z (CloudTrail event e-1)`,
    );
  });

  it("keeps the raw agent when the channel is other", () => {
    assert.equal(
      foundOutsideChange(change({ userAgent: USER_AGENTS.unknown })).userAgent,
      USER_AGENTS.unknown,
    );
  });

  it("says what to do when nothing was found or the lookup was denied", () => {
    assert.match(noOutsideChangeFound(90).message, /5 to 15 minutes/);
    assert.match(lookupDenied().message, /cloudtrail:LookupEvents/);
    assert.match(
      outsideChangeLine(POOL_ID, lookupDenied()),
      /differs from the state; who changed it is unknown/,
    );
  });
});
