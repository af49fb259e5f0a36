/**
 * What a failed LookupEvents means for the user: the details of an `AwsCallError`, with
 * the IAM action to grant or what else to do.
 */
import { isAccessDenied, readFailureDetails } from "../aws/sdkErrors";
import { LOOKUP_EVENTS_ACTION } from "../core/outsideChange";
import type { AwsFailureDetails } from "../errors";

/** The SDK's name for CloudTrail's throttling answer (CloudTrail API reference, common errors). */
export const CLOUDTRAIL_THROTTLING = "ThrottlingException";

export function describeCloudTrailFailure(
  error: unknown,
  region: string,
  endpoint: string | undefined,
): AwsFailureDetails {
  return readFailureDetails(
    error,
    endpoint ?? `the CloudTrail endpoint of ${region}`,
    (sdkError) => {
      if (isAccessDenied(sdkError)) {
        return `The identity in use may not read CloudTrail: grant it the IAM action ${LOOKUP_EVENTS_ACTION} on "*".`;
      }
      if (sdkError.name === CLOUDTRAIL_THROTTLING) {
        return "CloudTrail allows 2 LookupEvents per second per account and region and kept refusing beyond the SDK's retries: run it again when other tools are not reading CloudTrail, or raise AWS_MAX_ATTEMPTS.";
      }
      return undefined;
    },
  );
}
