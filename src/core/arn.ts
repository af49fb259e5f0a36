/**
 * ARN parsing, and the one canonicalisation AWS forces on us: a log group ARN with a
 * trailing `:*` (what CDK, CloudFormation's `Arn` attribute and some consoles produce)
 * is rejected by Cognito's `ArnType` pattern (aws-cdk #31241), so it is stored without it.
 */

/** The segments of `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its segments, or returns undefined when it is not an ARN at all. */
export function parseArn(text: string): ParsedArn | undefined {
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn") {
    return undefined;
  }
  const [, partition, service, region, account, ...resource] = parts as [
    string,
    string,
    string,
    string,
    string,
    ...string[],
  ];
  return { partition, service, region, account, resource: resource.join(":") };
}

const LOG_GROUP_WILDCARD_SUFFIX = ":*";

/** The log group ARN AWS accepts: the given one without a trailing `:*`. */
export function withoutLogGroupWildcard(logGroupArn: string): string {
  return logGroupArn.endsWith(LOG_GROUP_WILDCARD_SUFFIX)
    ? logGroupArn.slice(0, -LOG_GROUP_WILDCARD_SUFFIX.length)
    : logGroupArn;
}

/** The region prefix of a user pool ID (`us-east-1_AbC123` → `us-east-1`). */
export function regionPrefixOfUserPoolId(userPoolId: string): string {
  const separator = userPoolId.lastIndexOf("_");
  return separator > 0 ? userPoolId.slice(0, separator) : "";
}
