/**
 * The errors the emulator answers with, named as AWS names them. Cognito answers every
 * client error with HTTP 400 and its own failures with 500 (API reference, "Errors").
 */

/**
 * An error that becomes an AWS error response: `__type` and `message` in AWS JSON 1.1,
 * `message` and the error's own `members` in REST-JSON (see protocol.ts).
 */
export class CognitoServiceError extends Error {
  constructor(
    /** The AWS error type, e.g. `InvalidParameterException`; the SDK turns it into `error.name`. */
    readonly errorType: string,
    message: string,
    readonly httpStatus: number = 400,
    /** Further members of the error's shape (REST-JSON), e.g. `reason` and `fieldList`. */
    readonly members: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = errorType;
  }
}

export function invalidParameter(message: string): CognitoServiceError {
  return new CognitoServiceError("InvalidParameterException", message);
}

/** The message Cognito gives for a pool that does not exist in the request's region. */
export function userPoolNotFound(userPoolId: string): CognitoServiceError {
  return new CognitoServiceError(
    "ResourceNotFoundException",
    `User pool ${userPoolId} does not exist.`,
  );
}

export function featureUnavailableInTier(message: string): CognitoServiceError {
  return new CognitoServiceError("FeatureUnavailableInTierException", message);
}

/** A body that is not JSON, or a member of the wrong JSON type (AWS JSON 1.1 protocol). */
export function serializationError(message: string): CognitoServiceError {
  return new CognitoServiceError("SerializationException", message);
}

export function unknownOperation(operation: string): CognitoServiceError {
  return new CognitoServiceError(
    "UnknownOperationException",
    operation === ""
      ? "The request names no operation (an X-Amz-Target header, or POST /<Operation> for a REST-JSON service)."
      : `The operation ${operation} is not served by this emulator.`,
  );
}

/** What AWS answers a throttled call (API reference: TooManyRequestsException). */
export function tooManyRequests(): CognitoServiceError {
  return new CognitoServiceError("TooManyRequestsException", "Rate exceeded");
}

export function internalError(message: string): CognitoServiceError {
  return new CognitoServiceError("InternalErrorException", message, 500);
}

/** A request without a SigV4 `Authorization` header. */
export function missingAuthenticationToken(): CognitoServiceError {
  return new CognitoServiceError(
    "MissingAuthenticationTokenException",
    "Missing Authentication Token",
  );
}

/** An `Authorization` header whose credential scope cannot be read. */
export function incompleteSignature(message: string): CognitoServiceError {
  return new CognitoServiceError("IncompleteSignatureException", message);
}
