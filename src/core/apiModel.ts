/**
 * Limits and patterns the Cognito API model (`cognito-idp` 2016-04-18) puts on the members
 * of SetLogDeliveryConfiguration, and the naming rules of the destination services. The
 * emulator keeps its own copy (it models AWS independently); tests/unit/apiModelContract
 * keeps the two equal.
 */

/** API reference, SetLogDeliveryConfiguration: `LogConfigurations` has at most 2 items. */
export const MAX_LOG_CONFIGURATIONS = 2;

/** API model `UserPoolIdType`: 1–55 characters, `[\w-]+_[0-9a-zA-Z]+`. */
export const USER_POOL_ID_MAX_LENGTH = 55;
export const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;

/** API model `ArnType` (LogGroupArn, StreamArn): 20–2048 characters, and its pattern. */
export const ARN_TYPE = {
  min: 20,
  max: 2048,
  pattern:
    /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
} as const;

/** API model `S3ArnType` (BucketArn): 3–1024 characters, and its pattern. */
export const S3_ARN_TYPE = {
  min: 3,
  max: 1024,
  pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:::[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
} as const;

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
