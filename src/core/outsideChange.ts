/**
 * The answer to "who changed it?" for a pool whose configuration refresh found different
 * from the state: the `lastOutsideChange` output, and its one-line form for the refresh
 * output. Pure. The output never becomes an input and `diff` never reads it, so it can
 * cause neither a diff nor a replace.
 */
import type { ChangeChannel } from "./changeChannels";
import type { LogDeliveryChange } from "./changeRecord";
import type { PoolAddress } from "./readInputs";

/** The IAM action attribution needs (CloudTrail API reference, LookupEvents). */
export const LOOKUP_EVENTS_ACTION = "cloudtrail:LookupEvents";

/** Why no change was named, when none was. */
export type UnattributedStatus = "not-found" | "access-denied" | "throttled" | "unavailable";

/** The newest recorded change to the pool that this package did not make. */
export interface FoundOutsideChange {
  status: "found";
  /** ISO 8601. */
  eventTime: string;
  /** Who: for an assumed role the session ARN (`roleArn` names the role); absent for some AWS services. */
  principalArn?: string;
  roleArn?: string;
  identityType: string;
  via: ChangeChannel;
  /** The CloudTrail event, to find it in the console's Event history. */
  eventId: string;
  /** The caller's agent, kept only when it matched no known channel. */
  userAgent?: string;
  /** The sentence the refresh output shows. */
  message: string;
}

/** No change could be named, and why, in a sentence that says what to do. */
export interface UnattributedOutsideChange {
  status: UnattributedStatus;
  message: string;
}

export type LastOutsideChange = FoundOutsideChange | UnattributedOutsideChange;

/** Where the provider asks "who changed this pool?"; tests may substitute it. */
export interface OutsideChangeFinder {
  /** Never rejects: a failed lookup is an unattributed answer that says why. */
  lastOutsideChange(pool: PoolAddress): Promise<LastOutsideChange>;
}

/** Whether a recorded change can explain drift: made by someone else, and applied. */
export function isOutsideChange(change: LogDeliveryChange): boolean {
  return !change.byThisPackage && change.errorCode === undefined;
}

/** The newest outside change to `userPoolId` among `changes` (any order), if any. */
export function newestOutsideChange(
  changes: Iterable<LogDeliveryChange>,
  userPoolId: string,
): LogDeliveryChange | undefined {
  let newest: LogDeliveryChange | undefined;
  for (const change of changes) {
    if (
      change.userPoolId === userPoolId &&
      isOutsideChange(change) &&
      (newest === undefined || Date.parse(change.eventTime) > Date.parse(newest.eventTime))
    ) {
      newest = change;
    }
  }
  return newest;
}

/** The output for a change that was found. */
export function foundOutsideChange(change: LogDeliveryChange): FoundOutsideChange {
  const who = change.principalArn ?? `an ${change.identityType} identity with no ARN`;
  return {
    status: "found",
    eventTime: change.eventTime,
    ...(change.principalArn !== undefined && { principalArn: change.principalArn }),
    ...(change.roleArn !== undefined && { roleArn: change.roleArn }),
    identityType: change.identityType,
    via: change.via,
    eventId: change.eventId,
    ...(change.via === "other" && change.userAgent !== "" && { userAgent: change.userAgent }),
    message: `changed outside Pulumi by ${who} via ${change.via} at ${change.eventTime} (CloudTrail event ${change.eventId})`,
  };
}

/** The output when CloudTrail holds no outside change to the pool in the window looked at. */
export function noOutsideChangeFound(lookbackDays: number): UnattributedOutsideChange {
  return {
    status: "not-found",
    message: `CloudTrail shows no SetLogDeliveryConfiguration by anyone else in the last ${lookbackDays} days: CloudTrail may take 5 to 15 minutes to record a call, so refresh again later; changes older than its ${lookbackDays}-day event history, or a pool deleted and created again, cannot be attributed.`,
  };
}

/** The output when the identity in use may not call LookupEvents. */
export function lookupDenied(): UnattributedOutsideChange {
  return {
    status: "access-denied",
    message: `who changed it is unknown: the identity that runs Pulumi may not read CloudTrail; grant it ${LOOKUP_EVENTS_ACTION} (on "*"), or turn attribution off (pulumi-cognito-log-delivery:attributeDrift false).`,
  };
}

/** The output when CloudTrail kept throttling the lookups beyond the SDK's retries. */
export function lookupThrottled(): UnattributedOutsideChange {
  return {
    status: "throttled",
    message: `who changed it is unknown: CloudTrail throttled LookupEvents (2 requests per second per account and region) beyond the retries; refresh again later, or lower pulumi-cognito-log-delivery:cloudTrailLookupsPerSecond.`,
  };
}

/** The output when the lookup failed for another reason (network, credentials, AWS error). */
export function lookupUnavailable(reason: string): UnattributedOutsideChange {
  return {
    status: "unavailable",
    message: `who changed it is unknown: the CloudTrail lookup failed (${reason}); the refresh itself is unaffected.`,
  };
}

/** The refresh output line for a drifted pool. */
export function outsideChangeLine(userPoolId: string, change: LastOutsideChange): string {
  const what =
    change.status === "found"
      ? `log delivery ${change.message}`
      : `log delivery differs from the state; ${change.message}`;
  return `pulumi-cognito-log-delivery: user pool ${userPoolId}: ${what}`;
}
