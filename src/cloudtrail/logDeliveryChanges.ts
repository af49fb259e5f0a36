/**
 * The CloudTrail adapter: every recorded SetLogDeliveryConfiguration of a region in a time
 * window, newest first, a page at a time (LookupEvents: at most 50 events per page, one
 * lookup attribute; AUDIT-AND-INVENTORY-FACTS "CloudTrail LookupEvents"). Filtering by
 * event name is the lookup AWS supports well; pools are told apart from each record,
 * since Cognito's records may lack `Resources`.
 */
import { paginateLookupEvents } from "@aws-sdk/client-cloudtrail";
import { readChangeRecord, SET_LOG_DELIVERY_EVENT } from "../core/changeRecord";
import type { LogDeliveryChange } from "../core/changeRecord";
import { pagesOrFail } from "../aws/pages";
import type { CloudTrailClients } from "./clients";
import { describeCloudTrailFailure } from "./failureAdvice";

/** LookupEvents: `MaxResults` is 1–50; the fewest calls take 50. */
export const LOOKUP_PAGE_SIZE = 50;

/**
 * The window of a lookup: from `start` to CloudTrail's own present. No `EndTime` is sent,
 * so that a local clock behind CloudTrail's cannot leave out the newest events.
 */
export interface TimeWindow {
  start: Date;
}

/** One page of recorded changes, newest first; `events` counts every event the page held. */
export interface ChangesPage {
  changes: LogDeliveryChange[];
  events: number;
}

/**
 * The pages of recorded changes in `region` within `window`, newest first. A failed call
 * throws an `AwsCallError` whose advice names the IAM action or what else to do.
 */
export async function* logDeliveryChanges(
  clients: CloudTrailClients,
  region: string,
  window: TimeWindow,
): AsyncGenerator<ChangesPage> {
  const pages = paginateLookupEvents(
    { client: clients.forRegion(region), pageSize: LOOKUP_PAGE_SIZE },
    {
      LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: SET_LOG_DELIVERY_EVENT }],
      StartTime: window.start,
    },
  );
  const describe = (error: unknown) =>
    describeCloudTrailFailure(error, region, clients.endpointOverride());
  for await (const page of pagesOrFail(pages, { operation: "LookupEvents", region }, describe)) {
    const events = page.Events ?? [];
    const changes: LogDeliveryChange[] = [];
    for (const event of events) {
      const change = readChangeRecord(event.CloudTrailEvent);
      if (change) {
        changes.push(change);
      }
    }
    yield { changes, events: events.length };
  }
}
