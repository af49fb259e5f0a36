/**
 * What a failed IVS Chat call means for the user: the details of an `AwsCallError`, with
 * the IAM action to grant or what else to do.
 */
import { failureFacts, isAccessDenied, sdkErrorShape, sharedFailureAdvice } from "../aws/sdkErrors";
import type { AwsFailureDetails } from "../errors";

/** The IAM action `discover` needs to list IVS Chat logging configurations. */
export const LIST_LOGGING_CONFIGURATIONS_ACTION = "ivschat:ListLoggingConfigurations";

export function describeIvsChatFailure(
  error: unknown,
  region: string,
  endpoint: string | undefined,
): AwsFailureDetails {
  const sdkError = sdkErrorShape(error);
  const base = failureFacts(sdkError);
  const shared = sharedFailureAdvice(sdkError, endpoint ?? `the IVS Chat endpoint of ${region}`);
  if (shared !== undefined) {
    return { ...base, advice: shared };
  }
  if (isAccessDenied(sdkError)) {
    return {
      ...base,
      advice: `The identity in use may not list IVS Chat logging configurations: grant it the IAM action ${LIST_LOGGING_CONFIGURATIONS_ACTION} on "*", or leave IVS Chat out with --service cognito.`,
    };
  }
  if (sdkError.name === "ThrottlingException") {
    return {
      ...base,
      advice:
        "IVS Chat kept refusing beyond the SDK's retries: run it again when other tools are not calling IVS Chat, or lower COGNITO_LOG_DELIVERY_IVSCHAT_READS_PER_SECOND.",
    };
  }
  if (sdkError.name === "ValidationException") {
    return {
      ...base,
      advice:
        "IVS Chat refused the listing request; check --region names a region that has IVS Chat.",
    };
  }
  return {
    ...base,
    advice: "See the AWS message above; run the command again once the cause is fixed.",
  };
}
