/**
 * The EventBridge event patterns of `LogDeliveryChangeAlert`, as pure data: which
 * CloudTrail events of `SetLogDeliveryConfiguration` to deliver, which principals to
 * ignore, and how the pools are split across rules so that no pattern outgrows
 * EventBridge's size quota.
 *
 * CloudTrail delivers each management call to the default event bus of the call's region
 * with `detail-type` "AWS API Call via CloudTrail" and the record as `detail`
 * (EventBridge User Guide, "AWS service events delivered via AWS CloudTrail"). A failed call
 * carries `errorCode` and changed nothing, so the pattern requires it to be absent.
 */
import type { CheckFailure } from "../core/failures";
import { FailureCollector } from "../core/failures";
import { parseArn } from "../core/arn";
import { regionOfUserPoolId } from "../core/regions";

/** EventBridge's default quota on the length of an event pattern, in characters (EventBridge quotas). */
export const DEFAULT_EVENT_PATTERN_SIZE_LIMIT = 2048;
/** The most a quota increase allows. */
export const MAX_EVENT_PATTERN_SIZE_LIMIT = 4096;
/**
 * How many pools one rule names. A pool ID is at most 55 characters (Cognito API
 * reference, `UserPoolId`), 58 with quotes and comma: 25 of them take at most 1,450 of a
 * pattern's 2,048, leaving room for the rest of the pattern and a few ignored principals.
 * Fixed rather than computed from the IDs, so that the number of rules is known at preview,
 * when the IDs of pools not yet created are not.
 */
export const DEFAULT_USER_POOLS_PER_RULE = 25;

/** Cognito's pattern for a user pool ID (API reference, `UserPoolId`). */
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

/** The alert's arguments that are known when it is declared: counts and numbers. */
export interface ChangeAlertShape {
  /** How many pools are listed; undefined watches every pool of the region. */
  userPoolCount: number | undefined;
  ignorePrincipalCount: number;
  eventPatternSizeLimit: number;
  userPoolsPerRule: number;
}

/** What the alert listens for, once every value is known. */
export interface ChangeAlertSelection {
  /** The pools to watch; undefined watches every pool of the region. */
  userPoolIds: readonly string[] | undefined;
  /** The principals whose changes are expected, as given. */
  ignorePrincipals: readonly string[];
  /** The region of the AWS provider the rules are created with. */
  region: string;
}

/**
 * The `userIdentity.arn` patterns that ignore a principal. CloudTrail names a role's
 * caller by its session, `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`,
 * without the role's path (IAM User Guide, "IAM identifiers"), and the session name
 * changes from one deployment to the next: a role, or any one session of it, ignores every
 * session of the role. Users, the root user and federated users appear as they are.
 * An ARN that already holds a `*` is taken as the user's own wildcard.
 */
export function ignoredPrincipalPattern(principal: string): string | undefined {
  if (principal.includes("*")) {
    return principal.startsWith("arn:") ? principal : undefined;
  }
  const arn = parseArn(principal);
  if (arn === undefined || arn.region !== "" || !/^\d{12}$/.test(arn.account)) {
    return undefined;
  }
  const [kind, ...rest] = arn.resource.split("/");
  if (rest.includes("")) {
    return undefined;
  }
  const sessions = (roleName: string | undefined) =>
    roleName ? `arn:${arn.partition}:sts::${arn.account}:assumed-role/${roleName}/*` : undefined;
  if (arn.service === "iam" && kind === "role") {
    return sessions(rest.at(-1));
  }
  if (arn.service === "sts" && kind === "assumed-role" && rest.length === 2) {
    return sessions(rest[0]);
  }
  if (arn.service === "iam" && (arn.resource === "root" || (kind === "user" && rest.length > 0))) {
    return principal;
  }
  if (arn.service === "sts" && kind === "federated-user" && rest.length === 1) {
    return principal;
  }
  return undefined;
}

const PRINCIPAL_EXAMPLE =
  "write the ARN of the role or user that runs `pulumi up`, e.g. " +
  "arn:aws:iam::123456789012:role/PulumiDeployer (every session of the role is ignored) " +
  "or aws.getCallerIdentityOutput().arn";

/** Checks the counts and numbers, before any value is known; failures say what to write. */
export function checkChangeAlertShape(shape: ChangeAlertShape): CheckFailure[] {
  const failures = new FailureCollector();
  if (shape.userPoolCount === 0) {
    failures.add(
      "userPoolIds",
      "is empty: list the pools to watch, or leave userPoolIds out to watch every pool of the region",
    );
  }
  if (shape.ignorePrincipalCount === 0) {
    failures.add(
      "ignorePrincipals",
      `is empty, so every deployment would raise the alert: ${PRINCIPAL_EXAMPLE}`,
    );
  }
  if (
    !Number.isInteger(shape.eventPatternSizeLimit) ||
    shape.eventPatternSizeLimit < DEFAULT_EVENT_PATTERN_SIZE_LIMIT ||
    shape.eventPatternSizeLimit > MAX_EVENT_PATTERN_SIZE_LIMIT
  ) {
    failures.add(
      "eventPatternSizeLimit",
      `is ${shape.eventPatternSizeLimit}: write EventBridge's quota on event pattern size in your account, ` +
        `${DEFAULT_EVENT_PATTERN_SIZE_LIMIT} (the default) to ${MAX_EVENT_PATTERN_SIZE_LIMIT}`,
    );
  }
  if (!Number.isInteger(shape.userPoolsPerRule) || shape.userPoolsPerRule < 1) {
    failures.add(
      "userPoolsPerRule",
      `is ${shape.userPoolsPerRule}: write a whole number of pools per rule, 1 or more (default ${DEFAULT_USER_POOLS_PER_RULE})`,
    );
  }
  return [...failures.failures];
}

