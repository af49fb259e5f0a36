/**
 * The API model's member constraints (required, length, pattern, enum, range), checked
 * and reported the way AWS's request validation reports them: every violation is
 * collected into one `InvalidParameterException` whose message reads
 * `N validation error(s) detected: Value 'x' at 'path' failed to satisfy constraint: ...`,
 * violations joined by `; `. Paths use lower-camel member names and 1-based list indexes
 * (`logConfigurations.1.member.logLevel`), as measured against the live API.
 */
import { invalidParameter } from "./errors";

/** A scalar as AWS quotes it in a message: `'x'`, or `null` for a missing member. */
function renderScalar(value: string | number | undefined): string {
  return value === undefined ? "null" : `'${value}'`;
}

/** Collects constraint violations for one request. */
export class ConstraintViolations {
  private readonly violations: { path: string; message: string }[] = [];

  /** Records "must not be null" when a required member is missing; true when it is present. */
  required<T>(path: string, value: T | undefined): value is T {
    if (value === undefined) {
      this.add(path, "null", "Member must not be null");
      return false;
    }
    return true;
  }

  /** Length bounds of a string, or of a list (whose rendering the caller supplies). */
  length(
    path: string,
    length: number,
    bounds: { min?: number; max?: number },
    rendered: string,
  ): void {
    if (bounds.min !== undefined && length < bounds.min) {
      this.add(path, rendered, `Member must have length greater than or equal to ${bounds.min}`);
    }
    if (bounds.max !== undefined && length > bounds.max) {
      this.add(path, rendered, `Member must have length less than or equal to ${bounds.max}`);
    }
  }

  stringLength(path: string, value: string, bounds: { min?: number; max?: number }): void {
    this.length(path, value.length, bounds, renderScalar(value));
  }

  /** Model patterns must match the whole value. */
  pattern(path: string, value: string, pattern: string): void {
    if (!new RegExp(`^(?:${pattern})$`).test(value)) {
      this.add(
        path,
        renderScalar(value),
        `Member must satisfy regular expression pattern: ${pattern}`,
      );
    }
  }

  /** AWS lists the allowed values sorted (`[userAuthEvents, userNotification]`, measured live). */
  enumValue(path: string, value: string, allowed: readonly string[]): void {
    if (!allowed.includes(value)) {
      const set = [...allowed].sort().join(", ");
      this.add(path, renderScalar(value), `Member must satisfy enum value set: [${set}]`);
    }
  }

  range(path: string, value: number, bounds: { min: number; max: number }): void {
    if (value < bounds.min) {
      this.add(
        path,
        renderScalar(value),
        `Member must have value greater than or equal to ${bounds.min}`,
      );
    }
    if (value > bounds.max) {
      this.add(
        path,
        renderScalar(value),
        `Member must have value less than or equal to ${bounds.max}`,
      );
    }
  }

  /** Every violation so far: the member's path and what it failed, as AWS words it. */
  get fields(): readonly { path: string; message: string }[] {
    return this.violations;
  }

  /** `N validation error(s) detected: ...`, or undefined when there is none. */
  summary(): string | undefined {
    const count = this.violations.length;
    if (count === 0) {
      return undefined;
    }
    const header =
      count === 1 ? "1 validation error detected: " : `${count} validation errors detected: `;
    return header + this.violations.map((violation) => violation.message).join("; ");
  }

  /** Throws one `InvalidParameterException` (Cognito's) naming every violation, if there is any. */
  throwIfAny(): void {
    const summary = this.summary();
    if (summary !== undefined) {
      throw invalidParameter(summary);
    }
  }

  /** A violation the model's traits do not express, in the service's own words. */
  other(path: string, message: string): void {
    this.violations.push({ path, message });
  }

  private add(path: string, renderedValue: string, constraint: string): void {
    this.violations.push({
      path,
      message: `Value ${renderedValue} at '${path}' failed to satisfy constraint: ${constraint}`,
    });
  }
}
