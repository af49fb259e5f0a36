/**
 * `history`: every log delivery change CloudTrail recorded in a region within a window,
 * newest first, with who, how, whether this package made it, and before → after. Reads
 * only: CloudTrail LookupEvents (paced, one sweep of the window) and ListUserPools for
 * the names of the pools that still exist.
 */
import type { CloudTrailClients } from "../cloudtrail/clients";
import { logDeliveryChanges } from "../cloudtrail/logDeliveryChanges";
import type { CognitoClients } from "../cognito/clients";
import { listUserPools } from "../cognito/userPools";
import { changeHistory } from "../core/changeHistory";
import type { HistoryEntry } from "../core/changeHistory";
import type { LogDeliveryChange } from "../core/changeRecord";

/** A change as `history` reports it: the entry, and the pool's name when it still exists. */
export interface HistoryRow extends HistoryEntry {
  /** Undefined when the pool no longer exists (deleted since). */
  userPoolName: string | undefined;
}

/** Progress for long windows. */
export interface HistoryProgress {
  page(eventsSoFar: number, pages: number): void;
  listed(poolsSoFar: number): void;
}

/** The changes in `region` since `since` (to CloudTrail's present), for `onlyPools` when not empty. */
export async function regionHistory(
  clients: { cloudTrail: CloudTrailClients; cognito: CognitoClients },
  region: string,
  since: Date,
  onlyPools: readonly string[],
  progress: HistoryProgress,
): Promise<HistoryRow[]> {
  const changes: LogDeliveryChange[] = [];
  let events = 0;
  let pages = 0;
  for await (const page of logDeliveryChanges(clients.cloudTrail, region, {
    start: since,
  })) {
    changes.push(...page.changes);
    events += page.events;
    progress.page(events, ++pages);
  }
  const entries = changeHistory(changes, onlyPools.length > 0 ? new Set(onlyPools) : undefined);
  if (entries.length === 0) {
    return [];
  }
  const names = new Map(
    (await listUserPools(clients.cognito, region, (count) => progress.listed(count))).map(
      (pool) => [pool.userPoolId, pool.name],
    ),
  );
  return entries.map((entry) => ({ ...entry, userPoolName: names.get(entry.change.userPoolId) }));
}
