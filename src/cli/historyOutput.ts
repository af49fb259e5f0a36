/** What `history` prints: a table for people, one JSON array for programs. */
import type { LogConfiguration } from "../types";
import type { HistoryRow } from "./history";
import { destinationText, formatTable } from "./table";

/** A configuration in a table cell: `userNotification CloudWatch Logs x; …`, `none`, or `?`. */
function configurationText(list: readonly LogConfiguration[] | undefined): string {
  if (list === undefined) {
    return "?";
  }
  if (list.length === 0) {
    return "none";
  }
  return list.map((entry) => `${entry.eventSource} ${destinationText(entry)}`).join("; ");
}

/** A fixed-width table, newest first, and a summary line. */
export function historyTable(rows: readonly HistoryRow[], region: string, since: Date): string {
  const window = `in ${region} since ${since.toISOString()}`;
  if (rows.length === 0) {
    return `No log delivery changes ${window} (CloudTrail records a call within about 5 to 15 minutes).`;
  }
  const lines = formatTable([
    ["TIME", "USER POOL", "NAME", "WHO", "VIA", "BY", "CHANGE (before → after)"],
    ...rows.map(({ change, userPoolName, before, after }) => [
      change.eventTime,
      change.userPoolId,
      userPoolName ?? "(deleted)",
      change.principalArn ?? change.identityType,
      change.via,
      change.byThisPackage ? "this package" : "outside",
      `${configurationText(before)} → ${configurationText(after)}`,
    ]),
  ]);
  const outside = rows.filter((row) => !row.change.byThisPackage).length;
  lines.push(
    "",
    `${rows.length} changes ${window}, ${outside} made outside this package. "?": not in the window or not recorded.`,
  );
  return lines.join("\n");
}

/** The entries of the JSON array. */
export interface HistoryJsonEntry {
  userPoolId: string;
  /** Null when the pool no longer exists. */
  userPoolName: string | null;
  region: string | null;
  eventTime: string;
  principalArn: string | null;
  roleArn: string | null;
  identityType: string;
  via: string;
  byThisPackage: boolean;
  eventId: string;
  userAgent: string;
  /** Null when unknown (the previous change is outside the window, or not readable). */
  before: LogConfiguration[] | null;
  after: LogConfiguration[] | null;
}

/** One JSON array, newest first. */
export function historyJson(rows: readonly HistoryRow[]): string {
  const entries: HistoryJsonEntry[] = rows.map(({ change, userPoolName, before, after }) => ({
    userPoolId: change.userPoolId,
    userPoolName: userPoolName ?? null,
    region: change.region ?? null,
    eventTime: change.eventTime,
    principalArn: change.principalArn ?? null,
    roleArn: change.roleArn ?? null,
    identityType: change.identityType,
    via: change.via,
    byThisPackage: change.byThisPackage,
    eventId: change.eventId,
    userAgent: change.userAgent,
    before: before ?? null,
    after: after ?? null,
  }));
  return JSON.stringify(entries, null, 2);
}
