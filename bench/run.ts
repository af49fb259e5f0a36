/**
 * `npm run bench`: the figures of docs/BENCHMARKS.md, from one run against the local
 * emulator with the real engine. Not a test: it measures and reports.
 *
 *   npm run bench -- [--sizes 500,2000] [--limit 20] [--out docs/BENCHMARKS.md]
 *
 * - AWS calls per operation (create, preview with nothing changed, refresh, update, delete);
 * - for each size N: wall time of `pulumi up` creating N resources with the emulator
 *   limiting reads and writes to `limit` per second each and the provider paced just
 *   below it, against max(N / limit, the engine's floor: an `up` of N trivial dynamic
 *   resources); requests throttled and operations failed; state bytes per resource;
 *   preview time with nothing changed against the trivial resource's; refresh and destroy
 *   against theirs; up, refresh and destroy against the paced trivial resource's (it waits
 *   for the quota's tokens where ours calls AWS: the least a provider can take);
 * - where the time goes: the wall time before, during and after the AWS calls, and CPU by
 *   process (engine, language host, provider, emulator; testing/engine/processAccounting.ts)
 *   with the provider's peak memory;
 * - who changed it: the LookupEvents calls and the time of a `pulumi refresh` after all N
 *   pools were changed outside Pulumi by another principal;
 * - the machine, engine and package versions.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CognitoEmulator } from "../testing/emulator/server";
import { OUTSIDE_ACTOR, startEmulatorSession } from "../testing/emulatorSession";
import type { EmulatorSession } from "../testing/emulatorSession";
import { engineDescription, ensureEngine, PROJECT_ROOT } from "../testing/engine/engine";
import { ProcessAccounting } from "../testing/engine/processAccounting";
import type { CommandAccounting } from "../testing/engine/processAccounting";
import { PulumiWorkspace } from "../testing/engine/pulumiWorkspace";
import {
  deliveryLoopProgram,
  pacedTrivialProgram,
  trivialProgram,
} from "../testing/engine/benchPrograms";
import { benchArguments, medianOfThree, PACING_MARGIN, timed, wholeNumbers } from "./shared";
import { deliveryProgram } from "../testing/engine/programs";
import { LOG_GROUP_ARN, STREAM_ARN } from "../testing/fixtures/arns";

type Options = ReturnType<typeof parseOptions>;

function parseOptions(argv: string[]) {
  const values = benchArguments(argv, {
    sizes: "500",
    limit: "20",
    out: path.join(PROJECT_ROOT, "docs/BENCHMARKS.md"),
  });
  const options = {
    ...values,
    sizes: values.sizes.split(",").map(Number),
    limit: Number(values.limit),
  };
  if (!wholeNumbers(options.sizes, 1) || !(options.limit > 0)) {
    throw new Error(
      "--sizes takes positive integers, --limit a positive number of requests per second",
    );
  }
  return options;
}

const authEventsTo = (streamArn: string) => ({
  eventSource: "userAuthEvents",
  logLevel: "INFO",
  firehoseConfiguration: { streamArn },
});
const notifications = {
  eventSource: "userNotification",
  logLevel: "ERROR",
  cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
};

class Bench {
  private readonly emulator: CognitoEmulator;

  constructor(
    private readonly session: EmulatorSession,
    private readonly engineBin: string,
    private readonly accounting: ProcessAccounting | undefined,
  ) {
    this.emulator = session.emulator;
  }

  async pools(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      ids.push(await this.session.createPool());
    }
    return ids;
  }

  workspace(program: string, pacing: number): Promise<PulumiWorkspace> {
    return PulumiWorkspace.create({
      name: "cognito-bench",
      program,
      engineBin: this.engineBin,
      environment: {
        ...this.session.environment,
        COGNITO_LOG_DELIVERY_READS_PER_SECOND: String(pacing),
        COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: String(pacing),
      },
    });
  }

  /** Calls made by a command, by operation. */
  async calls(work: () => Promise<unknown>): Promise<string> {
    this.emulator.clearRequests();
    await work();
    const counts = new Map<string, number>();
    for (const request of this.emulator.requests) {
      counts.set(request.operation, (counts.get(request.operation) ?? 0) + 1);
    }
    return (
      [...counts]
        .map(
          ([operation, count]) => `${count} ${operation.replace("LogDeliveryConfiguration", "")}`,
        )
        .join(" + ") || "0"
    );
  }

  async callsPerOperation(): Promise<[string, string][]> {
    const [userPoolId] = await this.pools(1);
    const declare = (streamArn: string) =>
      deliveryProgram([
        {
          name: "pool",
          userPoolId: userPoolId as string,
          logConfigurations: [notifications, authEventsTo(streamArn)],
        },
      ]);
    const workspace = await this.workspace(declare(STREAM_ARN), 0);
    try {
      const rows: [string, string][] = [];
      rows.push([
        "create (`pulumi up`)",
        await this.calls(() => workspace.pulumiOrThrow("up", "--yes")),
      ]);
      rows.push([
        "preview, nothing changed",
        await this.calls(() => workspace.pulumiOrThrow("preview", "--expect-no-changes")),
      ]);
      // `--skip-preview`: otherwise the CLI first runs a preview pass, which reads once more.
      rows.push([
        "refresh (`pulumi refresh --skip-preview`)",
        await this.calls(() => workspace.pulumiOrThrow("refresh", "--yes", "--skip-preview")),
      ]);
      workspace.writeProgram(declare(STREAM_ARN.replace("cognito-auth-events", "other-stream")));
      rows.push([
        "update (`pulumi up`)",
        await this.calls(() => workspace.pulumiOrThrow("up", "--yes")),
      ]);
      rows.push([
        "delete (`pulumi destroy`)",
        await this.calls(() => workspace.pulumiOrThrow("destroy", "--yes")),
      ]);
      return rows;
    } finally {
      workspace.dispose();
    }
  }

  /**
   * Empties every pool's log delivery as another principal with the AWS CLI (unlimited, as
   * set-up), then times `pulumi refresh --skip-preview` under the rate limits: the provider
   * reads each pool and asks CloudTrail, in one shared sweep, who changed the drifted ones.
   */
  async refreshAfterOutsideChanges(
    workspace: PulumiWorkspace,
    ids: readonly string[],
    limit: number,
  ): Promise<AttributionResult> {
    this.emulator.setRateLimits(undefined);
    for (const id of ids) {
      await this.session.setOutsideAs(OUTSIDE_ACTOR, id, []);
    }
    this.emulator.setRateLimits({
      read: { requestsPerSecond: limit },
      write: { requestsPerSecond: limit },
    });
    const setEventsRecorded = this.emulator.cloudTrailEvents.filter(
      (record) => record.eventName === "SetLogDeliveryConfiguration",
    ).length;
    this.emulator.clearRequests();
    const [refresh, refreshSeconds] = await timed(() =>
      workspace.pulumi("refresh", "--yes", "--skip-preview"),
    );
    const lookups = this.emulator.requests.filter(
      (request) => request.operation === "LookupEvents",
    );
    return {
      refreshSeconds,
      refreshExit: refresh.code,
      lookupCalls: lookups.length,
      lookupThrottled: lookups.filter((request) => request.throttledBy !== undefined).length,
      setEventsRecorded,
      // The engine shows a provider's line twice (as it runs, and among the diagnostics).
      attributed: new Set(
        [
          ...refresh.stdout.matchAll(
            /pulumi-cognito-log-delivery: user pool (\S+): log delivery (?!differs)/g,
          ),
        ].map((match) => match[1]),
      ).size,
    };
  }

  /**
   * Runs one command and says where its time went: wall time; the time before the first
   * AWS call, the window of AWS calls and the time after the last (from the emulator's
   * request log); CPU by process (engine, language host with the program, provider); the
   * emulator's CPU (it runs in this process, which otherwise waits); the provider's peak
   * memory.
   */
  async measured(work: () => Promise<unknown>): Promise<Measured> {
    this.accounting?.reset();
    this.emulator.clearRequests();
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    await work();
    const ended = Date.now();
    const cpu = process.cpuUsage(cpuBefore);
    const times = this.emulator.requests.map((request) => request.startedAt.getTime());
    const first = times.length > 0 ? Math.min(...times) : undefined;
    const last = times.length > 0 ? Math.max(...times) : undefined;
    return {
      seconds: (ended - started) / 1000,
      beforeFirstCall: first === undefined ? undefined : (first - started) / 1000,
      callWindow: first === undefined || last === undefined ? undefined : (last - first) / 1000,
      afterLastCall: last === undefined ? undefined : (ended - last) / 1000,
      awsCalls: times.length,
      emulatorCpu: (cpu.user + cpu.system) / 1e6,
      processes: this.accounting?.read(),
    };
  }

  /**
   * `up --yes`, `refresh --skip-preview` and `destroy --skip-preview` of a program that
   * makes no AWS call, each measured; `whileUp` runs between the up and the refresh.
   */
  async upRefreshDestroy(
    workspace: PulumiWorkspace,
    whileUp?: () => Promise<void>,
  ): Promise<UpRefreshDestroy> {
    const up = await this.measured(() => workspace.pulumiOrThrow("up", "--yes"));
    await whileUp?.();
    const refresh = await this.measured(() =>
      workspace.pulumiOrThrow("refresh", "--yes", "--skip-preview"),
    );
    const destroy = await this.measured(() =>
      workspace.pulumiOrThrow("destroy", "--yes", "--skip-preview"),
    );
    return { up, refresh, destroy };
  }

  async size(count: number, limit: number): Promise<SizeResult> {
    const ids = await this.pools(count);
    const trivial = await this.workspace(trivialProgram(count), 0);
    const paced = await this.workspace(pacedTrivialProgram(count, limit), 0);
    const ours = await this.workspace(deliveryLoopProgram(ids), limit * PACING_MARGIN);
    try {
      let trivialPreview = 0;
      const trivialFloors = await this.upRefreshDestroy(trivial, async () => {
        trivialPreview = await medianOfThree(() =>
          trivial.pulumiOrThrow("preview", "--expect-no-changes"),
        );
      });
      const pacedFloors = await this.upRefreshDestroy(paced);

      this.emulator.setRateLimits({
        read: { requestsPerSecond: limit },
        write: { requestsPerSecond: limit },
      });
      let upResult: { code: number; stdout: string } = { code: -1, stdout: "" };
      const up = await this.measured(async () => {
        upResult = await ours.pulumi("up", "--yes");
      });
      const throttled = this.emulator.throttledCount();
      const failed =
        /(\d+) errored/.exec(upResult.stdout)?.[1] ?? (upResult.code === 0 ? "0" : "?");
      this.emulator.clearRequests();
      const previewSeconds = await medianOfThree(() =>
        ours.pulumiOrThrow("preview", "--expect-no-changes"),
      );
      const previewCalls = this.emulator.requests.length;
      const stateBytes = Buffer.byteLength(ours.stateFileText());
      const refresh = await this.measured(() =>
        ours.pulumiOrThrow("refresh", "--yes", "--skip-preview"),
      );
      const refreshThrottled = this.emulator.throttledCount();
      const attribution = await this.refreshAfterOutsideChanges(ours, ids, limit);
      const destroy = await this.measured(() =>
        ours.pulumiOrThrow("destroy", "--yes", "--skip-preview"),
      );
      const destroyThrottled = this.emulator.throttledCount();
      this.emulator.setRateLimits(undefined);
      return {
        count,
        limit,
        trivial: trivialFloors,
        trivialPreview,
        paced: pacedFloors,
        up,
        upExit: upResult.code,
        throttled: throttled + refreshThrottled + destroyThrottled,
        failed,
        previewSeconds,
        previewCalls,
        stateBytes,
        refresh,
        destroy,
        ...attribution,
      };
    } finally {
      this.emulator.setRateLimits(undefined);
      trivial.dispose();
      paced.dispose();
      ours.dispose();
    }
  }
}

