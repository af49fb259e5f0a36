/** Keys a program wrote that the resource does not have: reported with "did you mean". */
import type { FailureCollector } from "./failures";
import { closestName } from "./suggest";

export function reportUnknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  pathPrefix: string,
  failures: FailureCollector,
  ignored: readonly string[] = [],
): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key) || ignored.includes(key)) {
      continue;
    }
    const suggestion = closestName(key, allowed);
    failures.add(
      `${pathPrefix}${key}`,
      suggestion
        ? `is not a known property; did you mean "${suggestion}"?`
        : `is not a known property; ${allowed.length === 1 ? "the only property here is" : "the properties here are"} ${allowed.join(", ")}.`,
    );
  }
}
