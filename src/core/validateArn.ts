/**
 * What is wrong with a destination ARN, said so that the user knows what to write.
 * Each check explains one common mistake; the API model's pattern is the final word.
 */
import type { DestinationProperty } from "../types";
import { parseArn, withoutLogGroupWildcard } from "./arn";
import type { ParsedArn } from "./arn";
import {
  ACCOUNT_ID_PATTERN,
  ARN_RESOURCE_CHARACTERS,
  ARN_TYPE_LENGTH,
  ARN_TYPE_PATTERN,
  DESTINATION_PROPERTIES,
  DESTINATION_RULES,
  FIREHOSE_STREAM_NAME_PATTERN,
  LOG_GROUP_NAME_MAX_LENGTH,
  REGION_PATTERN,
  S3_ARN_TYPE_LENGTH,
  S3_ARN_TYPE_PATTERN,
  S3_BUCKET_NAME_PATTERN,
  partitionOfRegion,
} from "./rules";

/** The pool a destination belongs to, as far as it is known. */
export interface PoolLocation {
  /** The pool's region, when it is known and region-shaped. */
  region?: string;
}

/** The problem with `arn` as the ARN of `destination`, or undefined when it is acceptable. */
export function destinationArnProblem(
  destination: DestinationProperty,
  arn: string,
  pool: PoolLocation,
): string | undefined {
  const comparable =
    destination === "cloudWatchLogsConfiguration" ? withoutLogGroupWildcard(arn) : arn;
  const parsed = parseArn(comparable);
  if (!parsed) {
    return notAnArnProblem(destination, arn, pool);
  }
  return (
    serviceProblem(destination, parsed) ??
    resourceProblem(destination, parsed) ??
    locationProblem(destination, parsed, pool) ??
    apiModelProblem(destination, comparable)
  );
}

function exampleRegion(pool: PoolLocation): string {
  return pool.region ?? "<region>";
}

function examplePartition(pool: PoolLocation): string {
  return pool.region ? partitionOfRegion(pool.region) : "aws";
}

function notAnArnProblem(
  destination: DestinationProperty,
  text: string,
  pool: PoolLocation,
): string {
  const rule = DESTINATION_RULES[destination];
  const partition = examplePartition(pool);
  const region = exampleRegion(pool);
  const name = text.trim();
  const looksLikeAName = name.length > 0 && !name.includes(":");
  const example = {
    cloudWatchLogsConfiguration: `arn:${partition}:logs:${region}:<account>:log-group:${looksLikeAName ? name : "<name>"}`,
    s3Configuration: `arn:${partition}:s3:::${looksLikeAName ? name : "<bucket>"}`,
    firehoseConfiguration: `arn:${partition}:firehose:${region}:<account>:deliverystream/${looksLikeAName ? name : "<name>"}`,
  }[destination];
  const what = looksLikeAName
    ? `"${text}" looks like a name, not an ARN`
    : `"${text}" is not an ARN`;
  return `${what}: write the ${rule.title} ARN, ${example} (${rule.pulumiSource}).`;
}

function serviceProblem(destination: DestinationProperty, parsed: ParsedArn): string | undefined {
  const rule = DESTINATION_RULES[destination];
  if (parsed.service === rule.service) {
    return undefined;
  }
  const belongsTo = DESTINATION_PROPERTIES.find(
    (other) => DESTINATION_RULES[other].service === parsed.service,
  );
  if (belongsTo) {
    const other = DESTINATION_RULES[belongsTo];
    return `is ${other.article} ${other.title} ARN, not ${rule.article} ${rule.title} ARN: put it in ${belongsTo}.${other.field}, or write ${rule.article} ${rule.title} ARN here (${rule.arnShape}).`;
  }
  if (parsed.service === "kinesis" && destination === "firehoseConfiguration") {
    return `is a Kinesis Data Streams ARN; Cognito delivers to Amazon Data Firehose: write a Firehose stream ARN (${rule.arnShape}).`;
  }
  return `is an ARN of service "${parsed.service}"; write ${rule.article} ${rule.title} ARN (${rule.arnShape}).`;
}

function resourceProblem(destination: DestinationProperty, parsed: ParsedArn): string | undefined {
  switch (destination) {
    case "cloudWatchLogsConfiguration":
      return logGroupResourceProblem(parsed.resource);
    case "s3Configuration":
      return bucketResourceProblem(parsed);
    case "firehoseConfiguration":
      return streamResourceProblem(parsed.resource);
  }
}

