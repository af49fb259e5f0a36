import * as assert from "node:assert/strict";
import { authEventsToStream, notificationsToLogGroup } from "../../testing/fixtures/arns";
import { useEngine } from "./e2eEnvironment";

describe("end to end: two resources for one pool", function () {
  this.timeout(180_000);
  const e2e = useEngine();

  it("fail the preview, naming both and saying what to write, with no AWS call", async () => {
    const userPoolId = await e2e.aws.createPool();
    const workspace = await e2e.workspace([
      { name: "notifications", userPoolId, logConfigurations: [notificationsToLogGroup] },
      { name: "auth-events", userPoolId, logConfigurations: [authEventsToStream] },
    ]);
    e2e.aws.emulator.clearRequests();
    const preview = await workspace.pulumi("preview");
    assert.notEqual(preview.code, 0, "the preview fails");
    assert.match(
      preview.stdout,
      new RegExp(
        `error: .*UserPoolLogDelivery "notifications" and "auth-events" both declare the log delivery of user pool ${userPoolId}\\. .*declare both event sources in one resource`,
      ),
    );
    assert.doesNotMatch(preview.stdout, /unhandled exception|\n\s+at /, "no stack trace");
    assert.equal(e2e.aws.emulator.requests.length, 0, "no AWS call");
  });
});
