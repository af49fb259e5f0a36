/**
 * What is wrong with a destination ARN, said so that the user knows what to write. Each
 * check explains one common mistake; the API model's pattern is the final word, so nothing
 * AWS would reject by pattern leaves `check`.
 */
import { ACCOUNT_ID_PATTERN } from "./apiModel";
import { parseArn } from "./arn";
import type { ParsedArn } from "./arn";
import type { Destination } from "./destinations";
import { destinationOfService } from "./destinations";
import { isRegionName, partitionOfRegion } from "./regions";

/**
 * The problem with `arn` as the ARN of `destination` for a pool in `poolRegion` (undefined
 * while the region is not known), or undefined when AWS would accept it.
 */
export function destinationArnProblem(
  destination: Destination,
  arn: string,
  poolRegion: string | undefined,
): string | undefined {
  const comparable = destination.canonicalArn(arn);
  const parsed = parseArn(comparable);
  if (!parsed) {
    return notAnArnProblem(destination, arn, poolRegion);
  }
  return (
    serviceProblem(destination, parsed) ??
    destination.resourceProblem(parsed) ??
    locationProblem(destination, parsed, poolRegion) ??
    apiModelProblem(destination, comparable)
  );
}

function notAnArnProblem(
  destination: Destination,
  text: string,
  poolRegion: string | undefined,
): string {
  const name = text.trim();
  const looksLikeAName = name.length > 0 && !name.includes(":");
  const example = destination.exampleArn(
    {
      partition: poolRegion ? partitionOfRegion(poolRegion) : "aws",
      region: poolRegion ?? "<region>",
    },
    looksLikeAName ? name : undefined,
  );
  const what = looksLikeAName
    ? `"${text}" looks like a name, not an ARN`
    : `"${text}" is not an ARN`;
  return `${what}: write the ${destination.title} ARN, ${example} (${destination.pulumiSource}).`;
}

function serviceProblem(destination: Destination, parsed: ParsedArn): string | undefined {
  if (parsed.service === destination.service) {
    return undefined;
  }
  const wanted = `${destination.article} ${destination.title} ARN`;
  const other = destinationOfService(parsed.service);
  if (other) {
    return `is ${other.article} ${other.title} ARN, not ${wanted}: put it in ${other.property}.${other.field}, or write ${wanted} here (${destination.arnShape}).`;
  }
  const lookalike = destination.lookalikes[parsed.service];
  if (lookalike) {
    return `is ${lookalike}: write ${wanted} (${destination.arnShape}).`;
  }
  return `is an ARN of service "${parsed.service}"; write ${wanted} (${destination.arnShape}).`;
}

function locationProblem(
  destination: Destination,
  parsed: ParsedArn,
  poolRegion: string | undefined,
): string | undefined {
  const poolPartition = poolRegion && partitionOfRegion(poolRegion);
  if (poolPartition && parsed.partition !== poolPartition) {
    return `is in partition "${parsed.partition}", but a pool in ${poolRegion} can only deliver to partition "${poolPartition}": write arn:${poolPartition}:….`;
  }
  if (!destination.regional) {
    return undefined;
  }
  if (!ACCOUNT_ID_PATTERN.test(parsed.account)) {
    return `has the account "${parsed.account}"; an account ID is 12 digits.`;
  }
  if (!isRegionName(parsed.region)) {
    return `has the region "${parsed.region}", which is not a region name such as us-east-1.`;
  }
  // The user pool sends logs only to destinations in its own region (the log group must be
  // "in the same account" and region as the pool: SetLogDeliveryConfiguration docs).
  if (poolRegion && parsed.region !== poolRegion) {
    return `is in ${parsed.region}, but the user pool is in ${poolRegion}; Cognito delivers only to ${destination.article} ${destination.title} in the pool's region: create it in ${poolRegion}.`;
  }
  return undefined;
}

function apiModelProblem(destination: Destination, arn: string): string | undefined {
  const { min, max, pattern } = destination.arnType;
  if (arn.length < min || arn.length > max) {
    return `is ${arn.length} characters long; AWS accepts ${min}–${max}.`;
  }
  if (!pattern.test(arn)) {
    return `does not match the pattern AWS requires (${pattern.source}); write ${destination.arnShape}.`;
  }
  return undefined;
}
