/**
 * The event sources of a user pool and how each may be delivered: the one place that
 * says, for example, that userNotification goes at level ERROR to CloudWatch Logs only.
 * Source: SetLogDeliveryConfiguration API reference, `LogConfigurationType.LogLevel`.
 */
import type { DestinationProperty, EventSource, LogLevel } from "../types";

/** How one event source may be delivered. */
export interface EventSourceDelivery {
  /** The only log level AWS accepts for this event source. */
  logLevel: LogLevel;
  /** The destinations AWS accepts for this event source. */
  destinations: readonly DestinationProperty[];
  /** What the event source carries, for messages. */
  description: string;
}

/** One row per event source; their order is the canonical order of entries. */
export const EVENT_SOURCE_DELIVERY: Readonly<Record<EventSource, EventSourceDelivery>> = {
  // "To send userNotification activity ... choose ERROR with CloudWatchLogsConfiguration."
  userNotification: {
    logLevel: "ERROR",
    destinations: ["cloudWatchLogsConfiguration"],
    description: "message-delivery errors",
  },
  // "To send userAuthEvents activity ... with the Plus feature plan, choose INFO with one of
  // CloudWatchLogsConfiguration, FirehoseConfiguration, or S3Configuration."
  userAuthEvents: {
    logLevel: "INFO",
    destinations: ["cloudWatchLogsConfiguration", "firehoseConfiguration", "s3Configuration"],
    description: "threat-protection user activity (Plus feature plan)",
  },
};

/** The event sources, in canonical order. */
export const EVENT_SOURCES = Object.keys(EVENT_SOURCE_DELIVERY) as EventSource[];

/** True for a value that names an event source. */
export function isEventSource(value: unknown): value is EventSource {
  return (EVENT_SOURCES as unknown[]).includes(value);
}
