/**
 * Each operation's request, read from its JSON body and checked against the API
 * model's constraints before the emulator looks anything up: like AWS, a malformed
 * request against a pool that does not exist reports the request problem, not the pool.
 */
import { ConstraintViolations } from "./constraints";
import type { StructureReader } from "./deserialize";
import {
  ADVANCED_SECURITY_MODES,
  ARN_TYPE_LENGTH,
  ARN_TYPE_PATTERN,
  DEFAULT_USER_POOL_TIER,
  EVENT_SOURCES,
  LOG_CONFIGURATIONS_LENGTH,
  LOG_LEVELS,
  MAX_RESULTS_RANGE,
  NEXT_TOKEN_LENGTH,
  NEXT_TOKEN_PATTERN,
  POOL_NAME_LENGTH,
  POOL_NAME_PATTERN,
  S3_ARN_TYPE_LENGTH,
  S3_ARN_TYPE_PATTERN,
  USER_POOL_ID_LENGTH,
  USER_POOL_ID_PATTERN,
  USER_POOL_TIERS,
} from "./model";
import type { AdvancedSecurityMode, LogConfiguration, UserPoolTier } from "./model";

export interface CreateUserPoolRequest {
  poolName: string;
  tier: UserPoolTier;
  advancedSecurityMode: AdvancedSecurityMode;
}

export interface ListUserPoolsRequest {
  maxResults: number;
  nextToken?: string;
}

export interface SetLogDeliveryRequest {
  userPoolId: string;
  logConfigurations: LogConfiguration[];
}

/** CreateUserPool: `PoolName` required; `UserPoolAddOns.AdvancedSecurityMode` required when add-ons are given. */
export function readCreateUserPoolRequest(body: StructureReader): CreateUserPoolRequest {
  const violations = new ConstraintViolations();
  const poolName = body.string("PoolName");
  if (violations.required("poolName", poolName)) {
    violations.stringLength("poolName", poolName, POOL_NAME_LENGTH);
    violations.pattern("poolName", poolName, POOL_NAME_PATTERN);
  }
  const tier = body.string("UserPoolTier");
  if (tier !== undefined) {
    violations.enumValue("userPoolTier", tier, USER_POOL_TIERS);
  }
  const addOns = body.structure("UserPoolAddOns");
  const mode = addOns?.string("AdvancedSecurityMode");
  if (addOns && violations.required("userPoolAddOns.advancedSecurityMode", mode)) {
    violations.enumValue("userPoolAddOns.advancedSecurityMode", mode, ADVANCED_SECURITY_MODES);
  }
  violations.throwIfAny();
  return {
    poolName: poolName as string,
    tier: (tier ?? DEFAULT_USER_POOL_TIER) as UserPoolTier,
    advancedSecurityMode: (mode ?? "OFF") as AdvancedSecurityMode,
  };
}

/** DescribeUserPool, DeleteUserPool, GetLogDeliveryConfiguration: `UserPoolId` only. */
export function readUserPoolIdRequest(body: StructureReader): { userPoolId: string } {
  const violations = new ConstraintViolations();
  const userPoolId = checkUserPoolId(body, violations);
  violations.throwIfAny();
  return { userPoolId: userPoolId as string };
}

export function readListUserPoolsRequest(body: StructureReader): ListUserPoolsRequest {
  const violations = new ConstraintViolations();
  const maxResults = body.integer("MaxResults");
  if (violations.required("maxResults", maxResults)) {
    violations.range("maxResults", maxResults, MAX_RESULTS_RANGE);
  }
  const nextToken = body.string("NextToken");
  if (nextToken !== undefined) {
    violations.stringLength("nextToken", nextToken, NEXT_TOKEN_LENGTH);
    violations.pattern("nextToken", nextToken, NEXT_TOKEN_PATTERN);
  }
  violations.throwIfAny();
  return { maxResults: maxResults as number, ...(nextToken === undefined ? {} : { nextToken }) };
}

/** SetLogDeliveryConfiguration: the list-length violation is reported ahead of its elements'. */
export function readSetLogDeliveryRequest(body: StructureReader): SetLogDeliveryRequest {
  const violations = new ConstraintViolations();
  const userPoolId = checkUserPoolId(body, violations);
  const entries = body.structureList("LogConfigurations");
  const logConfigurations = entries?.map(readLogConfiguration) ?? [];
  if (violations.required("logConfigurations", entries)) {
    violations.length(
      "logConfigurations",
      logConfigurations.length,
      LOG_CONFIGURATIONS_LENGTH,
      `'${renderLogConfigurations(logConfigurations)}'`,
    );
  }
  logConfigurations.forEach((entry, index) =>
    checkLogConfiguration(entry, `logConfigurations.${index + 1}.member`, violations),
  );
  violations.throwIfAny();
  return {
    userPoolId: userPoolId as string,
    logConfigurations: logConfigurations as LogConfiguration[],
  };
}

