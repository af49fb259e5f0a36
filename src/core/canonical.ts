/**
 * The canonical form of a log delivery: what `check` stores as inputs, what `read`
 * reports, and what `diff` compares. Two configurations that AWS treats as the same
 * have the same canonical form:
 * - entries in a fixed order (by event source), because AWS does not keep the order
 *   (Terraform #43550, #49202: "by design", per AWS Support);
 * - log group ARNs without a trailing `:*`, which AWS rejects (aws-cdk #31241);
 * - only the destination that is set, no empty or null ones;
 * - `region` filled in from the pool ID when it can be told.
 * Values still unknown during preview are kept as they are.
 */
import type { LogConfiguration } from "../types";
import { regionPrefixOfUserPoolId, withoutLogGroupWildcard } from "./arn";
import { DESTINATION_PROPERTIES, DESTINATION_RULES, EVENT_SOURCES, REGION_PATTERN } from "./rules";
import { isRecord, isUnknown } from "./unknown";

/** Canonical inputs for `check`; anything it does not understand is passed through unchanged. */
export function canonicalInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const canonical: Record<string, unknown> = { ...inputs };
  const list = inputs["logConfigurations"];
  if (Array.isArray(list)) {
    canonical["logConfigurations"] = sortedByEventSource(list.map(canonicalEntry));
  }
  const region = effectiveRegion(inputs);
  if (region !== undefined) {
    canonical["region"] = region;
  }
  return canonical;
}

/** Canonical form of a configuration known to be well-formed (as read from AWS). */
export function canonicalLogConfigurations(list: readonly LogConfiguration[]): LogConfiguration[] {
  return sortedByEventSource(list.map(canonicalEntry)) as LogConfiguration[];
}

/**
 * The region the pool is addressed in: the explicit `region`, else the pool ID's prefix
 * when that is a region name; undefined while either is unknown.
 */
export function effectiveRegion(inputs: Record<string, unknown>): string | undefined {
  const region = inputs["region"];
  if (typeof region === "string" && !isUnknown(region)) {
    return region;
  }
  if (region !== undefined && region !== null) {
    return undefined;
  }
  const userPoolId = inputs["userPoolId"];
  if (typeof userPoolId !== "string" || isUnknown(userPoolId)) {
    return undefined;
  }
  const prefix = regionPrefixOfUserPoolId(userPoolId);
  return REGION_PATTERN.test(prefix) ? prefix : undefined;
}

function canonicalEntry<T>(entry: T): T {
  if (!isRecord(entry)) {
    return entry;
  }
  const canonical: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined || value === null) {
      continue;
    }
    canonical[key] = key === "cloudWatchLogsConfiguration" ? canonicalLogGroup(value) : value;
  }
  return canonical as T;
}

function canonicalLogGroup(destination: unknown): unknown {
  const field = DESTINATION_RULES.cloudWatchLogsConfiguration.field;
  if (!isRecord(destination) || typeof destination[field] !== "string") {
    return destination;
  }
  return { ...destination, [field]: withoutLogGroupWildcard(destination[field]) };
}

/** Stable sort by event source; entries whose source is unknown or unrecognised go last. */
function sortedByEventSource<T>(list: readonly T[]): T[] {
  const rank = (entry: T): number => {
    const source = isRecord(entry) ? entry["eventSource"] : undefined;
    const index = (EVENT_SOURCES as unknown[]).indexOf(source);
    return index === -1 ? EVENT_SOURCES.length : index;
  };
  return list
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.position - b.position)
    .map(({ entry }) => entry);
}

/** The destination an entry sets, for comparisons and messages. */
export function destinationOf(
  entry: LogConfiguration,
): { property: (typeof DESTINATION_PROPERTIES)[number]; arn: string } | undefined {
  for (const property of DESTINATION_PROPERTIES) {
    const destination = entry[property] as Record<string, unknown> | undefined;
    const arn = destination?.[DESTINATION_RULES[property].field];
    if (typeof arn === "string") {
      return { property, arn };
    }
  }
  return undefined;
}
