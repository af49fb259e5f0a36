/** The CloudTrail operations the emulator serves, by their `X-Amz-Target` name. */
import type { Operation } from "../operations";
import { lookupEvents, readLookupRequest } from "./lookupEvents";

const lookup: Operation = (body, context) => ({
  output: lookupEvents(readLookupRequest(body), context.history, context.accountId, context.region),
});

export const CLOUDTRAIL_OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ["LookupEvents", lookup],
]);
