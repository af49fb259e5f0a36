/**
 * Runs each example program under Pulumi's mocks (no engine, no AWS) and asserts what it
 * registers: the UserPoolLogDelivery with the destinations wired from the @pulumi/aws
 * resources, inputs that pass our own `check`, and the stored provider attached.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { awsProvider } from "../../src/implementation";
import { STORED_PROVIDER } from "../../src/serializedProvider";
import type { Registered } from "../../testing/pulumiMocks";
import { registrationsOf } from "../../testing/pulumiMocks";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const DELIVERY_TYPE = "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery";
/** Who runs the examples: a CI session of a deploy role, as getCallerIdentity says it. */
const DEPLOYER_SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/PulumiDeployer/ci-run-42`;

/** The outputs a mocked AWS would compute for the resources the examples use. */
function mockedState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): { id: string; state: Record<string, unknown> } {
  switch (type) {
    case "aws:cognito/userPool:UserPool":
      return { id: `${REGION}_Mock${name.replace(/[^A-Za-z0-9]/g, "")}`, state: inputs };
    case "aws:cloudwatch/logGroup:LogGroup":
      return {
        id: String(inputs["name"]),
        state: {
          ...inputs,
          arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${String(inputs["name"])}`,
        },
      };
    case "aws:s3/bucket:Bucket":
      return {
        id: `${name}-mock`,
        state: { ...inputs, bucket: `${name}-mock`, arn: `arn:aws:s3:::${name}-mock` },
      };
    case "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream":
      return {
        id: name,
        state: {
          ...inputs,
          name,
          arn: `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${name}`,
        },
      };
    case "aws:sns/topic:Topic":
      return { id: name, state: { ...inputs, arn: `arn:aws:sns:${REGION}:${ACCOUNT}:${name}` } };
    case "aws:cloudwatch/eventRule:EventRule":
      return {
        id: name,
        state: { ...inputs, name, arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/${name}` },
      };
    case "aws:iam/role:Role":
      return { id: name, state: { ...inputs, arn: `arn:aws:iam::${ACCOUNT}:role/${name}` } };
    default:
      return { id: `${name}-id`, state: inputs };
  }
}

/**
 * The runtime's wait for every outstanding registration, including those started while
 * waiting (exported by @pulumi/pulumi's runtime/settings, marked internal in its types).
 */
const waitForRegistrations = (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> })
  .waitForRPCs;

/** Loads an example program under mocks; resolves once everything it declares is registered. */
async function runExample(directory: string): Promise<Registered[]> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        return mockedState(args.type, args.name, args.inputs);
      },
      call(args) {
        if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") {
          return {
            accountId: ACCOUNT,
            arn: DEPLOYER_SESSION_ARN,
            userId: "AROA",
            id: ACCOUNT,
          };
        }
        if (args.token === "aws:index/getRegion:getRegion") {
          return { name: REGION, region: REGION, id: REGION, endpoint: "", description: "" };
        }
        return args.inputs;
      },
    },
    "examples",
    "test",
    false,
  );
  await import(path.resolve(__dirname, "../../examples", directory, "index.ts"));
  await waitForRegistrations();
  return registered;
}

/** The inputs of the one UserPoolLogDelivery, checked by the real provider. */
async function checkedDelivery(registered: Registered[]): Promise<Record<string, unknown>> {
  const deliveries = registered.filter((resource) => resource.type === DELIVERY_TYPE);
  assert.equal(deliveries.length, 1);
  const inputs = deliveries[0]?.inputs ?? {};
  assert.equal(inputs["__provider"], STORED_PROVIDER);
  const { inputs: canonical, failures } = await awsProvider().check({}, inputs);
  assert.deepEqual(failures, [], "the example passes the resource's own check");
  const { __provider, ...rest } = canonical as unknown as Record<string, unknown>;
  assert.ok(__provider);
  return rest;
}

function types(registered: Registered[]): string[] {
  return registered.map((resource) => resource.type).sort();
}

describe("examples, run under Pulumi's mocks", function () {
  this.timeout(60_000);

  it("cloudwatch-logs: userNotification to a /aws/vendedlogs log group, with its resource policy", async () => {
    const registered = await runExample("cloudwatch-logs");
    assert.deepEqual(types(registered), [
      "aws:cloudwatch/logGroup:LogGroup",
      "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
      "aws:cognito/userPool:UserPool",
      DELIVERY_TYPE,
    ]);
    assert.deepEqual(await checkedDelivery(registered), {
      userPoolId: `${REGION}_Mockappusers`,
      region: REGION,
      logConfigurations: [
        {
          eventSource: "userNotification",
          logLevel: "ERROR",
          cloudWatchLogsConfiguration: {
            logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/cognito/${REGION}_Mockappusers/notifications`,
          },
        },
      ],
    });
  });

  it("s3: userAuthEvents to a bucket with its delivery policy, on a Plus pool with threat protection", async () => {
    const registered = await runExample("s3");
    const pool = registered.find((resource) => resource.type === "aws:cognito/userPool:UserPool");
    assert.equal(pool?.inputs["userPoolTier"], "PLUS");
    assert.ok(registered.some((resource) => resource.type === "aws:s3/bucketPolicy:BucketPolicy"));
    const delivery = await checkedDelivery(registered);
    assert.deepEqual(delivery["logConfigurations"], [
      {
        eventSource: "userNotification",
        logLevel: "ERROR",
        cloudWatchLogsConfiguration: {
          logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/cognito/${REGION}_Mocktenantusers/notifications`,
        },
      },
      {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        s3Configuration: { bucketArn: "arn:aws:s3:::cognito-auth-events-mock" },
      },
    ]);
  });

  it("firehose: userAuthEvents to a stream tagged LogDeliveryEnabled=true", async () => {
    const registered = await runExample("firehose");
    const stream = registered.find(
      (resource) => resource.type === "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    );
    assert.deepEqual(stream?.inputs["tags"], { LogDeliveryEnabled: "true" });
    const delivery = await checkedDelivery(registered);
    assert.deepEqual(delivery["logConfigurations"], [
      {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        firehoseConfiguration: {
          streamArn: `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/auth-events`,
        },
      },
    ]);
  });

  it("change-alert: a rule on outside SetLogDeliveryConfiguration calls to a topic, ignoring every session of the deployer's role", async () => {
    const registered = await runExample("change-alert");
    const [target] = await registrationsOf(registered, "aws:cloudwatch/eventTarget:EventTarget", 1);
    const [rule] = await registrationsOf(registered, "aws:cloudwatch/eventRule:EventRule", 1);
    const [policy] = await registrationsOf(registered, "aws:sns/topicPolicy:TopicPolicy", 1);
    const pattern = JSON.parse(String(rule?.inputs["eventPattern"])) as {
      detail: {
        eventName: string[];
        requestParameters: { userPoolId: string[] };
        userIdentity: { arn: { "anything-but": { wildcard: string[] } }[] };
      };
    };
    assert.deepEqual(pattern.detail.eventName, ["SetLogDeliveryConfiguration"]);
    assert.deepEqual(pattern.detail.requestParameters.userPoolId, [`${REGION}_Mockappusers`]);
    assert.deepEqual(pattern.detail.userIdentity.arn, [
      { "anything-but": { wildcard: [`arn:aws:sts::${ACCOUNT}:assumed-role/PulumiDeployer/*`] } },
    ]);
    const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:log-delivery-changes`;
    assert.equal(target?.inputs["arn"], topicArn);
    assert.deepEqual(JSON.parse(String(policy?.inputs["policy"])).Statement[0].Condition, {
      ArnEquals: {
        "aws:SourceArn": [`arn:aws:events:${REGION}:${ACCOUNT}:rule/log-delivery-changes-rule-1`],
      },
    });
    await checkedDelivery(registered);
  });
});
