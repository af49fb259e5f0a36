/**
 * Every error this package throws, in one hierarchy. Each takes the facts as data and
 * writes its own message, which stands alone (it becomes the user's whole message in
 * `pulumi up`, or the one line the CLI prints): what was attempted, on which pool, what
 * AWS said, and what to do next. A brand makes `isInstance` work across duplicate copies
 * of the package, as Pulumi's own errors do.
 */
import { describeLogConfigurations, logConfigurationsSource } from "./core/describe";
import type { CheckFailure } from "./core/failures";
import type { PoolAddress } from "./core/readInputs";
import type { LogConfiguration } from "./types";

const ERROR_BRAND = Symbol.for("pulumi-cognito-log-delivery:error");

/** Base of every error this package throws. */
export abstract class LogDeliveryError extends Error {
  readonly [ERROR_BRAND]: string;

  protected constructor(kind: string, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = kind;
    this[ERROR_BRAND] = kind;
    if (options?.cause !== undefined) {
      this.cause = options.cause;
    }
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
    const problems =
      failures.length > 0
        ? failures.map((failure) => `  - ${failure.property}: ${failure.reason}`)
        : ["  - some values are not known yet; run `pulumi up` again once they are."];
    super(
      InvalidLogDeliveryError.kind,
      `The log delivery declared for user pool ${userPoolId || "(no pool ID)"} is invalid; nothing was sent to AWS:\n` +
        problems.join("\n"),
    );
  }
  static isInstance(error: unknown): error is InvalidLogDeliveryError {
    return hasKind(error, InvalidLogDeliveryError.kind);
  }
}

/** A `LogDeliveryChangeAlert` was declared with arguments it cannot build rules from. */
export class InvalidChangeAlertError extends LogDeliveryError {
  static readonly kind = "InvalidChangeAlertError";
  constructor(
    readonly alertName: string,
    readonly failures: readonly CheckFailure[],
  ) {
    super(
      InvalidChangeAlertError.kind,
      `LogDeliveryChangeAlert ${alertName} cannot be created; nothing was sent to AWS:\n` +
        failures.map((failure) => `  - ${failure.property}: ${failure.reason}`).join("\n"),
    );
  }
  static isInstance(error: unknown): error is InvalidChangeAlertError {
    return hasKind(error, InvalidChangeAlertError.kind);
  }
}

/** Create found a different configuration on the pool and refused to overwrite it. */
export class ExistingConfigurationError extends LogDeliveryError {
  static readonly kind = "ExistingConfigurationError";
  readonly userPoolId: string;
  constructor(
    readonly pool: PoolAddress,
    readonly current: readonly LogConfiguration[],
    readonly declared: readonly LogConfiguration[],
  ) {
    const clearCommand =
      `aws cognito-idp set-log-delivery-configuration --region ${pool.region} ` +
      `--user-pool-id ${pool.userPoolId} --log-configurations '[]'`;
    super(
      ExistingConfigurationError.kind,
      [
        `User pool ${pool.userPoolId} (${pool.region}) already delivers logs, and not as declared. ` +
          "Creating this resource would overwrite that configuration, so nothing was changed.",
        "On the pool now:",
        describeLogConfigurations(current),
        "Declared:",
        describeLogConfigurations(declared),
        "To take it over as it is, declare exactly what is there, run `pulumi up` (no write to AWS), then change it from there:",
        `  ${logConfigurationsSource(current, "  ")}`,
        `To discard it instead, clear it first, then run \`pulumi up\` again: ${clearCommand}`,
      ].join("\n"),
    );
    this.userPoolId = pool.userPoolId;
  }
  static isInstance(error: unknown): error is ExistingConfigurationError {
    return hasKind(error, ExistingConfigurationError.kind);
  }
}

/** Two resources of one program declare the log delivery of the same pool. */
export class DuplicatePoolError extends LogDeliveryError {
  static readonly kind = "DuplicatePoolError";
  constructor(
    readonly userPoolId: string,
    readonly resourceNames: readonly [string, string],
  ) {
    const [first, second] = resourceNames;
    super(
      DuplicatePoolError.kind,
      `UserPoolLogDelivery "${first}" and "${second}" both declare the log delivery of user pool ${userPoolId}. ` +
        "A pool has one log delivery configuration, and each resource would replace the other's: " +
        `declare both event sources in one resource (its logConfigurations takes one entry per event source) and remove "${second}".`,
    );
  }
  static isInstance(error: unknown): error is DuplicatePoolError {
    return hasKind(error, DuplicatePoolError.kind);
  }
}

/** A stack config value or environment variable of this package that cannot be used. */
export class InvalidSettingError extends LogDeliveryError {
  static readonly kind = "InvalidSettingError";
  constructor(
    /** The config key or environment variable. */
    readonly setting: string,
    readonly value: string,
    /** What to write instead. */
    readonly expected: string,
  ) {
    super(InvalidSettingError.kind, `${setting} is "${value}": ${expected}`);
  }
  static isInstance(error: unknown): error is InvalidSettingError {
    return hasKind(error, InvalidSettingError.kind);
  }
}

/** A mistake on the command line; the message says what to write instead. */
export class UsageError extends LogDeliveryError {
  static readonly kind = "UsageError";
  constructor(readonly problem: string) {
    super(UsageError.kind, problem);
  }
  static isInstance(error: unknown): error is UsageError {
    return hasKind(error, UsageError.kind);
  }
}

/** Pools asked for by ID that the region does not have. */
export class PoolsNotFoundError extends LogDeliveryError {
  static readonly kind = "PoolsNotFoundError";
  constructor(
    readonly missing: readonly string[],
    readonly region: string,
    readonly listedCount: number,
  ) {
    super(
      PoolsNotFoundError.kind,
      `${missing.length === 1 ? "user pool" : "user pools"} ${missing.join(", ")} not found in ${region} ` +
        `(${listedCount} pools listed): check the IDs and --region`,
    );
  }
  static isInstance(error: unknown): error is PoolsNotFoundError {
    return hasKind(error, PoolsNotFoundError.kind);
  }
}

/** IVS Chat logging configurations asked for by ARN or ID that the regions listed do not have. */
export class ChatConfigurationsNotFoundError extends LogDeliveryError {
  static readonly kind = "ChatConfigurationsNotFoundError";
  constructor(
    readonly missing: readonly string[],
    readonly regions: readonly string[],
    readonly listedCount: number,
  ) {
    super(
      ChatConfigurationsNotFoundError.kind,
      `IVS Chat logging ${missing.length === 1 ? "configuration" : "configurations"} ${missing.join(", ")} not found in ${regions.join(", ")} ` +
        `(${listedCount} listed): check the ARNs or IDs and --region`,
    );
  }
  static isInstance(error: unknown): error is ChatConfigurationsNotFoundError {
    return hasKind(error, ChatConfigurationsNotFoundError.kind);
  }
}

/** The AWS operations this package calls. */
export type AwsOperation =
  | "GetLogDeliveryConfiguration"
  | "SetLogDeliveryConfiguration"
  | "ListUserPools"
  | "LookupEvents"
  | "ListLoggingConfigurations";

/** Where an AWS call went and what it was for. */
export interface AwsCallContext {
  operation: AwsOperation;
  /** The pool the call was about; none for ListUserPools and LookupEvents. */
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
  readonly operation: AwsOperation;
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
      options,
    );
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

  /** The call failed because the user pool does not exist (deleted, or another region or account). */
  static isUserPoolNotFound(error: unknown): boolean {
    return AwsCallError.isInstance(error) && error.awsErrorName === "ResourceNotFoundException";
  }
}
