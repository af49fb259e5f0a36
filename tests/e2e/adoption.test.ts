/**
 * Bringing existing pools under management with the real engine (issue: adoption):
 * discover → `pulumi import --file` (the engine skips Read when the file carries
 * outputs, pulumi/pulumi #23984) → the program declares the pool → preview and up.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { adoptedResourceName } from "../../src/cli/adoption";
import { runCli } from "../../src/cli/main";
import type { PulumiWorkspace } from "../../testing/engine/pulumiWorkspace";
import {
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  BUCKET_ARN,
  SET,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { TEST_REGION } from "../../testing/emulatorSession";
import { useEngine } from "./e2eEnvironment";
import { deliveryProgram } from "../../testing/engine/programs";

describe("end to end: adopting pools configured outside Pulumi", function () {
  this.timeout(180_000);
  const e2e = useEngine();

  /** Runs `discover --pool` in the project directory, then `pulumi import` of its file. */
  async function discoverAndImport(
    workspace: PulumiWorkspace,
    userPoolId: string,
  ): Promise<string> {
    const output = { stdout: "", stderr: "" };
    const code = await runCli(
      ["discover", "--region", TEST_REGION, "--pool", userPoolId, "--out", "adopt"],
      {
        stdout: (text) => (output.stdout += text),
        stderr: (text) => (output.stderr += text),
        environment: process.env,
        cwd: workspace.directory,
      },
    );
    assert.equal(code, 0, output.stderr);
    await workspace.pulumiOrThrow(
      "import",
      "--file",
      "adopt/import.json",
      "--generate-code=false",
      "--protect=false",
      "--yes",
    );
    return fs.readFileSync(path.join(workspace.directory, "adopt", "logDeliveries.ts"), "utf8");
  }

  it("adopts a pool whose delivery equals the declared one with no write to AWS", async () => {
    const userPoolId = await e2e.aws.createPool();
    await e2e.aws.setOutside(userPoolId, [
      AWS_NOTIFICATIONS_TO_LOG_GROUP,
      AWS_AUTH_EVENTS_TO_STREAM,
    ]);
    const workspace = await e2e.workspace([]);
    e2e.aws.emulator.clearRequests();

    const generatedProgram = await discoverAndImport(workspace, userPoolId);
    workspace.writeProgram(generatedProgram);
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    await workspace.pulumiOrThrow("up", "--yes", "--expect-no-changes");

    assert.equal(e2e.aws.emulator.callCount(SET), 0, "no Set from discover, import, preview or up");
    const adopted = workspace.stateResources().find((resource) => resource.id === userPoolId);
    assert.equal(
      adopted?.urn,
      workspace.urnOf(
        "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery",
        adoptedResourceName(userPoolId),
      ),
    );
    await workspace.pulumiOrThrow("refresh", "--yes", "--expect-no-changes");
  });

  it("adopts with exactly the declared change when the program differs from the pool", async () => {
    const userPoolId = await e2e.aws.createPool();
    await e2e.aws.setOutside(userPoolId, [
      AWS_NOTIFICATIONS_TO_LOG_GROUP,
      AWS_AUTH_EVENTS_TO_STREAM,
    ]);
    const workspace = await e2e.workspace([]);
    await discoverAndImport(workspace, userPoolId);

    const declared = [
      notificationsToLogGroup,
      {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        s3Configuration: { bucketArn: BUCKET_ARN },
      },
    ];
    workspace.writeProgram(
      deliveryProgram([
        { name: adoptedResourceName(userPoolId), userPoolId, logConfigurations: declared },
      ]),
    );
    const preview = JSON.parse((await workspace.pulumiOrThrow("preview", "--json")).stdout) as {
      changeSummary?: Record<string, number>;
    };
    assert.deepEqual(preview.changeSummary, { same: 1, update: 1 });
    const diff = (await workspace.pulumiOrThrow("preview", "--diff")).stdout;
    assert.match(diff, /- firehoseConfiguration/);
    assert.match(diff, /\+ s3Configuration/);
    assert.doesNotMatch(
      diff,
      /cloudWatchLogsConfiguration: \{\s*[-+]/,
      "the unchanged entry is not shown as changed",
    );

    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal(e2e.aws.emulator.callCount(SET), 1);
    const onPool = await e2e.aws.getOutside(userPoolId);
    assert.deepEqual(
      [...onPool].sort((x, y) => String(y.EventSource).localeCompare(String(x.EventSource))),
      [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_BUCKET],
    );
  });

  it("UserPoolLogDelivery.get reads a pool's delivery and never writes or clears it", async () => {
    const userPoolId = await e2e.aws.createPool();
    await e2e.aws.setOutside(userPoolId, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    const prelude = `export const delivered = UserPoolLogDelivery.get("existing", ${JSON.stringify(userPoolId)}).logConfigurations;`;
    const workspace = await e2e.workspace([], prelude);
    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("up", "--yes");
    const outputs = JSON.parse(
      (await workspace.pulumiOrThrow("stack", "output", "--json")).stdout,
    ) as { delivered: unknown };
    assert.deepEqual(outputs.delivered, [notificationsToLogGroup]);
    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.equal(e2e.aws.emulator.callCount(SET), 0);
    assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
  });
});
