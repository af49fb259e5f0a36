import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCliCapturing } from "./cliRun";
import { STORED_PROVIDER } from "../../src/serializedProvider";
import type { CliRun } from "./cliRun";
import {
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
} from "../../testing/fixtures/arns";
import { TEST_REGION, useEmulator } from "../../testing/emulatorSession";

describe("pulumi-cognito-log-delivery discover, against the emulator", function () {
  this.timeout(60_000);
  const aws = useEmulator();
  const POOL_COUNT = 130; // three pages of ListUserPools (60 per page)
  let configured: string;
  let authEvents: string;
  let workDirectory: string;

  before(async () => {
    const ids: string[] = [];
    for (let index = 0; index < POOL_COUNT; index++) {
      ids.push(await aws.createPool());
    }
    [configured, authEvents] = [ids[7] as string, ids[99] as string];
    await aws.setOutside(configured, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    await aws.setOutside(authEvents, [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_STREAM]);
  });

  beforeEach(() => {
    workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "discover-"));
  });

  afterEach(() => {
    fs.rmSync(workDirectory, { recursive: true, force: true });
  });

  function cli(...argv: string[]): Promise<CliRun> {
    return runCliCapturing(argv, workDirectory);
  }

  it("lists every pool across pages with its destinations, reporting progress, and only reads", async () => {
    const run = await cli("discover", "--region", TEST_REGION, "--service", "cognito");
    assert.equal(run.code, 0, run.stderr);
    const [table = "", summary = "", flagSection = ""] = run.stdout.trim().split("\n\n");
    const rows = table.split("\n");
    assert.match(rows[0] ?? "", /^USER POOL ID\s+NAME\s+userNotification\s+userAuthEvents$/);
    assert.equal(rows.length, 1 + POOL_COUNT);
    assert.match(flagSection, new RegExp(`^Needs attention \\(${POOL_COUNT - 2 + 1}\\):\n`));
    assert.match(flagSection, /- \.\.\. and \d+ more like these \(--json lists every one\)/);
    assert.match(
      run.stdout,
      new RegExp(
        `${configured}\\s+pool-\\d+\\s+CloudWatch Logs /aws/vendedlogs/cognito/notifications\\s+-\\n`,
      ),
    );
    assert.match(
      run.stdout,
      new RegExp(
        `${authEvents}\\s+pool-\\d+\\s+CloudWatch Logs /aws/vendedlogs/cognito/notifications\\s+Firehose cognito-auth-events\\n`,
      ),
    );
    assert.equal(summary, `${POOL_COUNT} user pools in ${TEST_REGION}, 2 with log delivery.`);
    assert.equal(run.stderr.split("\n").filter((line) => line.startsWith("listed ")).length, 3);
    assert.match(
      run.stderr,
      new RegExp(`read ${POOL_COUNT}/${POOL_COUNT} log delivery configurations in ${TEST_REGION}`),
    );
    assert.deepEqual(
      new Set(aws.emulator.requests.map((request) => request.operation)),
      new Set(["ListUserPools", "GetLogDeliveryConfiguration"]),
    );
    assert.equal(aws.emulator.callCount("ListUserPools"), 3);
    assert.equal(aws.emulator.callCount("GetLogDeliveryConfiguration"), POOL_COUNT);
  });

  it("prints JSON with each pool's configuration in canonical order", async () => {
    const run = await cli("discover", "--region", TEST_REGION, "--json");
    assert.equal(run.code, 0, run.stderr);
    const listing = JSON.parse(run.stdout) as {
      region: string;
      userPools: { userPoolId: string; logConfigurations: { eventSource: string }[] }[];
    };
    assert.equal(listing.region, TEST_REGION);
    assert.equal(listing.userPools.length, POOL_COUNT);
    const found = listing.userPools.find((pool) => pool.userPoolId === authEvents);
    assert.deepEqual(
      found?.logConfigurations.map((entry) => entry.eventSource),
      ["userNotification", "userAuthEvents"],
    );
  });

  it("writes the import file and the TypeScript for the pools named, without writing to AWS", async () => {
    const run = await cli(
      "discover",
      "--region",
      TEST_REGION,
      "--pool",
      authEvents,
      "--out",
      "adopt",
    );
    assert.equal(run.code, 0, run.stderr);
    const imported = JSON.parse(
      fs.readFileSync(path.join(workDirectory, "adopt/import.json"), "utf8"),
    ) as {
      resources: {
        type: string;
        name: string;
        id: string;
        inputs: Record<string, unknown>;
        outputs: Record<string, unknown>;
      }[];
    };
    assert.equal(imported.resources.length, 1);
    const [entry] = imported.resources;
    assert.equal(entry?.type, "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery");
    assert.equal(entry?.name, `user-pool-logs-${authEvents}`);
    assert.equal(entry?.id, authEvents);
    assert.deepEqual(entry?.inputs, entry?.outputs);
    assert.equal(entry?.inputs["__provider"], STORED_PROVIDER);
    const source = fs.readFileSync(path.join(workDirectory, "adopt/logDeliveries.ts"), "utf8");
    assert.match(
      source,
      /pulumi import --file adopt\/import\.json --generate-code=false --protect=false --yes/,
    );
    assert.match(source, new RegExp(`new UserPoolLogDelivery\\("user-pool-logs-${authEvents}"`));
    assert.match(
      run.stderr,
      /wrote adopt\/import\.json and adopt\/logDeliveries\.ts for 1 user pools/,
    );
    assert.ok(
      aws.emulator.requests.every((request) => request.operation !== "SetLogDeliveryConfiguration"),
    );
  });

  it("fails in one line, writing nothing, for a pool the region does not have", async () => {
    const run = await cli(
      "discover",
      "--region",
      TEST_REGION,
      "--pool",
      `${TEST_REGION}_Missing1`,
      "--out",
      "adopt",
    );
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr
        .split("\n")
        .filter((line) => line.startsWith("pulumi-cognito-log-delivery:"))
        .join("\n"),
      `pulumi-cognito-log-delivery: user pool ${TEST_REGION}_Missing1 not found in ${TEST_REGION} (${POOL_COUNT} pools listed): check the IDs and --region`,
    );
    assert.ok(!fs.existsSync(path.join(workDirectory, "adopt")));
  });

  it("rides out throttling through the SDK's retries", async () => {
    aws.emulator.injectFault({
      kind: "throttle",
      operation: "GetLogDeliveryConfiguration",
      times: 3,
    });
    aws.emulator.injectFault({ kind: "throttle", operation: "ListUserPools", times: 1 });
    const run = await cli("discover", "--region", TEST_REGION, "--json");
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { userPools: unknown[] }).userPools.length, POOL_COUNT);
  });

  it("reports an AWS failure in one line with the operation and what to do", async () => {
    aws.emulator.injectFault({
      kind: "internal-error",
      operation: "ListUserPools",
      times: Infinity,
    });
    const run = await cli("discover", "--region", TEST_REGION, "--service", "cognito");
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      new RegExp(
        `^pulumi-cognito-log-delivery: ListUserPools failed in ${TEST_REGION}: InternalErrorException: .*, after 8 attempts\\. Cognito had an internal error`,
        "m",
      ),
    );
    assert.equal(run.stdout, "");
  });

  it("explains command-line mistakes in one line with exit code 2", async () => {
    for (const [argv, message] of [
      [["list"], 'unknown command "list": the commands are discover and history'],
      [["discover", "--region"], "--region needs a value, e.g. --region eu-west-1"],
      [
        ["discover", "--region", TEST_REGION, "--all", "--pool", "x"],
        "--all excludes --pool and --adopt: adopt everything listed, or what is named",
      ],
      [
        ["discover", "--region", TEST_REGION, "--verbose"],
        'unknown option "--verbose": see --help',
      ],
    ] as const) {
      const run = await cli(...argv);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, `pulumi-cognito-log-delivery: ${message}\n`);
    }
  });
});
