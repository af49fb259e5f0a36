import * as assert from "node:assert/strict";
import {
  CognitoIdentityProviderClient,
  GetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import {
  DEFAULT_MAX_ATTEMPTS,
  packageAppId,
  sharedClientConfig,
} from "../../../src/aws/clientConfig";
import { carriesPackageMarker } from "../../../src/core/changeRecord";
import { packageVersion } from "../../../src/version";

/** Sends nothing: records the headers of each request and answers an empty JSON object. */
function capturingHandler(seen: Record<string, string>[]) {
  return {
    handle: async (request: { headers: Record<string, string> }) => {
      seen.push({ ...request.headers });
      return {
        response: {
          statusCode: 200,
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: Buffer.from("{}"),
        },
      };
    },
  };
}

const CREDENTIALS = { accessKeyId: "AKIAUNITTEST00000001", secretAccessKey: "x" };

async function userAgentOf(environment: Record<string, string>): Promise<string> {
  const seen: Record<string, string>[] = [];
  const client = new CognitoIdentityProviderClient({
    region: "us-east-1",
    credentials: CREDENTIALS,
    requestHandler: capturingHandler(seen) as never,
    ...sharedClientConfig({ AWS_CONFIG_FILE: "/dev/null", ...environment }),
  });
  await client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: "us-east-1_AbCdEf123" }));
  client.destroy();
  return seen[0]?.["user-agent"] ?? "";
}

describe("sharedClientConfig", () => {
  it("names the package and its version as the SDK's app ID, within the SDK's 50 characters", async () => {
    assert.equal(packageAppId(), `pulumi-cognito-log-delivery/${packageVersion()}`);
    assert.ok(packageAppId().length <= 50);
    assert.match(packageVersion(), /^\d+\.\d+\.\d+/);
    const userAgent = await userAgentOf({});
    // The SDK escapes the app ID's "/" as "-" in the header.
    assert.ok(userAgent.includes(`app/pulumi-cognito-log-delivery-${packageVersion()}`), userAgent);
    assert.ok(carriesPackageMarker(userAgent));
  });

  it("keeps an app ID the user set, and still carries the marker", async () => {
    const userAgent = await userAgentOf({ AWS_SDK_UA_APP_ID: "team-deployer" });
    assert.ok(userAgent.includes("app/team-deployer"), userAgent);
    assert.ok(!userAgent.includes("app/pulumi-cognito-log-delivery"), userAgent);
    assert.ok(userAgent.includes(`pulumi-cognito-log-delivery/${packageVersion()}`), userAgent);
    assert.ok(carriesPackageMarker(userAgent));
  });

  it("marks CloudTrail calls the same way", async () => {
    const seen: Record<string, string>[] = [];
    const client = new CloudTrailClient({
      region: "us-east-1",
      credentials: CREDENTIALS,
      requestHandler: capturingHandler(seen) as never,
      ...sharedClientConfig({ AWS_CONFIG_FILE: "/dev/null" }),
    });
    await client.send(new LookupEventsCommand({}));
    client.destroy();
    assert.ok(seen[0]?.["user-agent"]?.includes(`app/${packageAppId().replace("/", "-")}`));
  });

  it("leaves the attempts to AWS_MAX_ATTEMPTS when the user set it", () => {
    assert.equal(sharedClientConfig({}).maxAttempts, DEFAULT_MAX_ATTEMPTS);
    assert.equal(sharedClientConfig({ AWS_MAX_ATTEMPTS: "3" }).maxAttempts, undefined);
  });
});
