/**
 * Everything about a declared log delivery that can be known wrong without calling
 * AWS, as failures that name the property path (`logConfigurations[1].logLevel`) and
 * say what to write instead. Values still unknown during preview are skipped.
 */
import type { DestinationProperty, EventSource } from "../types";
import { regionPrefixOfUserPoolId } from "./arn";
import {
  DESTINATION_PROPERTIES,
  DESTINATION_RULES,
  EVENT_SOURCES,
  EVENT_SOURCE_RULES,
  MAX_LOG_CONFIGURATIONS,
  REGION_PATTERN,
  USER_POOL_ID_MAX_LENGTH,
  USER_POOL_ID_PATTERN,
} from "./rules";
import { closestName, quotedAlternatives } from "./suggest";
import { isRecord, isUnknown } from "./unknown";
import { destinationArnProblem } from "./validateArn";
import type { PoolLocation } from "./validateArn";

/** One thing wrong with the inputs: where, and what to write instead. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** Keys Pulumi itself adds to a dynamic resource's inputs. */
const PULUMI_KEYS = ["__provider"];
const TOP_LEVEL_KEYS = ["userPoolId", "logConfigurations", "region"];
const ENTRY_KEYS = ["eventSource", "logLevel", ...DESTINATION_PROPERTIES];

/** All failures in the declared inputs; empty when they are acceptable. */
export function validateInputs(inputs: Record<string, unknown>): CheckFailure[] {
  const failures = unknownKeyFailures(inputs, TOP_LEVEL_KEYS, "", PULUMI_KEYS);
  const pool = validatePoolLocation(inputs, failures);
  failures.push(...validateLogConfigurations(inputs["logConfigurations"], pool));
  return failures;
}

/**
 * The pool's region as far as it can be known: the explicit `region`, else the ID's
 * prefix. Pushes failures for a bad pool ID or a region that contradicts it.
 */
