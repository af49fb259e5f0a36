/**
 * Configurations written out for people: in error messages (what is on the pool now)
 * and as the TypeScript to declare it.
 */
import type { LogConfiguration } from "../types";
import { destinationOf } from "./canonical";
import { DESTINATIONS } from "./destinations";

/** One line per entry, e.g. `userNotification (ERROR) → CloudWatch Logs log group arn:…`. */
export function describeLogConfigurations(list: readonly LogConfiguration[]): string {
  if (list.length === 0) {
    return "  (no log delivery)";
  }
  return list
    .map((entry) => {
      const destination = destinationOf(entry);
      const target = destination
        ? `${DESTINATIONS[destination.property].title} ${destination.arn}`
        : "no destination";
      return `  - ${entry.eventSource} (${entry.logLevel}) → ${target}`;
    })
    .join("\n");
}

/** The `logConfigurations` argument that declares exactly this configuration. */
export function logConfigurationsSource(list: readonly LogConfiguration[], indent = ""): string {
  if (list.length === 0) {
    return "logConfigurations: [],";
  }
  const entries = list.map((entry) => {
    const destination = destinationOf(entry);
    const fields = [
      `eventSource: ${JSON.stringify(entry.eventSource)}`,
      `logLevel: ${JSON.stringify(entry.logLevel)}`,
    ];
    if (destination) {
      const field = DESTINATIONS[destination.property].field;
      fields.push(`${destination.property}: { ${field}: ${JSON.stringify(destination.arn)} }`);
    }
    return `${indent}  { ${fields.join(", ")} },`;
  });
  return [`logConfigurations: [`, ...entries, `${indent}],`].join("\n");
}
