/**
 * Many pools under Cognito's request-rate limits, and interruptions, with the real
 * engine: pacing keeps a large `up` out of throttling, the SDK's retries are the safety
 * net, and an `up` interrupted midway converges on the next one.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import {
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  SET,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";
import type { CommandResult } from "../../testing/engine/pulumiCommand";
import type { PulumiWorkspace } from "../../testing/engine/pulumiWorkspace";
import { useEngine } from "./e2eEnvironment";

const DELIVERY_TYPE = "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery";

describe("end to end: many pools, rate limits and interruptions", function () {
  this.timeout(300_000);
  const e2e = useEngine();

  afterEach(() => {
    e2e.aws.emulator.setRateLimits(undefined);
  });

  async function pools(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      ids.push(await e2e.aws.createPool());
    }
    return ids;
  }

  /**
   * Starts `up` with slow Sets (1.5 s each), and interrupts it with `signal` once three
   * Sets have reached Cognito; resolves with the interrupted command's result, after the
   * fault is cleared.
   */
  async function upInterruptedMidway(
    workspace: PulumiWorkspace,
    parallel: number,
    signal: NodeJS.Signals,
  ): Promise<CommandResult> {
    e2e.aws.emulator.injectFault({
      kind: "latency",
      operation: SET,
      times: Infinity,
      latencyMs: 1500,
    });
    const running = workspace.start("up", "--yes", "--parallel", String(parallel));
    while (e2e.aws.emulator.callCount(SET) < 3) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    running.interrupt(signal);
    const result = await running.result;
    e2e.aws.emulator.clearFaults();
    return result;
  }

  function deliveriesInState(workspace: PulumiWorkspace): number {
    return workspace.stateResources().filter((resource) => resource.type === DELIVERY_TYPE).length;
  }

  /**
   * `count` pools in one stack, under Cognito limits of 10 reads/s and 10 writes/s, with
   * the provider paced by stack config at `providerRate` requests per second ("0": off).
   */
  async function poolsUnderRateLimits(
    count: number,
    providerRate: string,
  ): Promise<{ ids: string[]; workspace: PulumiWorkspace }> {
    const ids = await pools(count);
    const workspace = await e2e.workspace(declarations(ids));
    await workspace.setConfig("pulumi-cognito-log-delivery:readsPerSecond", providerRate);
    await workspace.setConfig("pulumi-cognito-log-delivery:writesPerSecond", providerRate);
    e2e.aws.emulator.setRateLimits({
      read: { requestsPerSecond: 10 },
      write: { requestsPerSecond: 10 },
    });
    e2e.aws.emulator.clearRequests();
    return { ids, workspace };
  }

  /** Every pool delivers its notifications to the log group, as declared. */
  async function assertEveryPoolDelivers(ids: readonly string[]): Promise<void> {
    for (const userPoolId of ids) {
      assert.deepEqual(await e2e.aws.getOutside(userPoolId), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
    }
  }

  function declarations(ids: readonly string[]) {
    return ids.map((userPoolId, index) => ({
      name: `tenant-${index}`,
      userPoolId,
      logConfigurations: [notificationsToLogGroup],
    }));
  }

  it("paced by stack config below Cognito's limits, an up of 40 pools is never throttled", async () => {
    const { ids, workspace } = await poolsUnderRateLimits(40, "9");

    const started = Date.now();
    await workspace.pulumiOrThrow("up", "--yes");
    const seconds = (Date.now() - started) / 1000;

    assert.equal(e2e.aws.emulator.throttledCount(), 0, "no request was throttled");
    assert.equal(e2e.aws.emulator.callCount(SET), ids.length, "one Set per pool, no retries");
    assert.ok(seconds >= (ids.length - 9) / 9, `the writes were paced (${seconds.toFixed(1)} s)`);
    e2e.aws.emulator.setRateLimits(undefined); // the checks below read without pacing
    await assertEveryPoolDelivers(ids);
  });

  it("unpaced, the same up bursts into throttling and the SDK's retries still complete it", async () => {
    const { ids, workspace } = await poolsUnderRateLimits(40, "0");

    await workspace.pulumiOrThrow("up", "--yes", "--parallel", "40");
    assert.ok(e2e.aws.emulator.throttledCount() > 0, "the burst was throttled");
    e2e.aws.emulator.setRateLimits(undefined); // the checks below read without pacing
    await assertEveryPoolDelivers(ids);
  });

  it("an up interrupted midway leaves no half-applied pool, and the next up converges", async () => {
    const ids = await pools(12);
    const workspace = await e2e.workspace(declarations(ids));
    const interrupted = await upInterruptedMidway(workspace, 3, "SIGINT");
    assert.notEqual(interrupted.code, 0, "the interrupted up reports failure");

    const created = deliveriesInState(workspace);
    assert.ok(
      created < ids.length,
      `interrupted before the end (${created} of ${ids.length} in state)`,
    );
    await workspace.pulumiOrThrow("up", "--yes");
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    assert.equal(deliveriesInState(workspace), ids.length);
    await assertEveryPoolDelivers(ids);
  });

  it("an up killed outright (SIGKILL): after `pulumi cancel` the next up converges, without rewriting applied pools", async () => {
    const ids = await pools(8);
    const workspace = await e2e.workspace(declarations(ids));
    const killed = await upInterruptedMidway(workspace, 2, "SIGKILL");
    assert.equal(killed.signal, "SIGKILL", `the up was killed midway:\n${killed.stdout}`);
    assert.equal(workspace.lockFiles().length, 1, "the killed up left its backend lock behind");
    await new Promise((resolve) => setTimeout(resolve, 1600)); // Sets in flight land

    const alreadyConfigured: string[] = [];
    for (const userPoolId of ids) {
      if ((await e2e.aws.getOutside(userPoolId)).length > 0) {
        alreadyConfigured.push(userPoolId);
      }
    }
    let blocked = await workspace.pulumi("up", "--yes");
    const sidecar = workspace.checkpointSidecar();
    if (!isJson(fs.readFileSync(sidecar, "utf8"))) {
      // The kill landed while the file backend rewrote the checkpoint's metadata sidecar
      // (about 1 run in 30 here): the stack does not load until the emptied sidecar is
      // deleted, which is what the README tells users to do.
      assert.match(
        blocked.stdout + blocked.stderr,
        /failed to load checkpoint: (unexpected )?EOF/,
        `an empty sidecar stops the stack from loading; it printed:\n${blocked.stdout}${blocked.stderr}`,
      );
      fs.rmSync(sidecar);
      blocked = await workspace.pulumi("up", "--yes");
    }
    const blockedOutput = blocked.stdout + blocked.stderr;
    assert.notEqual(
      blocked.code,
      0,
      `the locked stack refuses the next up; it printed:\n${blockedOutput}`,
    );
    assert.match(
      blockedOutput,
      /locked by 1 lock\(s\).*`pulumi cancel`/s,
      `the engine names the way out; it printed:\n${blockedOutput}`,
    );
    await workspace.pulumiOrThrow("cancel", "--yes");
    e2e.aws.emulator.clearRequests();
    await workspace.pulumiOrThrow("up", "--yes");
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    assert.equal(
      e2e.aws.emulator.callCount(SET),
      ids.length - alreadyConfigured.length,
      "only the pools not yet applied are written",
    );
    await assertEveryPoolDelivers(ids);
  });

  it("a checkpoint sidecar emptied by a kill stops the stack from loading, and deleting it recovers the stack", async () => {
    const [userPoolId] = await pools(1);
    const workspace = await e2e.workspace(declarations([userPoolId as string]));
    await workspace.pulumiOrThrow("up", "--yes");
    // What a kill inside the backend's rewrite of the sidecar leaves (see the SIGKILL test).
    fs.truncateSync(workspace.checkpointSidecar(), 0);

    const broken = await workspace.pulumi("preview");
    assert.notEqual(broken.code, 0);
    assert.match(broken.stdout + broken.stderr, /error: failed to load checkpoint: EOF/);

    fs.rmSync(workspace.checkpointSidecar());
    await workspace.pulumiOrThrow("preview", "--expect-no-changes");
    assert.equal(deliveriesInState(workspace), 1, "the checkpoint itself was whole");
  });

  it("a pacing setting that is not a rate fails at preview with what to write", async () => {
    const [userPoolId] = await pools(1);
    const workspace = await e2e.workspace(declarations([userPoolId as string]));
    await workspace.setConfig("pulumi-cognito-log-delivery:writesPerSecond", "fast");
    const result = await workspace.pulumi("preview");
    assert.notEqual(result.code, 0);
    assert.match(
      result.stdout,
      /error: pulumi-cognito-log-delivery:writesPerSecond is "fast": set a number of requests per second per region \(e\.g\. 10\), or 0 to turn pacing off/,
    );
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
