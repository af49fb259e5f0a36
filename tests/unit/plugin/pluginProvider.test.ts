import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { LogDeliveryApi } from "../../../src/cognito/logDeliveryApi";
import type { PoolAddress } from "../../../src/core/readInputs";
import { packageSchema, PLUGIN_RESOURCE_TYPE } from "../../../src/plugin/packageSchema";
import { UserPoolLogDeliveryPlugin } from "../../../src/plugin/pluginProvider";
import { UserPoolLogDeliveryProvider } from "../../../src/provider";
import type { LogConfiguration } from "../../../src/types";
import { packageVersion } from "../../../src/version";
import {
  LOG_GROUP_ARN,
  POOL_ID,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

const URN = `urn:pulumi:dev::yaml-project::${PLUGIN_RESOURCE_TYPE}::notifications`;

/** An in-memory pool that records the calls made to it. */
class RecordingApi implements LogDeliveryApi {
  calls: string[] = [];
  configuration: LogConfiguration[] = [];
  async get(pool: PoolAddress): Promise<LogConfiguration[]> {
    this.calls.push(`get ${pool.userPoolId} ${pool.region}`);
    return [...this.configuration];
  }
  async set(pool: PoolAddress, list: readonly LogConfiguration[]): Promise<LogConfiguration[]> {
    this.calls.push(`set ${pool.userPoolId} ${list.length}`);
    this.configuration = [...list];
    return [...list];
  }
}

/** A value as the provider protocol carries a secret in a plain property bag. */
const secret = (value: unknown) => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  value,
});

describe("the provider plugin over the dynamic resource's provider", () => {
  let api: RecordingApi;
  let made: number;
  let plugin: UserPoolLogDeliveryPlugin;

  beforeEach(() => {
    api = new RecordingApi();
    made = 0;
    plugin = new UserPoolLogDeliveryPlugin(() => {
      made += 1;
      return new UserPoolLogDeliveryProvider(api);
    });
  });

  it("checks with the same rules and property paths as the dynamic resource", async () => {
    const news = {
      userPoolId: POOL_ID,
      logConfigurations: [{ ...notificationsToLogGroup, logLevel: "INFO" }, authEventsToStream],
    };
    const viaPlugin = await plugin.check(URN, {}, news);
    const viaDynamic = await new UserPoolLogDeliveryProvider(api).check({}, news);
    assert.deepEqual(viaPlugin, viaDynamic);
    assert.deepEqual(
      viaPlugin.failures?.map((failure) => failure.property),
      ["logConfigurations[0].logLevel"],
    );
  });

  it("reads secret inputs as their values, at any depth", async () => {
    const result = await plugin.check(
      URN,
      {},
      {
        userPoolId: secret(POOL_ID),
        logConfigurations: [
          {
            ...notificationsToLogGroup,
            cloudWatchLogsConfiguration: { logGroupArn: secret(`${LOG_GROUP_ARN}:*`) },
          },
        ],
      },
    );
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.inputs, {
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [notificationsToLogGroup],
    });
  });

  it("runs the lifecycle through one provider, made on the first resource method", async () => {
    const { inputs } = await plugin.check(
      URN,
      {},
      { userPoolId: POOL_ID, logConfigurations: [notificationsToLogGroup] },
    );
    const created = await plugin.create(URN, inputs);
    assert.equal(created.id, POOL_ID);
    assert.deepEqual(created.outs, {
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [notificationsToLogGroup],
    });
    const changed = { ...inputs, logConfigurations: [notificationsToLogGroup, authEventsToStream] };
    assert.deepEqual(await plugin.diff(POOL_ID, URN, created.outs, changed), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    await plugin.update(POOL_ID, URN, created.outs, changed);
    const read = await plugin.read(POOL_ID, URN, undefined);
    assert.equal(read.id, POOL_ID, "import reads with the ID alone: the region comes from it");
    await plugin.delete(POOL_ID, URN, created.outs);
    assert.deepEqual(api.calls, [
      "get us-east-1_AbCdEf123 us-east-1",
      "set us-east-1_AbCdEf123 1",
      "set us-east-1_AbCdEf123 2",
      "get us-east-1_AbCdEf123 us-east-1",
      "set us-east-1_AbCdEf123 0",
    ]);
    assert.equal(made, 1);
  });

  it("refuses a resource of another type, saying which one it serves", async () => {
    await assert.rejects(
      plugin.check("urn:pulumi:dev::p::cognito-log-delivery:index:Other::x", {}, {}),
      {
        message:
          "the cognito-log-delivery provider serves only cognito-log-delivery:index:UserPoolLogDelivery, not cognito-log-delivery:index:Other; check the type token in the program.",
      },
    );
    assert.equal(made, 0);
  });

  it("serves the package schema, of the installed version", async () => {
    assert.deepEqual(JSON.parse(await plugin.getSchema()), packageSchema());
    assert.equal(plugin.version, packageVersion());
  });

  it("fails the check of a second resource for the same pool, naming both, as the TypeScript resource does", async () => {
    const declared = { userPoolId: POOL_ID, logConfigurations: [notificationsToLogGroup] };
    const other = `urn:pulumi:dev::yaml-project::${PLUGIN_RESOURCE_TYPE}::auth-events`;
    assert.deepEqual((await plugin.check(URN, {}, declared)).failures, []);
    assert.deepEqual(
      (await plugin.check(URN, {}, declared)).failures,
      [],
      "the same resource again",
    );
    assert.deepEqual((await plugin.check(other, {}, declared)).failures, [
      {
        property: "userPoolId",
        reason: `UserPoolLogDelivery "notifications" and "auth-events" both declare the log delivery of user pool ${POOL_ID}. A pool has one log delivery configuration, and each resource would replace the other's: declare both event sources in one resource (its logConfigurations takes one entry per event source) and remove "auth-events".`,
      },
    ]);
    const otherStack = `urn:pulumi:prod::yaml-project::${PLUGIN_RESOURCE_TYPE}::auth-events`;
    assert.deepEqual((await plugin.check(otherStack, {}, declared)).failures, [], "another stack");
  });

  it("claims no pool whose ID is not known yet: two new pools in one preview are not one", async () => {
    const unknown = {
      userPoolId: pulumi.runtime.unknownValue,
      logConfigurations: [notificationsToLogGroup],
    };
    const first = `urn:pulumi:dev::yaml-project::${PLUGIN_RESOURCE_TYPE}::first`;
    const second = `urn:pulumi:dev::yaml-project::${PLUGIN_RESOURCE_TYPE}::second`;
    assert.deepEqual((await plugin.check(first, {}, unknown)).failures, []);
    assert.deepEqual((await plugin.check(second, {}, unknown)).failures, []);
  });
});
