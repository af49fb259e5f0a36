/**
 * What `discover` prints: tables for people, one JSON document for programs. Pure: the
 * inventory in, text out.
 */
import { DESTINATIONS } from "../core/destinations";
import { CHAT_ACTIVE_STATE, destinationWords, sourceWords } from "../core/inventory";
import type { InventoryDestination, InventoryFlag } from "../core/inventory";
import type { ChatLoggingConfiguration } from "../ivschat/loggingConfigurations";
import type { EventSource, LogConfiguration } from "../types";
import type { InventoryPool } from "../core/inventory";
import type { Inventory } from "./discover";
import { destinationText, formatTable } from "./table";

function destinationCell(list: readonly LogConfiguration[], source: EventSource): string {
  return destinationText(list.find((candidate) => candidate.eventSource === source));
}

/** A fixed-width table, one pool per row (a REGION column when there are several), and a summary line per region. */
export function poolTable(pools: readonly InventoryPool[], regions: readonly string[]): string {
  const several = regions.length > 1;
  const lines = formatTable([
    [...(several ? ["REGION"] : []), "USER POOL ID", "NAME", "userNotification", "userAuthEvents"],
    ...pools.map((pool) => [
      ...(several ? [pool.region] : []),
      pool.userPoolId,
      pool.name,
      destinationCell(pool.logConfigurations, "userNotification"),
      destinationCell(pool.logConfigurations, "userAuthEvents"),
    ]),
  ]);
  lines.push("");
  for (const region of regions) {
    const inRegion = pools.filter((pool) => pool.region === region);
    const delivering = inRegion.filter((pool) => pool.logConfigurations.length > 0).length;
    lines.push(`${inRegion.length} user pools in ${region}, ${delivering} with log delivery.`);
  }
  return lines.join("\n");
}

/** `CloudWatch Logs /ivs/chat`, `S3 bucket`, `Firehose stream`, or `unknown`. */
function chatDestinationText(configuration: ChatLoggingConfiguration): string {
  const destination = configuration.destination;
  return destination
    ? `${DESTINATIONS[destination.property].label} ${destination.name}`
    : "unknown";
}

function tagsText(tags: Readonly<Record<string, string>>): string {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "-" : entries.map(([key, value]) => `${key}=${value}`).join(",");
}

/** One row per IVS Chat logging configuration, and a summary line per region. */
export function chatTable(
  configurations: readonly ChatLoggingConfiguration[],
  regions: readonly string[],
): string {
  const lines = formatTable([
    ["ARN", "ID", "NAME", "STATE", "DESTINATION", "TAGS", "CREATED", "UPDATED"],
    ...configurations.map((configuration) => [
      configuration.arn,
      configuration.id,
      configuration.name || "-",
      configuration.state,
      chatDestinationText(configuration),
      tagsText(configuration.tags),
      configuration.createTime ?? "-",
      configuration.updateTime ?? "-",
    ]),
  ]);
  lines.push("");
  for (const region of regions) {
    const inRegion = configurations.filter((configuration) => configuration.region === region);
    const inactive = inRegion.filter((configuration) => configuration.state !== CHAT_ACTIVE_STATE);
    lines.push(
      `${inRegion.length} IVS Chat logging configurations in ${region}, ${inactive.length} not ACTIVE.`,
    );
  }
  return lines.join("\n");
}

/** One block per destination: its first row names it, the others list its further sources. */
export function destinationTable(destinations: readonly InventoryDestination[]): string {
  const rows: string[][] = [["DESTINATION", "ARN", "SOURCES", "MATCH"]];
  for (const destination of destinations) {
    destination.sources.forEach((source, index) => {
      rows.push(
        index === 0
          ? [
              destinationWords(destination),
              destination.arn ?? "(account unknown)",
              sourceWords(source),
              destination.sources.length === 1
                ? "-"
                : destination.certain
                  ? "certain"
                  : "UNCERTAIN",
            ]
          : ["", "", sourceWords(source), ""],
      );
    });
  }
  const lines = formatTable(rows);
  lines.push("", `${destinations.length} destinations.`);
  return lines.join("\n");
}

/** Flags of one kind beyond this many are summed up in one line (the JSON lists each). */
const FLAGS_SHOWN_PER_KIND = 5;

/** The flags as a closing paragraph, many of a kind summed up in one line. */
export function flagsText(flags: readonly InventoryFlag[]): string {
  if (flags.length === 0) {
    return "Nothing needs attention.";
  }
  const lines: string[] = [];
  const kinds = [...new Set(flags.map((flag) => flag.kind))];
  for (const kind of kinds) {
    const ofKind = flags.filter((flag) => flag.kind === kind);
    if (ofKind.length <= FLAGS_SHOWN_PER_KIND) {
      lines.push(...ofKind.map((flag) => `  - ${flag.message}`));
    } else {
      lines.push(
        ...ofKind.slice(0, FLAGS_SHOWN_PER_KIND - 1).map((flag) => `  - ${flag.message}`),
        `  - ... and ${ofKind.length - (FLAGS_SHOWN_PER_KIND - 1)} more like these (--json lists every one)`,
      );
    }
  }
  return [`Needs attention (${flags.length}):`, ...lines].join("\n");
}

/** The whole listing for people: the services' tables (or the destinations'), then the flags. */
export function inventoryText(
  inventory: Inventory,
  destinations: readonly InventoryDestination[],
  flags: readonly InventoryFlag[],
  byDestination: boolean,
): string {
  const sections = byDestination
    ? [destinationTable(destinations)]
    : [
        ...(inventory.services.includes("cognito")
          ? [poolTable(inventory.userPools, inventory.regions)]
          : []),
        ...(inventory.services.includes("ivschat")
          ? [chatTable(inventory.chatConfigurations, inventory.regions)]
          : []),
      ];
  return [...sections, flagsText(flags)].join("\n\n");
}

/** IVS Chat's own union, as the API writes it, beside our flat `destination`. */
function chatJson(configuration: ChatLoggingConfiguration): object {
  const destination = configuration.destination;
  const row = destination && DESTINATIONS[destination.property];
  return {
    region: configuration.region,
    arn: configuration.arn,
    id: configuration.id,
    name: configuration.name,
    state: configuration.state,
    destination: row ? { kind: row.kind, name: destination.name } : null,
    destinationConfiguration: row
      ? { [row.ivsChat.member]: { [row.ivsChat.field]: destination.name } }
      : null,
    tags: configuration.tags,
    createTime: configuration.createTime ?? null,
    updateTime: configuration.updateTime ?? null,
  };
}

/**
 * The listing as one JSON document: the regions and services asked for, both lists (or
 * the destinations), and the flags. `region` is kept for one region, as before.
 */
export function inventoryJson(
  inventory: Inventory,
  destinations: readonly InventoryDestination[],
  flags: readonly InventoryFlag[],
  byDestination: boolean,
): string {
  const [only] = inventory.regions;
  const document = {
    ...(inventory.regions.length === 1 && { region: only }),
    regions: inventory.regions,
    services: inventory.services,
    ...(byDestination
      ? { destinations }
      : {
          ...(inventory.services.includes("cognito") && { userPools: inventory.userPools }),
          ...(inventory.services.includes("ivschat") && {
            ivsChatLoggingConfigurations: inventory.chatConfigurations.map(chatJson),
          }),
        }),
    flags,
  };
  return JSON.stringify(document, null, 2);
}
