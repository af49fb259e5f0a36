/**
 * What an AWS SDK v3 error is, classified by `error.name` and `$metadata` (never by
 * message text, as the SDK itself does). Shared by every service adapter.
 */

/** The parts of an AWS SDK v3 error we rely on. */
export interface SdkErrorShape {
  name: string;
  message: string;
  requestId?: string;
  httpStatusCode?: number;
  attempts?: number;
}

/** The facts of any thrown value, as an SDK error. */
export function sdkErrorShape(error: unknown): SdkErrorShape {
  const raw = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  };
  return {
    name: typeof raw.name === "string" ? raw.name : "Error",
    message: typeof raw.message === "string" && raw.message ? raw.message : "(no message)",
    requestId: raw.$metadata?.requestId,
    httpStatusCode: raw.$metadata?.httpStatusCode,
    attempts: raw.$metadata?.attempts,
  };
}

/** No credentials were found by the SDK's provider chain. */
export function isMissingCredentials(error: SdkErrorShape): boolean {
  return error.name === "CredentialsProviderError";
}

/** No HTTP answer came back: DNS, connection refused, reset, timeout. */
export function isNetworkFailure(error: SdkErrorShape): boolean {
  return error.httpStatusCode === undefined && !isMissingCredentials(error);
}

/** IAM refused the call. Cognito answers IAM denials as AccessDeniedException. */
export function isAccessDenied(error: SdkErrorShape): boolean {
  return error.name === "AccessDeniedException" || error.name === "NotAuthorizedException";
}

/** The facts of a failure every `AwsCallError` reports, whichever service answered. */
export function failureFacts(error: SdkErrorShape): {
  awsErrorName: string;
  awsMessage: string;
  requestId: string | undefined;
  httpStatusCode: number | undefined;
  attempts: number | undefined;
} {
  return {
    // The SDK throws a plain Error when no HTTP answer came back: name what happened.
    awsErrorName:
      isNetworkFailure(error) && error.name === "Error" ? "NetworkingError" : error.name,
    awsMessage: error.message,
    requestId: error.requestId,
    httpStatusCode: error.httpStatusCode,
    attempts: error.attempts,
  };
}

/**
 * The advice for the failures that are the same for every service: no credentials, and
 * no answer from `endpoint` (a description such as "the Cognito endpoint of us-east-1").
 */
export function sharedFailureAdvice(error: SdkErrorShape, endpoint: string): string | undefined {
  if (isMissingCredentials(error)) {
    return "No AWS credentials were found: set AWS_PROFILE (or run `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in the environment that runs Pulumi or this command.";
  }
  if (isNetworkFailure(error)) {
    return `No answer came from ${endpoint}: check the network, proxy and AWS_ENDPOINT_URL settings, then run the command again.`;
  }
  return undefined;
}

/** The last word when neither the service's nor the shared advice applies. */
const SEE_AWS_MESSAGE = "See the AWS message above; run the command again once the cause is fixed.";

/**
 * The facts of a failed call of a service the package only reads, with advice: the
 * service's own for what it recognises (`ownAdvice`), else the shared advice (`endpoint`
 * describes where the call went), else to read AWS's message.
 */
export function readFailureDetails(
  error: unknown,
  endpoint: string,
  ownAdvice: (error: SdkErrorShape) => string | undefined,
): ReturnType<typeof failureFacts> & { advice: string } {
  const sdkError = sdkErrorShape(error);
  return {
    ...failureFacts(sdkError),
    advice: ownAdvice(sdkError) ?? sharedFailureAdvice(sdkError, endpoint) ?? SEE_AWS_MESSAGE,
  };
}
