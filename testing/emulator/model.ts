/**
 * The parts of the Cognito user pools API model (service `cognito-idp`, version
 * 2016-04-18) that the emulator serves: member constraints, enum values and the plain
 * shapes it stores. Each constant names the model shape it comes from, so a rule can be
 * checked against the model in one place.
 */

/** `UserPoolIdType`: 1–55 characters. */
export const USER_POOL_ID_LENGTH = { min: 1, max: 55 } as const;
export const USER_POOL_ID_PATTERN = "[\\w-]+_[0-9a-zA-Z]+";

/** `UserPoolNameType`: 1–128 characters. */
export const POOL_NAME_LENGTH = { min: 1, max: 128 } as const;
export const POOL_NAME_PATTERN = "[\\w\\s+=,.@-]+";

/** `PoolQueryLimitType` (ListUserPools `MaxResults`): 1–60. */
export const MAX_RESULTS_RANGE = { min: 1, max: 60 } as const;

/** `PaginationKeyType` (ListUserPools `NextToken`): at least 1 non-space character. */
export const NEXT_TOKEN_LENGTH = { min: 1 } as const;
export const NEXT_TOKEN_PATTERN = "[\\S]+";

/** `LogConfigurationListType`: at most 2 items (SetLogDeliveryConfiguration API reference). */
export const LOG_CONFIGURATIONS_LENGTH = { max: 2 } as const;

/** `ArnType` (LogGroupArn, StreamArn): 20–2048 characters. It rejects `:*` and `#` (aws-cdk #31241). */
export const ARN_TYPE_LENGTH = { min: 20, max: 2048 } as const;
export const ARN_TYPE_PATTERN =
  "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";

/** `S3ArnType` (BucketArn): 3–1024 characters, no region or account. */
export const S3_ARN_TYPE_LENGTH = { min: 3, max: 1024 } as const;
export const S3_ARN_TYPE_PATTERN =
  "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:::[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";

/** `LogLevel`. */
export const LOG_LEVELS = ["ERROR", "INFO"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `EventSourceName`. */
export const EVENT_SOURCES = ["userNotification", "userAuthEvents"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** `UserPoolTierType`; new pools get `ESSENTIALS` ("The default plan selection for new user pools is Essentials", feature plans guide). */
export const USER_POOL_TIERS = ["LITE", "ESSENTIALS", "PLUS"] as const;
export type UserPoolTier = (typeof USER_POOL_TIERS)[number];
export const DEFAULT_USER_POOL_TIER: UserPoolTier = "ESSENTIALS";

/** `AdvancedSecurityModeType` (threat protection). */
export const ADVANCED_SECURITY_MODES = ["OFF", "AUDIT", "ENFORCED"] as const;
export type AdvancedSecurityMode = (typeof ADVANCED_SECURITY_MODES)[number];

/** The three destination members of `LogConfigurationType`, each holding one ARN member. */
export const DESTINATIONS = [
  { member: "CloudWatchLogsConfiguration", arnMember: "LogGroupArn" },
  { member: "S3Configuration", arnMember: "BucketArn" },
  { member: "FirehoseConfiguration", arnMember: "StreamArn" },
] as const;
export type DestinationMember = (typeof DESTINATIONS)[number]["member"];

/** `LogConfigurationType` as the emulator stores and returns it. */
export interface LogConfiguration {
  LogLevel: LogLevel;
  EventSource: EventSource;
  CloudWatchLogsConfiguration?: { LogGroupArn?: string };
  S3Configuration?: { BucketArn?: string };
  FirehoseConfiguration?: { StreamArn?: string };
}

/** The destination members an entry sets, with their ARNs (an ARN-less member delivers nowhere). */
export function destinationsOf(
  entry: LogConfiguration,
): { member: DestinationMember; arn: string }[] {
  const found: { member: DestinationMember; arn: string }[] = [];
  for (const { member, arnMember } of DESTINATIONS) {
    const arn = (entry[member] as Record<string, string | undefined> | undefined)?.[arnMember];
    if (arn !== undefined) {
      found.push({ member, arn });
    }
  }
  return found;
}
