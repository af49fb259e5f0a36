/**
 * A Pulumi YAML program on the real engine, through the provider plugin (issue 21): the
 * same validation, set diff, refresh attribution and import as the TypeScript resource,
 * for a language with no Node.js program at all.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "../../src/cli/main";
import {
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  LOG_GROUP_ARN,
  SET,
  STREAM_ARN,
  authEventsToBucket,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { ensureEngine, PROJECT_ROOT } from "../../testing/engine/engine";
import { languageRuntime } from "../../testing/engine/languageRuntimes";
import type { LanguageRuntime } from "../../testing/engine/languageRuntimes";
import { PulumiWorkspace } from "../../testing/engine/pulumiWorkspace";
import type { DeliveryDeclaration } from "../../testing/engine/programs";
import { pluginProjectFile, yamlProgram } from "../../testing/engine/pluginPrograms";
import { OUTSIDE_ACTOR, TEST_REGION, useEmulator } from "../../testing/emulatorSession";
import { E2E_CREDENTIALS } from "./e2eEnvironment";

const PROJECT = "yaml-e2e";
const TYPE = "cognito-log-delivery:index:UserPoolLogDelivery";

describe("end to end: a Pulumi YAML program through the provider plugin", function () {
  this.timeout(5 * 60 * 1000);
  const aws = useEmulator();
  const workspaces: PulumiWorkspace[] = [];
  let engineBin = "";
  let yaml: LanguageRuntime | undefined;

  before(function () {
    this.timeout(60 * 60 * 1000); // cold builds of the engine and the YAML host take minutes
    engineBin = ensureEngine();
    yaml = languageRuntime("yaml");
  });

  afterEach(() => {
    for (const workspace of workspaces.splice(0)) {
      workspace.dispose();
    }
  });

  async function yamlWorkspace(
    declarations: readonly DeliveryDeclaration[],
  ): Promise<PulumiWorkspace> {
    const workspace = await PulumiWorkspace.create({
      name: PROJECT,
      runtime: "yaml",
      program: yamlProgram(PROJECT, declarations),
      engineBin,
      hostBins: yaml!.hostBins,
      environment: { ...aws.environment, ...E2E_CREDENTIALS },
    });
    workspaces.push(workspace);
    return workspace;
  }

  it("up, an edit, no change after a reorder, refresh names who changed it, up repairs, destroy", async () => {
    const userPoolId = await aws.createPool();
    const declare = (logConfigurations: Record<string, unknown>[]) => [
      { name: "logs", userPoolId, logConfigurations },
    ];
    const workspace = await yamlWorkspace(declare([notificationsToLogGroup, authEventsToStream]));
    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal((await aws.getOutside(userPoolId)).length, 2);

    workspace.writeProgram(
      yamlProgram(PROJECT, declare([notificationsToLogGroup, authEventsToBucket])),
    );
    const preview = await workspace.pulumiOrThrow("preview", "--diff");
    assert.match(preview.stdout, /~ 1 to update/);
    await workspace.pulumiOrThrow("up", "--yes");
    assert.deepEqual(
      [...(await aws.getOutside(userPoolId))].sort((a, b) =>
        String(a.EventSource).localeCompare(String(b.EventSource)),
      ),
      [AWS_AUTH_EVENTS_TO_BUCKET, AWS_NOTIFICATIONS_TO_LOG_GROUP],
    );

    workspace.writeProgram(
      yamlProgram(PROJECT, declare([authEventsToBucket, notificationsToLogGroup])),
    );
    aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    assert.equal(
      aws.emulator.requests.length,
      0,
      "a reordered program previews no change and calls no AWS",
    );

    await aws.setOutsideAs(OUTSIDE_ACTOR, userPoolId, []);
    const refresh = await workspace.pulumiOrThrow("refresh", "--yes", "--skip-preview");
    assert.match(
      refresh.stdout + refresh.stderr,
      new RegExp(
        `user pool ${userPoolId}: log delivery changed outside Pulumi by arn:aws:sts::123456789012:assumed-role/Admin/alice@example\\.com via aws-cli`,
      ),
    );
    const [resource] = workspace.stateResources().filter((entry) => entry.type === TYPE);
    const lastOutsideChange = resource?.outputs?.["lastOutsideChange"] as
      Record<string, unknown> | undefined;
    assert.equal(lastOutsideChange?.["via"], "aws-cli");
    assert.equal(
      lastOutsideChange?.["principalArn"],
      "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com",
    );

    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal((await aws.getOutside(userPoolId)).length, 2, "up repairs the outside change");
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");

    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.deepEqual(await aws.getOutside(userPoolId), []);
  });

  it("bad input fails the preview with the same failures and property paths, and nothing is sent", async () => {
    const userPoolId = await aws.createPool();
    const workspace = await yamlWorkspace([
      {
        name: "wrong",
        userPoolId,
        logConfigurations: [
          { ...notificationsToLogGroup, logLevel: "INFO" },
          { ...authEventsToBucket, eventSource: "userAuthEvent" },
        ],
      },
    ]);
    aws.emulator.clearRequests();
    const preview = await workspace.pulumi("preview");
    assert.notEqual(preview.code, 0);
    const output = preview.stdout + preview.stderr;
    assert.match(output, /logConfigurations\[0\]\.logLevel/);
    assert.match(output, /userNotification.*ERROR/);
    assert.match(output, /logConfigurations\[1\]\.eventSource/);
    assert.match(output, /"userAuthEvent" is not an event source: write "userAuthEvents"/);
    assert.equal(aws.emulator.callCount(SET), 0);
  });

  it("two resources for one pool fail the preview, naming both, and nothing is sent", async () => {
    const userPoolId = await aws.createPool();
    const workspace = await yamlWorkspace([
      { name: "notifications", userPoolId, logConfigurations: [notificationsToLogGroup] },
      { name: "auth-events", userPoolId, logConfigurations: [authEventsToStream] },
    ]);
    aws.emulator.clearRequests();
    const preview = await workspace.pulumi("preview");
    assert.notEqual(preview.code, 0);
    assert.match(
      preview.stdout + preview.stderr,
      /UserPoolLogDelivery "(notifications|auth-events)" and "(notifications|auth-events)" both declare the log delivery of user pool/,
    );
    assert.equal(aws.emulator.callCount(SET), 0);
  });

  it("adopts a pool from discover's YAML and import file, with no write to AWS", async () => {
    const userPoolId = await aws.createPool();
    await aws.setOutside(userPoolId, [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_STREAM]);
    const workspace = await yamlWorkspace([]);
    aws.emulator.clearRequests();
    const output = { stdout: "", stderr: "" };
    const code = await runCli(
      [
        "discover",
        "--region",
        TEST_REGION,
        "--pool",
        userPoolId,
        "--out",
        "adopt",
        "--language",
        "yaml",
      ],
      {
        stdout: (text) => (output.stdout += text),
        stderr: (text) => (output.stderr += text),
        environment: { ...process.env, ...aws.environment, ...E2E_CREDENTIALS },
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
    const resources = fs.readFileSync(
      path.join(workspace.directory, "adopt", "logDeliveries.yaml"),
      "utf8",
    );
    workspace.writeProgram(`${pluginProjectFile(PROJECT, "yaml")}\n${resources}`);
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    await workspace.pulumiOrThrow("up", "--yes", "--expect-no-changes");
    await workspace.pulumiOrThrow("refresh", "--yes", "--expect-no-changes");
    assert.equal(
      aws.emulator.callCount(SET),
      0,
      "no Set from discover, import, preview, up or refresh",
    );
    assert.ok(
      workspace
        .stateResources()
        .some((resource) => resource.type === TYPE && resource.id === userPoolId),
    );
  });

  it("runs examples/yaml as a user would: the plugin from node_modules, the pool from config", async () => {
    const userPoolId = await aws.createPool();
    const workspace = await PulumiWorkspace.create({
      name: "cognito-log-delivery-yaml",
      runtime: "yaml",
      program: fs.readFileSync(path.join(PROJECT_ROOT, "examples/yaml/Pulumi.yaml"), "utf8"),
      engineBin,
      hostBins: yaml!.hostBins,
      environment: { ...aws.environment, ...E2E_CREDENTIALS },
    });
    workspaces.push(workspace);
    fs.mkdirSync(path.join(workspace.directory, "node_modules"));
    fs.symlinkSync(
      PROJECT_ROOT,
      path.join(workspace.directory, "node_modules", "pulumi-cognito-log-delivery"),
    );
    await workspace.setConfig("userPoolId", userPoolId);
    await workspace.setConfig("logGroupArn", `${LOG_GROUP_ARN}:*`);
    await workspace.setConfig("streamArn", STREAM_ARN);
    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal((await aws.getOutside(userPoolId)).length, 2);
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.deepEqual(await aws.getOutside(userPoolId), []);
  });
});
