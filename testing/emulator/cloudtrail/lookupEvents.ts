/**
 * CloudTrail LookupEvents over the emulator's event history (API reference, LookupEvents;
 * AUDIT-AND-INVENTORY-FACTS "CloudTrail LookupEvents"): at most one lookup attribute, an
 * inclusive time range, 1–50 results per page, newest first, and a NextToken that is valid
 * only with the parameters it was issued for. Pages stay correct while events arrive:
 * a token holds the position after the last event returned (its time and ID), not an
 * offset into a list that grows at the front.
 */
import { createHash } from "node:crypto";
import type { StructureReader } from "../deserialize";
import {
  invalidEventCategory,
  invalidLookupAttributes,
  invalidMaxResults,
  invalidNextToken,
  invalidTimeRange,
} from "./errors";
import type { EventHistory, StoredEvent } from "./eventHistory";

export const LOOKUP_ATTRIBUTE_KEYS = [
  "EventId",
  "EventName",
  "ReadOnly",
  "Username",
  "ResourceType",
  "ResourceName",
  "EventSource",
  "AccessKeyId",
] as const;
type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

const MAX_RESULTS = 50;
const USER_POOL_RESOURCE_TYPE = "AWS::Cognito::UserPool";

/** A request, checked. */
export interface LookupRequest {
  attribute?: { key: LookupAttributeKey; value: string };
  startTime?: number;
  endTime?: number;
  maxResults: number;
  nextToken?: string;
  insight: boolean;
}

/** Reads and checks the request body. */
export function readLookupRequest(body: StructureReader): LookupRequest {
  const attributes = body.structureList("LookupAttributes") ?? [];
  if (attributes.length > 1) {
    throw invalidLookupAttributes("You can specify at most one lookup attribute.");
  }
  let attribute: LookupRequest["attribute"];
  const [only] = attributes;
  if (only) {
    const key = only.string("AttributeKey");
    const value = only.string("AttributeValue");
    if (key === undefined || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
      throw invalidLookupAttributes(
        `AttributeKey ${key === undefined ? "is missing" : `"${key}" is not valid`}: use one of ${LOOKUP_ATTRIBUTE_KEYS.join(", ")}.`,
      );
    }
    if (value === undefined || value.length < 1 || value.length > 2000) {
      throw invalidLookupAttributes("AttributeValue must be 1 to 2000 characters.");
    }
    attribute = { key: key as LookupAttributeKey, value };
  }
  const startTime = timestamp(body, "StartTime");
  const endTime = timestamp(body, "EndTime");
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw invalidTimeRange("The start time must be before the end time.");
  }
  const maxResults = body.integer("MaxResults") ?? MAX_RESULTS;
  if (maxResults < 1 || maxResults > MAX_RESULTS) {
    throw invalidMaxResults(`MaxResults must be 1 to ${MAX_RESULTS}; got ${maxResults}.`);
  }
  const category = body.string("EventCategory");
  if (category !== undefined && category !== "insight") {
    throw invalidEventCategory(
      `EventCategory "${category}" is not valid: the only value is insight.`,
    );
  }
  const nextToken = body.string("NextToken");
  return {
    ...(attribute && { attribute }),
    ...(startTime !== undefined && { startTime }),
    ...(endTime !== undefined && { endTime }),
    maxResults,
    ...(nextToken !== undefined && { nextToken }),
    insight: category === "insight",
  };
}

/** JSON 1.1 timestamps are epoch seconds; the answer is milliseconds. */
function timestamp(body: StructureReader, member: string): number | undefined {
  const seconds = body.epochSeconds(member);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** What a token binds (the request's parameters, hashed) and where the next page starts. */
interface TokenContent {
  parameters: string;
  afterTime: number;
  afterEventId: string;
}

function parametersHash(request: LookupRequest, region: string): string {
  const { attribute, startTime, endTime, insight } = request;
  return createHash("sha256")
    .update(JSON.stringify({ region, attribute, startTime, endTime, insight }))
    .digest("base64url")
    .slice(0, 22);
}

function matches(event: StoredEvent, attribute: NonNullable<LookupRequest["attribute"]>): boolean {
  const { record } = event;
  switch (attribute.key) {
    case "EventId":
      return record.eventID === attribute.value;
    case "EventName":
      return record.eventName === attribute.value;
    case "ReadOnly":
      return String(record.readOnly) === attribute.value;
    case "Username":
      return event.userName === attribute.value;
    case "ResourceType":
      return event.userPoolId !== undefined && attribute.value === USER_POOL_RESOURCE_TYPE;
    case "ResourceName":
      return event.userPoolId === attribute.value;
    case "EventSource":
      return record.eventSource === attribute.value;
    case "AccessKeyId":
      return record.userIdentity.accessKeyId === attribute.value;
  }
}

/** `Events` entry of the answer. */
function eventType(event: StoredEvent): object {
  const { record } = event;
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.userIdentity.accessKeyId,
    EventTime: event.time.getTime() / 1000,
    EventSource: record.eventSource,
    Username: event.userName,
    Resources:
      event.userPoolId === undefined
        ? []
        : [{ ResourceType: USER_POOL_RESOURCE_TYPE, ResourceName: event.userPoolId }],
    CloudTrailEvent: JSON.stringify(record),
  };
}

/** One page of the answer. */
export function lookupEvents(
  request: LookupRequest,
  history: EventHistory,
  accountId: string,
  region: string,
): object {
  const parameters = parametersHash(request, region);
  let after: TokenContent | undefined;
  if (request.nextToken !== undefined) {
    after = decodeToken(request.nextToken);
    if (after?.parameters !== parameters) {
      throw invalidNextToken(
        "The NextToken is not valid for these parameters: pass the token of the previous page with the same lookup attribute and time range.",
      );
    }
  }
  if (request.insight) {
    return { Events: [] };
  }
  const { attribute, startTime, endTime } = request;
  const candidates = history.visible(accountId, region).filter((event) => {
    const time = event.time.getTime();
    return (
      (startTime === undefined || time >= startTime) &&
      (endTime === undefined || time <= endTime) &&
      (attribute === undefined || matches(event, attribute))
    );
  });
  let start = 0;
  if (after) {
    const { afterTime, afterEventId } = after;
    const index = candidates.findIndex((event) => event.record.eventID === afterEventId);
    start =
      index >= 0
        ? index + 1
        : // The event the token points after is gone (older than 90 days): go on from its time.
          candidates.findIndex((event) => event.time.getTime() < afterTime);
    if (start < 0) {
      start = candidates.length;
    }
  }
  const page = candidates.slice(start, start + request.maxResults);
  const last = page.at(-1);
  const more = start + page.length < candidates.length && last !== undefined;
  return {
    Events: page.map(eventType),
    ...(more && {
      NextToken: encodeToken({
        parameters,
        afterTime: last.time.getTime(),
        afterEventId: last.record.eventID,
      }),
    }),
  };
}

function encodeToken(content: TokenContent): string {
  return Buffer.from(JSON.stringify(content)).toString("base64");
}

function decodeToken(token: string): TokenContent | undefined {
  try {
    const content = JSON.parse(
      Buffer.from(token, "base64").toString("utf8"),
    ) as Partial<TokenContent>;
    return typeof content.parameters === "string" &&
      typeof content.afterTime === "number" &&
      typeof content.afterEventId === "string"
      ? (content as TokenContent)
      : undefined;
  } catch {
    return undefined;
  }
}
