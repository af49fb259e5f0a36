/**
 * The Python and Go SDKs of the provider plugin (issue 21): generated from today's schema,
 * and compiled or run here against the Pulumi SDKs of their languages, with the adoption
 * code `discover --language` writes for them.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ADOPTION_LANGUAGE_ROWS } from "../../src/cli/adoptionLanguages";
import type { InventoryPool } from "../../src/core/inventory";
import { PROJECT_ROOT } from "../../testing/engine/engine";
import {
  installPythonSdk,
  pythonWithPulumi,
  registeredUnderPythonMocks,
  run,
} from "../../testing/sdkChecks";
import {
  BUCKET_ARN,
  LOG_GROUP_ARN,
  authEventsToBucket,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";

const SDK = path.join(PROJECT_ROOT, "sdk");
const EXAMPLE_STREAM_ARN = "arn:aws:firehose:us-east-1:123456789012:deliverystream/auth";
const POOLS: InventoryPool[] = [
  {
    region: "us-east-1",
    userPoolId: "us-east-1_Both1",
    name: "both",
    logConfigurations: [notificationsToLogGroup, authEventsToBucket],
  },
  { region: "eu-west-1", userPoolId: "eu-west-1_None1", name: "none", logConfigurations: [] },
];

/** Every file under `directory`, as paths relative to it. */
function filesUnder(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("the provider plugin's SDKs", function () {
  this.timeout(15 * 60 * 1000);
  let scratch: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sdks-"));
  });

  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("are what scripts/gen-sdks.sh writes from today's schema (run it after changing types.ts)", () => {
    run(path.join(PROJECT_ROOT, "scripts/gen-sdks.sh"), [scratch], { cwd: PROJECT_ROOT });
    assert.equal(
      fs.readFileSync(path.join(scratch, "schema.json"), "utf8"),
      fs.readFileSync(path.join(SDK, "schema.json"), "utf8"),
    );
    for (const generated of ["python/pulumi_cognito_log_delivery", "go/cognitologdelivery"]) {
      const expected = filesUnder(path.join(scratch, generated));
      assert.deepEqual(
        filesUnder(path.join(SDK, generated)),
        expected,
        `${generated}: the same files`,
      );
      for (const file of expected) {
        assert.equal(
          fs.readFileSync(path.join(SDK, generated, file), "utf8"),
          fs.readFileSync(path.join(scratch, generated, file), "utf8"),
          `${generated}/${file} differs from what gen-sdks.sh writes`,
        );
      }
    }
  });

  it("Go: the SDK vets, and discover's Go adoption code builds against it, gofmt-clean", () => {
    run("go", ["vet", "./..."], { cwd: path.join(SDK, "go") });
    fs.writeFileSync(
      path.join(scratch, "go.mod"),
      [
        "module adoption-check",
        "",
        "go 1.26.6",
        "",
        "require (",
        "\tgithub.com/pulumi-cognito-log-delivery/sdk/go v0.0.0",
        "\tgithub.com/pulumi/pulumi/sdk/v3 v3.276.0",
        ")",
        "",
        `replace github.com/pulumi-cognito-log-delivery/sdk/go => ${path.join(SDK, "go")}`,
        "",
      ].join("\n"),
    );
    fs.copyFileSync(path.join(SDK, "go", "go.sum"), path.join(scratch, "go.sum"));
    fs.writeFileSync(
      path.join(scratch, "main.go"),
      'package main\n\nimport "github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n\nfunc main() { pulumi.Run(declareLogDeliveries) }\n',
    );
    fs.writeFileSync(
      path.join(scratch, "log_deliveries.go"),
      ADOPTION_LANGUAGE_ROWS.go.source(POOLS, "adopt/import.json"),
    );
    const env = { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" };
    run("go", ["vet", "."], { cwd: scratch, env });
    run("go", ["build", "-o", path.join(scratch, "program"), "."], { cwd: scratch, env });
    assert.equal(run("gofmt", ["-l", "log_deliveries.go"], { cwd: scratch }), "");
  });

  it("Python: discover's adoption code registers the resources with the SDK, under pulumi's mocks", () => {
    const python = pythonWithPulumi();
    installPythonSdk(python, path.join(SDK, "python"), path.join(scratch, "site"));
    fs.writeFileSync(
      path.join(scratch, "log_deliveries.py"),
      ADOPTION_LANGUAGE_ROWS.python.source(POOLS, "adopt/import.json"),
    );
    const registered = registeredUnderPythonMocks(python, path.join(scratch, "log_deliveries.py"), {
      project: "adoption-check",
      pythonPath: path.join(scratch, "site"),
    });
    assert.deepEqual(registered, [
      {
        type: "cognito-log-delivery:index:UserPoolLogDelivery",
        name: "user-pool-logs-eu-west-1_None1",
        inputs: { userPoolId: "eu-west-1_None1", region: "eu-west-1", logConfigurations: [] },
      },
      {
        type: "cognito-log-delivery:index:UserPoolLogDelivery",
        name: "user-pool-logs-us-east-1_Both1",
        inputs: {
          userPoolId: "us-east-1_Both1",
          region: "us-east-1",
          logConfigurations: [
            {
              eventSource: "userNotification",
              logLevel: "ERROR",
              cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
            },
            {
              eventSource: "userAuthEvents",
              logLevel: "INFO",
              s3Configuration: { bucketArn: BUCKET_ARN },
            },
          ],
        },
      },
    ]);
  });

  /** A copy of an example, with node_modules/pulumi-cognito-log-delivery as `npm install` makes it. */
  function exampleCopy(name: string): string {
    const directory = path.join(scratch, name);
    fs.cpSync(path.join(PROJECT_ROOT, "examples", name), directory, { recursive: true });
    fs.mkdirSync(path.join(directory, "node_modules"));
    fs.symlinkSync(
      PROJECT_ROOT,
      path.join(directory, "node_modules", "pulumi-cognito-log-delivery"),
    );
    return directory;
  }

  it("examples/go vets and builds against the SDK the package carries", () => {
    const directory = exampleCopy("go");
    const env = { ...process.env, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" };
    run("go", ["vet", "."], { cwd: directory, env });
    run("go", ["build", "-o", path.join(scratch, "example"), "."], { cwd: directory, env });
    assert.equal(run("gofmt", ["-l", "main.go"], { cwd: directory }), "");
  });

  it("examples/python registers its delivery with the config's pool and ARNs, under pulumi's mocks", () => {
    const python = pythonWithPulumi();
    installPythonSdk(python, path.join(SDK, "python"), path.join(scratch, "site"));
    const directory = exampleCopy("python");
    const registered = registeredUnderPythonMocks(python, path.join(directory, "__main__.py"), {
      project: "cognito-log-delivery-python",
      config: {
        "cognito-log-delivery-python:userPoolId": "us-east-1_Example1",
        "cognito-log-delivery-python:logGroupArn": LOG_GROUP_ARN,
        "cognito-log-delivery-python:streamArn": EXAMPLE_STREAM_ARN,
      },
      pythonPath: path.join(scratch, "site"),
    });
    assert.deepEqual(registered, [
      {
        type: "cognito-log-delivery:index:UserPoolLogDelivery",
        name: "app-users-logs",
        inputs: {
          userPoolId: "us-east-1_Example1",
          logConfigurations: [
            {
              eventSource: "userNotification",
              logLevel: "ERROR",
              cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
            },
            {
              eventSource: "userAuthEvents",
              logLevel: "INFO",
              firehoseConfiguration: {
                streamArn: EXAMPLE_STREAM_ARN,
              },
            },
          ],
        },
      },
    ]);
  });
});
