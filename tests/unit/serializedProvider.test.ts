import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import requireFromString from "require-from-string";
import { serializedProvider } from "../../src/serializedProvider";
import { POOL_ID, authEventsToStream, notificationsToLogGroup } from "../../testing/fixtures/arns";

const PROJECT_ROOT = path.resolve(__dirname, "../..");

/** Serialises the provider exactly as `pulumi.dynamic.Resource` does. */
async function serializedText(): Promise<string> {
  const provider = serializedProvider;
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

describe("serializedProvider (what Pulumi stores in state)", () => {
  let text: string;
  before(async () => {
    text = await serializedText();
  });

  it("serialises to less than 2 KB", () => {
    assert.ok(text.length < 2048, `serialised provider is ${text.length} characters`);
  });

  it("contains no AWS SDK code and no provider logic", () => {
    for (const forbidden of [
      "@aws-sdk",
      "CognitoIdentityProviderClient",
      "smithy",
      "readInputs",
      "canonical",
    ]) {
      assert.ok(!text.includes(forbidden), `serialised provider contains ${forbidden}`);
    }
  });

  it("loads the installed package by name when the host configures it", () => {
    assert.match(
      text,
      /require\("pulumi-cognito-log-delivery\/implementation"\)\.attach\(this, request\)/,
    );
  });

  it("runs, as the provider process loads it, against the installed package", async () => {
    assert.ok(
      fs.existsSync(path.join(PROJECT_ROOT, "dist/implementation.js")),
      "dist/ is missing: run `npm run build` first (npm test does)",
    );
    // The provider process evaluates the text with require-from-string from its working
    // directory; here a node_modules beside it holds the package, as in a user's project.
    const installDir = fs.mkdtempSync(path.join(os.tmpdir(), "serialized-provider-"));
    fs.mkdirSync(path.join(installDir, "node_modules"));
    fs.symlinkSync(
      PROJECT_ROOT,
      path.join(installDir, "node_modules", "pulumi-cognito-log-delivery"),
      "dir",
    );
    try {
      // As cmd/dynamic-provider's getProvider does: deserialise, configure, then call.
      const provider = requireFromString(
        text,
        path.join(installDir, "index.js"),
      ).handler() as pulumi.dynamic.ResourceProvider;
      await provider.configure?.({ config: { get: () => undefined, require: () => "" } });
      for (const method of ["check", "diff", "create", "read", "update", "delete"] as const) {
        assert.equal(typeof provider[method], "function", `configure installed ${method}`);
      }
      const result = await provider.check?.(
        {},
        { userPoolId: POOL_ID, logConfigurations: [authEventsToStream, notificationsToLogGroup] },
      );
      assert.deepEqual(result, {
        inputs: {
          userPoolId: POOL_ID,
          region: "us-east-1",
          logConfigurations: [notificationsToLogGroup, authEventsToStream],
        },
        failures: [],
      });
    } finally {
      fs.rmSync(installDir, { recursive: true, force: true });
    }
  });
});

describe("what a preview loads", function () {
  this.timeout(30_000);

  it("the program loads no AWS SDK; check and diff load its partition data, never a client", () => {
    const script = [
      `const sdkModules = () => Object.keys(require.cache).filter((file) => /@aws-sdk|@smithy/.test(file));`,
      `require("./dist/index.js");`,
      `const afterProgram = sdkModules().length;`,
      `const provider = require("./dist/implementation.js").awsProvider();`,
      `const news = { userPoolId: "us-east-1_AbC123", logConfigurations: [{ eventSource: "userNotification", logLevel: "ERROR",`,
      `  cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:x" } }] };`,
      `Promise.all([provider.check({}, news), provider.diff("us-east-1_AbC123", news, news)]).then(([checked]) => {`,
      `  console.log(JSON.stringify({ afterProgram, failures: checked.failures.length,`,
      `    clients: sdkModules().filter((file) => /client-|credential-provider|signature-v4/.test(file)) }));`,
      `});`,
    ].join("\n");
    const result = spawnSync(process.execPath, ["-e", script], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { afterProgram: 0, failures: 0, clients: [] });
  });
});
