/** CloudTrail's errors for LookupEvents (CloudTrail API reference, LookupEvents "Errors"). */
import { CognitoServiceError } from "../errors";

/** Every error is an AWS JSON 1.1 error of HTTP 400, as CloudTrail answers client errors. */
const cloudTrailError = (type: string) => (message: string) =>
  new CognitoServiceError(type, message);

export const invalidLookupAttributes = cloudTrailError("InvalidLookupAttributesException");
export const invalidTimeRange = cloudTrailError("InvalidTimeRangeException");
export const invalidMaxResults = cloudTrailError("InvalidMaxResultsException");
export const invalidNextToken = cloudTrailError("InvalidNextTokenException");
export const invalidEventCategory = cloudTrailError("InvalidEventCategoryException");

/** What CloudTrail answers beyond 2 LookupEvents per second per account and region. */
export function throttling(): CognitoServiceError {
  return new CognitoServiceError("ThrottlingException", "Rate exceeded");
}

/** IAM's answer for an action the identity's policies do not allow. */
export function accessDenied(principalArn: string, action: string): CognitoServiceError {
  return new CognitoServiceError(
    "AccessDeniedException",
    `User: ${principalArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
  );
}
