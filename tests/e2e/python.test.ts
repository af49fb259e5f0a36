/**
 * A Python program on the real engine (issue 21), through the generated SDK (sdk/python,
 * with PyPI's `pulumi`) and the provider plugin, run by the Python language host that
 * sdk/v3 v3.79.0 carried in-tree: the same checks at preview, set diff and refresh
 * attribution as the TypeScript resource.
 */
import * as assert from "node:assert/strict";
import { SET, authEventsToStream, notificationsToLogGroup } from "../../testing/fixtures/arns";
import { ensureEngine } from "../../testing/engine/engine";
import { languageRuntime } from "../../testing/engine/languageRuntimes";
import type { LanguageRuntime } from "../../testing/engine/languageRuntimes";
import { PulumiWorkspace } from "../../testing/engine/pulumiWorkspace";
import type { DeliveryDeclaration } from "../../testing/engine/programs";
import { pluginProjectFile, pythonProgram } from "../../testing/engine/pluginPrograms";
import { OUTSIDE_ACTOR, useEmulator } from "../../testing/emulatorSession";
import { E2E_CREDENTIALS } from "./e2eEnvironment";

const PROJECT = "python-e2e";

describe("end to end: a Python program through the SDK and the provider plugin", function () {
  this.timeout(5 * 60 * 1000);
  const aws = useEmulator();
  const workspaces: PulumiWorkspace[] = [];
  let engineBin = "";
  let python: LanguageRuntime | undefined;

  before(function () {
    this.timeout(60 * 60 * 1000); // cold builds of the engine and the Python host take minutes
    engineBin = ensureEngine();
    python = languageRuntime("python");
  });

  after(() => {
    python?.dispose();
  });

  afterEach(() => {
    for (const workspace of workspaces.splice(0)) {
      workspace.dispose();
    }
  });

  async function pythonWorkspace(
    declarations: readonly DeliveryDeclaration[],
  ): Promise<PulumiWorkspace> {
    const workspace = await PulumiWorkspace.create({
      name: PROJECT,
      runtime: "python",
      projectFile: pluginProjectFile(PROJECT, "python"),
      program: pythonProgram(declarations),
      engineBin,
      hostBins: python!.hostBins,
      environment: { ...aws.environment, ...E2E_CREDENTIALS, ...python!.environment },
    });
    workspaces.push(workspace);
    return workspace;
  }

  it("up, no change after a reorder, refresh names who changed it, up repairs, destroy", async () => {
    const userPoolId = await aws.createPool();
    const declare = (logConfigurations: Record<string, unknown>[]) => [
      { name: "logs", userPoolId, logConfigurations },
    ];
    const workspace = await pythonWorkspace(declare([notificationsToLogGroup, authEventsToStream]));
    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal((await aws.getOutside(userPoolId)).length, 2);

    workspace.writeProgram(pythonProgram(declare([authEventsToStream, notificationsToLogGroup])));
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
    await workspace.pulumiOrThrow("up", "--yes");
    assert.equal((await aws.getOutside(userPoolId)).length, 2, "up repairs the outside change");

    await workspace.pulumiOrThrow("destroy", "--yes");
    assert.deepEqual(await aws.getOutside(userPoolId), []);
  });

  it("bad input fails the preview with the property path and what to write, and nothing is sent", async () => {
    const userPoolId = await aws.createPool();
    const workspace = await pythonWorkspace([
      {
        name: "wrong",
        userPoolId,
        logConfigurations: [{ ...notificationsToLogGroup, logLevel: "INFO" }],
      },
    ]);
    aws.emulator.clearRequests();
    const preview = await workspace.pulumi("preview");
    assert.notEqual(preview.code, 0);
    assert.match(preview.stdout + preview.stderr, /logConfigurations\[0\]\.logLevel/);
    assert.equal(aws.emulator.callCount(SET), 0);
  });
});
