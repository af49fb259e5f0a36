/**
 * A CloudTrail record as EventBridge delivers it to the default bus: the envelope of an
 * "AWS API Call via CloudTrail" event with the record as `detail` (EventBridge User Guide,
 * "AWS service events delivered via AWS CloudTrail"; `source` is `aws.` and the service
 * prefix of `eventSource`).
 */
import { randomUUID } from "node:crypto";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The EventBridge event for a CloudTrail record given as LookupEvents' `CloudTrailEvent` text. */
export function cloudTrailEventBridgeEvent(cloudTrailEvent: string): { [key: string]: Json } {
  const record = JSON.parse(cloudTrailEvent) as { [key: string]: Json };
  const eventSource = String(record["eventSource"]);
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "AWS API Call via CloudTrail",
    source: `aws.${eventSource.replace(/\.amazonaws\.com$/, "")}`,
    account: String(record["recipientAccountId"]),
    time: String(record["eventTime"]),
    region: String(record["awsRegion"]),
    resources: [],
    detail: record,
  };
}