/** One command's wall time, its AWS-call window, and CPU by process. */
interface Measured {
  seconds: number;
  beforeFirstCall: number | undefined;
  callWindow: number | undefined;
  afterLastCall: number | undefined;
  awsCalls: number;
  emulatorCpu: number;
  processes: CommandAccounting | undefined;
}

/** The three commands a floor is measured by. */
interface UpRefreshDestroy {
  up: Measured;
  refresh: Measured;
  destroy: Measured;
}

/** What a refresh of N pools changed outside Pulumi cost in CloudTrail lookups. */
interface AttributionResult {
  refreshSeconds: number;
  refreshExit: number;
  lookupCalls: number;
  lookupThrottled: number;
  /** SetLogDeliveryConfiguration records in CloudTrail when the refresh ran, outside ones included. */
  setEventsRecorded: number;
  attributed: number;
}

interface SizeResult extends AttributionResult {
  count: number;
  limit: number;
  /** The engine's floors: the trivial resource's commands. */
  trivial: UpRefreshDestroy;
  trivialPreview: number;
  /** The paced trivial resource's commands: the least a provider making our calls can take. */
  paced: UpRefreshDestroy;
  up: Measured;
  upExit: number;
  /** Throttled requests of up, refresh and destroy. */
  throttled: number;
  failed: string;
  previewSeconds: number;
  previewCalls: number;
  stateBytes: number;
  refresh: Measured;
  destroy: Measured;
}

