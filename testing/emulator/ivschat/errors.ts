/**
 * Amazon IVS Chat's errors (API reference, "Common Errors" and each action's "Errors"):
 * REST-JSON errors with their own HTTP status and members, which the AWS SDK turns into
 * typed exceptions (`ValidationException.reason`, `.fieldList`).
 */
import { CognitoServiceError } from "../errors";

export const RESOURCE_TYPE = "LOGGING_CONFIGURATION";

export type ValidationReason = "UNKNOWN_OPERATION" | "FIELD_VALIDATION_FAILED" | "OTHER";

/** A member that failed validation, as `fieldList` names it. */
export interface ValidationField {
  name: string;
  message: string;
}

export function validationException(
  message: string,
  reason: ValidationReason,
  fieldList: readonly ValidationField[],
): CognitoServiceError {
  return new CognitoServiceError("ValidationException", message, 400, {
    reason,
    fieldList: [...fieldList],
  });
}

export function resourceNotFound(identifier: string): CognitoServiceError {
  return new CognitoServiceError(
    "ResourceNotFoundException",
    `Logging configuration ${identifier} was not found.`,
    404,
    { resourceId: identifier, resourceType: RESOURCE_TYPE },
  );
}

export function conflict(identifier: string, state: string): CognitoServiceError {
  return new CognitoServiceError(
    "ConflictException",
    `Logging configuration ${identifier} is ${state}; wait until it is no longer pending and try again.`,
    409,
    { resourceId: identifier, resourceType: RESOURCE_TYPE },
  );
}

/** IVS Chat's answer beyond its request rates. */
export function throttling(): CognitoServiceError {
  return new CognitoServiceError("ThrottlingException", "Rate exceeded", 429, {
    resourceId: "",
    resourceType: RESOURCE_TYPE,
    limit: 0,
  });
}

export function internalServerError(message: string): CognitoServiceError {
  return new CognitoServiceError("InternalServerException", message, 500);
}
