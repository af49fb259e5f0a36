/**
 * The diff between what the engine recorded (the old outputs) and what the program
 * declares now (canonical inputs from `check`). Pure: order of entries never matters,
 * only a real change reports `changes: true`, and another pool or region replaces.
 */
import type { LogConfiguration } from "../types";
import { canonicalLogConfigurations, destinationOf, effectiveRegion } from "./canonical";
import { containsUnknown, isRecord, isUnknown } from "./unknown";

/** What the dynamic provider's `diff` returns to the engine. */
export interface LogDeliveryDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** Compares the recorded outputs with the new canonical inputs. */
export function diffLogDelivery(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): LogDeliveryDiff {
  const replaces: string[] = [];
  if (isUnknown(news["userPoolId"]) || olds["userPoolId"] !== news["userPoolId"]) {
    replaces.push("userPoolId");
  }
  const newRegion = effectiveRegion(news);
  if (
    newRegion === undefined ? news["region"] !== undefined : newRegion !== effectiveRegion(olds)
  ) {
    replaces.push("region");
  }
  const changes =
    replaces.length > 0 ||
    !sameLogConfigurations(olds["logConfigurations"], news["logConfigurations"]);
  // Replacing moves the delivery to another pool: the new one can be set before the old
  // one is cleared, as they are different pools.
  return { changes, replaces, deleteBeforeReplace: false };
}

/**
 * True when two lists configure the same delivery, whatever their order. A list that is
 * still partly unknown (preview) is never the same: the engine then shows the change.
 */
export function sameLogConfigurations(left: unknown, right: unknown): boolean {
  if (
    containsUnknown(left) ||
    containsUnknown(right) ||
    !Array.isArray(left) ||
    !Array.isArray(right)
  ) {
    return false;
  }
  if (left.length !== right.length || !left.every(isRecord) || !right.every(isRecord)) {
    return false;
  }
  const keysOf = (list: Record<string, unknown>[]): string[] =>
    canonicalLogConfigurations(list as unknown as LogConfiguration[]).map(entryKey);
  const leftKeys = keysOf(left);
  const rightKeys = keysOf(right);
  return leftKeys.every((key, index) => key === rightKeys[index]);
}

/** What identifies an entry's effect: its source, level and single destination. */
function entryKey(entry: LogConfiguration): string {
  const destination = destinationOf(entry);
  return JSON.stringify([
    entry.eventSource,
    entry.logLevel,
    destination?.property,
    destination?.arn,
  ]);
}
