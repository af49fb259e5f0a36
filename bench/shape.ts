/**
 * `npm run bench:shape`: what of `up`, preview and destroy is ours, and what is the cost
 * of a resource of this shape in the engine and the Pulumi SDK. Times, in one run, N of
 * three resources: the trivial dynamic resource (the engine's floor in BENCHMARKS.md),
 * a dynamic resource registered with the same properties and state as
 * UserPoolLogDelivery whose provider calls nothing, and UserPoolLogDelivery itself under
 * the emulator's rate limits. Not a test: it measures and reports into
 * docs/BENCHMARKS-SHAPE.md.
 *
 *   npm run bench:shape -- [--size 1000] [--limit 20] [--out FILE]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulatorSession } from "../testing/emulatorSession";
import type { EmulatorSession } from "../testing/emulatorSession";
import {
  deliveryLoopProgram,
  sameShapeProgram,
  trivialProgram,
} from "../testing/engine/benchPrograms";
import { engineDescription, ensureEngine, PROJECT_ROOT } from "../testing/engine/engine";
import { PulumiWorkspace } from "../testing/engine/pulumiWorkspace";
import { benchArguments, medianOfThree, PACING_MARGIN, timed, wholeNumbers } from "./shared";

type Options = ReturnType<typeof parseOptions>;

function parseOptions(argv: string[]) {
  const values = benchArguments(argv, {
    size: "1000",
    limit: "20",
    out: path.join(PROJECT_ROOT, "docs/BENCHMARKS-SHAPE.md"),
  });
  const options = { ...values, size: Number(values.size), limit: Number(values.limit) };
  if (!wholeNumbers([options.size], 1) || !(options.limit > 0)) {
    throw new Error(
      "--size takes a positive integer, --limit a positive number of requests per second",
    );
  }
  return options;
}

interface Timings {
  label: string;
  up: number;
  preview: number;
  destroy: number;
  stateBytes: number;
  awsCalls: number;
  throttled: number;
}

/** `up`, the median of three previews with nothing changed, and `destroy` of one program. */
async function timeProgram(
  session: EmulatorSession,
  engineBin: string,
  label: string,
  program: string,
  options: Options,
): Promise<Timings> {
  const pacing = String(options.limit * PACING_MARGIN);
  const workspace = await PulumiWorkspace.create({
    name: "cognito-bench-shape",
    program,
    engineBin,
    environment: {
      ...session.environment,
      COGNITO_LOG_DELIVERY_READS_PER_SECOND: pacing,
      COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: pacing,
    },
  });
  const { emulator } = session;
  emulator.setRateLimits({
    read: { requestsPerSecond: options.limit },
    write: { requestsPerSecond: options.limit },
  });
  try {
    emulator.clearRequests();
    const [, up] = await timed(() => workspace.pulumiOrThrow("up", "--yes"));
    const stateBytes = Buffer.byteLength(workspace.stateFileText()) / options.size;
    const preview = await medianOfThree(() =>
      workspace.pulumiOrThrow("preview", "--expect-no-changes"),
    );
    const [, destroy] = await timed(() =>
      workspace.pulumiOrThrow("destroy", "--yes", "--skip-preview"),
    );
    return {
      label,
      up,
      preview,
      destroy,
      stateBytes,
      awsCalls: emulator.requests.length,
      throttled: emulator.throttledCount(),
    };
  } finally {
    emulator.setRateLimits(undefined);
    workspace.dispose();
  }
}

function report(options: Options, engine: string, rows: readonly Timings[]): string {
  const [trivial, sameShape, ours] = rows as [Timings, Timings, Timings];
  const f = (value: number) => value.toFixed(1);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const commands = [
    ["`up`", (row: Timings) => row.up],
    ["preview, nothing changed", (row: Timings) => row.preview],
    ["`destroy --skip-preview`", (row: Timings) => row.destroy],
  ] as const;
  return [
    "# Benchmarks: ours, and the cost of a resource of this shape",
    "",
    `Measured by \`npm run bench:shape\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ` +
      `Node ${process.version}, ${engine}, N = ${options.size}, against the local emulator limiting reads and writes ` +
      `to ${options.limit}/s each (the provider paced at ${f(options.limit * PACING_MARGIN)}/s). About 15 minutes at N = 1,000; ` +
      "`-- --size` chooses. [BENCHMARKS-FINDINGS.md](BENCHMARKS-FINDINGS.md) reads the figures.",
    "",
    "Three programs, each declaring N resources in a loop (testing/engine/benchPrograms.ts):",
    "",
    "- **trivial**: the smallest dynamic resource (one input, no output); the engine's floor in BENCHMARKS.md;",
    "- **same shape**: registered with the same five properties as `UserPoolLogDelivery`, a stored provider of about " +
      "the same length, and the configuration as outputs, but a provider that calls nothing: what the engine and the " +
      "Pulumi SDK cost for a resource of this shape;",
    "- **ours**: `UserPoolLogDelivery`, one Get and one Set per create and one Set per delete, under the rate limits.",
    "",
    "`up` includes its preview pass, as users run it; preview is the median of three.",
    "",
    "| command | trivial (s) | same shape (s) | ours (s) | ours ÷ same shape | ours ÷ trivial | same shape ÷ trivial |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...commands.map(
      ([label, value]) =>
        `| ${label} | ${f(value(trivial))} | ${f(value(sameShape))} | ${f(value(ours))} | ${ratio(value(ours), value(sameShape))} | ${ratio(value(ours), value(trivial))} | ${ratio(value(sameShape), value(trivial))} |`,
    ),
    "",
    "| program | state bytes per resource | AWS calls (up, previews, destroy) | throttled |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.label} | ${Math.round(row.stateBytes)} | ${row.awsCalls} | ${row.throttled} |`,
    ),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const engineBin = ensureEngine();
  const session = await startEmulatorSession();
  try {
    const ids: string[] = [];
    for (let index = 0; index < options.size; index++) {
      ids.push(await session.createPool());
    }
    const programs: [string, string][] = [
      ["trivial", trivialProgram(options.size)],
      ["same shape", sameShapeProgram(ids)],
      ["ours", deliveryLoopProgram(ids)],
    ];
    const rows: Timings[] = [];
    for (const [label, program] of programs) {
      console.error(`bench:shape: ${label}, N = ${options.size}`);
      rows.push(await timeProgram(session, engineBin, label, program, options));
    }
    const text = report(options, engineDescription(engineBin), rows);
    fs.writeFileSync(options.out, text);
    console.log(text);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:shape: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
