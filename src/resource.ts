/**
 * `UserPoolLogDelivery`: the log delivery of one Cognito user pool, as a Pulumi
 * resource. Arguments and outputs mirror `aws.cognito.LogDeliveryConfiguration`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { LastOutsideChange } from "./core/outsideChange";
import { DuplicatePoolError } from "./errors";
import { programPoolClaims } from "./poolClaims";
import { RESOURCE_TYPE } from "./resourceType";
import { STORED_PROVIDER } from "./serializedProvider";
import type { LogConfiguration, UserPoolLogDeliveryInputs } from "./types";

/** Every level of a plain shape accepts `pulumi.Input` values. */
type Inputs<T> = T extends string | number | boolean
  ? pulumi.Input<T>
  : T extends readonly (infer Element)[]
    ? pulumi.Input<Inputs<Element>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: Inputs<T[K]> }>
      : pulumi.Input<T>;

/** Arguments of `UserPoolLogDelivery`, derived from `UserPoolLogDeliveryInputs`. */
export type UserPoolLogDeliveryArgs = {
  [K in keyof UserPoolLogDeliveryInputs]: Inputs<UserPoolLogDeliveryInputs[K]>;
};

/**
 * Which event sources of a user pool go to which CloudWatch Logs group, S3 bucket or
 * Firehose stream. The resource owns the pool's whole log delivery configuration.
 *
 * - Mistakes are reported at preview, with the property and what to write instead.
 * - Two resources for one pool fail the preview, naming both.
 * - The order of entries never matters, and a log group ARN ending in `:*` is accepted.
 * - Create refuses to overwrite a different configuration already on the pool.
 * - Refresh reports changes made outside Pulumi; the next `up` repairs them.
 *
 * A dynamic resource: its type token names the `pulumi-nodejs` provider, whose host runs
 * the provider stored in `__provider`. It registers itself as `pulumi.dynamic.Resource`
 * does (a `CustomResource` of that type with `__provider` among its inputs), with a
 * shorter stored provider (serializedProvider.ts) and one constructor fewer between the
 * user's line and Pulumi's, which records that line as the resource's source position.
 */
export class UserPoolLogDelivery extends pulumi.CustomResource {
  /** ID of the user pool. */
  declare public readonly userPoolId: pulumi.Output<string>;
  /** Region the pool is addressed in. */
  declare public readonly region: pulumi.Output<string>;
  /** The configuration as AWS reports it, ordered by event source. */
  declare public readonly logConfigurations: pulumi.Output<LogConfiguration[]>;
  /**
   * Set by `pulumi refresh` when it found the configuration changed outside Pulumi: who
   * made the newest such change, when and how, according to CloudTrail, or why that is
   * unknown (README "Who changed it"). Never an input; never causes a diff.
   */
  declare public readonly lastOutsideChange: pulumi.Output<LastOutsideChange | undefined>;

  constructor(name: string, args: UserPoolLogDeliveryArgs, opts?: pulumi.CustomResourceOptions) {
    const stackTraceLimit = Error.stackTraceLimit;
    const framesRecorded = registrationStackFrames(stackTraceLimit);
    Error.stackTraceLimit = framesRecorded;
    try {
      // A read-only reference (`get`) declares nothing, so it claims no pool.
      const userPoolId = opts?.id ? args.userPoolId : claimedPoolId(name, args);
      super(
        RESOURCE_TYPE,
        name,
        {
          __provider: STORED_PROVIDER,
          userPoolId,
          logConfigurations: args.logConfigurations,
          region: args.region,
          // An output only: undefined is never sent as an input, but makes the output exist.
          lastOutsideChange: undefined,
        },
        opts,
      );
    } catch (error) {
      // Thrown while no frames were recorded (a program passing no arguments, say): give
      // it the stack of the line that declared this resource, so the user can find it.
      Error.stackTraceLimit = stackTraceLimit;
      if (error instanceof Error && framesRecorded < stackTraceLimit) {
        Error.captureStackTrace(error, UserPoolLogDelivery);
      }
      throw error;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  /**
   * A read-only reference to the log delivery of an existing pool, by pool ID: Pulumi
   * reads it (one GetLogDeliveryConfiguration) and never changes or deletes it. The
   * pool's region is taken from its ID unless `state.region` says otherwise.
   */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: { region?: pulumi.Input<string> },
    opts?: pulumi.CustomResourceOptions,
  ): UserPoolLogDelivery {
    // A read passes these to the provider's `read`, which reports what is on the pool;
    // the empty list is never applied.
    return new UserPoolLogDelivery(
      name,
      {
        userPoolId: id,
        region: state?.region,
        logConfigurations: [],
      },
      { ...opts, id },
    );
  }
}

/**
 * How many stack frames V8 records while a delivery registers. The Pulumi SDK formats a
 * stack trace for every output it creates (`debuggablePromise`), kept for the leak report
 * that PULUMI_DEBUG_PROMISE_LEAKS turns on; under ts-node each trace is mapped through
 * source maps. That was 8.5 of the program's 22 CPU seconds in a preview of 2,000
 * deliveries (docs/BENCHMARKS-FINDINGS.md), so none are recorded unless that report is
 * asked for. The resource's source position is unaffected: Pulumi lifts the limit itself
 * to find it (`Resource.callsites`).
 */
function registrationStackFrames(current: number): number {
  return process.env["PULUMI_DEBUG_PROMISE_LEAKS"] ? current : 0;
}

/**
 * The pool ID, once this resource has claimed the pool in the program: a second resource
 * for the same pool fails here, as soon as both IDs are known (during preview for literal
 * IDs and existing pools), before it is registered, so nothing reaches AWS. The failure
 * becomes a `pulumi.RunError` (our `DuplicatePoolError` is its cause), which the Pulumi
 * runtime prints as the error of the program, without a stack trace. (A `ResourceError`
 * cannot be shown on a resource that was never registered.)
 */
function claimedPoolId(name: string, args: UserPoolLogDeliveryArgs): pulumi.Input<string> {
  return pulumi.output(args.userPoolId).apply((userPoolId) => {
    if (typeof userPoolId === "string") {
      try {
        programPoolClaims(`${pulumi.getProject()}/${pulumi.getStack()}`).claim(userPoolId, name);
      } catch (error) {
        if (!DuplicatePoolError.isInstance(error)) {
          throw error;
        }
        const reported = new pulumi.RunError(error.message);
        reported.cause = error;
        throw reported;
      }
    }
    return userPoolId;
  });
}
