/**
 * "Who changed it" on the real engine: a change made as another principal with the AWS
 * CLI; `pulumi refresh` names who (the dynamic-provider host forwards the provider's
 * output); the next preview shows only the declared change; `up` repairs; the state holds
 * no source IP address and no access key ID.
 */
import * as assert from "node:assert/strict";
import {
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { OUTSIDE_ACTOR } from "../../testing/emulatorSession";
import { E2E_CREDENTIALS, useEngine } from "./e2eEnvironment";

describe("who changed it, on the real Pulumi engine", function () {
  this.timeout(10 * 60 * 1000);
  const e2e = useEngine();

  it("refresh names the principal and tool of an outside change; preview shows only the declared change; up repairs", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      { name: "logs", userPoolId, logConfigurations: [notificationsToLogGroup] },
    ]);
    await workspace.pulumiOrThrow("up", "--yes");
    await e2e.aws.setOutsideAs(OUTSIDE_ACTOR, userPoolId, []);

    const refresh = await workspace.pulumiOrThrow("refresh", "--yes", "--skip-preview");
    assert.match(
      refresh.stdout + refresh.stderr,
      new RegExp(
        `user pool ${userPoolId}: log delivery changed outside Pulumi by arn:aws:sts::123456789012:assumed-role/Admin/alice@example\\.com via aws-cli at \\d{4}-\\d{2}-\\d{2}T`,
      ),
    );
    const state = workspace.stateFileText();
    assert.match(state, /"lastOutsideChange"/);
    assert.match(
      state,
      /"principalArn":\s*"arn:aws:sts::123456789012:assumed-role\/Admin\/alice@example.com"/,
    );
    for (const secret of [
      E2E_CREDENTIALS.AWS_ACCESS_KEY_ID,
      OUTSIDE_ACTOR.accessKeyId,
      "127.0.0.1",
      "sourceIPAddress",
      "accessKeyId",
    ]) {
      assert.ok(!state.includes(secret), `the state holds ${secret}`);
    }

    const preview = await workspace.pulumiOrThrow("preview", "--diff");
    assert.match(preview.stdout, /~ 1 to update/);
    assert.doesNotMatch(preview.stdout, /lastOutsideChange|replace/);
    await workspace.pulumiOrThrow("up", "--yes");
    assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
  });
});
