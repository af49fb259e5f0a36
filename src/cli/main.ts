#!/usr/bin/env node
/**
 * `pulumi-cognito-log-delivery discover | history`: thin. Parses the command line, calls
 * the AWS adapters and the pure renderers, and maps every error to one line and a
 * non-zero exit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CloudTrailClients } from "../cloudtrail/clients";
import { CognitoClients } from "../cognito/clients";
import { LogDeliveryError, UsageError } from "../errors";
import { NO_CONFIG, readSettings } from "../settings";
import { adoptionSource, importFile } from "./adoption";
import { USAGE, parseArguments } from "./arguments";
import type { DiscoverOptions, HistoryOptions } from "./arguments";
import { discoverPools } from "./discover";
import type { DiscoveredPool } from "./discover";
import { poolJson, poolTable } from "./discoverOutput";
import { regionHistory } from "./history";
import { historyJson, historyTable } from "./historyOutput";
import { serializedProviderText } from "./providerText";

/** Where the command writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  environment: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The wall clock, for `history --since` (tests pass their own). */
  now?: () => Date;
}

/** Exit codes: 1 when AWS or the environment failed, 2 when the command line is wrong. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/** Progress lines for reading configurations: one per this many pools. */
const PROGRESS_EVERY = 25;

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const clients: { cognito?: CognitoClients; cloudTrail?: CloudTrailClients } = {};
  try {
    const now = (io.now ?? (() => new Date()))();
    const options = parseArguments(argv, io.environment, now);
    if (options === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const { pacing, attribution } = readSettings(NO_CONFIG, io.environment);
    clients.cognito = new CognitoClients({ pacing, environment: io.environment });
    if (options.command === "discover") {
      await discover(options, clients.cognito, io);
    } else {
      clients.cloudTrail = new CloudTrailClients({
        lookupsPerSecond: attribution.lookupsPerSecond,
        environment: io.environment,
      });
      await history(options, { cognito: clients.cognito, cloudTrail: clients.cloudTrail }, io);
    }
    return 0;
  } catch (error) {
    io.stderr(`pulumi-cognito-log-delivery: ${oneLine(error)}\n`);
    return UsageError.isInstance(error) ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    clients.cognito?.destroy();
    clients.cloudTrail?.destroy();
  }
}

async function history(
  options: HistoryOptions,
  clients: { cognito: CognitoClients; cloudTrail: CloudTrailClients },
  io: CliIo,
): Promise<void> {
  const rows = await regionHistory(clients, options.region, options.since, options.userPoolIds, {
    page: (events, pages) =>
      io.stderr(`looked up ${events} CloudTrail events (${pages} pages) in ${options.region}\n`),
    listed: (count) => io.stderr(`listed ${count} user pools in ${options.region}\n`),
  });
  io.stdout(
    `${options.json ? historyJson(rows) : historyTable(rows, options.region, options.since)}\n`,
  );
}

async function discover(
  options: DiscoverOptions,
  clients: CognitoClients,
  io: CliIo,
): Promise<void> {
  const onlyPoolIds = options.adopt.kind === "pools" ? options.adopt.userPoolIds : undefined;
  const pools = await discoverPools(
    clients,
    options.region,
    {
      listed: (count) => io.stderr(`listed ${count} user pools in ${options.region}\n`),
      read: (done, total) => {
        if (done === total || done % PROGRESS_EVERY === 0) {
          io.stderr(`read ${done}/${total} log delivery configurations\n`);
        }
      },
    },
    onlyPoolIds,
  );
  io.stdout(
    `${options.json ? poolJson(pools, options.region) : poolTable(pools, options.region)}\n`,
  );
  if (options.adopt.kind !== "none") {
    await writeAdoption(pools, options, io);
  }
}

async function writeAdoption(
  pools: readonly DiscoveredPool[],
  options: DiscoverOptions,
  io: CliIo,
): Promise<void> {
  if (pools.length === 0) {
    io.stderr(`no user pools to adopt in ${options.region}; nothing written\n`);
    return;
  }
  const directory = path.resolve(io.cwd, options.outDirectory);
  const importPath = path.join(directory, "import.json");
  const sourcePath = path.join(directory, "logDeliveries.ts");
  const importArgument = path.relative(io.cwd, importPath) || importPath;
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(
    importPath,
    `${JSON.stringify(importFile(pools, options.region, await serializedProviderText()), null, 2)}\n`,
  );
  fs.writeFileSync(sourcePath, adoptionSource(pools, options.region, importArgument));
  io.stderr(
    `wrote ${importArgument} and ${path.relative(io.cwd, sourcePath)} for ${pools.length} user pools; next: ` +
      `pulumi import --file ${importArgument} --generate-code=false --protect=false --yes, then add the resources to your program\n`,
  );
}

/** An error as one line: our errors' messages stand alone; others get their name. */
function oneLine(error: unknown): string {
  const message = LogDeliveryError.isInstance(error)
    ? error.message
    : `unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  return message.replace(/\s*\n\s*/g, " ");
}

if (require.main === module) {
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    environment: process.env,
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
