/**
 * The randomized fault soak: rounds of random program edits and random changes made
 * outside Pulumi, each applied by `pulumi up --refresh` on the real engine while the
 * emulator injects faults (throttling bursts, HTTP 500s, latency, connections dropped
 * after an applied Set) and, in some rounds, the `up` is killed outright. After each
 * round converges (at most two `up`s; after a kill, the README's recovery: an emptied
 * checkpoint sidecar deleted, `pulumi cancel`), it checks the invariant:
 *
 * - every declared pool's configuration equals the program's;
 * - every pool the program does not declare holds what was set outside (never overwritten);
 * - between a failed or killed `up` and the next, every pool holds either what it held
 *   before the round or what the program declares (nothing half-applied);
 * - `pulumi preview --expect-no-changes` passes.
 *
 * Seeded: the same seed makes the same edits, outside changes and faults (the moment of a
 * kill depends on timing, and so may what it interrupts).
 */
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import * as fs from "node:fs";
import type { EmulatorSession } from "../emulatorSession";
import { OUTSIDE_ACTOR } from "../emulatorSession";
import type { FaultKind, FaultRule } from "../emulator/server";
import type { CommandResult } from "../engine/pulumiCommand";
import { PulumiWorkspace } from "../engine/pulumiWorkspace";
import { deliveryProgram } from "../engine/programs";
import { SeededRandom } from "./random";

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const SET = "SetLogDeliveryConfiguration";
const FAULT_KINDS_IN_TURN: readonly FaultKind[] = [
  "throttle",
  "internal-error",
  "drop-after-apply",
  "latency",
];
const GET = "GetLogDeliveryConfiguration";

