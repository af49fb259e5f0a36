/**
 * The errors this package throws. Each message stands alone (it becomes the user's
 * whole message in `pulumi up`): what was attempted, on which pool, what AWS said, and
 * what to do next. A brand makes `isInstance` work across duplicate copies of the
 * package, as Pulumi's own errors do.
 */
import type { CheckFailure } from "./core/validate";

const ERROR_BRAND = Symbol.for("pulumi-cognito-log-delivery:error");

/** Base of every error this package throws. */
export abstract class LogDeliveryError extends Error {
  readonly [ERROR_BRAND]: string;

  protected constructor(kind: string, message: string) {
    super(message);
    this.name = kind;
    this[ERROR_BRAND] = kind;
  }

  /** True for any error of this package, even from another copy of it. */
  static isInstance(error: unknown): error is LogDeliveryError {
    return (
      typeof error === "object" &&
      error !== null &&
      typeof (error as Record<symbol, unknown>)[ERROR_BRAND] === "string"
    );
  }
}

function hasKind(error: unknown, kind: string): boolean {
  return LogDeliveryError.isInstance(error) && error[ERROR_BRAND] === kind;
}

/** The inputs break a rule AWS would reject; raised when create/update get unchecked inputs. */
export class InvalidLogDeliveryError extends LogDeliveryError {
  static readonly kind = "InvalidLogDeliveryError";
  constructor(
    readonly userPoolId: string,
    readonly failures: readonly CheckFailure[],
  ) {
    super(
      InvalidLogDeliveryError.kind,
      `The log delivery declared for user pool ${userPoolId || "(no pool ID)"} is invalid; nothing was sent to AWS:\n` +
        failures.map((failure) => `  - ${failure.property}: ${failure.reason}`).join("\n"),
    );
  }
  static isInstance(error: unknown): error is InvalidLogDeliveryError {
    return hasKind(error, InvalidLogDeliveryError.kind);
  }
}

/** Create found a different configuration on the pool and refused to overwrite it. */
export class ExistingConfigurationError extends LogDeliveryError {
  static readonly kind = "ExistingConfigurationError";
  constructor(
    readonly userPoolId: string,
    message: string,
  ) {
    super(ExistingConfigurationError.kind, message);
  }
  static isInstance(error: unknown): error is ExistingConfigurationError {
    return hasKind(error, ExistingConfigurationError.kind);
  }
}

/** A stack config value or environment variable of this package that cannot be used. */
export class InvalidSettingError extends LogDeliveryError {
  static readonly kind = "InvalidSettingError";
  constructor(message: string) {
    super(InvalidSettingError.kind, message);
  }
  static isInstance(error: unknown): error is InvalidSettingError {
    return hasKind(error, InvalidSettingError.kind);
  }
}

/** Where an AWS call went and what it was for. */
export interface AwsCallContext {
  operation: "GetLogDeliveryConfiguration" | "SetLogDeliveryConfiguration" | "ListUserPools";
  /** The pool the call was about; none for ListUserPools. */
  userPoolId?: string;
  region: string;
}

/** What AWS (or the way to it) answered. */
export interface AwsFailureDetails {
  /** The AWS error code, e.g. `FeatureUnavailableInTierException`; `NetworkingError` if none came back. */
  awsErrorName: string;
  awsMessage: string;
  requestId?: string;
  httpStatusCode?: number;
  attempts?: number;
  /** What to do next, in a sentence or two. */
  advice: string;
}

/** An AWS call failed; the message carries the operation, pool, AWS error, request id and advice. */
export class AwsCallError extends LogDeliveryError {
  static readonly kind = "AwsCallError";
  readonly operation: AwsCallContext["operation"];
  readonly userPoolId: string | undefined;
  readonly region: string;
  readonly awsErrorName: string;
  readonly requestId: string | undefined;
  readonly httpStatusCode: number | undefined;

  constructor(context: AwsCallContext, details: AwsFailureDetails, options?: { cause?: unknown }) {
    const request = details.requestId ? `, request ID ${details.requestId}` : "";
    const attempts =
      details.attempts && details.attempts > 1 ? `, after ${details.attempts} attempts` : "";
    super(
      AwsCallError.kind,
      `${context.operation} failed${context.userPoolId ? ` for user pool ${context.userPoolId}` : ""} in ${context.region}: ` +
        `${details.awsErrorName}: ${details.awsMessage}${request}${attempts}. ${details.advice}`,
    );
    if (options?.cause !== undefined) {
      this.cause = options.cause;
    }
    this.operation = context.operation;
    this.userPoolId = context.userPoolId;
    this.region = context.region;
    this.awsErrorName = details.awsErrorName;
    this.requestId = details.requestId;
    this.httpStatusCode = details.httpStatusCode;
  }
  static isInstance(error: unknown): error is AwsCallError {
    return hasKind(error, AwsCallError.kind);
  }
}

/** The call failed because the user pool does not exist (deleted, or another region or account). */
export function isUserPoolNotFoundError(error: unknown): boolean {
  return AwsCallError.isInstance(error) && error.awsErrorName === "ResourceNotFoundException";
}
