/**
 * Reading the destination of one entry: exactly one, one its event source takes, with an
 * ARN AWS would accept for a pool in its region.
 */
import type { DestinationProperty, EventSource } from "../types";
import { destinationArnProblem } from "./destinationArn";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "./destinations";
import { EVENT_SOURCE_DELIVERY } from "./eventSources";
import type { FailureCollector } from "./failures";
import { reportUnknownKeys } from "./unknownKeys";
import { isRecord, isUnknown } from "./values";

export function readDestinations(
  entry: Record<string, unknown>,
  eventSource: EventSource | undefined,
  path: string,
  poolRegion: string | undefined,
  failures: FailureCollector,
): void {
  const present = DESTINATION_PROPERTIES.filter(
    (property) => entry[property] !== undefined && entry[property] !== null,
  );
  const allowed = eventSource
    ? EVENT_SOURCE_DELIVERY[eventSource].destinations
    : DESTINATION_PROPERTIES;
  const allowedText = allowed
    .map((property) => `${property}.${DESTINATIONS[property].field}`)
    .join(", ");
  if (present.length === 0) {
    // AWS answers such an entry with "Following event sources in request have no destination."
    const choice = allowed.length === 1 ? allowedText : `exactly one of ${allowedText}`;
    failures.add(path, `has no destination: set ${choice}.`);
    return;
  }
  if (present.length > 1) {
    failures.add(
      path,
      `sets ${present.length} destinations (${present.join(", ")}); Cognito delivers each event source to exactly one: keep one of them.`,
    );
  }
  for (const property of present) {
    if (eventSource && !allowed.includes(property)) {
      failures.add(
        `${path}.${property}`,
        `cannot be used for ${eventSource}: ${eventSource} logs go to ${allowedText} only (${DESTINATIONS[property].title}s take userAuthEvents, which needs the Plus feature plan).`,
      );
      continue;
    }
    readDestination(property, entry[property], `${path}.${property}`, poolRegion, failures);
  }
}

function readDestination(
  property: DestinationProperty,
  value: unknown,
  path: string,
  poolRegion: string | undefined,
  failures: FailureCollector,
): void {
  const destination = DESTINATIONS[property];
  if (isUnknown(value)) {
    return;
  }
  if (!isRecord(value)) {
    failures.add(path, `must be an object: { ${destination.field}: "${destination.arnShape}" }.`);
    return;
  }
  reportUnknownKeys(value, [destination.field], `${path}.`, failures);
  const arn = value[destination.field];
  const arnPath = `${path}.${destination.field}`;
  if (isUnknown(arn)) {
    return;
  }
  if (typeof arn !== "string" || arn.length === 0) {
    failures.add(
      arnPath,
      `is required: the ARN of the ${destination.title}, ${destination.arnShape} (${destination.pulumiSource}).`,
    );
    return;
  }
  const problem = destinationArnProblem(destination, arn, poolRegion);
  if (problem) {
    failures.add(arnPath, problem);
  }
}
