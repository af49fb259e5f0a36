/**
 * The one reading of a resource's untyped inputs. A single pass turns the property bag
 * into canonical inputs (what `check` returns, and the engine stores and diffs), failures
 * (each names the property path and says what to write instead), and, when there are no
 * failures and nothing is still unknown, the typed desired state that create and update
 * apply. Values still unknown during preview are skipped. It reads only the shape it knows,
 * so no value, however deeply nested, can make it throw.
 */
import type { DestinationProperty, EventSource, LogConfiguration, LogLevel } from "../types";
import { MAX_LOG_CONFIGURATIONS, USER_POOL_ID_MAX_LENGTH, USER_POOL_ID_PATTERN } from "./apiModel";
import { canonicalEntry, sortedByEventSource } from "./canonical";
import { destinationArnProblem } from "./destinationArn";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "./destinations";
import { EVENT_SOURCES, EVENT_SOURCE_DELIVERY, isEventSource } from "./eventSources";
import { FailureCollector } from "./failures";
import type { CheckFailure } from "./failures";
import { isRegionName, poolRegion, regionOfUserPoolId } from "./regions";
import { closestName, quotedAlternatives } from "./suggest";
import { containsUnknown, isRecord, isUnknown, quoteValue } from "./values";

/** A user pool and the region it is addressed in. */
export interface PoolAddress {
  userPoolId: string;
  region: string;
}

/** What create and update apply: the pool, and its whole configuration in canonical form. */
export interface DesiredState {
  pool: PoolAddress;
  logConfigurations: LogConfiguration[];
}

/** The result of reading a resource's inputs. */
export interface InputsReading {
  /** The canonical inputs; anything not understood is passed through unchanged. */
  inputs: Record<string, unknown>;
  failures: readonly CheckFailure[];
  /** Present when there are no failures and every value is known. */
  desired: DesiredState | undefined;
}

/** Keys Pulumi itself adds to a dynamic resource's inputs. */
const PULUMI_KEYS = ["__provider"];
const TOP_LEVEL_KEYS = ["userPoolId", "logConfigurations", "region"];
const ENTRY_KEYS = ["eventSource", "logLevel", ...DESTINATION_PROPERTIES];

/** Reads a resource's inputs once: canonical form, failures, desired state. */
export function readInputs(properties: unknown): InputsReading {
  const bag = isRecord(properties) ? properties : {};
  const failures = new FailureCollector();
  reportUnknownKeys(bag, TOP_LEVEL_KEYS, "", failures, PULUMI_KEYS);
  const pool = readPool(bag, failures);
  const list = readLogConfigurations(bag["logConfigurations"], pool.regionOfDestinations, failures);

  const inputs: Record<string, unknown> = { ...bag };
  if (list !== undefined) {
    inputs["logConfigurations"] = list;
  }
  if (pool.storedRegion !== undefined) {
    inputs["region"] = pool.storedRegion;
  }
  const complete = failures.count === 0 && !containsUnknown(inputs);
  return {
    inputs,
    failures: failures.failures,
    desired: complete ? desiredStateOf(inputs) : undefined,
  };
}

/** Only called on inputs read without failures and fully known. */
function desiredStateOf(inputs: Record<string, unknown>): DesiredState {
  const userPoolId = inputs["userPoolId"] as string;
  const region = inputs["region"] as string | undefined;
  return {
    pool: { userPoolId, region: poolRegion(userPoolId, region) },
    logConfigurations: (inputs["logConfigurations"] as Record<string, unknown>[]).map(typedEntry),
  };
}

function typedEntry(entry: Record<string, unknown>): LogConfiguration {
  const typed: LogConfiguration = {
    eventSource: entry["eventSource"] as EventSource,
    logLevel: entry["logLevel"] as LogLevel,
  };
  for (const property of DESTINATION_PROPERTIES) {
    const destination = entry[property];
    if (isRecord(destination)) {
      const field = DESTINATIONS[property].field;
      Object.assign(typed, { [property]: { [field]: destination[field] } });
    }
  }
  return typed;
}

/** What is known of the pool's region after reading `userPoolId` and `region`. */
interface PoolReading {
  /** The `region` stored in the canonical inputs: the one given, else the ID's prefix. */
  storedRegion: string | undefined;
  /** The region destinations must be in, when known and valid. */
  regionOfDestinations: string | undefined;
}

