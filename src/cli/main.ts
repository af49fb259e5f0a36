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
import { destinationsOf, inventoryFlags } from "../core/inventory";
import { LogDeliveryError, UsageError } from "../errors";
import { IvsChatClients } from "../ivschat/clients";
import { NO_CONFIG, readSettings } from "../settings";
import { adoptableChatConfigurations, chatAdoptionSource, chatImportFile } from "./adoption";
import { ADOPTION_LANGUAGE_ROWS } from "./adoptionLanguages";
import { EXIT_FLAGGED, USAGE, parseArguments } from "./arguments";
import type { DiscoverOptions, HistoryOptions } from "./arguments";
import { discoverInventory } from "./discover";
import type { Inventory, InventoryClients } from "./discover";
import { inventoryJson, inventoryText } from "./discoverOutput";
import { regionHistory } from "./history";
import { historyJson, historyTable } from "./historyOutput";

/** Where the command writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  environment: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The wall clock, for `history --since` (tests pass their own). */
  now?: () => Date;
}

/**
 * Exit codes: 1 when AWS or the environment failed, 2 when the command line is wrong (3:
 * `discover --fail-on-flags` found something that needs attention).
 */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/** Progress lines for reading configurations: one per this many pools. */
const PROGRESS_EVERY = 25;

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const clients: {
    cognito?: CognitoClients;
    cloudTrail?: CloudTrailClients;
    ivsChat?: IvsChatClients;
  } = {};
  try {
    const now = (io.now ?? (() => new Date()))();
    const options = parseArguments(argv, io.environment, now);
    if (options === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const { pacing, attribution, ivsChat } = readSettings(NO_CONFIG, io.environment);
    if (options.command === "discover") {
      if (options.services.includes("cognito")) {
        clients.cognito = new CognitoClients({ pacing, environment: io.environment });
      }
      if (options.services.includes("ivschat")) {
        clients.ivsChat = new IvsChatClients({
          readsPerSecond: ivsChat.readsPerSecond,
          environment: io.environment,
        });
      }
      return await discover(options, clients, io);
    }
    clients.cognito = new CognitoClients({ pacing, environment: io.environment });
    clients.cloudTrail = new CloudTrailClients({
      lookupsPerSecond: attribution.lookupsPerSecond,
      environment: io.environment,
    });
    await history(options, { cognito: clients.cognito, cloudTrail: clients.cloudTrail }, io);
    return 0;
  } catch (error) {
    io.stderr(`pulumi-cognito-log-delivery: ${oneLine(error)}\n`);
    return UsageError.isInstance(error) ? EXIT_USAGE : EXIT_FAILURE;
  } finally {
    clients.cognito?.destroy();
    clients.cloudTrail?.destroy();
    clients.ivsChat?.destroy();
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

/** Lists, prints, writes the adoption files when asked; the exit code says whether anything was flagged. */
async function discover(
  options: DiscoverOptions,
  clients: InventoryClients,
  io: CliIo,
): Promise<number> {
  const chosen = options.adopt.kind === "chosen" ? options.adopt : undefined;
  const inventory = await discoverInventory(
    clients,
    {
      regions: options.regions,
      services: options.services,
      ...(chosen && {
        onlyUserPoolIds: chosen.userPoolIds,
        onlyChatIdentifiers: chosen.chatIdentifiers,
      }),
    },
    {
      listed: (region, count) => io.stderr(`listed ${count} user pools in ${region}\n`),
      read: (region, done, total) => {
        if (done === total || done % PROGRESS_EVERY === 0) {
          io.stderr(`read ${done}/${total} log delivery configurations in ${region}\n`);
        }
      },
      listedChat: (region, count) =>
        io.stderr(`listed ${count} IVS Chat logging configurations in ${region}\n`),
      vanished: (region, userPoolId) =>
        io.stderr(`user pool ${userPoolId} in ${region} was deleted while listing; left out\n`),
    },
  );
  const destinations = destinationsOf(inventory.userPools, inventory.chatConfigurations);
  const flags = inventoryFlags(inventory.userPools, inventory.chatConfigurations, destinations);
  const render = options.json ? inventoryJson : inventoryText;
  io.stdout(`${render(inventory, destinations, flags, options.byDestination)}\n`);
  if (options.adopt.kind !== "none") {
    await writeAdoption(inventory, options, io);
  }
  if (options.failOnFlags && flags.length > 0) {
    io.stderr(`${flags.length} things need attention (--fail-on-flags): exit ${EXIT_FLAGGED}\n`);
    return EXIT_FLAGGED;
  }
  return 0;
}

/** Writes each service's import file and TypeScript, only for what was listed. */
async function writeAdoption(
  inventory: Inventory,
  options: DiscoverOptions,
  io: CliIo,
): Promise<void> {
  const pools = inventory.userPools;
  const chats = adoptableChatConfigurations(inventory.chatConfigurations);
  if (pools.length === 0 && chats.length === 0) {
    io.stderr(`nothing to adopt in ${options.regions.join(", ")}; nothing written\n`);
    return;
  }
  const directory = path.resolve(io.cwd, options.outDirectory);
  const relative = (file: string) => path.relative(io.cwd, file) || file;
  fs.mkdirSync(directory, { recursive: true });
  if (pools.length > 0) {
    const language = ADOPTION_LANGUAGE_ROWS[options.language];
    const importPath = path.join(directory, "import.json");
    const sourcePath = path.join(directory, language.sourceFile);
    fs.writeFileSync(importPath, `${JSON.stringify(language.importFile(pools), null, 2)}\n`);
    fs.writeFileSync(sourcePath, language.source(pools, relative(importPath)));
    io.stderr(
      `wrote ${relative(importPath)} and ${relative(sourcePath)} for ${pools.length} user pools; next: ` +
        `pulumi import --file ${relative(importPath)} --generate-code=false --protect=false --yes, then add the resources to your program\n`,
    );
  }
  if (chats.length > 0) {
    const importPath = path.join(directory, "ivschat-import.json");
    const sourcePath = path.join(directory, "chatLoggingConfigurations.ts");
    fs.writeFileSync(importPath, `${JSON.stringify(chatImportFile(chats), null, 2)}\n`);
    fs.writeFileSync(sourcePath, chatAdoptionSource(chats, relative(importPath)));
    io.stderr(
      `wrote ${relative(importPath)} and ${relative(sourcePath)} for ${chats.length} IVS Chat logging configurations; next: ` +
        `pulumi import --file ${relative(importPath)} --generate-code=false --protect=false --yes (needs the AWS provider plugin), then add the resources to your program\n`,
    );
    if (options.language !== "typescript") {
      io.stderr(
        `the IVS Chat declarations are TypeScript (@pulumi/aws's aws.ivschat.LoggingConfiguration); its import file serves any language: declare the same resources in ${options.language} with the AWS package\n`,
      );
    }
  }
  const unknown = inventory.chatConfigurations.length - chats.length;
  if (unknown > 0) {
    io.stderr(
      `${unknown} IVS Chat logging configurations have a destination this version does not know; not adopted\n`,
    );
  }
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
