/**
 * The services the emulator serves on its one endpoint, one row each: how requests are
 * addressed, their operations, which calls CloudTrail records, and the service's own
 * answers for throttling and internal failures. A third service is one row.
 */
import { CLOUDTRAIL_OPERATIONS } from "./cloudtrail/operations";
import { accessDenied, throttling } from "./cloudtrail/errors";
import { CognitoServiceError, internalError, tooManyRequests } from "./errors";
import { internalServerError, throttling as chatThrottling } from "./ivschat/errors";
import { IVSCHAT_OPERATIONS } from "./ivschat/operations";
import type { Operation } from "./operations";
import { OPERATIONS } from "./operations";
import { CLOUDTRAIL_PROTOCOL, COGNITO_PROTOCOL, IVSCHAT_PROTOCOL } from "./protocol";
import type { ServiceProtocol } from "./protocol";

export interface ServedService {
  protocol: ServiceProtocol;
  operations: ReadonlyMap<string, Operation>;
  /** `eventSource` of the CloudTrail records of its calls; undefined when they are not recorded. */
  recordedAs: string | undefined;
  /** Whether an operation only reads (`readOnly` of its records). */
  readOnly(operation: string): boolean;
  /**
   * Which limit its calls meet: the rate limits by operation category (rateLimits.ts), or
   * CloudTrail's LookupEvents limit of 2 per second.
   */
  limitedBy: "rate-limits" | "lookup-limit";
  /** IAM's answer for an action the caller may not perform, as this service sends it. */
  accessDenied(principalArn: string, action: string): CognitoServiceError;
  throttled(): CognitoServiceError;
  internalFailure(message: string): CognitoServiceError;
}

export const COGNITO_SERVICE: ServedService = {
  protocol: COGNITO_PROTOCOL,
  operations: OPERATIONS,
  recordedAs: "cognito-idp.amazonaws.com",
  readOnly: (operation) => /^(Get|Describe|List)/.test(operation),
  limitedBy: "rate-limits",
  accessDenied,
  throttled: tooManyRequests,
  internalFailure: internalError,
};

/** LookupEvents is itself recorded by CloudTrail, but nothing here reads those records. */
export const CLOUDTRAIL_SERVICE: ServedService = {
  protocol: CLOUDTRAIL_PROTOCOL,
  operations: CLOUDTRAIL_OPERATIONS,
  recordedAs: undefined,
  readOnly: () => true,
  limitedBy: "lookup-limit",
  accessDenied,
  throttled: throttling,
  internalFailure: (message) => new CognitoServiceError("InternalFailure", message, 500),
};

/**
 * Amazon IVS Chat: REST-JSON, so its errors have their own HTTP status (AccessDenied 403,
 * Throttling 429). CloudTrail records its calls as management events too.
 */
export const IVSCHAT_SERVICE: ServedService = {
  protocol: IVSCHAT_PROTOCOL,
  operations: IVSCHAT_OPERATIONS,
  recordedAs: "ivschat.amazonaws.com",
  readOnly: (operation) => /^(Get|List)/.test(operation),
  limitedBy: "rate-limits",
  accessDenied: (principal, action) => {
    const denied = accessDenied(principal, action);
    return new CognitoServiceError(denied.errorType, denied.message, 403);
  },
  throttled: chatThrottling,
  internalFailure: internalServerError,
};

/** Cognito first: a request that names no known service is answered as Cognito would. */
export const SERVICES: readonly [ServedService, ...ServedService[]] = [
  COGNITO_SERVICE,
  CLOUDTRAIL_SERVICE,
  IVSCHAT_SERVICE,
];

/** Every operation of every service, for checking fault rules. */
export const ALL_OPERATIONS: ReadonlyMap<string, Operation> = new Map(
  SERVICES.flatMap((service) => [...service.operations]),
);
