import * as assert from "node:assert/strict";
import { CHANGE_CHANNELS, changeChannelOf } from "../../../src/core/changeChannels";
import { USER_AGENTS } from "../../../testing/fixtures/cloudTrailRecords";

describe("changeChannelOf", () => {
  const cases: [string, string, string][] = [
    [USER_AGENTS.awsCli, "", "aws-cli"],
    [USER_AGENTS.terraform, "", "terraform"],
    [USER_AGENTS.cloudFormation, "cloudformation.amazonaws.com", "cloudformation"],
    ["aws-sdk-java/2.25.0", "cloudformation.amazonaws.com", "cloudformation"],
    [USER_AGENTS.console, "", "console"],
    ["console.amazonaws.com", "", "console"],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      "",
      "console",
    ],
    [USER_AGENTS.boto3, "", "sdk"],
    [USER_AGENTS.sdkJs, "", "sdk"],
    [USER_AGENTS.thisPackage, "", "sdk"],
    [USER_AGENTS.unknown, "", "other"],
    ["", "", "other"],
  ];
  for (const [userAgent, invokedBy, expected] of cases) {
    it(`${expected}: ${userAgent.slice(0, 40) || "(no agent)"}${invokedBy ? ` invoked by ${invokedBy}` : ""}`, () => {
      assert.equal(changeChannelOf({ userAgent, invokedBy }), expected);
    });
  }

  it("has one row per channel except other, most specific first", () => {
    const channels = CHANGE_CHANNELS.map((row) => row.channel);
    assert.deepEqual(channels, ["cloudformation", "terraform", "aws-cli", "console", "sdk"]);
  });
});
