/**
 * What a failed LookupEvents means for the user: the details of an `AwsCallError`, with
 * the IAM action to grant or what else to do.
 */
import { failureFacts, isAccessDenied, sdkErrorShape, sharedFailureAdvice } from "../aws/sdkErrors";
import { LOOKUP_EVENTS_ACTION } from "../core/outsideChange";
import type { AwsFailureDetails } from "../errors";

/** The SDK's name for CloudTrail's throttling answer (CloudTrail API reference, common errors). */
export const CLOUDTRAIL_THROTTLING = "ThrottlingException";

export function describeCloudTrailFailure(
  error: unknown,
  region: string,
  endpoint: string | undefined,
): AwsFailureDetails {
  const sdkError = sdkErrorShape(error);
  const base = failureFacts(sdkError);
  const shared = sharedFailureAdvice(sdkError, endpoint ?? `the CloudTrail endpoint of ${region}`);
  if (shared !== undefined) {
    return { ...base, advice: shared };
  }
  if (isAccessDenied(sdkError)) {
    return {
      ...base,
      advice: `The identity in use may not read CloudTrail: grant it the IAM action ${LOOKUP_EVENTS_ACTION} on "*".`,
    };
  }
  if (sdkError.name === CLOUDTRAIL_THROTTLING) {
    return {
      ...base,
      advice:
        "CloudTrail allows 2 LookupEvents per second per account and region and kept refusing beyond the SDK's retries: run it again when other tools are not reading CloudTrail, or raise AWS_MAX_ATTEMPTS.",
    };
  }
  return {
    ...base,
    advice: "See the AWS message above; run the command again once the cause is fixed.",
  };
}