const LOG_GROUPS = [0, 1, 2, 3].map(
  (index) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/soak/group-${index}`,
);
const BUCKETS = [0, 1].map((index) => `arn:aws:s3:::soak-bucket-${index}`);
const STREAMS = [0, 1].map(
  (index) => `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/soak-stream-${index}`,
);

/** A log configuration entry as a program declares it. */
type Entry =
  | {
      eventSource: "userNotification";
      logLevel: "ERROR";
      cloudWatchLogsConfiguration: { logGroupArn: string };
    }
  | {
      eventSource: "userAuthEvents";
      logLevel: "INFO";
      cloudWatchLogsConfiguration?: { logGroupArn: string };
      s3Configuration?: { bucketArn: string };
      firehoseConfiguration?: { streamArn: string };
    };

/** The provider's pacing in the soak: no rate limit is set, the faults do the throttling. */
export const SOAK_PACING = "25";

/** The soak's throw-away workspaces, on the engine in `engineBin`, against the session's emulator. */
export function soakWorkspaces(
  aws: EmulatorSession,
  engineBin: string,
): (program: string) => Promise<PulumiWorkspace> {
  return (program) =>
    PulumiWorkspace.create({
      name: "cognito-soak",
      program,
      engineBin,
      environment: {
        ...aws.environment,
        COGNITO_LOG_DELIVERY_READS_PER_SECOND: SOAK_PACING,
        COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: SOAK_PACING,
      },
    });
}

export interface SoakOptions {
  seed: number;
  pools: number;
  rounds: number;
  /** The emulator and its SDK environment. */
  aws: EmulatorSession;
  /** A workspace running `program` (the harness writes each round's program into it). */
  workspace: (program: string) => Promise<PulumiWorkspace>;
  /** Chance that a round's first `up` is killed (SIGKILL); the first round after the initial one always is. */
  killChance?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  seed: number;
  pools: number;
  rounds: number;
  operations: Record<
    "add" | "adopt" | "remove" | "destination" | "reorder" | "eventSources",
    number
  >;
  outsideChanges: { declared: number; undeclared: number };
  /** Requests that met each injected fault. */
  faults: Record<FaultKind, number>;
  /** Requests answered with a fault or dropped, which the SDK retried. */
  retries: number;
  kills: { attempted: number; survived: number };
  secondUps: number;
  ups: number;
  mismatches: string[];
  seconds: number;
}

/** What AWS holds, as one comparable string: entries sorted by event source. */
function keyOfAws(configurations: readonly LogConfigurationType[]): string {
  return JSON.stringify(
    [...configurations]
      .map((entry) => ({
        eventSource: entry.EventSource,
        logLevel: entry.LogLevel,
        logGroupArn: entry.CloudWatchLogsConfiguration?.LogGroupArn,
        bucketArn: entry.S3Configuration?.BucketArn,
        streamArn: entry.FirehoseConfiguration?.StreamArn,
      }))
      .sort((a, b) => String(a.eventSource).localeCompare(String(b.eventSource))),
  );
}

/** The AWS API's shape of declared entries. */
function awsShape(entries: readonly Entry[]): LogConfigurationType[] {
  return entries.map((entry) => ({
    EventSource: entry.eventSource,
    LogLevel: entry.logLevel,
    ...(entry.cloudWatchLogsConfiguration && {
      CloudWatchLogsConfiguration: { LogGroupArn: entry.cloudWatchLogsConfiguration.logGroupArn },
    }),
    ...("s3Configuration" in entry &&
      entry.s3Configuration && { S3Configuration: { BucketArn: entry.s3Configuration.bucketArn } }),
    ...("firehoseConfiguration" in entry &&
      entry.firehoseConfiguration && {
        FirehoseConfiguration: { StreamArn: entry.firehoseConfiguration.streamArn },
      }),
  }));
}

const keyOf = (entries: readonly Entry[]): string => keyOfAws(awsShape(entries));

function authEntry(random: SeededRandom): Entry {
  const kind = random.int(0, 2);
  return kind === 0
    ? {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        cloudWatchLogsConfiguration: { logGroupArn: random.pick(LOG_GROUPS) },
      }
    : kind === 1
      ? {
          eventSource: "userAuthEvents",
          logLevel: "INFO",
          s3Configuration: { bucketArn: random.pick(BUCKETS) },
        }
      : {
          eventSource: "userAuthEvents",
          logLevel: "INFO",
          firehoseConfiguration: { streamArn: random.pick(STREAMS) },
        };
}

function notificationEntry(random: SeededRandom): Entry {
  return {
    eventSource: "userNotification",
    logLevel: "ERROR",
    cloudWatchLogsConfiguration: { logGroupArn: random.pick(LOG_GROUPS) },
  };
}

/** A valid configuration: one or both event sources, each to a destination it may use. */
function randomConfiguration(random: SeededRandom): Entry[] {
  const shape = random.int(0, 2);
  return shape === 0
    ? [notificationEntry(random)]
    : shape === 1
      ? [authEntry(random)]
      : [notificationEntry(random), authEntry(random)];
}

/** The oracle: what the program declares, and what undeclared pools hold. */
class Model {
  readonly declared = new Map<string, Entry[]>();
  /** What each pool the program does not declare holds (set outside, or cleared by a destroy). */
  readonly undeclared = new Map<string, Entry[]>();
  /** Resource order in the program (reordered at random: never a change). */
  order: string[] = [];

  constructor(ids: readonly string[]) {
    for (const id of ids) {
      this.undeclared.set(id, []);
    }
  }

  expectedKey(id: string): string {
    return keyOf(this.declared.get(id) ?? this.undeclared.get(id) ?? []);
  }

  declare(id: string, entries: Entry[]): void {
    this.undeclared.delete(id);
    this.declared.set(id, entries);
    if (!this.order.includes(id)) {
      this.order.push(id);
    }
  }

  /** Removed from the program: its destroy clears the pool. */
  remove(id: string): void {
    this.declared.delete(id);
    this.undeclared.set(id, []);
    this.order = this.order.filter((other) => other !== id);
  }

  program(): string {
    return deliveryProgram(
      this.order.map((id) => ({
        name: `soak-${id}`,
        userPoolId: id,
        logConfigurations: this.declared.get(id) as unknown as Record<string, unknown>[],
      })),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(result: CommandResult): string {
  return `${result.command} exited ${result.code}${result.signal ? ` (${result.signal})` : ""}: ${(result.stdout + result.stderr).split("\n").slice(-15).join("\n")}`;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const { aws } = options;
  const log = options.log ?? (() => undefined);
  const random = new SeededRandom(options.seed);
  const report: SoakReport = {
    seed: options.seed,
    pools: options.pools,
    rounds: options.rounds,
    operations: { add: 0, adopt: 0, remove: 0, destination: 0, reorder: 0, eventSources: 0 },
    outsideChanges: { declared: 0, undeclared: 0 },
    faults: { throttle: 0, "internal-error": 0, latency: 0, "drop-after-apply": 0 },
    retries: 0,
    kills: { attempted: 0, survived: 0 },
    secondUps: 0,
    ups: 0,
    mismatches: [],
    seconds: 0,
  };

  const ids: string[] = [];
  for (let index = 0; index < options.pools; index++) {
    ids.push(await aws.createPool("PLUS", { name: `soak-${index}` }));
  }
  const model = new Model(ids);
  /** How many requests the round's own latency fault slows (0: none injected). */
  let roundLatencyTimes = 0;
  // Half the pools start declared; a tenth of the rest already deliver logs, set outside.
  for (const id of random.sample(ids, Math.ceil(options.pools / 2))) {
    model.declare(id, randomConfiguration(random));
  }
  for (const id of random.sample([...model.undeclared.keys()], Math.ceil(options.pools / 10))) {
    const entries = randomConfiguration(random);
    await aws.setOutsideAs(OUTSIDE_ACTOR, id, awsShape(entries));
    model.undeclared.set(id, entries);
  }
  const workspace = await options.workspace(model.program());
  try {
    log(`soak: seed ${options.seed}, ${options.pools} pools, initial up of ${model.declared.size}`);
    const initial = await up(workspace);
    report.ups++;
    if (initial.code !== 0) {
      report.mismatches.push(`initial up failed: ${tail(initial)}`);
      return finish();
    }
    await verify("initial", workspace);

    for (let round = 1; round <= options.rounds; round++) {
      // The pools in the stack's state before this round's edits.
      const inState = new Set(model.declared.keys());
      editProgram();
      await outsideChanges(inState);
      const before = await snapshot();
      workspace.writeProgram(model.program());
      const faults = injectFaults(round);
      const kill = round === 1 || random.chance(options.killChance ?? 0.4);
      // The first round's kill comes after the first Set, so that every run has one.
      const killAfterSets = round === 1 ? 1 : random.int(1, 6);
      log(
        `soak: round ${round}: ${model.declared.size} declared; faults ${faults.join(", ") || "none"}${kill ? `; kill after ${killAfterSets} Sets` : ""}`,
      );
      aws.emulator.clearRequests();
      const first = kill ? await killedUp(workspace, killAfterSets) : await up(workspace);
      report.ups++;
      countFaults();
      aws.emulator.clearFaults();
      if (first.signal === "SIGKILL" || first.code !== 0) {
        if (first.signal === "SIGKILL") {
          report.kills.attempted++;
          await sleep(1500); // Sets already sent land, as they would at AWS
        }
        await checkNothingHalfApplied(round, before);
        if (first.signal === "SIGKILL") {
          recoverAfterKill(workspace);
          const cancel = await workspace.pulumi("cancel", "--yes");
          if (cancel.code !== 0) {
            report.mismatches.push(`round ${round}: pulumi cancel failed: ${tail(cancel)}`);
          }
        } else {
          log(
            `soak: round ${round}: first up failed, running a second: ${tail(first).slice(0, 400)}`,
          );
        }
        const second = await up(workspace);
        report.ups++;
        report.secondUps++;
        if (second.code !== 0) {
          report.mismatches.push(`round ${round}: the second up failed: ${tail(second)}`);
          continue;
        }
        if (first.signal === "SIGKILL") {
          report.kills.survived++;
        }
      }
      await verify(`round ${round}`, workspace);
    }
    return finish();
  } finally {
    aws.emulator.clearFaults();
    workspace.dispose();
  }

  function finish(): SoakReport {
    report.seconds = (Date.now() - started) / 1000;
    return report;
  }

  function up(target: PulumiWorkspace): Promise<CommandResult> {
    return target.pulumi("up", "--yes", "--refresh", "--skip-preview");
  }

  /** Starts an up with slow Sets and kills it once `afterSets` Sets reached the emulator (or it ended). */
  async function killedUp(target: PulumiWorkspace, afterSets: number): Promise<CommandResult> {
    aws.emulator.injectFault({ kind: "latency", operation: SET, times: Infinity, latencyMs: 400 });
    const running = target.start("up", "--yes", "--refresh", "--skip-preview");
    let ended = false;
    void running.result.then(() => (ended = true));
    while (!ended && aws.emulator.callCount(SET) < afterSets) {
      await sleep(50);
    }
    if (!ended) {
      running.interrupt("SIGKILL");
    }
    return running.result;
  }

  /** The README's recovery after a kill: a checkpoint sidecar left empty is deleted. */
  function recoverAfterKill(target: PulumiWorkspace): void {
    let sidecar: string;
    try {
      sidecar = target.checkpointSidecar();
    } catch {
      return; // no checkpoint yet
    }
    const text = fs.readFileSync(sidecar, "utf8");
    try {
      JSON.parse(text);
    } catch {
      log("soak: the kill emptied the checkpoint sidecar; deleting it (README)");
      fs.rmSync(sidecar);
    }
  }

  function editProgram(): void {
    const edits = Math.max(2, Math.round(options.pools / 20));
    for (let edit = 0; edit < edits; edit++) {
      const declared = [...model.declared.keys()];
      const emptyUndeclared = [...model.undeclared].filter(([, entries]) => entries.length === 0);
      const configuredUndeclared = [...model.undeclared].filter(
        ([, entries]) => entries.length > 0,
      );
      const kind = random.pick([
        "add",
        "add",
        "adopt",
        "remove",
        "destination",
        "destination",
        "reorder",
        "eventSources",
      ] as const);
      if (kind === "add" && emptyUndeclared.length > 0) {
        model.declare(random.pick(emptyUndeclared)[0], randomConfiguration(random));
      } else if (kind === "adopt" && configuredUndeclared.length > 0) {
        // Declaring exactly what a pool already holds: taken over with no write.
        const [id, entries] = random.pick(configuredUndeclared);
        model.declare(id, entries);
      } else if (kind === "remove" && declared.length > 1) {
        model.remove(random.pick(declared));
      } else if (kind === "destination" && declared.length > 0) {
        const id = random.pick(declared);
        const entries = model.declared.get(id) ?? [];
        model.declared.set(
          id,
          entries.map((entry) =>
            entry.eventSource === "userNotification"
              ? notificationEntry(random)
              : authEntry(random),
          ),
        );
      } else if (kind === "reorder" && declared.length > 0) {
        const id = random.pick(declared);
        model.declared.set(id, [...(model.declared.get(id) ?? [])].reverse());
        model.order = random.shuffle(model.order);
      } else if (kind === "eventSources" && declared.length > 0) {
        const id = random.pick(declared);
        const entries = model.declared.get(id) ?? [];
        model.declared.set(
          id,
          entries.length === 2
            ? [random.pick(entries)]
            : entries[0]?.eventSource === "userNotification"
              ? [...entries, authEntry(random)]
              : [notificationEntry(random), ...entries],
        );
      } else {
        continue;
      }
      report.operations[kind]++;
    }
  }

  /**
   * Drift on pools the stack already manages (refresh sees it, up repairs it), and changes
   * to pools the stack has never managed (Pulumi must leave them alone). Pools added or
   * removed by this round's edits are left out: a pool added after someone configured it
   * is refused by create (by design), and a removed one is cleared by its destroy.
   */
  async function outsideChanges(inState: ReadonlySet<string>): Promise<void> {
    const most = Math.max(1, Math.round(options.pools / 40));
    const managed = [...model.declared.keys()].filter((id) => inState.has(id));
    for (const id of random.sample(managed, random.int(1, most))) {
      await aws.setOutsideAs(
        OUTSIDE_ACTOR,
        id,
        random.chance(0.3) ? [] : awsShape(randomConfiguration(random)),
      );
      report.outsideChanges.declared++;
    }
    const unmanaged = [...model.undeclared.keys()].filter((id) => !inState.has(id));
    for (const id of random.sample(unmanaged, random.int(1, most))) {
      const entries = random.chance(0.3) ? [] : randomConfiguration(random);
      await aws.setOutsideAs(OUTSIDE_ACTOR, id, awsShape(entries));
      model.undeclared.set(id, entries);
      report.outsideChanges.undeclared++;
    }
  }

  /** What every pool holds now (read with no fault in force). */
  async function snapshot(): Promise<Map<string, string>> {
    const held = new Map<string, string>();
    for (const id of ids) {
      held.set(id, keyOfAws(await aws.getOutside(id)));
    }
    return held;
  }

  /**
   * Random faults for a round, with one kind always among them, in turn, so that every
   * kind is met in any run of four rounds or more.
   */
  function injectFaults(round: number): string[] {
    const injected: string[] = [];
    const always = FAULT_KINDS_IN_TURN[(round - 1) % FAULT_KINDS_IN_TURN.length];
    const add = (rule: FaultRule) => {
      aws.emulator.injectFault(rule);
      injected.push(`${rule.kind}${rule.operation ? `:${rule.operation}` : ""}×${rule.times}`);
    };
    if (always === "throttle" || random.chance(0.6)) {
      add({ kind: "throttle", operation: random.pick([SET, GET]), times: random.int(3, 12) });
    }
    if (always === "internal-error" || random.chance(0.5)) {
      add({ kind: "internal-error", operation: random.pick([SET, GET]), times: random.int(2, 6) });
    }
    if (always === "latency" || random.chance(0.5)) {
      const times = random.int(3, 10);
      roundLatencyTimes = times;
      add({ kind: "latency", times, latencyMs: random.int(100, 800) });
    }
    if (always === "drop-after-apply" || random.chance(0.5)) {
      add({ kind: "drop-after-apply", operation: SET, times: random.int(1, 3) });
    }
    return injected;
  }

  /**
   * Counts the requests that met an injected fault. A kill's slowed Sets are a latency rule
   * of their own, added after the round's: the first `roundLatencyTimes` latency hits are the
   * round's (rules are spent in order).
   */
  function countFaults(): void {
    let latencyHits = 0;
    for (const request of aws.emulator.requests) {
      if (request.fault === "latency") {
        latencyHits++;
      } else if (request.fault) {
        report.faults[request.fault]++;
        report.retries++;
      }
    }
    report.faults.latency += Math.min(latencyHits, roundLatencyTimes);
    roundLatencyTimes = 0;
  }

  async function checkNothingHalfApplied(
    round: number,
    before: Map<string, string>,
  ): Promise<void> {
    const now = await snapshot();
    for (const id of ids) {
      const held = now.get(id);
      const allowed = [before.get(id), model.expectedKey(id)];
      if (!allowed.includes(held)) {
        report.mismatches.push(
          `round ${round}: after the interrupted up, pool ${id} holds ${held}, neither what it held before (${before.get(id)}) nor what is declared (${model.expectedKey(id)})`,
        );
      }
    }
  }

  async function verify(label: string, target: PulumiWorkspace): Promise<void> {
    const now = await snapshot();
    for (const id of ids) {
      if (now.get(id) !== model.expectedKey(id)) {
        report.mismatches.push(
          `${label}: pool ${id} (${model.declared.has(id) ? "declared" : "not declared"}) holds ${now.get(id)}, expected ${model.expectedKey(id)}`,
        );
      }
    }
    const preview = await target.pulumi("preview", "--expect-no-changes");
    if (preview.code !== 0) {
      report.mismatches.push(`${label}: preview --expect-no-changes failed: ${tail(preview)}`);
    }
  }
}
