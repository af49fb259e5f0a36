/**
 * "Who changed it" against the emulator, through the real AWS SDK: refresh asks CloudTrail
 * about drifted pools (one shared sweep, paged, paced), and never fails for it; `history`
 * lists the changes, read-only.
 */
import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { runCliCapturing } from "./cliRun";
import type { HistoryJsonEntry } from "../../src/cli/historyOutput";
import { awsProvider } from "../../src/implementation";
import { NO_CONFIG } from "../../src/settings";
import {
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import { OUTSIDE_ACTOR, TEST_REGION, useEmulator } from "../../testing/emulatorSession";

/** An access key the emulator maps to an identity denied cloudtrail:LookupEvents. */
const DENIED_KEY = "AKIADENIEDLOOKUP0001";
const OUTSIDE_SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com";

describe("who changed it: refresh and history against the emulator", function () {
  this.timeout(120_000);
  const aws = useEmulator({
    principals: {
      [DENIED_KEY]: {
        type: "IAMUser",
        userName: "auditor",
        deniedActions: ["cloudtrail:LookupEvents"],
      },
    },
  });

  /** A provider as the engine gets it, with the lines it reports collected. */
  function provider(environment: Record<string, string | undefined> = process.env) {
    const lines: string[] = [];
    const instance = awsProvider(NO_CONFIG, environment, (line) => lines.push(line));
    return {
      provider: instance as Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>,
      lines,
    };
  }

  /** A pool that Pulumi manages (created through the provider) and someone then empties. */
  async function driftedPool(): Promise<{ userPoolId: string; state: Record<string, unknown> }> {
    const userPoolId = await aws.createPool();
    const { provider: p } = provider();
    const created = await p.create({
      userPoolId,
      region: TEST_REGION,
      logConfigurations: [notificationsToLogGroup],
    });
    await aws.setOutsideAs(OUTSIDE_ACTOR, userPoolId, []);
    return { userPoolId, state: created.outs as Record<string, unknown> };
  }

  beforeEach(() => aws.emulator.clearCloudTrailEvents());

  /**
   * LookupEvents answered (not throttled): each test's provider starts its own pacer, so
   * its first call may meet the emulator's bucket still drained by the previous test's.
   */
  function lookupsAnswered(): number {
    return aws.emulator.requests.filter(
      (request) => request.operation === "LookupEvents" && request.status === 200,
    ).length;
  }

  it("names the principal, role and channel of the change, in the output and one line", async () => {
    const { userPoolId, state } = await driftedPool();
    aws.emulator.clearRequests();
    const { provider: p, lines } = provider();
    const result = await p.read(userPoolId, state);
    const change = result.props?.["lastOutsideChange"] as Record<string, unknown>;
    assert.equal(change["status"], "found");
    assert.equal(change["principalArn"], OUTSIDE_SESSION_ARN);
    assert.equal(change["roleArn"], "arn:aws:iam::123456789012:role/Admin");
    assert.equal(change["identityType"], "AssumedRole");
    assert.equal(change["via"], "aws-cli");
    assert.match(String(change["eventTime"]), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    assert.equal(result.inputs?.["lastOutsideChange"], undefined);
    assert.equal(lines.length, 1);
    assert.match(
      lines[0] ?? "",
      new RegExp(
        `user pool ${userPoolId}: log delivery changed outside Pulumi by ${OUTSIDE_SESSION_ARN} via aws-cli`,
      ),
    );
    assert.equal(lookupsAnswered(), 1);
    const stored = JSON.stringify(result.props);
    assert.ok(
      !stored.includes("AKIA") && !stored.includes("ASIA"),
      "no access key ID in the outputs",
    );
    assert.ok(
      !stored.includes("127.0.0.1") && !stored.includes("sourceIPAddress"),
      "no source IP address in the outputs",
    );
  });

  it("makes no CloudTrail call when nothing drifted", async () => {
    const userPoolId = await aws.createPool();
    const { provider: p, lines } = provider();
    const created = await p.create({
      userPoolId,
      region: TEST_REGION,
      logConfigurations: [notificationsToLogGroup],
    });
    aws.emulator.clearRequests();
    const result = await p.read(userPoolId, created.outs);
    assert.equal(result.props?.["lastOutsideChange"], undefined);
    assert.equal(aws.emulator.callCount("LookupEvents"), 0);
    assert.deepEqual(lines, []);
  });

  it("skips this package's own changes and pages back to the outside one", async () => {
    const { userPoolId, state } = await driftedPool();
    // 120 later changes by this package on other pools: three pages of 50 before the outside one.
    const { provider: p } = provider();
    const others = await Promise.all(Array.from({ length: 6 }, () => aws.createPool()));
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        others.map((other) =>
          p.update(
            other,
            {},
            {
              userPoolId: other,
              region: TEST_REGION,
              logConfigurations: round % 2 === 0 ? [notificationsToLogGroup] : [],
            },
          ),
        ),
      );
    }
    aws.emulator.clearRequests();
    const result = await provider().provider.read(userPoolId, state);
    const change = result.props?.["lastOutsideChange"] as Record<string, unknown>;
    assert.equal(change["principalArn"], OUTSIDE_SESSION_ARN);
    assert.equal(lookupsAnswered(), 3);
  });

  it("shares one sweep among 100 drifted pools: events / 50 lookups, not 100", async () => {
    const { provider: p } = provider();
    const pools = await Promise.all(Array.from({ length: 100 }, () => aws.createPool()));
    const states = await Promise.all(
      pools.map(async (userPoolId) => {
        const created = await p.create({
          userPoolId,
          region: TEST_REGION,
          logConfigurations: [notificationsToLogGroup],
        });
        await aws.setOutsideAs(OUTSIDE_ACTOR, userPoolId, []);
        return created.outs as Record<string, unknown>;
      }),
    );
    aws.emulator.clearRequests();
    const { provider: refresher, lines } = provider();
    const results = await Promise.all(
      pools.map((userPoolId, index) => refresher.read(userPoolId, states[index])),
    );
    for (const result of results) {
      assert.equal((result.props?.["lastOutsideChange"] as { status: string }).status, "found");
    }
    assert.equal(lines.length, 100);
    // 200 Set events (100 by the package, 100 outside): 4 pages of 50.
    assert.ok(
      aws.emulator.callCount("LookupEvents") <= 4,
      `${aws.emulator.callCount("LookupEvents")} lookups`,
    );
    assert.equal(aws.emulator.throttledCount("LookupEvents"), 0);
  });

  it("says CloudTrail may take minutes when the change is not delivered yet", async () => {
    const { userPoolId, state } = await driftedPool();
    aws.emulator.setCloudTrailDeliveryDelay(10 * 60_000);
    try {
      const result = await provider().provider.read(userPoolId, state);
      const change = result.props?.["lastOutsideChange"] as Record<string, unknown>;
      assert.equal(change["status"], "not-found");
      assert.match(String(change["message"]), /5 to 15 minutes/);
      assert.deepEqual(result.props?.["logConfigurations"], []);
    } finally {
      aws.emulator.setCloudTrailDeliveryDelay(0);
    }
  });

  it("says so when CloudTrail throttles beyond the retries, and the refresh still succeeds", async () => {
    const { userPoolId, state } = await driftedPool();
    aws.emulator.injectFault({ kind: "throttle", operation: "LookupEvents", times: Infinity });
    const result = await provider({ ...process.env, AWS_MAX_ATTEMPTS: "2" }).provider.read(
      userPoolId,
      state,
    );
    const change = result.props?.["lastOutsideChange"] as Record<string, unknown>;
    assert.equal(change["status"], "throttled");
    assert.deepEqual(result.props?.["logConfigurations"], []);
  });

  it("names the IAM action when the identity may not look up events", async () => {
    const { userPoolId, state } = await driftedPool();
    const saved = process.env["AWS_ACCESS_KEY_ID"];
    process.env["AWS_ACCESS_KEY_ID"] = DENIED_KEY;
    try {
      const result = await provider().provider.read(userPoolId, state);
      const change = result.props?.["lastOutsideChange"] as Record<string, unknown>;
      assert.equal(change["status"], "access-denied");
      assert.match(String(change["message"]), /grant it cloudtrail:LookupEvents/);
    } finally {
      process.env["AWS_ACCESS_KEY_ID"] = saved;
    }
  });

  it("asks nothing when attribution is turned off", async () => {
    const { userPoolId, state } = await driftedPool();
    aws.emulator.clearRequests();
    const result = await provider({
      ...process.env,
      COGNITO_LOG_DELIVERY_ATTRIBUTE_DRIFT: "false",
    }).provider.read(userPoolId, state);
    assert.equal(result.props?.["lastOutsideChange"], undefined);
    assert.equal(aws.emulator.callCount("LookupEvents"), 0);
  });

  describe("history", () => {
    function history(...argv: string[]) {
      return runCliCapturing(["history", "--region", TEST_REGION, ...argv], process.cwd());
    }

    it("lists every change newest first, labelled, with before → after, including deleted pools, and only reads", async () => {
      const { userPoolId } = await driftedPool();
      const gone = await aws.createPool();
      await aws.setOutsideAs(OUTSIDE_ACTOR, gone, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await aws.deletePool(gone);
      aws.emulator.clearRequests();

      const run = await history("--json");
      assert.equal(run.code, 0, run.stderr);
      const entries = JSON.parse(run.stdout) as HistoryJsonEntry[];
      assert.deepEqual(
        entries.map((entry) => [entry.userPoolId, entry.byThisPackage, entry.via]),
        [
          [gone, false, "aws-cli"],
          [userPoolId, false, "aws-cli"],
          [userPoolId, true, "sdk"],
        ],
      );
      const [deleted, emptied, created] = entries;
      assert.equal(deleted?.userPoolName, null);
      assert.equal(emptied?.principalArn, OUTSIDE_SESSION_ARN);
      assert.deepEqual(emptied?.before, [notificationsToLogGroup]);
      assert.deepEqual(emptied?.after, []);
      assert.equal(created?.before, null);
      assert.deepEqual(created?.after, [notificationsToLogGroup]);
      assert.ok(typeof created?.userPoolName === "string");
      assert.ok(
        entries.every(
          (entry) => /^\S+$/.test(entry.eventId) && !Number.isNaN(Date.parse(entry.eventTime)),
        ),
      );
      assert.match(run.stderr, /looked up \d+ CloudTrail events \(1 pages\)/);
      const operations = new Set(aws.emulator.requests.map((request) => request.operation));
      assert.deepEqual([...operations].sort(), ["ListUserPools", "LookupEvents"]);
    });

    it("filters by pool and prints a table", async () => {
      const { userPoolId } = await driftedPool();
      await driftedPool();
      const run = await history("--pool", userPoolId);
      assert.equal(run.code, 0, run.stderr);
      const rows = run.stdout.trim().split("\n");
      assert.match(rows[0] ?? "", /^TIME\s+USER POOL\s+NAME\s+WHO\s+VIA\s+BY\s+CHANGE/);
      assert.equal(rows.filter((row) => row.includes(userPoolId)).length, 2);
      assert.match(
        rows[1] ?? "",
        /aws-cli\s+outside\s+userNotification CloudWatch Logs \S+ → none/,
      );
      assert.match(
        rows.at(-1) ?? "",
        /^2 changes in us-east-1 since .*, 1 made outside this package/,
      );
    });

    it("fails in one line naming the IAM action when denied, exit 1", async () => {
      const saved = process.env["AWS_ACCESS_KEY_ID"];
      process.env["AWS_ACCESS_KEY_ID"] = DENIED_KEY;
      try {
        const run = await history();
        assert.equal(run.code, 1);
        assert.equal(run.stdout, "");
        assert.match(
          run.stderr,
          /^pulumi-cognito-log-delivery: LookupEvents failed in us-east-1: AccessDeniedException: .*grant it the IAM action cloudtrail:LookupEvents on "\*"\.\n$/,
        );
      } finally {
        process.env["AWS_ACCESS_KEY_ID"] = saved;
      }
    });

    it("rejects a window beyond CloudTrail's 90 days with exit 2, before any call", async () => {
      aws.emulator.clearRequests();
      const run = await history("--since", "120d");
      assert.equal(run.code, 2);
      assert.equal(aws.emulator.requests.length, 0);
    });
  });
});
