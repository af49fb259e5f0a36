/**
 * The canonical form of a log delivery: what `check` stores as inputs, what `read`
 * reports, and what `diff` compares. Two configurations that AWS treats as the same
 * have the same canonical form:
 * - entries in a fixed order (by event source), because AWS does not keep the order
 *   (Terraform #43550, #49202: "by design", per AWS Support);
 * - destination ARNs as AWS accepts them (a log group ARN without a trailing `:*`,
 *   aws-cdk #31241);
 * - only the destination that is set, no empty or null ones.
 * Values still unknown during preview, and values that are not understood, are kept as
 * they are. This form is stored in every stack's state: changing it by a byte would show
 * every existing resource as changed (tests/unit/core/goldenCorpus.test.ts guards it).
 */
import type { DestinationProperty, LogConfiguration } from "../types";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "./destinations";
import { EVENT_SOURCES } from "./eventSources";
import { isRecord } from "./values";

/** One entry in canonical form; an entry that is not an object is kept as it is. */
export function canonicalEntry<T>(entry: T): T {
  if (!isRecord(entry)) {
    return entry;
  }
  const canonical: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined || value === null) {
      continue;
    }
    canonical[key] = isDestinationProperty(key) ? canonicalDestination(key, value) : value;
  }
  return canonical as T;
}

function isDestinationProperty(key: string): key is DestinationProperty {
  return (DESTINATION_PROPERTIES as string[]).includes(key);
}

function canonicalDestination(property: DestinationProperty, destination: unknown): unknown {
  const { field, canonicalArn } = DESTINATIONS[property];
  if (!isRecord(destination) || typeof destination[field] !== "string") {
    return destination;
  }
  return { ...destination, [field]: canonicalArn(destination[field]) };
}

/** Stable sort by event source; entries whose source is unknown or unrecognised go last. */
export function sortedByEventSource<T>(list: readonly T[]): T[] {
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

/** A list in canonical form: each entry canonical, in canonical order. */
export function canonicalList<T>(list: readonly T[]): T[] {
  return sortedByEventSource(list.map(canonicalEntry));
}

/** Canonical form of a configuration known to be well-formed (as read from AWS). */
export function canonicalLogConfigurations(list: readonly LogConfiguration[]): LogConfiguration[] {
  return canonicalList(list);
}

/** The destination an entry sets: which property, and the ARN in it. */
export function destinationOf(
  entry: Record<string, unknown> | LogConfiguration,
): { property: DestinationProperty; arn: string } | undefined {
  for (const property of DESTINATION_PROPERTIES) {
    const destination = (entry as Record<string, unknown>)[property];
    const arn = isRecord(destination) ? destination[DESTINATIONS[property].field] : undefined;
    if (typeof arn === "string") {
      return { property, arn };
    }
  }
  return undefined;
}
