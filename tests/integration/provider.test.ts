import * as assert from "node:assert/strict";
import { AwsCallError, ExistingConfigurationError } from "../../src/errors";
import { awsProvider } from "../../src/implementation";
import type * as pulumi from "@pulumi/pulumi";
import {
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  GET,
  LOG_GROUP_ARN,
  SET,
  STREAM_ARN,
  authEventsToBucket,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { TEST_REGION, useEmulator } from "../../testing/emulatorSession";

describe("UserPoolLogDeliveryProvider against the Cognito emulator, through the AWS SDK", function () {
  this.timeout(30_000);
  const aws = useEmulator();
  /** Driven as the engine drives it: untyped property bags in, property bags out. */
  let provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

  before(() => {
    provider = awsProvider();
  });

  /** The calls the emulator received since the last `clearRequests`, by operation. */
  function callsMade(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const request of aws.emulator.requests) {
      counts[request.operation] = (counts[request.operation] ?? 0) + 1;
    }
    return counts;
  }

  /** The outputs a refresh reported; fails the test when it reported the resource gone. */
  async function refreshedOutputs(
    id: string,
    props: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const result = await provider.read(id, props);
    assert.ok(result.props, `read reported ${id} gone`);
    return result.props;
  }

  /** Runs `check` as the engine does and fails the test on any failure. */
  async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { inputs, failures } = await provider.check({}, news);
    assert.deepEqual(failures, []);
    return inputs as Record<string, unknown>;
  }

  it("runs the whole lifecycle with the exact number of AWS calls per operation", async () => {
    const userPoolId = await aws.createPool();
    aws.emulator.clearRequests();

    const inputs = await checked({
      userPoolId,
      logConfigurations: [authEventsToStream, notificationsToLogGroup],
    });
    assert.deepEqual(callsMade(), {}, "check calls no AWS");

    const created = await provider.create(inputs);
    assert.equal(created.id, userPoolId);
    assert.deepEqual(
      callsMade(),
      { [GET]: 1, [SET]: 1 },
      "create: one Get (the overwrite guard), one Set",
    );
    assert.deepEqual(
      new Set((await aws.getOutside(userPoolId)).map((entry) => entry.EventSource)),
      new Set(["userAuthEvents", "userNotification"]),
    );

    aws.emulator.clearRequests();
    const refreshed = await refreshedOutputs(created.id, created.outs);
    assert.deepEqual(refreshed, created.outs);
    assert.deepEqual(callsMade(), { [GET]: 1 }, "read: one Get");

    aws.emulator.clearRequests();
    const noChange = await provider.diff(
      created.id,
      refreshed,
      await checked({
        userPoolId,
        logConfigurations: [notificationsToLogGroup, authEventsToStream],
      }),
    );
    assert.equal(noChange.changes, false);
    assert.deepEqual(callsMade(), {}, "diff calls no AWS");

    const changedInputs = await checked({
      userPoolId,
      logConfigurations: [notificationsToLogGroup, authEventsToBucket],
    });
    const change = await provider.diff(created.id, refreshed, changedInputs);
    assert.deepEqual(change, { changes: true, replaces: [], deleteBeforeReplace: false });
    const updated = await provider.update(created.id, refreshed, changedInputs);
    assert.deepEqual(updated.outs?.logConfigurations, [
      notificationsToLogGroup,
      authEventsToBucket,
    ]);
    assert.deepEqual(callsMade(), { [SET]: 1 }, "update: one Set");

    aws.emulator.clearRequests();
    await provider.delete(created.id, updated.outs);
    assert.deepEqual(callsMade(), { [SET]: 1 }, "delete: one Set");
    assert.deepEqual(await aws.getOutside(userPoolId), []);
  });

  it("never diffs on the order AWS returns entries in (Terraform #43550)", async () => {
    const userPoolId = await aws.createPool();
    await aws.setOutside(userPoolId, [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_STREAM]);
    const inputs = await checked({
      userPoolId,
      logConfigurations: [notificationsToLogGroup, authEventsToStream],
    });
    for (let round = 0; round < 3; round++) {
      const refreshed = await refreshedOutputs(userPoolId, { userPoolId });
      assert.equal((await provider.diff(userPoolId, refreshed, inputs)).changes, false);
    }
  });

  it("accepts a log group ARN ending in :* and sends it without the suffix AWS rejects", async () => {
    const userPoolId = await aws.createPool();
    const inputs = await checked({
      userPoolId,
      logConfigurations: [
        {
          ...notificationsToLogGroup,
          cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:*` },
        },
      ],
    });
    await provider.create(inputs);
    assert.deepEqual(await aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
  });

  it("refresh reports a configuration emptied outside Pulumi, and update repairs it", async () => {
    const userPoolId = await aws.createPool();
    const inputs = await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] });
    const created = await provider.create(inputs);
    await aws.setOutside(userPoolId, []);

    const refreshed = await provider.read(userPoolId, created.outs);
    assert.deepEqual(refreshed.props?.logConfigurations, []);
    assert.deepEqual(
      refreshed.inputs?.["logConfigurations"],
      [],
      "refresh also replaces the stored inputs",
    );
    const drifted = await refreshedOutputs(userPoolId, created.outs);
    assert.equal((await provider.diff(userPoolId, drifted, inputs)).changes, true);

    await provider.update(userPoolId, drifted, inputs);
    assert.deepEqual(await aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
  });

  it("refresh reports a destination changed outside Pulumi", async () => {
    const userPoolId = await aws.createPool();
    const inputs = await checked({ userPoolId, logConfigurations: [authEventsToStream] });
    const created = await provider.create(inputs);
    await aws.setOutside(userPoolId, [AWS_AUTH_EVENTS_TO_BUCKET]);

    const refreshed = await refreshedOutputs(userPoolId, created.outs);
    assert.deepEqual(refreshed["logConfigurations"], [authEventsToBucket]);
    assert.equal((await provider.diff(userPoolId, refreshed, inputs)).changes, true);
  });

  it("refresh reports the resource gone when the pool was deleted, and delete then succeeds", async () => {
    const userPoolId = await aws.createPool();
    const created = await provider.create(
      await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] }),
    );
    await aws.deletePool(userPoolId);

    assert.deepEqual(await provider.read(userPoolId, created.outs), { id: "" });
    aws.emulator.clearRequests();
    await provider.delete(userPoolId, created.outs);
    assert.deepEqual(callsMade(), { [SET]: 1 });
  });

  it("create refuses to overwrite a configuration made outside Pulumi, and changes nothing", async () => {
    const userPoolId = await aws.createPool();
    await aws.setOutside(userPoolId, [AWS_AUTH_EVENTS_TO_STREAM]);
    aws.emulator.clearRequests();

    await assert.rejects(
      provider.create(await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] })),
      (error: unknown) =>
        ExistingConfigurationError.isInstance(error) &&
        error.message.includes(`Firehose stream ${STREAM_ARN}`),
    );
    assert.deepEqual(callsMade(), { [GET]: 1 });
    assert.deepEqual(await aws.getOutside(userPoolId), [AWS_AUTH_EVENTS_TO_STREAM]);
  });

  it("create takes over a configuration equal to the declared one with no write", async () => {
    const userPoolId = await aws.createPool();
    await aws.setOutside(userPoolId, [AWS_AUTH_EVENTS_TO_STREAM, AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    aws.emulator.clearRequests();

    await provider.create(
      await checked({
        userPoolId,
        logConfigurations: [notificationsToLogGroup, authEventsToStream],
      }),
    );
    assert.deepEqual(callsMade(), { [GET]: 1 });
  });

  it("explains the Plus feature plan when the pool's tier lacks it, and applies nothing", async () => {
    const userPoolId = await aws.createPool("ESSENTIALS");
    await assert.rejects(
      provider.create(
        await checked({
          userPoolId,
          logConfigurations: [notificationsToLogGroup, authEventsToStream],
        }),
      ),
      (error: unknown) => {
        assert.ok(AwsCallError.isInstance(error));
        assert.equal(error.awsErrorName, "FeatureUnavailableInTierException");
        assert.ok(error.requestId, "the message carries AWS's request ID");
        assert.match(
          error.message,
          new RegExp(
            `^SetLogDeliveryConfiguration failed for user pool ${userPoolId} in ${TEST_REGION}: FeatureUnavailableInTierException: .*, request ID [^,]+\\. userAuthEvents needs the Plus feature plan \\(UserPoolTier PLUS\\)`,
          ),
        );
        return true;
      },
    );
    assert.deepEqual(await aws.getOutside(userPoolId), []);
  });

  it("names the region and account asked when the pool does not exist", async () => {
    const userPoolId = `${TEST_REGION}_Missing123`;
    await assert.rejects(
      provider.create(await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] })),
      (error: unknown) => {
        assert.ok(AwsCallError.isInstance(error));
        assert.match(
          error.message,
          new RegExp(
            `No user pool ${userPoolId} was found in region ${TEST_REGION} of account 123456789012\\.`,
          ),
        );
        return true;
      },
    );
  });

  it("recovers from throttling through the SDK's retries", async () => {
    const userPoolId = await aws.createPool();
    aws.emulator.clearRequests();
    aws.emulator.injectFault({ kind: "throttle", operation: SET, times: 2 });
    await provider.create(
      await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] }),
    );
    assert.deepEqual(callsMade(), { [GET]: 1, [SET]: 3 });
    assert.deepEqual(await aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
  });

  it("recovers from internal errors (HTTP 500) through the SDK's retries", async () => {
    const userPoolId = await aws.createPool();
    aws.emulator.injectFault({ kind: "internal-error", operation: GET, times: 2 });
    const created = await provider.create(
      await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] }),
    );
    assert.deepEqual(created.outs?.logConfigurations, [notificationsToLogGroup]);
  });

  it("waits out a slow Cognito (latency) and applies exactly once", async () => {
    const userPoolId = await aws.createPool();
    aws.emulator.clearRequests();
    aws.emulator.injectFault({ kind: "latency", operation: SET, times: 1, latencyMs: 1500 });
    const created = await provider.create(
      await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] }),
    );
    assert.deepEqual(created.outs.logConfigurations, [notificationsToLogGroup]);
    assert.deepEqual(callsMade(), { [GET]: 1, [SET]: 1 });
  });

  it("recovers when the connection drops after AWS applied a Set (the retry is idempotent)", async () => {
    const userPoolId = await aws.createPool();
    aws.emulator.clearRequests();
    aws.emulator.injectFault({ kind: "drop-after-apply", operation: SET, times: 1 });
    const created = await provider.create(
      await checked({ userPoolId, logConfigurations: [notificationsToLogGroup] }),
    );
    assert.deepEqual(created.outs?.logConfigurations, [notificationsToLogGroup]);
    assert.deepEqual(callsMade(), { [GET]: 1, [SET]: 2 });
  });

  it("without credentials, says where to set them (and still names the pool and region)", async () => {
    const saved = { ...process.env };
    delete process.env["AWS_ACCESS_KEY_ID"];
    delete process.env["AWS_SECRET_ACCESS_KEY"];
    process.env["AWS_EC2_METADATA_DISABLED"] = "true"; // no instance role to look for here
    try {
      const withoutCredentials: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> =
        awsProvider();
      await assert.rejects(
        withoutCredentials.read(`${TEST_REGION}_AbC123`, {}),
        (error: unknown) => {
          assert.ok(AwsCallError.isInstance(error));
          assert.match(
            error.message,
            new RegExp(
              `^GetLogDeliveryConfiguration failed for user pool ${TEST_REGION}_AbC123 in ${TEST_REGION}: CredentialsProviderError: .*No AWS credentials were found: set AWS_PROFILE`,
            ),
          );
          return true;
        },
      );
    } finally {
      process.env = saved;
    }
  });

  it("reports persistent throttling with the attempts made and what to do", async () => {
    const userPoolId = await aws.createPool();
    const saved = process.env["AWS_MAX_ATTEMPTS"];
    process.env["AWS_MAX_ATTEMPTS"] = "2";
    try {
      const impatient: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = awsProvider();
      aws.emulator.injectFault({ kind: "throttle", operation: GET, times: 5 });
      await assert.rejects(impatient.read(userPoolId, { userPoolId }), (error: unknown) => {
        assert.ok(AwsCallError.isInstance(error));
        assert.match(
          error.message,
          /^GetLogDeliveryConfiguration failed for user pool .*: TooManyRequestsException: .*, after 2 attempts\. Cognito kept throttling/,
        );
        return true;
      });
    } finally {
      if (saved === undefined) {
        delete process.env["AWS_MAX_ATTEMPTS"];
      } else {
        process.env["AWS_MAX_ATTEMPTS"] = saved;
      }
    }
  });
});
