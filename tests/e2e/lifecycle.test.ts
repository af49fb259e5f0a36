import * as assert from "node:assert/strict";
import {
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  GET,
  SET,
  authEventsToBucket,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { E2E_CREDENTIALS, useEngine } from "./e2eEnvironment";
import { STORED_PROVIDER } from "../../src/serializedProvider";
import { deliveryProgram } from "../../testing/engine/programs";
import type { PulumiWorkspace } from "../../testing/engine/pulumiWorkspace";

const DELIVERY_TYPE = "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery";

interface PreviewJson {
  steps?: { op: string; urn: string; diffReasons?: string[] }[];
  changeSummary?: Record<string, number>;
}

/** `pulumi preview --json`: the steps and the summary of changes. */
async function preview(workspace: PulumiWorkspace): Promise<PreviewJson> {
  const result = await workspace.pulumiOrThrow("preview", "--json");
  return JSON.parse(result.stdout) as PreviewJson;
}

function sortedByEventSource(list: readonly { EventSource?: string }[]): unknown[] {
  return [...list].sort((a, b) => String(b.EventSource).localeCompare(String(a.EventSource)));
}

describe("end to end: the real Pulumi engine against the emulator", function () {
  this.timeout(180_000);
  const e2e = useEngine();

  it("up creates; an unchanged or reordered program previews no changes and calls no AWS", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      {
        name: "logs",
        userPoolId,
        logConfigurations: [notificationsToLogGroup, authEventsToStream],
      },
    ]);
    await workspace.pulumiOrThrow("up", "--yes");
    assert.deepEqual(sortedByEventSource(await e2e.aws.getOutside(userPoolId)), [
      AWS_NOTIFICATIONS_TO_LOG_GROUP,
      AWS_AUTH_EVENTS_TO_STREAM,
    ]);

    e2e.aws.emulator.clearRequests();
    assert.deepEqual((await preview(workspace)).changeSummary, { same: 2 });
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    assert.equal(
      e2e.aws.emulator.requests.length,
      0,
      "a preview with nothing changed makes no AWS call",
    );

    workspace.writeProgram(
      deliveryProgram([
        {
          name: "logs",
          userPoolId,
          logConfigurations: [authEventsToStream, notificationsToLogGroup],
        },
      ]),
    );
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    await workspace.pulumiOrThrow("up", "--yes", "--expect-no-changes");
    assert.equal(e2e.aws.emulator.callCount(SET), 0, "reordering entries writes nothing");
  });

  it("changing one destination updates that resource only, and the preview names the property", async () => {
    const [first, second] = [await e2e.aws.createPool(), await e2e.aws.createPool()];
    const declare = (secondAuthEvents: Record<string, unknown>) => [
      { name: "first", userPoolId: first, logConfigurations: [notificationsToLogGroup] },
      {
        name: "second",
        userPoolId: second,
        logConfigurations: [notificationsToLogGroup, secondAuthEvents],
      },
    ];
    const workspace = await e2e.workspace(declare(authEventsToStream));
    await workspace.pulumiOrThrow("up", "--yes");

    workspace.writeProgram(deliveryProgram(declare(authEventsToBucket)));
    const steps = await preview(workspace);
    assert.deepEqual(steps.changeSummary, { same: 2, update: 1 });
    const updated = steps.steps?.filter((step) => step.op === "update") ?? [];
    assert.equal(updated.length, 1);
    assert.match(updated[0]?.urn ?? "", /::second$/);

    const diffText = (await workspace.pulumiOrThrow("preview", "--diff")).stdout;
    assert.match(diffText, /s3Configuration/);
    assert.match(diffText, /firehoseConfiguration/);

    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal(e2e.aws.emulator.callCount(SET), 1, "one Set, for the changed pool");
    assert.deepEqual(
      e2e.aws.emulator.requests
        .filter((request) => request.operation === SET)
        .map((request) => request.userPoolId),
      [second],
    );
  });

  it("an invalid combination fails at preview with our message, and nothing is sent", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      {
        name: "logs",
        userPoolId,
        logConfigurations: [{ ...notificationsToLogGroup, logLevel: "INFO" }],
      },
    ]);
    e2e.aws.emulator.clearRequests();
    const result = await workspace.pulumi("preview");
    assert.notEqual(result.code, 0);
    assert.match(
      result.stdout + result.stderr,
      /logConfigurations\[0\]\.logLevel.*is "INFO"; userNotification logs are delivered at level "ERROR" only: write logLevel: "ERROR"\./,
    );
    assert.equal(e2e.aws.emulator.requests.length, 0);
  });

  it("refresh reports a configuration emptied outside Pulumi, and up repairs it", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      { name: "logs", userPoolId, logConfigurations: [notificationsToLogGroup] },
    ]);
    await workspace.pulumiOrThrow("up", "--yes");
    await e2e.aws.setOutside(userPoolId, []);

    const refresh = await workspace.pulumiOrThrow("refresh", "--yes");
    assert.match(refresh.stdout, /1 updated/);
    assert.deepEqual((await preview(workspace)).changeSummary, { same: 1, update: 1 });
    await workspace.pulumiOrThrow("up", "--yes");
    assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
  });

  it("a pool deleted outside Pulumi: refresh removes the resource; destroy of a gone pool succeeds", async () => {
    const [refreshed, destroyed] = [await e2e.aws.createPool(), await e2e.aws.createPool()];
    const workspace = await e2e.workspace([
      { name: "refreshed", userPoolId: refreshed, logConfigurations: [notificationsToLogGroup] },
      { name: "destroyed", userPoolId: destroyed, logConfigurations: [notificationsToLogGroup] },
    ]);
    await workspace.pulumiOrThrow("up", "--yes");
    await e2e.aws.deletePool(refreshed);
    await e2e.aws.deletePool(destroyed);

    await workspace.pulumiOrThrow(
      "refresh",
      "--yes",
      "--target",
      workspace.urnOf(DELIVERY_TYPE, "refreshed"),
    );
    assert.deepEqual(
      workspace
        .stateResources()
        .filter((resource) => resource.type === DELIVERY_TYPE)
        .map((resource) => resource.id),
      [destroyed],
    );
    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.equal(
      workspace.stateResources().filter((resource) => resource.type === DELIVERY_TYPE).length,
      0,
    );
  });

  it("destroy clears the pool's configuration", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      {
        name: "logs",
        userPoolId,
        logConfigurations: [notificationsToLogGroup, authEventsToStream],
      },
    ]);
    await workspace.pulumiOrThrow("up", "--yes");
    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.deepEqual(await e2e.aws.getOutside(userPoolId), []);
    assert.equal(e2e.aws.emulator.callCount(SET), 1);
  });

  it("create refuses to overwrite a configuration made outside Pulumi", async () => {
    const userPoolId = await e2e.aws.createPool();
    await e2e.aws.setOutside(userPoolId, [AWS_AUTH_EVENTS_TO_STREAM as never]);
    const workspace = await e2e.workspace([
      { name: "logs", userPoolId, logConfigurations: [notificationsToLogGroup] },
    ]);
    const result = await workspace.pulumi("up", "--yes");
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /already delivers logs, and not as declared/);
    assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_AUTH_EVENTS_TO_STREAM]);
  });

  it("several resources on several pools in one stack, created in parallel", async () => {
    const pools = await Promise.all(Array.from({ length: 6 }, () => e2e.aws.createPool()));
    const workspace = await e2e.workspace(
      pools.map((userPoolId, index) => ({
        name: `pool-${index}`,
        userPoolId,
        logConfigurations: [notificationsToLogGroup],
      })),
    );
    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("up", "--yes", "--parallel", "6");
    for (const userPoolId of pools) {
      assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    }
    assert.equal(e2e.aws.emulator.callCount(SET), pools.length);
    assert.equal(e2e.aws.emulator.callCount(GET) >= pools.length, true);
  });

  it("the state holds no credentials, and stores the short provider text and the user's line as the source position", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      { name: "logs", userPoolId, logConfigurations: [notificationsToLogGroup] },
    ]);
    await workspace.pulumiOrThrow("up", "--yes");
    const state = workspace.stateFileText();
    assert.ok(
      !state.includes(E2E_CREDENTIALS.AWS_SECRET_ACCESS_KEY),
      "the secret key is not in the state",
    );
    assert.ok(
      !state.includes(E2E_CREDENTIALS.AWS_ACCESS_KEY_ID),
      "the access key is not in the state",
    );
    const [delivery] = workspace
      .stateResources()
      .filter((resource) => resource.type === DELIVERY_TYPE);
    assert.equal(delivery?.inputs?.["__provider"], STORED_PROVIDER);
    assert.equal(delivery?.outputs?.["__provider"], STORED_PROVIDER);
    // The program's index.ts, not this package's constructor.
    assert.match(delivery?.sourcePosition ?? "", /^project:\/\/\/index\.ts#\d+,\d+$/);
  });

  it("a program that imports @pulumi/aws for its types runs with plugin downloads off", async () => {
    const userPoolId = await e2e.aws.createPool();
    const prelude = [
      `import * as aws from "@pulumi/aws";`,
      `const typedOnly: aws.cognito.LogDeliveryConfigurationArgs | undefined = undefined;`,
      `export const unused = typedOnly;`,
    ].join("\n");
    const workspace = await e2e.workspace(
      [{ name: "logs", userPoolId, logConfigurations: [notificationsToLogGroup] }],
      prelude,
    );
    await workspace.pulumiOrThrow("up", "--yes");
    assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
  });
});
