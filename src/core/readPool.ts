/**
 * Reading `userPoolId` and `region`: the failures they have, the region stored in the
 * canonical inputs, and the region the pool's destinations must be in.
 */
import { USER_POOL_ID_MAX_LENGTH, USER_POOL_ID_PATTERN } from "./apiModel";
import type { FailureCollector } from "./failures";
import { isRegionName, regionOfUserPoolId } from "./regions";
import { isUnknown } from "./values";

/** What is known of the pool's region after reading `userPoolId` and `region`. */
export interface PoolReading {
  /** The `region` stored in the canonical inputs: the one given, else the ID's prefix. */
  storedRegion: string | undefined;
  /** The region destinations must be in, when known and valid. */
  regionOfDestinations: string | undefined;
}

export function readPool(bag: Record<string, unknown>, failures: FailureCollector): PoolReading {
  const userPoolId = bag["userPoolId"];
  const region = bag["region"];
  const idProblem = userPoolIdProblem(userPoolId);
  if (idProblem) {
    failures.add("userPoolId", idProblem);
  }
  const knownId = typeof userPoolId === "string" && !isUnknown(userPoolId) ? userPoolId : undefined;
  const idRegion = knownId === undefined ? undefined : regionOfUserPoolId(knownId);
  // A valid ID's prefix that is not a region name needs an explicit region.
  const validIdPrefix = knownId !== undefined && !idProblem;

  if (region === undefined || region === null) {
    if (validIdPrefix && idRegion === undefined) {
      failures.add(
        "region",
        `is required for the pool "${knownId}": its ID does not start with a region name, so set region to the region the pool is in, e.g. "us-east-1".`,
      );
    }
    return { storedRegion: idRegion, regionOfDestinations: validIdPrefix ? idRegion : undefined };
  }
  if (isUnknown(region)) {
    return { storedRegion: undefined, regionOfDestinations: undefined };
  }
  const storedRegion = typeof region === "string" ? region : undefined;
  if (typeof region !== "string" || !isRegionName(region)) {
    const prefixHint =
      validIdPrefix && idRegion ? `, or left out to use the pool's region "${idRegion}"` : "";
    failures.add("region", `must be a region name such as "us-east-1"${prefixHint}.`);
    return { storedRegion, regionOfDestinations: undefined };
  }
  if (validIdPrefix && idRegion !== undefined && region !== idRegion) {
    failures.add(
      "region",
      `is "${region}", but the pool ${knownId} is in ${idRegion} (a pool ID starts with its region): remove region or set it to "${idRegion}".`,
    );
  }
  return { storedRegion, regionOfDestinations: region };
}

function userPoolIdProblem(userPoolId: unknown): string | undefined {
  const example = `e.g. "us-east-1_AbCdEf123" (aws.cognito.UserPool's \`id\`)`;
  if (isUnknown(userPoolId)) {
    return undefined;
  }
  if (typeof userPoolId !== "string" || userPoolId.length === 0) {
    return `is required: the ID of the user pool, ${example}.`;
  }
  const arnMatch = /^arn:[^:]+:cognito-idp:[^:]*:[^:]*:userpool\/(.+)$/.exec(userPoolId);
  if (arnMatch) {
    return `is a user pool ARN; write the pool's ID "${arnMatch[1]}" instead.`;
  }
  if (userPoolId.length > USER_POOL_ID_MAX_LENGTH) {
    return `is ${userPoolId.length} characters long; a user pool ID has at most ${USER_POOL_ID_MAX_LENGTH}, ${example}.`;
  }
  if (!USER_POOL_ID_PATTERN.test(userPoolId)) {
    return `"${userPoolId}" is not a user pool ID: write <region>_<id>, ${example}.`;
  }
  return undefined;
}
