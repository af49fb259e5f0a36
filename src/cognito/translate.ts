/**
 * Between the AWS wire shapes and ours. Reading is tolerant: AWS has added fields to
 * this API before (the first revision had only CloudWatch Logs and ERROR), so a field
 * we do not know is ignored, never a crash.
 */
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { canonicalLogConfigurations } from "../core/canonical";
import type { LogConfiguration } from "../types";

/** Our configuration in the shape SetLogDeliveryConfiguration takes. */
export function toAwsLogConfigurations(list: readonly LogConfiguration[]): LogConfigurationType[] {
  return list.map((entry) => ({
    EventSource: entry.eventSource,
    LogLevel: entry.logLevel,
    ...(entry.cloudWatchLogsConfiguration && {
      CloudWatchLogsConfiguration: { LogGroupArn: entry.cloudWatchLogsConfiguration.logGroupArn },
    }),
    ...(entry.s3Configuration && {
      S3Configuration: { BucketArn: entry.s3Configuration.bucketArn },
    }),
    ...(entry.firehoseConfiguration && {
      FirehoseConfiguration: { StreamArn: entry.firehoseConfiguration.streamArn },
    }),
  }));
}

/** What AWS reports, in canonical form; unknown fields are dropped. */
export function fromAwsLogConfigurations(
  list: readonly LogConfigurationType[] | undefined,
): LogConfiguration[] {
  const entries = (list ?? []).map((item): LogConfiguration => {
    const entry = { eventSource: item.EventSource, logLevel: item.LogLevel } as LogConfiguration;
    const logGroupArn = item.CloudWatchLogsConfiguration?.LogGroupArn;
    const bucketArn = item.S3Configuration?.BucketArn;
    const streamArn = item.FirehoseConfiguration?.StreamArn;
    if (typeof logGroupArn === "string") {
      entry.cloudWatchLogsConfiguration = { logGroupArn };
    }
    if (typeof bucketArn === "string") {
      entry.s3Configuration = { bucketArn };
    }
    if (typeof streamArn === "string") {
      entry.firehoseConfiguration = { streamArn };
    }
    return entry;
  });
  return canonicalLogConfigurations(entries);
}
