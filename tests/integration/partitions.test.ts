/**
 * A user pool in another partition, over the wire: the provider (through the real AWS SDK)
 * and the emulator both take regions and partitions from the SDK's partition data. The
 * AWS European Sovereign Cloud (`aws-eusc`) is one a hand-written table did not know.
 */
import * as assert from "node:assert/strict";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type * as pulumi from "@pulumi/pulumi";
import { awsProvider } from "../../src/implementation";
import { useEmulator } from "../../testing/emulatorSession";

const ACCOUNT = "123456789012";
const PARTITIONS = [
  { region: "eusc-de-east-1", partition: "aws-eusc" },
  { region: "cn-north-1", partition: "aws-cn" },
  { region: "us-gov-west-1", partition: "aws-us-gov" },
];

describe("user pools in every partition, over the wire", function () {
  this.timeout(30_000);
  const aws = useEmulator();

  const clientIn = (region: string) =>
    new CognitoIdentityProviderClient({ region, endpoint: aws.emulator.endpoint, maxAttempts: 1 });

  async function createPoolIn(region: string): Promise<{ id: string; arn: string }> {
    const client = clientIn(region);
    try {
      const created = await client.send(
        new CreateUserPoolCommand({ PoolName: "partitioned", UserPoolTier: "PLUS" }),
      );
      return { id: created.UserPool?.Id ?? "", arn: created.UserPool?.Arn ?? "" };
    } finally {
      client.destroy();
    }
  }

  for (const { region, partition } of PARTITIONS) {
    it(`${region}: the pool's ARN names ${partition}, and the provider checks, creates, reads and deletes`, async () => {
      const pool = await createPoolIn(region);
      assert.equal(
        pool.arn,
        `arn:${partition}:cognito-idp:${region}:${ACCOUNT}:userpool/${pool.id}`,
      );
      const provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = awsProvider();
      const declared = [
        {
          eventSource: "userNotification",
          logLevel: "ERROR",
          cloudWatchLogsConfiguration: {
            logGroupArn: `arn:${partition}:logs:${region}:${ACCOUNT}:log-group:/aws/vendedlogs/cognito`,
          },
        },
        {
          eventSource: "userAuthEvents",
          logLevel: "INFO",
          s3Configuration: { bucketArn: `arn:${partition}:s3:::auth-events` },
        },
      ];
      const { inputs, failures } = await provider.check(
        {},
        {
          userPoolId: pool.id,
          logConfigurations: declared,
        },
      );
      assert.deepEqual(failures, []);
      assert.equal(inputs["region"], region);
      const created = await provider.create(inputs);
      assert.deepEqual(created.outs?.logConfigurations, declared);
      const read = await provider.read(pool.id, created.outs);
      assert.deepEqual(read.props?.logConfigurations, declared);
      await provider.delete(pool.id, created.outs);
      assert.deepEqual((await provider.read(pool.id, created.outs)).props?.logConfigurations, []);
    });
  }

  it("the emulator rejects a destination in another partition than the pool's, as AWS does", async () => {
    const pool = await createPoolIn("cn-north-1");
    const client = clientIn("cn-north-1");
    try {
      await assert.rejects(
        client.send(
          new SetLogDeliveryConfigurationCommand({
            UserPoolId: pool.id,
            LogConfigurations: [
              {
                EventSource: "userNotification",
                LogLevel: "ERROR",
                CloudWatchLogsConfiguration: {
                  LogGroupArn: `arn:aws:logs:cn-north-1:${ACCOUNT}:log-group:/aws/vendedlogs/x`,
                },
              },
            ],
          }),
        ),
        (error: Error) =>
          error.name === "InvalidParameterException" &&
          /is in partition aws, but it must be in the user pool's partition, aws-cn/.test(
            error.message,
          ),
      );
    } finally {
      client.destroy();
    }
  });
});