function readPool(bag: Record<string, unknown>, failures: FailureCollector): PoolReading {
  const userPoolId = bag["userPoolId"];
  const region = bag["region"];
  const idProblem = userPoolIdProblem(userPoolId);
  if (idProblem) {
    failures.add("userPoolId", idProblem);
  }
  const knownId = typeof userPoolId === "string" && !isUnknown(userPoolId) ? userPoolId : undefined;
  const idRegion = knownId === undefined ? undefined : regionOfUserPoolId(knownId);
  // A valid ID's prefix that is not a region name needs an explicit region.
  const validIdPrefix = knownId !== undefined && !idProblem;

  if (region === undefined || region === null) {
    if (validIdPrefix && idRegion === undefined) {
      failures.add(
        "region",
        `is required for the pool "${knownId}": its ID does not start with a region name, so set region to the region the pool is in, e.g. "us-east-1".`,
      );
    }
    return { storedRegion: idRegion, regionOfDestinations: validIdPrefix ? idRegion : undefined };
  }
  if (isUnknown(region)) {
    return { storedRegion: undefined, regionOfDestinations: undefined };
  }
  const storedRegion = typeof region === "string" ? region : undefined;
  if (typeof region !== "string" || !isRegionName(region)) {
    const prefixHint =
      validIdPrefix && idRegion ? `, or left out to use the pool's region "${idRegion}"` : "";
    failures.add("region", `must be a region name such as "us-east-1"${prefixHint}.`);
    return { storedRegion, regionOfDestinations: undefined };
  }
  if (validIdPrefix && idRegion !== undefined && region !== idRegion) {
    failures.add(
      "region",
      `is "${region}", but the pool ${knownId} is in ${idRegion} (a pool ID starts with its region): remove region or set it to "${idRegion}".`,
    );
  }
  return { storedRegion, regionOfDestinations: region };
}

function userPoolIdProblem(userPoolId: unknown): string | undefined {
  const example = `e.g. "us-east-1_AbCdEf123" (aws.cognito.UserPool's \`id\`)`;
  if (isUnknown(userPoolId)) {
    return undefined;
  }
  if (typeof userPoolId !== "string" || userPoolId.length === 0) {
    return `is required: the ID of the user pool, ${example}.`;
  }
  const arnMatch = /^arn:[^:]+:cognito-idp:[^:]*:[^:]*:userpool\/(.+)$/.exec(userPoolId);
  if (arnMatch) {
    return `is a user pool ARN; write the pool's ID "${arnMatch[1]}" instead.`;
  }
  if (userPoolId.length > USER_POOL_ID_MAX_LENGTH) {
    return `is ${userPoolId.length} characters long; a user pool ID has at most ${USER_POOL_ID_MAX_LENGTH}, ${example}.`;
  }
  if (!USER_POOL_ID_PATTERN.test(userPoolId)) {
    return `"${userPoolId}" is not a user pool ID: write <region>_<id>, ${example}.`;
  }
  return undefined;
}

/** Reads the list; returns its canonical form, or undefined when it is not a list. */
function readLogConfigurations(
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

function readDestinations(
  entry: Record<string, unknown>,
  eventSource: EventSource | undefined,
  path: string,
  poolRegion: string | undefined,
  failures: FailureCollector,
): void {
  const present = DESTINATION_PROPERTIES.filter(
    (property) => entry[property] !== undefined && entry[property] !== null,
  );
  const allowed = eventSource
    ? EVENT_SOURCE_DELIVERY[eventSource].destinations
    : DESTINATION_PROPERTIES;
  const allowedText = allowed
    .map((property) => `${property}.${DESTINATIONS[property].field}`)
    .join(", ");
  if (present.length === 0) {
    // AWS answers such an entry with "Following event sources in request have no destination."
    const choice = allowed.length === 1 ? allowedText : `exactly one of ${allowedText}`;
    failures.add(path, `has no destination: set ${choice}.`);
    return;
  }
  if (present.length > 1) {
    failures.add(
      path,
      `sets ${present.length} destinations (${present.join(", ")}); Cognito delivers each event source to exactly one: keep one of them.`,
    );
  }
  for (const property of present) {
    if (eventSource && !allowed.includes(property)) {
      failures.add(
        `${path}.${property}`,
        `cannot be used for ${eventSource}: ${eventSource} logs go to ${allowedText} only (${DESTINATIONS[property].title}s take userAuthEvents, which needs the Plus feature plan).`,
      );
      continue;
    }
    readDestination(property, entry[property], `${path}.${property}`, poolRegion, failures);
  }
}

function readDestination(
  property: DestinationProperty,
  value: unknown,
  path: string,
  poolRegion: string | undefined,
  failures: FailureCollector,
): void {
  const destination = DESTINATIONS[property];
  if (isUnknown(value)) {
    return;
  }
  if (!isRecord(value)) {
    failures.add(path, `must be an object: { ${destination.field}: "${destination.arnShape}" }.`);
    return;
  }
  reportUnknownKeys(value, [destination.field], `${path}.`, failures);
  const arn = value[destination.field];
  const arnPath = `${path}.${destination.field}`;
  if (isUnknown(arn)) {
    return;
  }
  if (typeof arn !== "string" || arn.length === 0) {
    failures.add(
      arnPath,
      `is required: the ARN of the ${destination.title}, ${destination.arnShape} (${destination.pulumiSource}).`,
    );
    return;
  }
  const problem = destinationArnProblem(destination, arn, poolRegion);
  if (problem) {
    failures.add(arnPath, problem);
  }
}

function reportUnknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  pathPrefix: string,
  failures: FailureCollector,
  ignored: readonly string[] = [],
): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key) || ignored.includes(key)) {
      continue;
    }
    const suggestion = closestName(key, allowed);
    failures.add(
      `${pathPrefix}${key}`,
      suggestion
        ? `is not a known property; did you mean "${suggestion}"?`
        : `is not a known property; ${allowed.length === 1 ? "the only property here is" : "the properties here are"} ${allowed.join(", ")}.`,
    );
  }
}
