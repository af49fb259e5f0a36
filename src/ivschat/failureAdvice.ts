/**
 * What a failed IVS Chat call means for the user: the details of an `AwsCallError`, with
 * the IAM action to grant or what else to do.
 */
import {
  isAccessDenied,
  isNetworkFailure,
  readFailureDetails,
  sharedFailureAdvice,
} from "../aws/sdkErrors";
import type { AwsFailureDetails } from "../errors";

/** The IAM action `discover` needs to list IVS Chat logging configurations. */
export const LIST_LOGGING_CONFIGURATIONS_ACTION = "ivschat:ListLoggingConfigurations";

export function describeIvsChatFailure(
  error: unknown,
  region: string,
  endpoint: string | undefined,
): AwsFailureDetails {
  const where = endpoint ?? `the IVS Chat endpoint of ${region}`;
  return readFailureDetails(error, where, (sdkError) => {
    if (isNetworkFailure(sdkError) && endpoint === undefined) {
      // Amazon IVS Chat is offered in a few regions only (AWS General Reference, "Amazon
      // Interactive Video Service endpoints"): elsewhere its endpoint does not resolve.
      return `${sharedFailureAdvice(sdkError, where) ?? ""} Amazon IVS Chat is offered in a few regions only: if ${region} has none, list it with --service cognito.`;
    }
    if (isAccessDenied(sdkError)) {
      return `The identity in use may not list IVS Chat logging configurations: grant it the IAM action ${LIST_LOGGING_CONFIGURATIONS_ACTION} on "*", or leave IVS Chat out with --service cognito.`;
    }
    if (sdkError.name === "ThrottlingException") {
      return "IVS Chat kept refusing beyond the SDK's retries: run it again when other tools are not calling IVS Chat, or lower COGNITO_LOG_DELIVERY_IVSCHAT_READS_PER_SECOND.";
    }
    if (sdkError.name === "ValidationException") {
      return "IVS Chat refused the listing request; check --region names a region that has IVS Chat.";
    }
    return undefined;
  });
}
