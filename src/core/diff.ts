/**
 * The diff between what the engine recorded (the old outputs) and what the program
 * declares now (canonical inputs from `check`). Pure: order of entries never matters,
 * only a real change reports `changes: true`, and another pool or region replaces. Any
 * value, however malformed or deeply nested, gives an answer, never an exception.
 */
import { canonicalList, destinationOf } from "./canonical";
import { regionOfUserPoolId } from "./regions";
import { containsUnknown, isRecord, isUnknown, samePlainData } from "./values";

/** What the dynamic provider's `diff` returns to the engine. */
export interface LogDeliveryDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** Compares the recorded outputs with the new canonical inputs. */
export function diffLogDelivery(olds: unknown, news: unknown): LogDeliveryDiff {
  const old = isRecord(olds) ? olds : {};
  const declared = isRecord(news) ? news : {};
  const replaces: string[] = [];
  if (isUnknown(declared["userPoolId"]) || old["userPoolId"] !== declared["userPoolId"]) {
    replaces.push("userPoolId");
  }
  const newRegion = addressedRegion(declared);
  if (
    newRegion === undefined ? declared["region"] !== undefined : newRegion !== addressedRegion(old)
  ) {
    replaces.push("region");
  }
  const changes =
    replaces.length > 0 ||
    !sameLogConfigurations(old["logConfigurations"], declared["logConfigurations"]);
  // Replacing moves the delivery to another pool: the new one can be set before the old
  // one is cleared, as they are different pools.
  return { changes, replaces, deleteBeforeReplace: false };
}

/**
 * The region recorded or declared: `region` when it is a known string, else the ID's
 * region prefix (states written before `region` was an output lack it).
 */
function addressedRegion(properties: Record<string, unknown>): string | undefined {
  const region = properties["region"];
  if (typeof region === "string" && !isUnknown(region)) {
    return region;
  }
  if (region !== undefined && region !== null) {
    return undefined;
  }
  const userPoolId = properties["userPoolId"];
  if (typeof userPoolId !== "string" || isUnknown(userPoolId)) {
    return undefined;
  }
  return regionOfUserPoolId(userPoolId);
}

/**
 * True when two lists configure the same delivery, whatever their order. A list that is
 * still partly unknown (preview) is never the same: the engine then shows the change.
 */
export function sameLogConfigurations(left: unknown, right: unknown): boolean {
  if (
    !Array.isArray(left) ||
    !Array.isArray(right) ||
    left.length !== right.length ||
    !left.every(isRecord) ||
    !right.every(isRecord) ||
    containsUnknown(left) ||
    containsUnknown(right)
  ) {
    return false;
  }
  const leftEffects = canonicalList(left).map(effectOf);
  const rightEffects = canonicalList(right).map(effectOf);
  return leftEffects.every((effect, index) => samePlainData(effect, rightEffects[index]));
}

/** What identifies an entry's effect: its source, level and single destination. */
function effectOf(entry: Record<string, unknown>): unknown[] {
  const destination = destinationOf(entry);
  return [entry["eventSource"], entry["logLevel"], destination?.property, destination?.arn];
}
