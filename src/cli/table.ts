/** What the commands' tables share: fixed-width columns and how a destination is shown. */
import { parseArn } from "../core/arn";
import { destinationOf } from "../core/canonical";
import { DESTINATIONS } from "../core/destinations";
import type { LogConfiguration } from "../types";

/** Rows (the first is the header) padded into columns two spaces apart. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const header = rows[0] ?? [];
  const widths = header.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? "").length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** `CloudWatch Logs /aws/vendedlogs/x`, `S3 my-bucket`, `Firehose my-stream`, or `-`. */
export function destinationText(entry: LogConfiguration | undefined): string {
  const destination = entry && destinationOf(entry);
  if (!destination) {
    return "-";
  }
  const { label, resourceName } = DESTINATIONS[destination.property];
  const resource = parseArn(destination.arn)?.resource;
  return `${label} ${resource === undefined ? destination.arn : resourceName(resource)}`;
}
