/**
 * `npm run soak`: the randomized fault soak (testing/soak/soak.ts) on the real engine
 * against the local emulator; writes its report to docs/SOAK.md and exits non-zero on
 * any mismatch.
 *
 *   npm run soak -- [--seed 1] [--pools 200] [--rounds 5] [--out FILE]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulatorSession } from "../testing/emulatorSession";
import { engineDescription, ensureEngine, PROJECT_ROOT } from "../testing/engine/engine";
import { runSoak, SOAK_PACING, soakWorkspaces } from "../testing/soak/soak";
import type { SoakReport } from "../testing/soak/soak";
import { benchArguments, wholeNumbers } from "./shared";

function parseOptions(argv: string[]) {
  const values = benchArguments(argv, {
    seed: "1",
    pools: "200",
    rounds: "5",
    out: path.join(PROJECT_ROOT, "docs/SOAK.md"),
  });
  const options = {
    ...values,
    seed: Number(values.seed),
    pools: Number(values.pools),
    rounds: Number(values.rounds),
  };
  if (
    !wholeNumbers([options.seed], 0) ||
    !wholeNumbers([options.pools], 4) ||
    !wholeNumbers([options.rounds], 1)
  ) {
    throw new Error("--seed takes a whole number, --pools at least 4, --rounds at least 1");
  }
  return options;
}

function markdown(report: SoakReport, engine: string): string {
  const sum = (record: Record<string, number>) =>
    Object.values(record).reduce((total, count) => total + count, 0);
  return [
    "# Fault soak",
    "",
    `Measured by \`npm run soak -- --seed ${report.seed} --pools ${report.pools} --rounds ${report.rounds}\` on ` +
      `${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, Node ${process.version}, ${engine}, ` +
      `the local emulator on loopback, the provider paced at ${SOAK_PACING} requests/s. ${report.seconds.toFixed(0)} s.`,
    "",
    "Each round: random program edits, random changes outside Pulumi (drift on managed pools, " +
      "configurations of pools the stack never managed), random faults injected by the emulator, " +
      "`pulumi up --refresh` (killed outright in some rounds), then, when it failed or was killed, " +
      "the README's recovery and a second `up`. After each round: every pool equals the program (or, " +
      "if undeclared, what was set outside), nothing was half-applied between the two `up`s, and " +
      "`pulumi preview --expect-no-changes` passes.",
    "",
    "| measure | value |",
    "| --- | --- |",
    `| seed | ${report.seed} |`,
    `| pools | ${report.pools} |`,
    `| rounds | ${report.rounds} |`,
    `| program edits | ${sum(report.operations)} (${Object.entries(report.operations)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")}) |`,
    `| changes outside Pulumi | ${report.outsideChanges.declared} on managed pools, ${report.outsideChanges.undeclared} on unmanaged pools |`,
    `| faults injected (requests hit) | ${Object.entries(report.faults)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")} |`,
    `| requests retried by the SDK | ${report.retries} |`,
    `| kills (SIGKILL) survived | ${report.kills.survived} of ${report.kills.attempted} |`,
    `| rounds that needed a second \`up\` | ${report.secondUps} |`,
    `| \`up\`s run | ${report.ups} |`,
    `| mismatches | **${report.mismatches.length}** |`,
    "",
    ...(report.mismatches.length > 0
      ? [
          "## Mismatches",
          "",
          ...report.mismatches.map((line) => `- ${line.replace(/\n/g, " ")}`),
          "",
        ]
      : []),
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const engineBin = ensureEngine();
  const engine = engineDescription(engineBin);
  const session = await startEmulatorSession();
  try {
    const report = await runSoak({
      seed: options.seed,
      pools: options.pools,
      rounds: options.rounds,
      aws: session,
      workspace: soakWorkspaces(session, engineBin),
      log: (line) => console.error(line),
    });
    const text = markdown(report, engine);
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, text);
    console.log(text);
    if (report.mismatches.length > 0) {
      process.exitCode = 1;
    }
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
