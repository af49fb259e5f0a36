/**
 * The alert's event patterns as pure data: principals to ignore, mistakes with what to
 * write instead, pools split across rules, and what each pattern selects (judged by the
 * tests' own EventBridge matcher on hand-written CloudTrail records).
 */
import * as assert from "node:assert/strict";
import {
  changeAlertEventPattern,
  changeAlertEventPatterns,
  checkChangeAlertSelection,
  checkChangeAlertShape,
  ignoredPrincipalPattern,
  poolsOfRules,
  ruleCount,
} from "../../../src/alert/eventPattern";
import { cloudTrailEventBridgeEvent } from "../../../testing/eventbridge/cloudTrailEvent";
import { matchEventPattern } from "../../../testing/eventbridge/matchEventPattern";
import { ACCOUNT, POOL_ID } from "../../../testing/fixtures/arns";
import {
  assumedRole,
  iamUser,
  setLogDeliveryRecord,
} from "../../../testing/fixtures/cloudTrailRecords";

const DEPLOYER_ROLE = `arn:aws:iam::${ACCOUNT}:role/ci/PulumiDeployer`;
const SHAPE = {
  userPoolCount: 1,
  ignorePrincipalCount: 1,
  eventPatternSizeLimit: 2048,
  userPoolsPerRule: 25,
};

