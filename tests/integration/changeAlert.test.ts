/**
 * `LogDeliveryChangeAlert` under Pulumi's mocks, judged on real CloudTrail records: the
 * emulator records Sets made as the deployer, as an administrator with the AWS CLI, and a
 * failed one; the rule's registered event pattern, matched by the tests' own EventBridge
 * matcher, selects the administrator's change only. Also: what it registers, and its
 * mistakes at declaration.
 */
import * as assert from "node:assert/strict";
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import * as pulumi from "@pulumi/pulumi";
import { LogDeliveryChangeAlert } from "../../src/alert";
import { InvalidChangeAlertError } from "../../src/errors";
import { cloudTrailClient } from "../../testing/emulatorClient";
import type { EmulatorSession } from "../../testing/emulatorSession";
import { OUTSIDE_ACTOR, TEST_REGION, startEmulatorSession } from "../../testing/emulatorSession";
import { cloudTrailEventBridgeEvent } from "../../testing/eventbridge/cloudTrailEvent";
import { matchEventPattern } from "../../testing/eventbridge/matchEventPattern";
import { AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../testing/fixtures/arns";
import type { Registered } from "../../testing/pulumiMocks";
import { registrationsOf } from "../../testing/pulumiMocks";

const ACCOUNT = "123456789012";
/** The key `pulumi up` runs with in CI: a session of the deployer role. */
const DEPLOYER = { accessKeyId: "ASIADEPLOYERCI000001" };
const DEPLOYER_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/deploy/PulumiDeployer`;

/** Registers resources with Pulumi's mocks, collecting what was registered. */
async function mockedPulumi(): Promise<Registered[]> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const arn =
          args.type === "aws:sns/topic:Topic"
            ? `arn:aws:sns:${TEST_REGION}:${ACCOUNT}:${args.name}`
            : args.type === "aws:cloudwatch/eventRule:EventRule"
              ? `arn:aws:events:${TEST_REGION}:${ACCOUNT}:rule/${args.name}`
              : undefined;
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, name: args.name, ...(arn && { arn }) },
        };
      },
      call(args) {
        if (args.token === "aws:index/getRegion:getRegion") {
          return { region: TEST_REGION, name: TEST_REGION, id: TEST_REGION };
        }
        throw new Error(`unexpected call ${args.token}`);
      },
    },
    "change-alert",
    "test",
    false,
  );
  return registered;
}

/** The value of an output, or its failure (Output's own promise, as Pulumi's tests read it). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

describe("LogDeliveryChangeAlert under Pulumi's mocks, on CloudTrail records from the emulator", function () {
  this.timeout(60_000);
  let session: EmulatorSession;

  before(async () => {
    session = await startEmulatorSession({
      principals: {
        [DEPLOYER.accessKeyId]: {
          type: "AssumedRole",
          roleName: "PulumiDeployer",
          sessionName: "ci-run-42",
        },
      },
    });
  });
  after(() => session.close());

  /** Every SetLogDeliveryConfiguration record, as EventBridge would deliver it. */
  async function recordedEvents() {
    const client = cloudTrailClient(session.emulator);
    try {
      const page = await client.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: "EventName", AttributeValue: "SetLogDeliveryConfiguration" },
          ],
        }),
      );
      return (page.Events ?? []).map((event) =>
        cloudTrailEventBridgeEvent(event.CloudTrailEvent ?? "{}"),
      );
    } finally {
      client.destroy();
    }
  }

  it("the rule matches an outside change recorded by the emulator, not the deployer's nor a failed call", async () => {
    const watched = await session.createPool();
    const other = await session.createPool();
    await session.setOutsideAs(DEPLOYER, watched, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    await session.setOutsideAs(OUTSIDE_ACTOR, watched, []);
    await session.setOutsideAs(OUTSIDE_ACTOR, other, []);
    await assert.rejects(
      session.setOutsideAs(OUTSIDE_ACTOR, watched, [
        { ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" },
      ]),
      /InvalidParameterException|LogLevel/,
    );
    const events = await recordedEvents();
    const who = (event: (typeof events)[number]) => {
      const detail = event["detail"] as {
        userIdentity: { arn: string };
        requestParameters: { userPoolId: string };
        errorCode?: string;
      };
      return `${detail.requestParameters.userPoolId} ${detail.userIdentity.arn}${detail.errorCode ? ` ${detail.errorCode}` : ""}`;
    };
    assert.equal(events.length, 4, events.map(who).join("\n"));

    const registered = await mockedPulumi();
    const alert = new LogDeliveryChangeAlert("log-delivery-changes", {
      userPoolIds: [pulumi.output(watched)],
      ignorePrincipals: [DEPLOYER_ROLE_ARN],
    });
    await valueOf(alert.publishStatement);
    const rules = registered.filter((r) => r.type === "aws:cloudwatch/eventRule:EventRule");
    assert.equal(rules.length, 1);
    const pattern = String(rules[0]?.inputs["eventPattern"]);

    const selected = events.filter((event) => matchEventPattern(pattern, event)).map(who);
    assert.deepEqual(selected, [
      `${watched} arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice@example.com`,
    ]);
  });

  it("registers one rule per 25 pools, each targeting the topic, and a topic policy for exactly those rules", async () => {
    const registered = await mockedPulumi();
    const pools = Array.from({ length: 30 }, (_, index) => `${TEST_REGION}_Pool${index}`);
    const alert = new LogDeliveryChangeAlert("alerts", {
      userPoolIds: pools,
      ignorePrincipals: [`arn:aws:sts::${ACCOUNT}:assumed-role/PulumiDeployer/ci-run-42`],
      tags: { team: "identity" },
    });
    const [statement, patterns, topicArn] = await Promise.all([
      valueOf(alert.publishStatement),
      valueOf(alert.eventPatterns),
      valueOf(alert.topicArn),
    ]);
    const byType = (type: string) => registered.filter((r) => r.type === type);
    assert.deepEqual(
      byType("aws:cloudwatch/eventRule:EventRule").map((r) => r.name),
      ["alerts-rule-1", "alerts-rule-2"],
    );
    const targets = await registrationsOf(registered, "aws:cloudwatch/eventTarget:EventTarget", 2);
    assert.deepEqual(
      targets.map((r) => r.inputs["arn"]),
      [topicArn, topicArn],
    );
    assert.equal(topicArn, `arn:aws:sns:${TEST_REGION}:${ACCOUNT}:alerts`);
    assert.deepEqual(statement.Condition.ArnEquals["aws:SourceArn"], [
      `arn:aws:events:${TEST_REGION}:${ACCOUNT}:rule/alerts-rule-1`,
      `arn:aws:events:${TEST_REGION}:${ACCOUNT}:rule/alerts-rule-2`,
    ]);
    assert.equal(statement.Principal.Service, "events.amazonaws.com");
    const [policy] = byType("aws:sns/topicPolicy:TopicPolicy");
    assert.deepEqual(JSON.parse(String(policy?.inputs["policy"])).Statement, [statement]);
    const pooled = patterns.map(
      (pattern) =>
        (JSON.parse(pattern) as { detail: { requestParameters: { userPoolId: string[] } } }).detail
          .requestParameters.userPoolId,
    );
    assert.deepEqual(pooled, [pools.slice(0, 25), pools.slice(25)]);
    assert.match(patterns[0] ?? "", /assumed-role\/PulumiDeployer\/\*/);
  });

  it("a topic of yours: no topic or policy is created; the statement to add is an output", async () => {
    const registered = await mockedPulumi();
    const topicArn = `arn:aws:sns:${TEST_REGION}:${ACCOUNT}:security-alerts`;
    const alert = new LogDeliveryChangeAlert("alerts", {
      ignorePrincipals: [`arn:aws:iam::${ACCOUNT}:user/ci`],
      topicArn,
    });
    const statement = await valueOf(alert.publishStatement);
    assert.equal(statement.Resource, topicArn);
    await registrationsOf(registered, "aws:cloudwatch/eventTarget:EventTarget", 1);
    assert.deepEqual(registered.map((r) => r.type).sort(), [
      "aws:cloudwatch/eventRule:EventRule",
      "aws:cloudwatch/eventTarget:EventTarget",
      "pulumi-cognito-log-delivery:index:LogDeliveryChangeAlert",
    ]);
    const [pattern] = await valueOf(alert.eventPatterns);
    assert.doesNotMatch(pattern ?? "", /requestParameters/, "no pools listed: every pool");
  });

  it("mistakes stop the program with what to write instead", async () => {
    await mockedPulumi();
    assert.throws(
      () => new LogDeliveryChangeAlert("empty", { ignorePrincipals: [] }),
      (error: unknown) =>
        InvalidChangeAlertError.isInstance(error) &&
        /ignorePrincipals: is empty, so every deployment would raise the alert/.test(error.message),
    );
    const elsewhere = new LogDeliveryChangeAlert("elsewhere", {
      userPoolIds: ["eu-west-1_AbC123"],
      ignorePrincipals: ["PulumiDeployer"],
    });
    await assert.rejects(valueOf(elsewhere.eventPatterns), (error: unknown) => {
      assert.ok(InvalidChangeAlertError.isInstance(error));
      assert.match(
        error.message,
        /LogDeliveryChangeAlert elsewhere cannot be created; nothing was sent to AWS/,
      );
      assert.match(
        error.message,
        /userPoolIds\[0\]: eu-west-1_AbC123 is in eu-west-1, but the alert's rules are in us-east-1/,
      );
      assert.match(error.message, /ignorePrincipals\[0\]: "PulumiDeployer" is not an IAM role/);
      return true;
    });
  });
});
