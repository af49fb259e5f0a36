/** What `discover` prints: a table for people, JSON for programs. */
import type { EventSource, LogConfiguration } from "../types";
import type { DiscoveredPool } from "./discover";
import { destinationText, formatTable } from "./table";

function destinationCell(list: readonly LogConfiguration[], source: EventSource): string {
  return destinationText(list.find((candidate) => candidate.eventSource === source));
}

/** A fixed-width table, one pool per row, and a summary line. */
export function poolTable(pools: readonly DiscoveredPool[], region: string): string {
  const lines = formatTable([
    ["USER POOL ID", "NAME", "userNotification", "userAuthEvents"],
    ...pools.map((pool) => [
      pool.userPoolId,
      pool.name,
      destinationCell(pool.logConfigurations, "userNotification"),
      destinationCell(pool.logConfigurations, "userAuthEvents"),
    ]),
  ]);
  const delivering = pools.filter((pool) => pool.logConfigurations.length > 0).length;
  lines.push("", `${pools.length} user pools in ${region}, ${delivering} with log delivery.`);
  return lines.join("\n");
}

/** The listing as JSON. */
export function poolJson(pools: readonly DiscoveredPool[], region: string): string {
  return JSON.stringify({ region, userPools: pools }, null, 2);
}
