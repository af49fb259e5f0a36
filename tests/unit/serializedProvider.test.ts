import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import requireFromString from "require-from-string";
import { STORED_PROVIDER, serializedProvider } from "../../src/serializedProvider";
import { POOL_ID, authEventsToStream, notificationsToLogGroup } from "../../testing/fixtures/arns";

const PROJECT_ROOT = path.resolve(__dirname, "../..");

/** The 0.1.0 loader object serialised as `pulumi.dynamic.Resource` would. */
async function legacyText(): Promise<string> {
  const provider = serializedProvider;
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/**
 * Loads `text` as the provider process does (cmd/dynamic-provider's getProvider:
 * deserialise, configure, then call), from a directory whose node_modules holds this
 * package, as in a user's project; then checks one pool's inputs with it.
 */
async function checkedThrough(text: string): Promise<unknown> {
  assert.ok(
    fs.existsSync(path.join(PROJECT_ROOT, "dist/implementation.js")),
    "dist/ is missing: run `npm run build` first (npm test does)",
  );
  const installDir = fs.mkdtempSync(path.join(os.tmpdir(), "serialized-provider-"));
  fs.mkdirSync(path.join(installDir, "node_modules"));
  fs.symlinkSync(
    PROJECT_ROOT,
    path.join(installDir, "node_modules", "pulumi-cognito-log-delivery"),
    "dir",
  );
  try {
    const provider = requireFromString(
      text,
      path.join(installDir, "index.js"),
    ).handler() as pulumi.dynamic.ResourceProvider;
    await provider.configure?.({ config: { get: () => undefined, require: () => "" } });
    for (const method of ["check", "diff", "create", "read", "update", "delete"] as const) {
      assert.equal(typeof provider[method], "function", `configure installed ${method}`);
    }
    return await provider.check?.(
      {},
      { userPoolId: POOL_ID, logConfigurations: [authEventsToStream, notificationsToLogGroup] },
    );
  } finally {
    fs.rmSync(installDir, { recursive: true, force: true });
  }
}

const CHECKED = {
  inputs: {
    userPoolId: POOL_ID,
    region: "us-east-1",
    logConfigurations: [notificationsToLogGroup, authEventsToStream],
  },
  failures: [],
};

describe("STORED_PROVIDER (what the state stores with every resource)", () => {
  it("is short, holds no logic, and needs no escaping in JSON", () => {
    assert.ok(STORED_PROVIDER.length < 128, `${STORED_PROVIDER.length} characters`);
    assert.equal(JSON.stringify(STORED_PROVIDER).length, STORED_PROVIDER.length + 2);
    assert.match(
      STORED_PROVIDER,
      /require\('pulumi-cognito-log-delivery\/implementation'\)\.attach\(this,r\)/,
    );
  });

  it("runs, as the provider process loads it, against the installed package", async () => {
    assert.deepEqual(await checkedThrough(STORED_PROVIDER), CHECKED);
  });
});

describe("serializedProvider (the 0.1.0 loader object, still exported)", () => {
  it("serialises to the loader that stacks written by 0.1.0 store, and it still runs", async () => {
    const text = await legacyText();
    assert.ok(text.length < 2048, `serialised provider is ${text.length} characters`);
    for (const forbidden of ["@aws-sdk", "CognitoIdentityProviderClient", "smithy", "readInputs"]) {
      assert.ok(!text.includes(forbidden), `serialised provider contains ${forbidden}`);
    }
    assert.match(
      text,
      /require\("pulumi-cognito-log-delivery\/implementation"\)\.attach\(this, request\)/,
    );
    assert.deepEqual(await checkedThrough(text), CHECKED);
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