/**
 * How each command's time grows between consecutive sizes, ours beside the trivial
 * resource's: a ratio equal to the ratio of the sizes is linear growth.
 */
function growthSection(sizes: readonly SizeResult[]): string[] {
  const steps = sizes.slice(1).map((size, index) => [sizes[index] as SizeResult, size] as const);
  if (steps.length === 0) {
    return [];
  }
  const commands: [string, (size: SizeResult) => number][] = [
    ["`up`", (size) => size.up.seconds],
    ["trivial `up`", (size) => size.trivial.up.seconds],
    ["paced trivial `up`", (size) => size.paced.up.seconds],
    ["preview", (size) => size.previewSeconds],
    ["trivial preview", (size) => size.trivialPreview],
    ["`refresh`", (size) => size.refresh.seconds],
    ["trivial `refresh`", (size) => size.trivial.refresh.seconds],
    ["`destroy`", (size) => size.destroy.seconds],
    ["trivial `destroy`", (size) => size.trivial.destroy.seconds],
    ["paced trivial `destroy`", (size) => size.paced.destroy.seconds],
  ];
  return [
    "## How the time grows with N",
    "",
    "Each command's time at the larger N divided by its time at the smaller, ours beside the trivial " +
      "resource's; linear growth gives the ratio of the sizes. Growth beyond it that the trivial resource " +
      "shows too is the engine's (BENCHMARKS-FINDINGS.md).",
    "",
    `| command | ${steps.map(([small, large]) => `${large.count} ÷ ${small.count} (linear: ${(large.count / small.count).toFixed(1)})`).join(" | ")} |`,
    `| --- | ${steps.map(() => "---").join(" | ")} |`,
    ...commands.map(
      ([label, seconds]) =>
        `| ${label} | ${steps.map(([small, large]) => (seconds(large) / seconds(small)).toFixed(2)).join(" | ")} |`,
    ),
    "",
  ];
}

