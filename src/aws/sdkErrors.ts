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
