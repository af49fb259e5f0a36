/** What `discover` prints: a table for people, JSON for programs. */
import { parseArn } from "../core/arn";
import { destinationOf } from "../core/canonical";
import { DESTINATIONS } from "../core/destinations";
import type { EventSource, LogConfiguration } from "../types";
import type { DiscoveredPool } from "./discover";

/** `CloudWatch Logs /aws/vendedlogs/x`, `S3 my-bucket`, `Firehose my-stream`, or `-`. */
function destinationCell(list: readonly LogConfiguration[], source: EventSource): string {
  const entry = list.find((candidate) => candidate.eventSource === source);
  const destination = entry && destinationOf(entry);
  if (!destination) {
    return "-";
  }
  const { label, resourceName } = DESTINATIONS[destination.property];
  const resource = parseArn(destination.arn)?.resource;
  return `${label} ${resource === undefined ? destination.arn : resourceName(resource)}`;
}

/** A fixed-width table, one pool per row, and a summary line. */
export function poolTable(pools: readonly DiscoveredPool[], region: string): string {
  const rows = [
    ["USER POOL ID", "NAME", "userNotification", "userAuthEvents"],
    ...pools.map((pool) => [
      pool.userPoolId,
      pool.name,
      destinationCell(pool.logConfigurations, "userNotification"),
      destinationCell(pool.logConfigurations, "userAuthEvents"),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
  const delivering = pools.filter((pool) => pool.logConfigurations.length > 0).length;
  lines.push("", `${pools.length} user pools in ${region}, ${delivering} with log delivery.`);
  return lines.join("\n");
}

/** The listing as JSON. */
export function poolJson(pools: readonly DiscoveredPool[], region: string): string {
  return JSON.stringify({ region, userPools: pools }, null, 2);
}