function validatePoolLocation(
  inputs: Record<string, unknown>,
  failures: CheckFailure[],
): PoolLocation {
  const userPoolId = inputs["userPoolId"];
  const region = inputs["region"];
  const idProblem = userPoolIdProblem(userPoolId);
  if (idProblem) {
    failures.push({ property: "userPoolId", reason: idProblem });
  }
  const knownPoolId = typeof userPoolId === "string" && !isUnknown(userPoolId) && !idProblem;
  const prefix = knownPoolId ? regionPrefixOfUserPoolId(userPoolId) : undefined;
  const prefixIsRegion = prefix !== undefined && REGION_PATTERN.test(prefix);

  if (region === undefined || region === null) {
    if (prefix !== undefined && !prefixIsRegion) {
      failures.push({
        property: "region",
        reason: `is required for the pool "${String(userPoolId)}": its ID does not start with a region name, so set region to the region the pool is in, e.g. "us-east-1".`,
      });
    }
    return { region: prefixIsRegion ? prefix : undefined };
  }
  if (isUnknown(region)) {
    return {};
  }
  if (typeof region !== "string" || !REGION_PATTERN.test(region)) {
    failures.push({
      property: "region",
      reason: `must be a region name such as "us-east-1"${prefixIsRegion ? `, or left out to use the pool's region "${prefix}"` : ""}.`,
    });
    return {};
  }
  if (prefixIsRegion && region !== prefix) {
    failures.push({
      property: "region",
      reason: `is "${region}", but the pool ${String(userPoolId)} is in ${prefix} (a pool ID starts with its region): remove region or set it to "${prefix}".`,
    });
  }
  return { region };
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

function validateLogConfigurations(list: unknown, pool: PoolLocation): CheckFailure[] {
  if (isUnknown(list)) {
    return [];
  }
  if (!Array.isArray(list)) {
    return [
      {
        property: "logConfigurations",
        reason: `is required: a list of at most ${MAX_LOG_CONFIGURATIONS} entries, one per event source, or [] to declare that the pool delivers no logs.`,
      },
    ];
  }
  const failures: CheckFailure[] = [];
  if (list.length > MAX_LOG_CONFIGURATIONS) {
    failures.push({
      property: "logConfigurations",
      reason: `has ${list.length} entries; Cognito accepts at most ${MAX_LOG_CONFIGURATIONS}, one per event source (${quotedAlternatives(EVENT_SOURCES)}).`,
    });
  }
  const firstIndexOfSource = new Map<string, number>();
  list.forEach((entry, index) => {
    const path = `logConfigurations[${index}]`;
    failures.push(...validateEntry(entry, path, pool));
    const source = isRecord(entry) ? entry["eventSource"] : undefined;
    if (typeof source !== "string" || isUnknown(source)) {
      return;
    }
    const first = firstIndexOfSource.get(source);
    if (first === undefined) {
      firstIndexOfSource.set(source, index);
    } else {
      failures.push({
        property: `${path}.eventSource`,
        reason: `"${source}" is already configured in logConfigurations[${first}]; Cognito accepts one entry per event source: keep one of the two.`,
      });
    }
  });
  return failures;
}

function validateEntry(entry: unknown, path: string, pool: PoolLocation): CheckFailure[] {
  if (isUnknown(entry)) {
    return [];
  }
  if (!isRecord(entry)) {
    return [
      {
        property: path,
        reason: `must be an object such as { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:…" } }.`,
      },
    ];
  }
  const failures = unknownKeyFailures(entry, ENTRY_KEYS, `${path}.`);
  const eventSource = validateEventSource(entry["eventSource"], path, failures);
  validateLogLevel(entry["logLevel"], eventSource, path, failures);
  failures.push(...validateDestinations(entry, eventSource, path, pool));
  return failures;
}

function validateEventSource(
  value: unknown,
  path: string,
  failures: CheckFailure[],
): EventSource | undefined {
  if (isUnknown(value)) {
    return undefined;
  }
  if ((EVENT_SOURCES as unknown[]).includes(value)) {
    return value as EventSource;
  }
  const choices = EVENT_SOURCES.map(
    (source) => `"${source}" (${EVENT_SOURCE_RULES[source].description})`,
  ).join(" or ");
  const suggestion = typeof value === "string" ? closestName(value, EVENT_SOURCES) : undefined;
  failures.push({
    property: `${path}.eventSource`,
    reason:
      value === undefined || value === null
        ? `is required: write ${choices}.`
        : `${JSON.stringify(value)} is not an event source: write ${suggestion ? `"${suggestion}"` : choices}.`,
  });
  return undefined;
}

function validateLogLevel(
  value: unknown,
  eventSource: EventSource | undefined,
  path: string,
  failures: CheckFailure[],
): void {
  if (isUnknown(value)) {
    return;
  }
  const property = `${path}.logLevel`;
  if (eventSource) {
    const required = EVENT_SOURCE_RULES[eventSource].logLevel;
    if (value !== required) {
      const given =
        value === undefined || value === null ? "is required" : `is ${JSON.stringify(value)}`;
      failures.push({
        property,
        reason: `${given}; ${eventSource} logs are delivered at level "${required}" only: write logLevel: "${required}".`,
      });
    }
    return;
  }
  const validLevels: unknown[] = EVENT_SOURCES.map((source) => EVENT_SOURCE_RULES[source].logLevel);
  if (!validLevels.includes(value)) {
    const choices = EVENT_SOURCES.map(
      (source) => `"${EVENT_SOURCE_RULES[source].logLevel}" for ${source}`,
    );
    failures.push({ property, reason: `must be ${choices.join(" or ")}.` });
  }
}

function validateDestinations(
  entry: Record<string, unknown>,
  eventSource: EventSource | undefined,
  path: string,
  pool: PoolLocation,
): CheckFailure[] {
  const present = DESTINATION_PROPERTIES.filter(
    (property) => entry[property] !== undefined && entry[property] !== null,
  );
  const allowed = eventSource
    ? EVENT_SOURCE_RULES[eventSource].destinations
    : DESTINATION_PROPERTIES;
  const allowedText = allowed
    .map((property) => `${property}.${DESTINATION_RULES[property].field}`)
    .join(", ");
  if (present.length === 0) {
    // AWS answers such an entry with "Following event sources in request have no destination."
    const choice = allowed.length === 1 ? allowedText : `exactly one of ${allowedText}`;
    return [{ property: path, reason: `has no destination: set ${choice}.` }];
  }
  const failures: CheckFailure[] = [];
  if (present.length > 1) {
    failures.push({
      property: path,
      reason: `sets ${present.length} destinations (${present.join(", ")}); Cognito delivers each event source to exactly one: keep one of them.`,
    });
  }
  for (const property of present) {
    if (eventSource && !allowed.includes(property)) {
      failures.push({
        property: `${path}.${property}`,
        reason: `cannot be used for ${eventSource}: ${eventSource} logs go to ${allowedText} only (${DESTINATION_RULES[property].title}s take userAuthEvents, which needs the Plus feature plan).`,
      });
      continue;
    }
    failures.push(...validateDestination(property, entry[property], `${path}.${property}`, pool));
  }
  return failures;
}

function validateDestination(
  property: DestinationProperty,
  value: unknown,
  path: string,
  pool: PoolLocation,
): CheckFailure[] {
  const rule = DESTINATION_RULES[property];
  if (isUnknown(value)) {
    return [];
  }
  if (!isRecord(value)) {
    return [
      { property: path, reason: `must be an object: { ${rule.field}: "${rule.arnShape}" }.` },
    ];
  }
  const failures = unknownKeyFailures(value, [rule.field], `${path}.`);
  const arn = value[rule.field];
  const arnPath = `${path}.${rule.field}`;
  if (isUnknown(arn)) {
    return failures;
  }
  if (typeof arn !== "string" || arn.length === 0) {
    failures.push({
      property: arnPath,
      reason: `is required: the ARN of the ${rule.title}, ${rule.arnShape} (${rule.pulumiSource}).`,
    });
    return failures;
  }
  const problem = destinationArnProblem(property, arn, pool);
  if (problem) {
    failures.push({ property: arnPath, reason: problem });
  }
  return failures;
}

function unknownKeyFailures(
  value: Record<string, unknown>,
  allowed: readonly string[],
  pathPrefix: string,
  ignored: readonly string[] = [],
): CheckFailure[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key) && !ignored.includes(key))
    .map((key) => {
      const suggestion = closestName(key, allowed);
      return {
        property: `${pathPrefix}${key}`,
        reason: suggestion
          ? `is not a known property; did you mean "${suggestion}"?`
          : `is not a known property; ${allowed.length === 1 ? "the only property here is" : "the properties here are"} ${allowed.join(", ")}.`,
      };
    });
}
