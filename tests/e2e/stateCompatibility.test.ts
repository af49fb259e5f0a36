/**
 * Stacks written by release 0.1.0 keep working: their state stores a serialised provider
 * that requires `pulumi-cognito-log-delivery/implementation`, and their inputs in 0.1.0's
 * canonical form. testing/fixtures/state-0.1.0/ holds such a state, exported from a stack
 * that 0.1.0 created (see its README); this imports it and runs today's code against it.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  GET,
  SET,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { useEngine } from "./e2eEnvironment";

const FIXTURE = path.resolve(__dirname, "../../testing/fixtures/state-0.1.0/stack-export.json");
const DELIVERY_TYPE = "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery";

describe("end to end: a state written by release 0.1.0", function () {
  this.timeout(180_000);
  const e2e = useEngine();

  it("refreshes with no change, previews its program with no change, and destroys", async () => {
    // The pools the state describes, configured as 0.1.0 left them.
    const [poolA, poolB] = [await e2e.aws.createPool(), await e2e.aws.createPool()];
    await e2e.aws.setOutside(poolA, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    await e2e.aws.setOutside(poolB, [AWS_AUTH_EVENTS_TO_STREAM, AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    const declarations = [
      { name: "notifications", userPoolId: poolA, logConfigurations: [notificationsToLogGroup] },
      {
        name: "both",
        userPoolId: poolB,
        logConfigurations: [authEventsToStream, notificationsToLogGroup],
      },
    ];
    // URNs in the state name the project `state-compat` and the stack `dev`.
    const workspace = await e2e.workspace(declarations, "", { project: "state-compat" });
    const exported = fs
      .readFileSync(FIXTURE, "utf8")
      .replaceAll("{{POOL_A}}", poolA)
      .replaceAll("{{POOL_B}}", poolB);
    assert.match(exported, /require\(\\"pulumi-cognito-log-delivery\/implementation\\"\)\.attach/);
    const importFile = path.join(workspace.directory, "state-0.1.0.json");
    fs.writeFileSync(importFile, exported);
    await workspace.pulumiOrThrow("stack", "import", "--file", importFile);
    const storedProviders = workspace
      .stateResources()
      .filter((resource) => resource.type === DELIVERY_TYPE)
      .map((resource) => resource.inputs?.["__provider"]);
    assert.equal(storedProviders.length, 2);

    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("refresh", "--yes", "--expect-no-changes");
    assert.ok(e2e.aws.emulator.callCount(GET) >= 2, "refresh read both pools");
    assert.equal(e2e.aws.emulator.callCount(SET), 0);

    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    assert.equal(e2e.aws.emulator.requests.length, 0, "the same program shows no change");

    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.deepEqual(await e2e.aws.getOutside(poolA), []);
    assert.deepEqual(await e2e.aws.getOutside(poolB), []);
  });
});
