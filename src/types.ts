/**
 * The plain shapes of a user pool's log delivery, defined once. The resource's
 * `Input<>` arguments are derived from these (see `resource.ts`), and the pure core
 * (`core/`) works on them as plain data.
 *
 * Names mirror `aws.cognito.LogDeliveryConfiguration` from `@pulumi/aws`, so switching
 * between the two takes few edits.
 */

import type { LastOutsideChange } from "./core/outsideChange";

/** Where a user pool's logs come from (API reference: `LogConfigurationType.EventSource`). */
export type EventSource = "userNotification" | "userAuthEvents";

/** The level of logs a pool sends (API reference: `LogConfigurationType.LogLevel`). */
export type LogLevel = "ERROR" | "INFO";

/** A CloudWatch Logs destination. */
export interface CloudWatchLogsConfiguration {
  /** ARN of the log group; a trailing `:*` is accepted and removed (AWS rejects it). */
  logGroupArn: string;
}

/** An S3 destination (`userAuthEvents` only, Plus feature plan). */
export interface S3Configuration {
  /** ARN of the bucket, `arn:<partition>:s3:::<bucket>`. */
  bucketArn: string;
}

/** An Amazon Data Firehose destination (`userAuthEvents` only, Plus feature plan). */
export interface FirehoseConfiguration {
  /** ARN of the stream, `arn:<partition>:firehose:<region>:<account>:deliverystream/<name>`. */
  streamArn: string;
}

/** One event source and the single destination it is delivered to. */
export interface LogConfiguration {
  eventSource: EventSource;
  logLevel: LogLevel;
  cloudWatchLogsConfiguration?: CloudWatchLogsConfiguration;
  s3Configuration?: S3Configuration;
  firehoseConfiguration?: FirehoseConfiguration;
}

/** What a user declares: the whole log delivery configuration of one user pool. */
export interface UserPoolLogDeliveryInputs {
  /** ID of the user pool, `<region>_<id>`; a different pool replaces the resource. */
  userPoolId: string;
  /** At most one entry per event source; `[]` declares that the pool delivers no logs. */
  logConfigurations: LogConfiguration[];
  /** Region of the pool; defaults to the prefix of `userPoolId`. */
  region?: string;
}

/**
 * What the resource reports after create, update and refresh. (A type alias, not an
 * interface, so that it is assignable to the engine's plain property bags.)
 */
export type UserPoolLogDeliveryOutputs = {
  userPoolId: string;
  /** The region the pool was addressed in. */
  region: string;
  /** The configuration as AWS reports it, in canonical order. */
  logConfigurations: LogConfiguration[];
  /**
   * Set by refresh when it found the configuration changed outside Pulumi: who made the
   * newest such change according to CloudTrail, or why that is unknown. Never an input.
   */
  lastOutsideChange?: LastOutsideChange;
};

/** The three kinds of destination, by the property that holds each. */
export type DestinationProperty =
  "cloudWatchLogsConfiguration" | "s3Configuration" | "firehoseConfiguration";