function checkUserPoolId(
  body: StructureReader,
  violations: ConstraintViolations,
): string | undefined {
  const userPoolId = body.string("UserPoolId");
  if (violations.required("userPoolId", userPoolId)) {
    violations.stringLength("userPoolId", userPoolId, USER_POOL_ID_LENGTH);
    violations.pattern("userPoolId", userPoolId, USER_POOL_ID_PATTERN);
  }
  return userPoolId;
}

/** `LogConfigurationType` as sent, before its constraints are checked. */
interface RawLogConfiguration {
  LogLevel?: string;
  EventSource?: string;
  CloudWatchLogsConfiguration?: { LogGroupArn?: string };
  S3Configuration?: { BucketArn?: string };
  FirehoseConfiguration?: { StreamArn?: string };
}

/** Reads the known members of one entry; unknown ones are dropped, as AWS ignores them. */
function readLogConfiguration(entry: StructureReader): RawLogConfiguration {
  const raw: RawLogConfiguration = {
    LogLevel: entry.string("LogLevel"),
    EventSource: entry.string("EventSource"),
  };
  const cloudWatch = entry.structure("CloudWatchLogsConfiguration");
  if (cloudWatch) {
    raw.CloudWatchLogsConfiguration = present("LogGroupArn", cloudWatch.string("LogGroupArn"));
  }
  const s3 = entry.structure("S3Configuration");
  if (s3) {
    raw.S3Configuration = present("BucketArn", s3.string("BucketArn"));
  }
  const firehose = entry.structure("FirehoseConfiguration");
  if (firehose) {
    raw.FirehoseConfiguration = present("StreamArn", firehose.string("StreamArn"));
  }
  return raw;
}

/** `{ [key]: value }`, or `{}` when the value is absent (so no `undefined` member is stored). */
function present<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function checkLogConfiguration(
  entry: RawLogConfiguration,
  path: string,
  violations: ConstraintViolations,
): void {
  if (violations.required(`${path}.logLevel`, entry.LogLevel)) {
    violations.enumValue(`${path}.logLevel`, entry.LogLevel, LOG_LEVELS);
  }
  if (violations.required(`${path}.eventSource`, entry.EventSource)) {
    violations.enumValue(`${path}.eventSource`, entry.EventSource, EVENT_SOURCES);
  }
  checkArn(
    `${path}.cloudWatchLogsConfiguration.logGroupArn`,
    entry.CloudWatchLogsConfiguration?.LogGroupArn,
    violations,
  );
  checkArn(`${path}.s3Configuration.bucketArn`, entry.S3Configuration?.BucketArn, violations, true);
  checkArn(
    `${path}.firehoseConfiguration.streamArn`,
    entry.FirehoseConfiguration?.StreamArn,
    violations,
  );
}

function checkArn(
  path: string,
  arn: string | undefined,
  violations: ConstraintViolations,
  isBucket = false,
): void {
  if (arn === undefined) {
    return;
  }
  violations.stringLength(path, arn, isBucket ? S3_ARN_TYPE_LENGTH : ARN_TYPE_LENGTH);
  violations.pattern(path, arn, isBucket ? S3_ARN_TYPE_PATTERN : ARN_TYPE_PATTERN);
}

/**
 * The list as AWS embeds it in a length violation: the Java model's `toString`
 * (`LogConfigurationType(logLevel=ERROR, eventSource=..., s3Configuration=null, ...)`).
 */
function renderLogConfigurations(entries: readonly RawLogConfiguration[]): string {
  const destination = (
    type: string,
    field: string,
    value: { [key: string]: string | undefined } | undefined,
  ) => (value === undefined ? "null" : `${type}(${field}=${Object.values(value)[0] ?? "null"})`);
  const rendered = entries.map(
    (entry) =>
      `LogConfigurationType(logLevel=${entry.LogLevel ?? "null"}, eventSource=${entry.EventSource ?? "null"}, ` +
      `cloudWatchLogsConfiguration=${destination("CloudWatchLogsConfigurationType", "logGroupArn", entry.CloudWatchLogsConfiguration)}, ` +
      `s3Configuration=${destination("S3ConfigurationType", "bucketArn", entry.S3Configuration)}, ` +
      `firehoseConfiguration=${destination("FirehoseConfigurationType", "streamArn", entry.FirehoseConfiguration)})`,
  );
  return `[${rendered.join(", ")}]`;
}