function report(
  options: Options,
  engine: string,
  calls: [string, string][],
  sizes: SizeResult[],
): string {
  const packageVersion = (
    JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const f = (value: number) => value.toFixed(1);
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${engine}, pulumi-cognito-log-delivery ${packageVersion}, ` +
      `against the local Cognito emulator on loopback.`,
    "",
    "Reproduce: `npm ci && npm run bench` (N = 500, about 10 minutes on 2 cores; `-- --sizes 500,2000 --limit 20` chooses: " +
      "2,000 adds about 45 minutes, most of it the engine's checkpointing). The run rewrites this file; " +
      "[BENCHMARKS-FINDINGS.md](BENCHMARKS-FINDINGS.md) reads the figures.",
    "",
    "## AWS calls per operation",
    "",
    "| operation | AWS calls |",
    "| --- | --- |",
    ...calls.map(([operation, count]) => `| ${operation} | ${count} |`),
    "",
    `## \`pulumi up\` of N new resources at ${options.limit} reads/s and ${options.limit} writes/s`,
    "",
    `The emulator limits reads (Get) and writes (Set) to ${options.limit} per second each for the account and region, ` +
      `and answers TooManyRequestsException beyond; the provider is paced at ${f(options.limit * PACING_MARGIN)}/s ` +
      "(`COGNITO_LOG_DELIVERY_READS_PER_SECOND` / `…_WRITES_PER_SECOND`). Each create is one Get and one Set, in separate " +
      "buckets, so the quota's floor is N / limit. The engine's floor is an `up` of N trivial dynamic resources (no AWS calls). " +
      "`pulumi up --yes` includes its preview pass, as users run it. Target: up ≤ 1.15 × max(N / limit, engine floor), " +
      "with no throttled request and no failed operation. " +
      `The paced trivial resource is the trivial one with a provider that waits for the quota's tokens (${options.limit}/s, ` +
      "one second of burst, no margin) where ours calls AWS: what the engine and the quota take together, the least a " +
      "provider making these calls can take for a resource no heavier than the trivial one (BENCHMARKS-FINDINGS.md " +
      "explains why it can be above max(floors)).",
    "",
    "| N | up (s) | N / limit (s) | engine floor (s) | up ÷ max(floors) | within target | paced trivial `up` (s) | up ÷ paced trivial | throttled requests (up, refresh, destroy) | failed operations | state bytes per resource | up per resource (ms) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...sizes.map((size) => {
      const floor = Math.max(size.count / size.limit, size.trivial.up.seconds);
      const ratio = size.up.seconds / floor;
      const within = ratio <= 1.15 && size.upExit === 0 && size.throttled === 0;
      return `| ${size.count} | ${f(size.up.seconds)} | ${f(size.count / size.limit)} | ${f(size.trivial.up.seconds)} | ${ratio.toFixed(2)} | ${within ? "yes" : "**no**"} | ${f(size.paced.up.seconds)} | ${(size.up.seconds / size.paced.up.seconds).toFixed(2)} | ${size.throttled} | ${size.failed} | ${Math.round(size.stateBytes / size.count)} | ${((size.up.seconds * 1000) / size.count).toFixed(0)} |`;
    }),
    "",
    "### Where the time goes",
    "",
    "Wall time split by the emulator's request log (before the first AWS call: the preview pass, the program's " +
      "start and its registrations; the window of AWS calls; after the last call), and CPU seconds by process " +
      "(GNU time around each of the engine's binaries: the engine itself, the Node.js language host with the " +
      "program, the dynamic provider; the emulator's from this process). The machine has " +
      `${os.cpus().length} cores, shared by all of them.`,
    "",
    "| N | command | wall (s) | before first AWS call (s) | AWS-call window (s) | after last call (s) | engine CPU (s) | language host + program CPU (s) | provider CPU (s) | emulator CPU (s) | provider peak memory (MiB) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...sizes.flatMap((size) =>
      (
        [
          ["trivial `up`", size.trivial.up],
          ["paced trivial `up`", size.paced.up],
          ["`up`", size.up],
          ["paced trivial `refresh`", size.paced.refresh],
          ["`refresh`", size.refresh],
          ["paced trivial `destroy`", size.paced.destroy],
          ["`destroy`", size.destroy],
        ] as const
      ).map(([label, measured]) => {
        const cpu = measured.processes?.cpuSeconds;
        const optional = (value: number | undefined) => (value === undefined ? "-" : f(value));
        return `| ${size.count} | ${label} | ${f(measured.seconds)} | ${optional(measured.beforeFirstCall)} | ${optional(measured.callWindow)} | ${optional(measured.afterLastCall)} | ${optional(cpu?.engine)} | ${optional(cpu?.languageHost)} | ${optional(cpu?.provider)} | ${f(measured.emulatorCpu)} | ${measured.processes ? measured.processes.peakMiB.provider.toFixed(0) : "-"} |`;
      }),
    ),
    "",
    "## `pulumi preview` of N unchanged resources",
    "",
    "Both programs declare their N resources in a loop; each time is the median of three previews. " +
      "Target: ≤ 1.1 × the same N of a trivial dynamic resource, and no AWS call.",
    "",
    "| N | preview (s) | trivial resource (s) | ratio | AWS calls |",
    "| --- | --- | --- | --- | --- |",
    ...sizes.map(
      (size) =>
        `| ${size.count} | ${f(size.previewSeconds)} | ${f(size.trivialPreview)} | ${(size.previewSeconds / size.trivialPreview).toFixed(2)} | ${size.previewCalls} |`,
    ),
    "",
    "## `pulumi refresh --skip-preview` and `pulumi destroy --skip-preview` of N unchanged resources",
    "",
    "Refresh reads each pool (one Get, at the read limit); destroy clears each (one Set, at the write limit). " +
      "The engine's floors are the same commands on N trivial dynamic resources; the paced trivial resource waits " +
      "for a read token in its refresh and a write token in its delete. Target: ≤ 1.15 × max(N / limit, engine floor).",
    "",
    "| N | refresh (s) | trivial refresh (s) | refresh ÷ max(floors) | paced trivial refresh (s) | refresh ÷ paced trivial | destroy (s) | trivial destroy (s) | destroy ÷ max(floors) | paced trivial destroy (s) | destroy ÷ paced trivial |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...sizes.map((size) => {
      const quota = size.count / size.limit;
      return `| ${size.count} | ${f(size.refresh.seconds)} | ${f(size.trivial.refresh.seconds)} | ${(size.refresh.seconds / Math.max(quota, size.trivial.refresh.seconds)).toFixed(2)} | ${f(size.paced.refresh.seconds)} | ${(size.refresh.seconds / size.paced.refresh.seconds).toFixed(2)} | ${f(size.destroy.seconds)} | ${f(size.trivial.destroy.seconds)} | ${(size.destroy.seconds / Math.max(quota, size.trivial.destroy.seconds)).toFixed(2)} | ${f(size.paced.destroy.seconds)} | ${(size.destroy.seconds / size.paced.destroy.seconds).toFixed(2)} |`;
    }),
    "",
    ...growthSection(sizes),
    "## Who changed it: `pulumi refresh --skip-preview` of N pools changed outside Pulumi",
    "",
    "Every pool's log delivery was emptied by another principal with the AWS CLI's user agent; the refresh reads " +
      "each pool (paced at the read limit) and, for the drifted ones, asks CloudTrail who changed it. One sweep " +
      "of `LookupEvents` (`EventName` = SetLogDeliveryConfiguration, 50 events a page, newest first, paced at " +
      "1.5/s under CloudTrail's 2/s) is shared by every resource, and stops once every drifted pool is attributed: " +
      "its floor is ⌈N / 50⌉ calls, as the N outside changes are the newest events. Target: about events / 50 " +
      "calls, not N, and no throttled lookup.",
    "",
    "| N | refresh (s) | N / read limit (s) | LookupEvents calls | ⌈N / 50⌉ | SetLogDeliveryConfiguration events recorded | throttled lookups | pools attributed | exit |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...sizes.map(
      (size) =>
        `| ${size.count} | ${f(size.refreshSeconds)} | ${f(size.count / size.limit)} | ${size.lookupCalls} | ${Math.ceil(size.count / 50)} | ${size.setEventsRecorded} | ${size.lookupThrottled} | ${size.attributed} of ${size.count} | ${size.refreshExit} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const engineBin = ensureEngine();
  const engine = engineDescription(engineBin);
  const session = await startEmulatorSession();
  const accounting = ProcessAccounting.create(engineBin);
  const bench = new Bench(session, accounting?.binDirectory ?? engineBin, accounting);
  try {
    console.error("bench: AWS calls per operation");
    const calls = await bench.callsPerOperation();
    const sizes: SizeResult[] = [];
    for (const count of options.sizes) {
      console.error(`bench: N = ${count}`);
      sizes.push(await bench.size(count, options.limit));
    }
    const text = report(options, engine, calls, sizes);
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, text);
    console.log(text);
  } finally {
    accounting?.dispose();
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