describe("the change alert's event patterns", () => {
  describe("ignoredPrincipalPattern", () => {
    it("a role, with or without a path, ignores every session of it", () => {
      const sessions = `arn:aws:sts::${ACCOUNT}:assumed-role/PulumiDeployer/*`;
      assert.equal(ignoredPrincipalPattern(DEPLOYER_ROLE), sessions);
      assert.equal(
        ignoredPrincipalPattern(`arn:aws:iam::${ACCOUNT}:role/PulumiDeployer`),
        sessions,
      );
    });

    it("one session (what getCallerIdentity says in CI) ignores every session of its role", () => {
      assert.equal(
        ignoredPrincipalPattern(`arn:aws:sts::${ACCOUNT}:assumed-role/PulumiDeployer/ci-run-42`),
        `arn:aws:sts::${ACCOUNT}:assumed-role/PulumiDeployer/*`,
      );
    });

    it("users, root and federated users stay exact; the partition is kept", () => {
      for (const arn of [
        `arn:aws:iam::${ACCOUNT}:user/ci`,
        `arn:aws:iam::${ACCOUNT}:user/deploy/ci`,
        `arn:aws:iam::${ACCOUNT}:root`,
        `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
      ]) {
        assert.equal(ignoredPrincipalPattern(arn), arn);
      }
      assert.equal(
        ignoredPrincipalPattern(`arn:aws-cn:iam::${ACCOUNT}:role/Deployer`),
        `arn:aws-cn:sts::${ACCOUNT}:assumed-role/Deployer/*`,
      );
    });

    it("an ARN with a wildcard is the user's own pattern", () => {
      const sso = `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_Admin_*/*`;
      assert.equal(ignoredPrincipalPattern(sso), sso);
    });

    it("anything else is not a principal", () => {
      for (const text of [
        "PulumiDeployer",
        `arn:aws:iam::${ACCOUNT}:group/admins`,
        `arn:aws:iam::${ACCOUNT}:user/`,
        `arn:aws:iam::us-east-1:${ACCOUNT}:role/X`,
        "arn:aws:iam::12345:role/X",
        `arn:aws:sts::${ACCOUNT}:assumed-role/OnlyRole`,
        `arn:aws:s3:::bucket`,
        "*",
      ]) {
        assert.equal(ignoredPrincipalPattern(text), undefined, text);
      }
    });
  });

  describe("mistakes, with what to write instead", () => {
    it("the shape: empty lists, a size limit outside the quota, pools per rule", () => {
      assert.deepEqual(checkChangeAlertShape(SHAPE), []);
      assert.deepEqual(checkChangeAlertShape({ ...SHAPE, userPoolCount: undefined }), []);
      const failures = checkChangeAlertShape({
        userPoolCount: 0,
        ignorePrincipalCount: 0,
        eventPatternSizeLimit: 10_000,
        userPoolsPerRule: 0,
      });
      assert.deepEqual(
        failures.map((failure) => failure.property),
        ["userPoolIds", "ignorePrincipals", "eventPatternSizeLimit", "userPoolsPerRule"],
      );
      assert.match(failures[0]?.reason ?? "", /leave userPoolIds out to watch every pool/);
      assert.match(
        failures[1]?.reason ?? "",
        /every deployment would raise the alert.*role\/PulumiDeployer/,
      );
      assert.match(failures[2]?.reason ?? "", /2048 \(the default\) to 4096/);
    });

    it("pools: not an ID, another region, listed twice; principals: not an ARN", () => {
      const failures = checkChangeAlertSelection({
        userPoolIds: ["pool", "eu-west-1_AbC123", POOL_ID, POOL_ID],
        ignorePrincipals: [DEPLOYER_ROLE, "PulumiDeployer"],
        region: "us-east-1",
      });
      assert.deepEqual(
        failures.map((failure) => failure.property),
        ["userPoolIds[0]", "userPoolIds[1]", "userPoolIds[3]", "ignorePrincipals[1]"],
      );
      assert.match(
        failures[0]?.reason ?? "",
        /"pool" is not a user pool ID: write an ID such as us-east-1_AbC123/,
      );
      assert.match(
        failures[1]?.reason ?? "",
        /eu-west-1_AbC123 is in eu-west-1, but the alert's rules are in us-east-1.*AWS provider for eu-west-1/,
      );
      assert.match(failures[2]?.reason ?? "", /listed twice/);
      assert.match(
        failures[3]?.reason ?? "",
        /"PulumiDeployer" is not an IAM role, user, root or assumed-role ARN/,
      );
    });
  });

  describe("pools split across rules", () => {
    it("the number of rules is known from the number of pools alone", () => {
      assert.equal(ruleCount(undefined, 25), 1);
      assert.equal(ruleCount(1, 25), 1);
      assert.equal(ruleCount(25, 25), 1);
      assert.equal(ruleCount(26, 25), 2);
      assert.equal(ruleCount(2000, 25), 80);
      assert.deepEqual(poolsOfRules(["a", "b", "c"], 2), [["a", "b"], ["c"]]);
      assert.deepEqual(poolsOfRules(undefined, 2), [[]]);
    });

    it("25 pools of the longest ID and a few principals fit the default quota", () => {
      const longest = (index: number) => `us-east-1_${String(index).padStart(45, "A")}`;
      const { patterns, oversized } = changeAlertEventPatterns(
        {
          userPoolIds: Array.from({ length: 60 }, (_, index) => longest(index)),
          ignorePrincipals: [DEPLOYER_ROLE, `arn:aws:iam::${ACCOUNT}:user/ci`],
          region: "us-east-1",
        },
        SHAPE,
      );
      assert.equal(longest(1).length, 55);
      assert.equal(patterns.length, 3);
      assert.deepEqual(oversized, []);
      assert.ok(patterns.every((pattern) => pattern.length <= 2048));
    });

    it("reports a pattern over the quota, by rule", () => {
      const { oversized } = changeAlertEventPatterns(
        {
          userPoolIds: Array.from(
            { length: 60 },
            (_, index) => `us-east-1_${String(index).padStart(45, "A")}`,
          ),
          ignorePrincipals: [DEPLOYER_ROLE],
          region: "us-east-1",
        },
        { ...SHAPE, userPoolsPerRule: 40 },
      );
      assert.deepEqual(
        oversized.map((entry) => entry.rule),
        [0],
      );
      assert.ok((oversized[0]?.length ?? 0) > 2048);
    });
  });

  describe("what a pattern selects", () => {
    const pattern = changeAlertEventPattern([POOL_ID], [DEPLOYER_ROLE]);
    const matches = (record: string) =>
      matchEventPattern(pattern as never, cloudTrailEventBridgeEvent(record));

    it("a change by anyone else, with any tool", () => {
      assert.equal(
        matches(setLogDeliveryRecord({ identity: assumedRole("Admin", "alice") })),
        true,
      );
      assert.equal(matches(setLogDeliveryRecord({ identity: iamUser("bob") })), true);
    });

    it("not the deployer's, from any session", () => {
      assert.equal(
        matches(setLogDeliveryRecord({ identity: assumedRole("PulumiDeployer", "run-1") })),
        false,
      );
      assert.equal(
        matches(setLogDeliveryRecord({ identity: assumedRole("PulumiDeployer", "run-2") })),
        false,
      );
    });

    it("not a failed call, nor another pool's change", () => {
      assert.equal(matches(setLogDeliveryRecord({ errorCode: "AccessDeniedException" })), false);
      assert.equal(matches(setLogDeliveryRecord({ userPoolId: "us-east-1_Other1" })), false);
    });

    it("with no pools listed, every pool's change", () => {
      const everyPool = changeAlertEventPattern([], [DEPLOYER_ROLE]);
      assert.equal(
        matchEventPattern(
          everyPool as never,
          cloudTrailEventBridgeEvent(setLogDeliveryRecord({ userPoolId: "us-east-1_Other1" })),
        ),
        true,
      );
    });
  });
});
