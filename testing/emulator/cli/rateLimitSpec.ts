/**
 * The values of `--rate-limit`: categories with requests per second and an optional
 * burst, written `read=15,write=15/30,pool=5`, as one set of limits.
 */
import { rateLimitProblem } from "../rateLimits";
import type { RateLimit, RateLimits } from "../rateLimits";
import { CliUsageError } from "./usage";

/** The CLI's names for the categories of `RateLimits`. */
const RATE_LIMIT_CATEGORIES: ReadonlyMap<string, keyof RateLimits> = new Map([
  ["read", "read"],
  ["write", "write"],
  ["pool", "perPool"],
  ["chat-read", "chatRead"],
  ["chat-write", "chatWrite"],
]);

/** Every `--rate-limit` given, e.g. `read=15,write=15/30,pool=5`, as one set of limits. */
export function parseRateLimitSpecs(specs: readonly string[]): RateLimits {
  const limits: RateLimits = {};
  for (const spec of specs) {
    for (const item of spec.split(",")) {
      const [name = "", value, ...rest] = item.split("=");
      const category = RATE_LIMIT_CATEGORIES.get(name);
      if (value === undefined || rest.length > 0) {
        throw new CliUsageError(
          `--rate-limit "${spec}": write category=requestsPerSecond[/burst] separated by commas, e.g. read=15,write=15,pool=5/10`,
        );
      }
      if (category === undefined) {
        throw new CliUsageError(
          `--rate-limit "${spec}": unknown category "${name}"; use ${[...RATE_LIMIT_CATEGORIES.keys()].join(", ")}`,
        );
      }
      if (limits[category] !== undefined) {
        throw new CliUsageError(`--rate-limit "${spec}": ${name} is given twice`);
      }
      limits[category] = parseRateLimit(value, `--rate-limit "${spec}": ${name}`);
    }
  }
  return limits;
}

/** `requestsPerSecond[/burst]`; `context` starts any error message. */
function parseRateLimit(value: string, context: string): RateLimit {
  const numbers = value.split("/");
  if (numbers.length > 2 || !numbers.every((number) => /^\d*\.?\d+$/.test(number))) {
    throw new CliUsageError(
      `${context} needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "${value}"`,
    );
  }
  const [requestsPerSecond = 0, burst] = numbers.map(Number);
  const limit: RateLimit =
    burst === undefined ? { requestsPerSecond } : { requestsPerSecond, burst };
  const problem = rateLimitProblem(limit);
  if (problem) {
    throw new CliUsageError(`${context}: ${problem}`);
  }
  return limit;
}
