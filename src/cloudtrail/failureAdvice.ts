/**
 * What a failed LookupEvents means for the user: the details of an `AwsCallError`, with
 * the IAM action to grant or what else to do.
 */
import {
  isAccessDenied,
  isMissingCredentials,
  isNetworkFailure,
  sdkErrorShape,
} from "../aws/sdkErrors";
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
  const base = {
    awsErrorName: sdkError.name,
    awsMessage: sdkError.message,
    requestId: sdkError.requestId,
    httpStatusCode: sdkError.httpStatusCode,
    attempts: sdkError.attempts,
  };
  if (isMissingCredentials(sdkError)) {
    return {
      ...base,
      advice:
        "No AWS credentials were found: set AWS_PROFILE (or run `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
    };
  }
  if (isNetworkFailure(sdkError)) {
    return {
      ...base,
      awsErrorName: sdkError.name === "Error" ? "NetworkingError" : sdkError.name,
      advice: `No answer came from ${endpoint ?? `the CloudTrail endpoint of ${region}`}: check the network, proxy and AWS_ENDPOINT_URL settings, then run the command again.`,
    };
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
