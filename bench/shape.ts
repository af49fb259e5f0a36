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
import { PACING_MARGIN, pacingEnvironment, sizeAndLimitArguments, timeLifecycle } from "./shared";
import type { LifecycleTimings } from "./shared";

type Options = ReturnType<typeof parseOptions>;

function parseOptions(argv: string[]) {
  return sizeAndLimitArguments(argv, {
    size: "1000",
    out: path.join(PROJECT_ROOT, "docs/BENCHMARKS-SHAPE.md"),
  });
}

/** `up`, the median of three previews with nothing changed, and `destroy` of one program. */
async function timeProgram(
  session: EmulatorSession,
  engineBin: string,
  label: string,
  program: string,
  options: Options,
): Promise<LifecycleTimings> {
  const workspace = await PulumiWorkspace.create({
    name: "cognito-bench-shape",
    program,
    engineBin,
    environment: { ...session.environment, ...pacingEnvironment(options.limit) },
  });
  return timeLifecycle(session, workspace, label, options);
}

function report(options: Options, engine: string, rows: readonly LifecycleTimings[]): string {
  const [trivial, sameShape, ours] = rows as [LifecycleTimings, LifecycleTimings, LifecycleTimings];
  const f = (value: number) => value.toFixed(1);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const commands = [
    ["`up`", (row: LifecycleTimings) => row.up],
    ["preview, nothing changed", (row: LifecycleTimings) => row.preview],
    ["`destroy --skip-preview`", (row: LifecycleTimings) => row.destroy],
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
    const rows: LifecycleTimings[] = [];
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
