/**
 * Between the AWS wire shapes and ours, through the destination table. Reading is
 * tolerant: AWS has added fields to this API before (the first revision had only
 * CloudWatch Logs and ERROR), so a field we do not know is ignored, never a crash.
 */
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { canonicalLogConfigurations } from "../core/canonical";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "../core/destinations";
import type { LogConfiguration } from "../types";

/** Our configuration in the shape SetLogDeliveryConfiguration takes. */
export function toAwsLogConfigurations(list: readonly LogConfiguration[]): LogConfigurationType[] {
  return list.map((entry) => {
    const item: LogConfigurationType = { EventSource: entry.eventSource, LogLevel: entry.logLevel };
    for (const property of DESTINATION_PROPERTIES) {
      const { field, awsMember, awsField } = DESTINATIONS[property];
      const destination = entry[property] as Record<string, string> | undefined;
      if (destination) {
        Object.assign(item, { [awsMember]: { [awsField]: destination[field] } });
      }
    }
    return item;
  });
}

/** What AWS reports, in canonical form; unknown fields are dropped. */
export function fromAwsLogConfigurations(
  list: readonly LogConfigurationType[] | undefined,
): LogConfiguration[] {
  const entries = (list ?? []).map((item): LogConfiguration => {
    const entry = { eventSource: item.EventSource, logLevel: item.LogLevel } as LogConfiguration;
    for (const property of DESTINATION_PROPERTIES) {
      const { field, awsMember, awsField } = DESTINATIONS[property];
      const arn = (item[awsMember] as Record<string, unknown> | undefined)?.[awsField];
      if (typeof arn === "string") {
        Object.assign(entry, { [property]: { [field]: arn } });
      }
    }
    return entry;
  });
  return canonicalLogConfigurations(entries);
}
