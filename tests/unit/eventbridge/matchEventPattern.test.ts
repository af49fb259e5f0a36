/**
 * The tests' own EventBridge matcher, against the rules of the EventBridge User Guide: it
 * decides whether the alert's patterns work, so it is tested on its own first.
 */
import * as assert from "node:assert/strict";
import {
  UnsupportedPatternError,
  matchEventPattern,
} from "../../../testing/eventbridge/matchEventPattern";

const EVENT = {
  source: "aws.cognito-idp",
  "detail-type": "AWS API Call via CloudTrail",
  detail: {
    eventName: "SetLogDeliveryConfiguration",
    userIdentity: { arn: "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com" },
    requestParameters: { userPoolId: "us-east-1_AbC123", logConfigurations: [] },
    tags: ["blue", "green"],
    count: 5,
    flag: null,
  },
};

describe("matchEventPattern (the tests' EventBridge matcher)", () => {
  it("matches when every field matches, and the values of a field are alternatives", () => {
    assert.equal(
      matchEventPattern(
        {
          source: ["aws.s3", "aws.cognito-idp"],
          detail: { eventName: ["SetLogDeliveryConfiguration"] },
        },
        EVENT,
      ),
      true,
    );
    assert.equal(
      matchEventPattern({ source: ["aws.cognito-idp"], detail: { eventName: ["Other"] } }, EVENT),
      false,
    );
  });

  it("a missing field matches only exists:false; a present one only exists:true", () => {
    assert.equal(matchEventPattern({ detail: { errorCode: [{ exists: false }] } }, EVENT), true);
    assert.equal(matchEventPattern({ detail: { errorCode: [{ exists: true }] } }, EVENT), false);
    assert.equal(matchEventPattern({ detail: { errorCode: ["x"] } }, EVENT), false);
    assert.equal(matchEventPattern({ detail: { eventName: [{ exists: false }] } }, EVENT), false);
    assert.equal(matchEventPattern({ detail: { flag: [null] } }, EVENT), true);
  });

  it("an event array matches when any element does", () => {
    assert.equal(matchEventPattern({ detail: { tags: ["green"] } }, EVENT), true);
    assert.equal(matchEventPattern({ detail: { tags: ["red"] } }, EVENT), false);
  });

  it("prefix, suffix, equals-ignore-case and numeric", () => {
    assert.equal(matchEventPattern({ source: [{ prefix: "aws." }] }, EVENT), true);
    assert.equal(
      matchEventPattern({ source: [{ prefix: { "equals-ignore-case": "AWS.COG" } }] }, EVENT),
      true,
    );
    assert.equal(matchEventPattern({ source: [{ suffix: "-idp" }] }, EVENT), true);
    assert.equal(matchEventPattern({ source: [{ suffix: "-IDP" }] }, EVENT), false);
    assert.equal(
      matchEventPattern({ source: [{ "equals-ignore-case": "AWS.Cognito-IDP" }] }, EVENT),
      true,
    );
    assert.equal(
      matchEventPattern({ detail: { count: [{ numeric: [">", 1, "<=", 5] }] } }, EVENT),
      true,
    );
    assert.equal(matchEventPattern({ detail: { count: [{ numeric: ["<", 5] }] } }, EVENT), false);
  });

  it("wildcard: * is any run of characters, \\* a literal star", () => {
    const arn = (wildcard: string) => ({ detail: { userIdentity: { arn: [{ wildcard }] } } });
    assert.equal(matchEventPattern(arn("arn:aws:sts::*:assumed-role/Admin/*"), EVENT), true);
    assert.equal(matchEventPattern(arn("arn:aws:sts::*:assumed-role/Deployer/*"), EVENT), false);
    assert.equal(
      matchEventPattern(
        arn("arn:aws:sts::123456789012:assumed-role/Admin/alice@example.co"),
        EVENT,
      ),
      false,
    );
    assert.equal(matchEventPattern({ x: [{ wildcard: "a\\*b" }] }, { x: "a*b" }), true);
    assert.equal(matchEventPattern({ x: [{ wildcard: "a\\*b" }] }, { x: "axxb" }), false);
    assert.equal(
      matchEventPattern({ x: [{ wildcard: "a.b" }] }, { x: "axb" }),
      false,
      ". is literal",
    );
  });

  it("anything-but: a value, a list, or one operator over a list; never a missing field", () => {
    const arnBut = (excluded: unknown) => ({
      detail: { userIdentity: { arn: [{ "anything-but": excluded }] } },
    });
    const alice = EVENT.detail.userIdentity.arn;
    assert.equal(matchEventPattern(arnBut(alice) as never, EVENT), false);
    assert.equal(matchEventPattern(arnBut(["x", alice]) as never, EVENT), false);
    assert.equal(matchEventPattern(arnBut("x") as never, EVENT), true);
    assert.equal(
      matchEventPattern(
        arnBut({
          wildcard: ["arn:aws:sts::*:assumed-role/Deployer/*", "arn:aws:iam::*:user/ci"],
        }) as never,
        EVENT,
      ),
      true,
    );
    assert.equal(
      matchEventPattern(
        arnBut({
          wildcard: ["arn:aws:iam::*:user/ci", "arn:aws:sts::*:assumed-role/Admin/*"],
        }) as never,
        EVENT,
      ),
      false,
    );
    assert.equal(matchEventPattern(arnBut({ prefix: "arn:aws:sts::" }) as never, EVENT), false);
    assert.equal(
      matchEventPattern({ detail: { missing: [{ "anything-but": "x" }] } }, EVENT),
      false,
    );
  });

  it("$or holds alternative sub-patterns", () => {
    assert.equal(
      matchEventPattern({ $or: [{ source: ["aws.s3"] }, { detail: { count: [5] } }] }, EVENT),
      true,
    );
    assert.equal(
      matchEventPattern({ $or: [{ source: ["aws.s3"] }, { detail: { count: [6] } }] }, EVENT),
      false,
    );
  });

  it("strings and numbers are not the same value", () => {
    assert.equal(matchEventPattern({ detail: { count: ["5"] } }, EVENT), false);
  });

  it("throws on what EventBridge rejects or the matcher does not model", () => {
    assert.throws(() => matchEventPattern({ source: [] }, EVENT), UnsupportedPatternError);
    assert.throws(
      () => matchEventPattern({ source: "aws.s3" } as never, EVENT),
      UnsupportedPatternError,
    );
    assert.throws(
      () => matchEventPattern({ source: [{ cidr: "10.0.0.0/8" }] }, EVENT),
      UnsupportedPatternError,
    );
    assert.throws(
      () => matchEventPattern({ source: [{ "anything-but": { numeric: [">", 1] } }] }, EVENT),
      UnsupportedPatternError,
    );
  });
});
