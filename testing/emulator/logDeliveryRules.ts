/**
 * The rules SetLogDeliveryConfiguration enforces beyond the API model's constraints,
 * each with its source. All of them are answered with one `InvalidParameterException`
 * that starts "Request validation Failed." and names every problem, the way AWS words
 * the two it was recorded answering (no destination, repeated event source); the
 * wording of the others is the emulator's own.
 */
import { featureUnavailableInTier, invalidParameter } from "./errors";
import { destinationsOf } from "./model";
import { partitionOfRegion } from "./partitions";
import type {
  DestinationMember,
  EventSource,
  LogConfiguration,
  LogLevel,
  UserPoolTier,
} from "./model";

/** Where the pool lives, which its destinations must match. */
export interface PoolLocation {
  region: string;
  accountId: string;
}

/**
 * SetLogDeliveryConfiguration docs, `LogLevel`: "To send userNotification activity ...
 * choose ERROR with CloudWatchLogsConfiguration. To send userAuthEvents activity ... choose
 * INFO with one of CloudWatchLogsConfiguration, FirehoseConfiguration, or S3Configuration."
 */
export const EVENT_SOURCE_RULES: Readonly<
  Record<EventSource, { logLevel: LogLevel; destinations: readonly DestinationMember[] }>
> = {
  userNotification: { logLevel: "ERROR", destinations: ["CloudWatchLogsConfiguration"] },
  userAuthEvents: {
    logLevel: "INFO",
    destinations: ["CloudWatchLogsConfiguration", "FirehoseConfiguration", "S3Configuration"],
  },
};

interface DestinationArnRule {
  arnMember: string;
  service: string;
  resourcePrefix: string;
  shape: string;
  /** Log groups and streams are regional and must be in the pool's region. */
  inPoolRegion: boolean;
  /** "The log group ... must be in the same Amazon Web Services account as your user pool" (docs). */
  inPoolAccount: boolean;
}

const DESTINATION_ARN_RULES: Readonly<Record<DestinationMember, DestinationArnRule>> = {
  CloudWatchLogsConfiguration: {
    arnMember: "LogGroupArn",
    service: "logs",
    resourcePrefix: "log-group:",
    shape:
      "a CloudWatch Logs log group ARN, arn:<partition>:logs:<region>:<account>:log-group:<name>",
    inPoolRegion: true,
    inPoolAccount: true,
  },
  FirehoseConfiguration: {
    arnMember: "StreamArn",
    service: "firehose",
    resourcePrefix: "deliverystream/",
    shape:
      "a Firehose stream ARN, arn:<partition>:firehose:<region>:<account>:deliverystream/<name>",
    inPoolRegion: true,
    inPoolAccount: false,
  },
  S3Configuration: {
    arnMember: "BucketArn",
    service: "s3",
    resourcePrefix: "",
    shape: "an S3 bucket ARN, arn:<partition>:s3:::<bucket>",
    inPoolRegion: false,
    inPoolAccount: false,
  },
};

/** Throws the `InvalidParameterException` AWS answers a configuration it cannot deliver. */
export function checkLogDeliveryRules(
  entries: readonly LogConfiguration[],
  pool: PoolLocation,
): void {
  const problems = [
    ...eventSourceProblems(entries),
    ...entries.flatMap((entry) => entryProblems(entry, pool)),
  ];
  if (problems.length > 0) {
    throw invalidParameter(["Request validation Failed.", ...problems].join(" "));
  }
}

/**
 * `userAuthEvents` is threat-protection activity, a Plus feature plan feature
 * (SetLogDeliveryConfiguration docs; Terraform docs bug #47790). AWS checks it after the
 * request is valid.
 */
export function checkTierAllows(
  entries: readonly LogConfiguration[],
  userPoolId: string,
  tier: UserPoolTier,
): void {
  if (tier !== "PLUS" && entries.some((entry) => entry.EventSource === "userAuthEvents")) {
    throw featureUnavailableInTier(
      `Log delivery of userAuthEvents needs the PLUS feature plan, and user pool ${userPoolId} is on ${tier}: set its UserPoolTier to PLUS.`,
    );
  }
}

/**
 * Problems with the set of event sources. The first two clauses are AWS's, recorded live,
 * in its order and its spelling ("more then once"); the third follows their style.
 */
function eventSourceProblems(entries: readonly LogConfiguration[]): string[] {
  const withoutDestination = new Set<string>();
  const withSeveral = new Set<string>();
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of entries) {
    const count = destinationsOf(entry).length;
    if (count === 0) withoutDestination.add(entry.EventSource);
    if (count > 1) withSeveral.add(entry.EventSource);
    if (seen.has(entry.EventSource)) repeated.add(entry.EventSource);
    seen.add(entry.EventSource);
  }
  const clause = (sources: Set<string>, text: string) =>
    sources.size === 0 ? [] : [`${text}: [${[...sources].join(", ")}].`];
  return [
    ...clause(withoutDestination, "Following event sources in request have no destination"),
    ...clause(repeated, "Following event sources appear more then once in a request"),
    ...clause(withSeveral, "Following event sources in request have more than one destination"),
  ];
}

function entryProblems(entry: LogConfiguration, pool: PoolLocation): string[] {
  const rule = EVENT_SOURCE_RULES[entry.EventSource];
  const problems: string[] = [];
  if (entry.LogLevel !== rule.logLevel) {
    problems.push(
      `Event source ${entry.EventSource} needs log level ${rule.logLevel}, not ${entry.LogLevel}.`,
    );
  }
  for (const { member, arn } of destinationsOf(entry)) {
    if (!rule.destinations.includes(member)) {
      problems.push(
        `Event source ${entry.EventSource} can be delivered only to ${rule.destinations.join(", ")}, not ${member}.`,
      );
    }
    problems.push(...arnProblems(member, arn, pool));
  }
  return problems;
}

/** The ARN must name the destination's kind of resource, where the pool can deliver to it. */
function arnProblems(member: DestinationMember, arn: string, pool: PoolLocation): string[] {
  const rule = DESTINATION_ARN_RULES[member];
  const field = `${member}.${rule.arnMember}`;
  // The model's pattern already holds, so the ARN has at least six `:`-separated parts.
  const [, partition, service, region, account, ...resource] = arn.split(":");
  if (service !== rule.service || !resource.join(":").startsWith(rule.resourcePrefix)) {
    return [`${field} must be ${rule.shape}, not ${arn}.`];
  }
  const problems: string[] = [];
  const poolPartition = partitionOfRegion(pool.region);
  if (partition !== poolPartition) {
    problems.push(
      `${field} ${arn} is in partition ${partition}, but it must be in the user pool's partition, ${poolPartition}.`,
    );
  }
  if (rule.inPoolRegion && region !== pool.region) {
    problems.push(
      `${field} ${arn} is in region ${region}, but it must be in the user pool's region, ${pool.region}.`,
    );
  }
  if (rule.inPoolAccount && account !== pool.accountId) {
    problems.push(
      `${field} ${arn} is in account ${account}, but it must be in the user pool's account, ${pool.accountId}.`,
    );
  }
  return problems;
}
