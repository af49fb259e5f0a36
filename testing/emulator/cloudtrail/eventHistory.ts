/**
 * CloudTrail's event history as the emulator keeps it: one record per Cognito management
 * call it served, successful or not, in the shape CloudTrail writes (record contents and
 * userIdentity reference; AUDIT-AND-INVENTORY-FACTS "how Cognito management calls are
 * recorded"). Records become visible to LookupEvents after a delivery delay and for 90
 * days, both on the emulator's clock.
 */
import { randomUUID } from "node:crypto";
import type { UserIdentity } from "./principals";

/** CloudTrail keeps 90 days of event history. */
export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;
/** CloudTrail truncates `userAgent` beyond 1 KB. */
const MAX_USER_AGENT = 1024;

/** One record, as LookupEvents returns it JSON-encoded in `CloudTrailEvent`. */
export interface CloudTrailRecord {
  eventVersion: "1.09";
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  requestParameters: unknown;
  responseElements: unknown;
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: "AwsApiCall";
  managementEvent: true;
  recipientAccountId: string;
  eventCategory: "Management";
}

/** A served call, as the request handler knows it. */
export interface ServedCall {
  identity: UserIdentity;
  /** The name LookupEvents lists (IAM user name, session name, root). */
  userName: string;
  eventSource: string;
  operation: string;
  region: string;
  sourceIPAddress: string;
  userAgent: string;
  /** The request body as parsed JSON; undefined when it was not JSON. */
  body: unknown;
  /** The answer's body, or undefined when the call failed. */
  output: unknown;
  error?: { errorType: string; message: string };
  requestId: string;
  readOnly: boolean;
  /** The pool the call was about, for `Resources`. */
  userPoolId?: string;
}

/** A record with what LookupEvents needs beside it. */
export interface StoredEvent {
  record: CloudTrailRecord;
  time: Date;
  userName: string;
  userPoolId?: string;
}

/** `UserPoolId` → `userPoolId`, at every depth, as in published Cognito records. */
export function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(camelCaseKeys);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key.charAt(0).toLowerCase() + key.slice(1),
        camelCaseKeys(inner),
      ]),
    );
  }
  return value;
}

/** ISO 8601 to the second, as CloudTrail writes `eventTime`. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export class EventHistory {
  private readonly stored: StoredEvent[] = [];
  private deliveryDelayMs = 0;

  constructor(private readonly clock: () => Date) {}

  /** Records a served call at the clock's time (to the second, as CloudTrail does). */
  record(call: ServedCall): void {
    const time = new Date(Math.floor(this.clock().getTime() / 1000) * 1000);
    const record: CloudTrailRecord = {
      eventVersion: "1.09",
      userIdentity: call.identity,
      eventTime: isoSeconds(time),
      eventSource: call.eventSource,
      eventName: call.operation,
      awsRegion: call.region,
      sourceIPAddress: call.sourceIPAddress,
      userAgent: call.userAgent.slice(0, MAX_USER_AGENT),
      requestParameters: call.body === undefined ? null : camelCaseKeys(call.body),
      responseElements: call.error ? null : camelCaseKeys(call.output ?? null),
      ...(call.error && { errorCode: call.error.errorType, errorMessage: call.error.message }),
      requestID: call.requestId,
      eventID: randomUUID(),
      readOnly: call.readOnly,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: call.identity.accountId,
      eventCategory: "Management",
    };
    this.stored.push({
      record,
      time,
      userName: call.userName,
      ...(call.userPoolId !== undefined && { userPoolId: call.userPoolId }),
    });
  }

  /** Every record, oldest first, delivered or not. */
  get records(): readonly CloudTrailRecord[] {
    return this.stored.map((event) => event.record);
  }

  setDeliveryDelay(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(
        `the CloudTrail delivery delay must be a number of milliseconds >= 0; got ${ms}`,
      );
    }
    this.deliveryDelayMs = ms;
  }

  clear(): void {
    this.stored.length = 0;
  }

  /** The events LookupEvents can see now in an account and region, newest first. */
  visible(accountId: string, region: string): StoredEvent[] {
    const now = this.clock().getTime();
    const oldest = now - HISTORY_DAYS * DAY_MS;
    const visible: StoredEvent[] = [];
    for (let index = this.stored.length - 1; index >= 0; index--) {
      const event = this.stored[index] as StoredEvent;
      const time = event.time.getTime();
      if (
        event.record.recipientAccountId === accountId &&
        event.record.awsRegion === region &&
        time >= oldest &&
        time + this.deliveryDelayMs <= now
      ) {
        visible.push(event);
      }
    }
    // Newest first; an injected clock may have moved back, so order by time (stable).
    return visible.sort((a, b) => b.time.getTime() - a.time.getTime());
  }
}
