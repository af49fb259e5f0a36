/**
 * The history of a region's log delivery changes, as `history` shows it: every applied
 * SetLogDeliveryConfiguration, newest first, each with what the pool delivered before and
 * after. "After" is what the call set; "before" is what the pool's previous recorded call
 * set, so it is known only when that call is inside the window looked at and readable.
 * Pure.
 */
import type { LogConfiguration } from "../types";
import type { LogDeliveryChange } from "./changeRecord";

/** One applied change and its before → after. */
export interface HistoryEntry {
  change: LogDeliveryChange;
  /** Undefined when no earlier readable call on the pool is in the window. */
  before: LogConfiguration[] | undefined;
  /** Undefined when the record does not hold the configuration in a readable form. */
  after: LogConfiguration[] | undefined;
}

/**
 * The applied changes among `changes` (failed calls changed nothing and are left out),
 * newest first, for the pools in `onlyPools` when given.
 */
export function changeHistory(
  changes: readonly LogDeliveryChange[],
  onlyPools?: ReadonlySet<string>,
): HistoryEntry[] {
  const applied = changes
    .map((change, position) => ({ change, position, time: Date.parse(change.eventTime) }))
    .filter(
      ({ change }) =>
        change.errorCode === undefined && (!onlyPools || onlyPools.has(change.userPoolId)),
    )
    // Oldest first; CloudTrail lists newest first, so among equal times a later position is older.
    .sort((a, b) => a.time - b.time || b.position - a.position);
  const lastSet = new Map<string, LogConfiguration[] | undefined>();
  const entries: HistoryEntry[] = [];
  for (const { change } of applied) {
    entries.push({
      change,
      before: lastSet.get(change.userPoolId),
      after: change.logConfigurations,
    });
    lastSet.set(change.userPoolId, change.logConfigurations);
  }
  return entries.reverse();
}
