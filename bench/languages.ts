/**
 * `npm run bench:languages`: `up`, preview and destroy of N pools declared from
 * TypeScript (the dynamic resource), from Pulumi YAML and from Python (the provider
 * plugin), in one run against the emulator under Cognito's rate limits (issue 21: the
 * plugin should be no slower; like the dynamic provider, it is one process for every
 * resource). Not a test: it measures and reports into docs/BENCHMARKS-LANGUAGES.md.
 *
 *   npm run bench:languages -- [--size 500] [--limit 20] [--out FILE]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LOG_GROUP_ARN } from "../testing/fixtures/arns";
import { startEmulatorSession } from "../testing/emulatorSession";
import type { EmulatorSession } from "../testing/emulatorSession";
import { deliveryLoopProgram } from "../testing/engine/benchPrograms";
import { engineDescription, ensureEngine, PROJECT_ROOT } from "../testing/engine/engine";
import { pluginProjectFile, pythonProgram, yamlProgram } from "../testing/engine/pluginPrograms";
import type { DeliveryDeclaration } from "../testing/engine/programs";
import { PulumiWorkspace } from "../testing/engine/pulumiWorkspace";
import type { ProjectRuntime } from "../testing/engine/pulumiWorkspace";
import { languageRuntime } from "../testing/engine/languageRuntimes";
import { PACING_MARGIN, pacingEnvironment, sizeAndLimitArguments, timeLifecycle } from "./shared";
import type { LifecycleTimings } from "./shared";

type Options = ReturnType<typeof parseOptions>;

function parseOptions(argv: string[]) {
  return sizeAndLimitArguments(argv, {
    size: "500",
    out: path.join(PROJECT_ROOT, "docs/BENCHMARKS-LANGUAGES.md"),
  });
}

/** One language's program and what it runs on. */
interface LanguageRun {
  label: string;
  runtime: ProjectRuntime;
  program: string;
  projectFile?: string;
  hostBins: string[];
  environment: Record<string, string>;
}

async function timeLanguage(
  session: EmulatorSession,
  engineBin: string,
  run: LanguageRun,
  options: Options,
): Promise<LifecycleTimings> {
  const workspace = await PulumiWorkspace.create({
    name: "cognito-bench-languages",
    runtime: run.runtime,
    program: run.program,
    projectFile: run.projectFile,
    engineBin,
    hostBins: run.hostBins,
    environment: {
      ...session.environment,
      ...run.environment,
      ...pacingEnvironment(options.limit),
    },
  });
  return timeLifecycle(session, workspace, run.label, options);
}

function report(options: Options, engine: string, rows: readonly LifecycleTimings[]): string {
  const f = (seconds: number) => seconds.toFixed(1);
  const typescript = rows[0]!;
  const ratio = (value: number, base: number) => (value / base).toFixed(2);
  // A Get and a Set per create, each kind on its own bucket at the limit.
  const floor = options.size / options.limit;
  return [
    "# Benchmarks: the same pools from TypeScript, YAML and Python",
    "",
    `Measured by \`npm run bench:languages\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ` +
      `Node ${process.version}, ${engine}, N = ${options.size} pools, one \`UserPoolLogDelivery\` each (a ` +
      `\`userNotification\` entry), against the local emulator limiting reads and writes to ${options.limit}/s ` +
      `each (the provider paced at ${(options.limit * PACING_MARGIN).toFixed(1)}/s). The quota's floor for ` +
      `\`up\` is ${f(floor)} s (N reads and N writes, each kind on its own bucket).`,
    "",
    "- **TypeScript**: the dynamic resource (`pulumi-nodejs` provider host, Node.js language host of sdk/v3 v3.68.0);",
    "- **YAML**: the provider plugin, from a Pulumi YAML program (pulumi-language-yaml v1.25.0);",
    "- **Python**: the provider plugin, through the generated SDK (PyPI `pulumi`, the Python host of sdk/v3 v3.79.0).",
    "",
    "`up` includes its preview pass, as users run it; preview is the median of three; destroy skips its preview.",
    "",
    "| program | up (s) | preview (s) | destroy (s) | up ÷ TypeScript | preview ÷ TypeScript | destroy ÷ TypeScript | state bytes per resource | AWS calls | throttled |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.label} | ${f(row.up)} | ${f(row.preview)} | ${f(row.destroy)} | ${ratio(row.up, typescript.up)} | ` +
        `${ratio(row.preview, typescript.preview)} | ${ratio(row.destroy, typescript.destroy)} | ` +
        `${Math.round(row.stateBytes)} | ${row.awsCalls} | ${row.throttled} |`,
    ),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const engineBin = ensureEngine();
  const yaml = languageRuntime("yaml");
  const python = languageRuntime("python");
  const session = await startEmulatorSession();
  try {
    const ids: string[] = [];
    for (let index = 0; index < options.size; index++) {
      ids.push(await session.createPool());
    }
    const declarations: DeliveryDeclaration[] = ids.map((userPoolId, index) => ({
      name: `tenant-${index}`,
      userPoolId,
      logConfigurations: [
        {
          eventSource: "userNotification",
          logLevel: "ERROR",
          cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
        },
      ],
    }));
    const runs: LanguageRun[] = [
      {
        label: "TypeScript",
        runtime: "nodejs",
        program: deliveryLoopProgram(ids),
        hostBins: [],
        environment: {},
      },
      {
        label: "YAML",
        runtime: "yaml",
        program: yamlProgram("cognito-bench-languages", declarations),
        hostBins: yaml.hostBins,
        environment: yaml.environment,
      },
      {
        label: "Python",
        runtime: "python",
        program: pythonProgram(declarations),
        projectFile: pluginProjectFile("cognito-bench-languages", "python"),
        hostBins: python.hostBins,
        environment: python.environment,
      },
    ];
    const rows: LifecycleTimings[] = [];
    for (const run of runs) {
      console.error(`bench:languages: ${run.label}, N = ${options.size}`);
      rows.push(await timeLanguage(session, engineBin, run, options));
    }
    const text = report(options, engineDescription(engineBin), rows);
    fs.writeFileSync(options.out, text);
    console.log(text);
  } finally {
    await session.close();
    python.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:languages: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
