import * as assert from "node:assert/strict";
import { destinationsOf, inventoryFlags } from "../../../src/core/inventory";
import type { InventoryChatConfiguration, InventoryPool } from "../../../src/core/inventory";
import {
  ACCOUNT,
  BUCKET_ARN,
  LOG_GROUP_ARN,
  POOL_ID,
  authEventsToBucket,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

const POOL: InventoryPool = {
  region: "us-east-1",
  userPoolId: POOL_ID,
  name: "tenant-a",
  logConfigurations: [notificationsToLogGroup, authEventsToBucket],
};

function chat(
  id: string,
  destination: InventoryChatConfiguration["destination"],
  overrides: Partial<InventoryChatConfiguration> = {},
): InventoryChatConfiguration {
  return {
    region: "us-east-1",
    arn: `arn:aws:ivschat:us-east-1:${ACCOUNT}:logging-configuration/${id}`,
    id,
    name: id.toLowerCase(),
    state: "ACTIVE",
    destination,
    ...overrides,
  };
}

const LOG_GROUP_NAME = "/aws/vendedlogs/cognito/notifications";

describe("the log delivery inventory by destination", () => {
  it("puts a chat configuration naming a pool's log group in the same account and region with the pool", () => {
    const logGroup = destinationsOf(
      [POOL],
      [chat("AAAAAAAAAAAA", { property: "cloudWatchLogsConfiguration", name: LOG_GROUP_NAME })],
    ).find((destination) => destination.kind === "cloudWatchLogs");
    assert.equal(logGroup?.arn, LOG_GROUP_ARN);
    assert.deepEqual(
      logGroup?.sources.map((source) => source.service),
      ["cognito-idp", "ivschat"],
    );
    assert.equal(logGroup?.certain, true);
  });

  it("keeps a log group of the same name in another region or account apart", () => {
    const destinations = destinationsOf(
      [POOL],
      [
        chat(
          "BBBBBBBBBBBB",
          { property: "cloudWatchLogsConfiguration", name: LOG_GROUP_NAME },
          {
            region: "eu-west-1",
            arn: `arn:aws:ivschat:eu-west-1:${ACCOUNT}:logging-configuration/BBBBBBBBBBBB`,
          },
        ),
        chat(
          "CCCCCCCCCCCC",
          { property: "cloudWatchLogsConfiguration", name: LOG_GROUP_NAME },
          { arn: "arn:aws:ivschat:us-east-1:210987654321:logging-configuration/CCCCCCCCCCCC" },
        ),
      ],
    );
    const logGroups = destinations.filter((destination) => destination.kind === "cloudWatchLogs");
    assert.equal(logGroups.length, 3);
    assert.ok(logGroups.every((group) => group.sources.length === 1 && group.certain));
  });

  it("matches buckets by name, which needs no account or region", () => {
    const [bucket] = destinationsOf(
      [POOL],
      [chat("DDDDDDDDDDDD", { property: "s3Configuration", name: "cognito-auth-events" })],
    ).filter((destination) => destination.kind === "s3");
    assert.equal(bucket?.arn, BUCKET_ARN);
    assert.equal(bucket?.region, null);
    assert.equal(bucket?.sources.length, 2);
  });

  it("marks a match by name and region only as uncertain, and flags it", () => {
    const odd = chat(
      "EEEEEEEEEEEE",
      { property: "cloudWatchLogsConfiguration", name: LOG_GROUP_NAME },
      { arn: "EEEEEEEEEEEE" },
    );
    const destinations = destinationsOf([POOL], [odd]);
    const logGroup = destinations.find((destination) => destination.kind === "cloudWatchLogs");
    assert.equal(logGroup?.certain, false);
    assert.match(logGroup?.matchedBy ?? "", /^by name and region only/);
    const flags = inventoryFlags([POOL], [odd], destinations);
    assert.ok(flags.some((flag) => flag.kind === "uncertainMatch"));
  });

  it("gives a chat destination of unknown account and no namesake its own entry, without an ARN", () => {
    const [only] = destinationsOf(
      [],
      [chat("FFFFFFFFFFFF", { property: "firehoseConfiguration", name: "s" }, { arn: "odd" })],
    );
    assert.equal(only?.arn, null);
    assert.equal(only?.certain, false);
  });

  it("flags configurations not ACTIVE, unknown destinations, shared destinations and silent pools", () => {
    const silent: InventoryPool = {
      ...POOL,
      userPoolId: "us-east-1_Silent",
      logConfigurations: [],
    };
    const failed = chat(
      "GGGGGGGGGGGG",
      { property: "cloudWatchLogsConfiguration", name: LOG_GROUP_NAME },
      { state: "UPDATE_FAILED" },
    );
    const creating = chat("HHHHHHHHHHHH", undefined, { state: "CREATING" });
    const destinations = destinationsOf([POOL, silent], [failed, creating]);
    const flags = inventoryFlags([POOL, silent], [failed, creating], destinations);
    assert.deepEqual(
      flags.map((flag) => flag.kind),
      [
        "chatConfigurationNotActive",
        "chatConfigurationNotActive",
        "chatDestinationUnknown",
        "destinationWithSeveralSources",
        "userPoolWithoutLogDelivery",
      ],
    );
    assert.match(flags[0]?.message ?? "", /is UPDATE_FAILED: chat logs may not reach/);
    assert.match(flags[1]?.message ?? "", /is CREATING, not ACTIVE: run discover again/);
  });
});
