/**
 * Every limit and pairing rule AWS enforces on log delivery, in one place, each with
 * the page it comes from. `validate.ts` applies them; nothing else hard-codes them.
 */
import type { DestinationProperty, EventSource, LogLevel } from "../types";

/** API reference, SetLogDeliveryConfiguration: `LogConfigurations` has at most 2 items. */
export const MAX_LOG_CONFIGURATIONS = 2;

/** API model `UserPoolIdType`: 1–55 characters, `[\w-]+_[0-9a-zA-Z]+`. */
export const USER_POOL_ID_MAX_LENGTH = 55;
export const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;

/** API model `ArnType` (LogGroupArn, StreamArn): 20–2048 characters. */
export const ARN_TYPE_LENGTH = { min: 20, max: 2048 } as const;
/** API model `S3ArnType` (BucketArn): 3–1024 characters. */
export const S3_ARN_TYPE_LENGTH = { min: 3, max: 1024 } as const;

/**
 * The characters the API model's ARN patterns allow in a resource segment,
 * `[\w+=/,.@-]`. A log group name may contain `#` in CloudWatch Logs, but Cognito's
 * pattern rejects it, as it rejects the `:*` suffix (aws-cdk #31241).
 */
export const ARN_RESOURCE_CHARACTERS = /^[\w+=/,.@-]+$/;

/** CloudWatch Logs log group names: 1–512 characters (CreateLogGroup API reference). */
export const LOG_GROUP_NAME_MAX_LENGTH = 512;

/** Firehose stream names: 1–64 characters of `[a-zA-Z0-9_.-]` (CreateDeliveryStream API reference). */
export const FIREHOSE_STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]{1,64}$/;

/** S3 general purpose bucket naming rules: 3–63 of `[a-z0-9.-]`, alphanumeric at both ends. */
export const S3_BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** AWS account IDs are 12 digits. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** Region names such as `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** How each event source may be delivered (SetLogDeliveryConfiguration docs, `LogLevel`). */
export interface EventSourceRule {
  /** The only log level AWS accepts for this event source. */
  logLevel: LogLevel;
  /** The destinations AWS accepts for this event source. */
  destinations: readonly DestinationProperty[];
  /** What the event source carries, for messages. */
  description: string;
}

export const EVENT_SOURCE_RULES: Readonly<Record<EventSource, EventSourceRule>> = {
  // "To send userNotification activity ... choose ERROR with CloudWatchLogsConfiguration."
  userNotification: {
    logLevel: "ERROR",
    destinations: ["cloudWatchLogsConfiguration"],
    description: "message-delivery errors",
  },
  // "To send userAuthEvents activity ... with the Plus feature plan, choose INFO with one of
  // CloudWatchLogsConfiguration, FirehoseConfiguration, or S3Configuration."
  userAuthEvents: {
    logLevel: "INFO",
    destinations: ["cloudWatchLogsConfiguration", "firehoseConfiguration", "s3Configuration"],
    description: "threat-protection user activity (Plus feature plan)",
  },
};

export const EVENT_SOURCES = Object.keys(EVENT_SOURCE_RULES) as EventSource[];

/** Each destination property, the one field inside it, and the ARN it holds. */
export interface DestinationRule {
  field: "logGroupArn" | "bucketArn" | "streamArn";
  /** ARN service namespace. */
  service: "logs" | "s3" | "firehose";
  /** A human name for messages. */
  title: string;
  /** The indefinite article that goes with the title ("an S3 bucket"). */
  article: "a" | "an";
  /** What a correct ARN looks like, for messages. */
  arnShape: string;
  /** The `@pulumi/aws` resource output that holds that ARN, for messages. */
  pulumiSource: string;
}

export const DESTINATION_RULES: Readonly<Record<DestinationProperty, DestinationRule>> = {
  cloudWatchLogsConfiguration: {
    field: "logGroupArn",
    service: "logs",
    title: "CloudWatch Logs log group",
    article: "a",
    arnShape: "arn:<partition>:logs:<region>:<account>:log-group:<name>",
    pulumiSource: "aws.cloudwatch.LogGroup's `arn`",
  },
  s3Configuration: {
    field: "bucketArn",
    service: "s3",
    title: "S3 bucket",
    article: "an",
    arnShape: "arn:<partition>:s3:::<bucket>",
    pulumiSource: "aws.s3.Bucket's `arn`",
  },
  firehoseConfiguration: {
    field: "streamArn",
    service: "firehose",
    title: "Firehose stream",
    article: "a",
    arnShape: "arn:<partition>:firehose:<region>:<account>:deliverystream/<name>",
    pulumiSource: "aws.kinesis.FirehoseDeliveryStream's `arn`",
  },
};

export const DESTINATION_PROPERTIES = Object.keys(DESTINATION_RULES) as DestinationProperty[];

/**
 * The partition an ARN must name for a pool in a region (AWS General Reference,
 * "Amazon Resource Names": partitions). Regions not listed are in `aws`.
 */
export function partitionOfRegion(region: string): string {
  const prefixes: ReadonlyArray<readonly [string, string]> = [
    ["cn-", "aws-cn"],
    ["us-gov-", "aws-us-gov"],
    ["us-isob-", "aws-iso-b"],
    ["us-isof-", "aws-iso-f"],
    ["eu-isoe-", "aws-iso-e"],
    ["us-iso-", "aws-iso"],
  ];
  return prefixes.find(([prefix]) => region.startsWith(prefix))?.[1] ?? "aws";
}

/**
 * The API model's own patterns (`ArnType` for LogGroupArn and StreamArn, `S3ArnType`
 * for BucketArn). The specific checks in `validate.ts` explain a mistake; these are the
 * final word, so nothing AWS would reject by pattern ever leaves `check`.
 */
export const ARN_TYPE_PATTERN =
  /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
export const S3_ARN_TYPE_PATTERN =
  /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:::[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
