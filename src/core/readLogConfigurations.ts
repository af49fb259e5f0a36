/**
 * Reading `logConfigurations`: each entry's event source, log level and destination,
 * checked against the event-source and destination tables, and the list in canonical form.
 */
import type { EventSource } from "../types";
import { MAX_LOG_CONFIGURATIONS } from "./apiModel";
import { canonicalEntry, sortedByEventSource } from "./canonical";
import { DESTINATION_PROPERTIES } from "./destinations";
import { EVENT_SOURCES, EVENT_SOURCE_DELIVERY, isEventSource } from "./eventSources";
import type { FailureCollector } from "./failures";
import { readDestinations } from "./readDestinations";
import { closestName, quotedAlternatives } from "./suggest";
import { reportUnknownKeys } from "./unknownKeys";
import { isRecord, isUnknown, quoteValue } from "./values";

const ENTRY_KEYS = ["eventSource", "logLevel", ...DESTINATION_PROPERTIES];

/** Reads the list; returns its canonical form, or undefined when it is not a list. */
export function readLogConfigurations(
  list: unknown,
  poolRegion: string | undefined,
  failures: FailureCollector,
): unknown[] | undefined {
  if (isUnknown(list)) {
    return undefined;
  }
  if (!Array.isArray(list)) {
    failures.add(
      "logConfigurations",
      `is required: a list of at most ${MAX_LOG_CONFIGURATIONS} entries, one per event source, or [] to declare that the pool delivers no logs.`,
    );
    return undefined;
  }
  if (list.length > MAX_LOG_CONFIGURATIONS) {
    failures.add(
      "logConfigurations",
      `has ${list.length} entries; Cognito accepts at most ${MAX_LOG_CONFIGURATIONS}, one per event source (${quotedAlternatives(EVENT_SOURCES)}).`,
    );
  }
  const firstIndexOfSource = new Map<string, number>();
  list.forEach((entry: unknown, index) => {
    const path = `logConfigurations[${index}]`;
    readEntry(entry, path, poolRegion, failures);
    const source = isRecord(entry) ? entry["eventSource"] : undefined;
    if (typeof source !== "string" || isUnknown(source)) {
      return;
    }
    const first = firstIndexOfSource.get(source);
    if (first === undefined) {
      firstIndexOfSource.set(source, index);
    } else {
      failures.add(
        `${path}.eventSource`,
        `"${source}" is already configured in logConfigurations[${first}]; Cognito accepts one entry per event source: keep one of the two.`,
      );
    }
  });
  return sortedByEventSource(list.map(canonicalEntry));
}

function readEntry(
  entry: unknown,
  path: string,
  poolRegion: string | undefined,
  failures: FailureCollector,
): void {
  if (isUnknown(entry)) {
    return;
  }
  if (!isRecord(entry)) {
    failures.add(
      path,
      `must be an object such as { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:…" } }.`,
    );
    return;
  }
  reportUnknownKeys(entry, ENTRY_KEYS, `${path}.`, failures);
  const eventSource = readEventSource(entry["eventSource"], path, failures);
  readLogLevel(entry["logLevel"], eventSource, path, failures);
  readDestinations(entry, eventSource, path, poolRegion, failures);
}

function readEventSource(
  value: unknown,
  path: string,
  failures: FailureCollector,
): EventSource | undefined {
  if (isUnknown(value)) {
    return undefined;
  }
  if (isEventSource(value)) {
    return value;
  }
  const choices = EVENT_SOURCES.map(
    (source) => `"${source}" (${EVENT_SOURCE_DELIVERY[source].description})`,
  ).join(" or ");
  const suggestion = typeof value === "string" ? closestName(value, EVENT_SOURCES) : undefined;
  failures.add(
    `${path}.eventSource`,
    value === undefined || value === null
      ? `is required: write ${choices}.`
      : `${quoteValue(value)} is not an event source: write ${suggestion ? `"${suggestion}"` : choices}.`,
  );
  return undefined;
}

function readLogLevel(
  value: unknown,
  eventSource: EventSource | undefined,
  path: string,
  failures: FailureCollector,
): void {
  if (isUnknown(value)) {
    return;
  }
  const property = `${path}.logLevel`;
  if (eventSource) {
    const required = EVENT_SOURCE_DELIVERY[eventSource].logLevel;
    if (value !== required) {
      const given =
        value === undefined || value === null ? "is required" : `is ${quoteValue(value)}`;
      failures.add(
        property,
        `${given}; ${eventSource} logs are delivered at level "${required}" only: write logLevel: "${required}".`,
      );
    }
    return;
  }
  const validLevels: unknown[] = EVENT_SOURCES.map(
    (source) => EVENT_SOURCE_DELIVERY[source].logLevel,
  );
  if (!validLevels.includes(value)) {
    const choices = EVENT_SOURCES.map(
      (source) => `"${EVENT_SOURCE_DELIVERY[source].logLevel}" for ${source}`,
    );
    failures.add(property, `must be ${choices.join(" or ")}.`);
  }
}