function logGroupResourceProblem(resource: string): string | undefined {
  const shape = DESTINATION_RULES.cloudWatchLogsConfiguration.arnShape;
  if (!resource.startsWith("log-group:")) {
    return `names "${resource}", not a log group: write a log group ARN (${shape}).`;
  }
  const name = resource.slice("log-group:".length);
  if (name.includes(":log-stream:")) {
    return `points at a log stream; Cognito delivers to a log group: write ${shape} without ":log-stream:…".`;
  }
  if (name.length === 0 || name.length > LOG_GROUP_NAME_MAX_LENGTH) {
    return `has a log group name of ${name.length} characters; names are 1–${LOG_GROUP_NAME_MAX_LENGTH} characters.`;
  }
  if (!ARN_RESOURCE_CHARACTERS.test(name)) {
    return `has the log group name "${name}", which Cognito's API rejects (it allows only letters, digits and _ + = / , . @ -, so no "#" or ":"): use a log group whose name has only those characters.`;
  }
  return undefined;
}

function bucketResourceProblem(parsed: ParsedArn): string | undefined {
  const shape = DESTINATION_RULES.s3Configuration.arnShape;
  if (parsed.region !== "" || parsed.account !== "") {
    return `is not a bucket ARN (bucket ARNs have no region or account: ${shape}).`;
  }
  const [bucket = "", ...path] = parsed.resource.split("/");
  if (path.length > 0) {
    return `points inside the bucket ("/${path.join("/")}"); Cognito takes the bucket itself: write arn:${parsed.partition}:s3:::${bucket}.`;
  }
  if (!S3_BUCKET_NAME_PATTERN.test(bucket)) {
    return `has the bucket name "${bucket}", which is not a valid S3 bucket name (3–63 characters of a-z, 0-9, "." and "-", starting and ending with a letter or digit).`;
  }
  return undefined;
}

function streamResourceProblem(resource: string): string | undefined {
  const shape = DESTINATION_RULES.firehoseConfiguration.arnShape;
  if (!resource.startsWith("deliverystream/")) {
    return `names "${resource}", not a Firehose stream: write ${shape}.`;
  }
  const name = resource.slice("deliverystream/".length);
  if (!FIREHOSE_STREAM_NAME_PATTERN.test(name)) {
    return `has the stream name "${name}", which is not a valid Firehose stream name (1–64 characters of a-z, A-Z, 0-9, "_", "." and "-").`;
  }
  return undefined;
}

function locationProblem(
  destination: DestinationProperty,
  parsed: ParsedArn,
  pool: PoolLocation,
): string | undefined {
  const rule = DESTINATION_RULES[destination];
  if (pool.region && parsed.partition !== partitionOfRegion(pool.region)) {
    return `is in partition "${parsed.partition}", but a pool in ${pool.region} can only deliver to partition "${partitionOfRegion(pool.region)}": write arn:${partitionOfRegion(pool.region)}:….`;
  }
  if (destination === "s3Configuration") {
    return undefined;
  }
  if (!ACCOUNT_ID_PATTERN.test(parsed.account)) {
    return `has the account "${parsed.account}"; an account ID is 12 digits.`;
  }
  if (!REGION_PATTERN.test(parsed.region)) {
    return `has the region "${parsed.region}", which is not a region name such as us-east-1.`;
  }
  // The user pool sends logs only to destinations in its own region (the log group must be
  // "in the same account" and region as the pool: SetLogDeliveryConfiguration docs).
  if (pool.region && parsed.region !== pool.region) {
    return `is in ${parsed.region}, but the user pool is in ${pool.region}; Cognito delivers only to ${rule.article} ${rule.title} in the pool's region: create it in ${pool.region}.`;
  }
  return undefined;
}

function apiModelProblem(destination: DestinationProperty, arn: string): string | undefined {
  const isBucket = destination === "s3Configuration";
  const length = isBucket ? S3_ARN_TYPE_LENGTH : ARN_TYPE_LENGTH;
  if (arn.length < length.min || arn.length > length.max) {
    return `is ${arn.length} characters long; AWS accepts ${length.min}–${length.max}.`;
  }
  const pattern = isBucket ? S3_ARN_TYPE_PATTERN : ARN_TYPE_PATTERN;
  if (!pattern.test(arn)) {
    return `does not match the pattern AWS requires (${pattern.source}); write ${DESTINATION_RULES[destination].arnShape}.`;
  }
  return undefined;
}