/** Checks the pool IDs and principals once known; failures say what to write instead. */
export function checkChangeAlertSelection(selection: ChangeAlertSelection): CheckFailure[] {
  const failures = new FailureCollector();
  const { userPoolIds, ignorePrincipals, region } = selection;
  const seen = new Set<string>();
  (userPoolIds ?? []).forEach((userPoolId, index) => {
    const poolRegion = regionOfUserPoolId(userPoolId);
    if (!USER_POOL_ID.test(userPoolId) || userPoolId.length > 55) {
      failures.add(
        `userPoolIds[${index}]`,
        `"${userPoolId}" is not a user pool ID: write an ID such as ${region}_AbC123 (aws.cognito.UserPool's id)`,
      );
    } else if (poolRegion !== region) {
      failures.add(
        `userPoolIds[${index}]`,
        `${userPoolId} is in ${poolRegion ?? "another region"}, but the alert's rules are in ${region}: ` +
          "CloudTrail sends a call's event to the default bus of the call's own region only; " +
          `declare a LogDeliveryChangeAlert with an AWS provider for ${poolRegion ?? "that region"}`,
      );
    } else if (seen.has(userPoolId)) {
      failures.add(`userPoolIds[${index}]`, `${userPoolId} is listed twice: list it once`);
    }
    seen.add(userPoolId);
  });
  ignorePrincipals.forEach((principal, index) => {
    if (ignoredPrincipalPattern(principal) === undefined) {
      failures.add(
        `ignorePrincipals[${index}]`,
        `"${principal}" is not an IAM role, user, root or assumed-role ARN: ${PRINCIPAL_EXAMPLE}`,
      );
    }
  });
  return [...failures.failures];
}

/** The pools of each rule, in the order given: `ruleCount` groups (one, of none, for every pool). */
export function poolsOfRules<T>(userPoolIds: readonly T[] | undefined, perRule: number): T[][] {
  if (userPoolIds === undefined) {
    return [[]];
  }
  const groups: T[][] = [];
  for (let start = 0; start < userPoolIds.length; start += perRule) {
    groups.push(userPoolIds.slice(start, start + perRule));
  }
  return groups;
}

/** How many rules the alert creates: known from the number of pools alone. */
export function ruleCount(userPoolCount: number | undefined, perRule: number): number {
  return userPoolCount === undefined ? 1 : Math.max(1, Math.ceil(userPoolCount / perRule));
}

/**
 * The event pattern of one rule: successful `SetLogDeliveryConfiguration` calls on the
 * given pools (every pool when none are given) by anyone but the ignored principals.
 * `anything-but` with `wildcard` is evaluated by the default event bus (EventBridge User
 * Guide, "Comparison operators for use in event patterns").
 */
export function changeAlertEventPattern(
  userPoolIds: readonly string[],
  ignorePrincipals: readonly string[],
): Record<string, unknown> {
  const ignored = [
    ...new Set(
      ignorePrincipals.map((principal) => ignoredPrincipalPattern(principal) ?? principal),
    ),
  ];
  return {
    source: ["aws.cognito-idp"],
    "detail-type": ["AWS API Call via CloudTrail"],
    detail: {
      eventSource: ["cognito-idp.amazonaws.com"],
      eventName: ["SetLogDeliveryConfiguration"],
      errorCode: [{ exists: false }],
      ...(userPoolIds.length > 0 ? { requestParameters: { userPoolId: [...userPoolIds] } } : {}),
      userIdentity: { arn: [{ "anything-but": { wildcard: ignored } }] },
    },
  };
}

/** An event pattern is longer than EventBridge accepts. */
export interface OversizedPattern {
  rule: number;
  length: number;
}

/** The event patterns of every rule, as the JSON EventBridge stores, or the ones too long. */
export function changeAlertEventPatterns(
  selection: ChangeAlertSelection,
  shape: Pick<ChangeAlertShape, "eventPatternSizeLimit" | "userPoolsPerRule">,
): { patterns: string[]; oversized: OversizedPattern[] } {
  const patterns = poolsOfRules(selection.userPoolIds, shape.userPoolsPerRule).map((pools) =>
    JSON.stringify(changeAlertEventPattern(pools, selection.ignorePrincipals)),
  );
  const oversized = patterns.flatMap((pattern, rule) =>
    pattern.length > shape.eventPatternSizeLimit ? [{ rule, length: pattern.length }] : [],
  );
  return { patterns, oversized };
}
