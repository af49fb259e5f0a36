/**
 * Faults a test can make the emulator answer with, to exercise a client's handling of
 * what AWS does under load or on a bad network: throttling, internal errors, slow
 * answers, and a connection lost after AWS applied the request.
 */

export const FAULT_KINDS = ["throttle", "internal-error", "latency", "drop-after-apply"] as const;

/**
 * - `throttle`: `TooManyRequestsException` (HTTP 400, "Rate exceeded"), which the AWS SDK retries as throttling.
 * - `internal-error`: `InternalErrorException` (HTTP 500).
 * - `latency`: wait `latencyMs`, then answer normally.
 * - `drop-after-apply`: carry the request out, then close the connection without answering.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** The operation it hits, e.g. `SetLogDeliveryConfiguration`; every operation when absent. */
  operation?: string;
  /** How many requests it hits before it is spent (default 1; `Infinity` for all). */
  times?: number;
  /** For `latency`: the delay in milliseconds. */
  latencyMs?: number;
}

/** Throws a one-line `Error` saying what is wrong with a rule. */
export function checkFaultRule(rule: FaultRule, operations: ReadonlyMap<string, unknown>): void {
  if (!(FAULT_KINDS as readonly string[]).includes(rule.kind)) {
    throw new Error(`unknown fault kind "${rule.kind}"; use one of ${FAULT_KINDS.join(", ")}`);
  }
  if (rule.operation !== undefined && !operations.has(rule.operation)) {
    throw new Error(
      `fault operation "${rule.operation}" is not served; use one of ${[...operations.keys()].join(", ")}`,
    );
  }
  const times = rule.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new Error(
      `fault times must be a whole number of at least 1, or Infinity; got ${rule.times}`,
    );
  }
  if (rule.kind === "latency") {
    if (rule.latencyMs === undefined || !Number.isFinite(rule.latencyMs) || rule.latencyMs < 0) {
      throw new Error(
        `a latency fault needs latencyMs, a number of milliseconds >= 0; got ${rule.latencyMs}`,
      );
    }
  } else if (rule.latencyMs !== undefined) {
    throw new Error(`latencyMs applies only to latency faults, not to ${rule.kind}`);
  }
}

/** The rules in force, each with the hits it has left; the first rule that matches a request is spent on it. */
export class FaultPlan {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  constructor(private readonly operations: ReadonlyMap<string, unknown>) {}

  add(rule: FaultRule): void {
    checkFaultRule(rule, this.operations);
    this.rules.push({ rule: { ...rule }, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault this request meets, if any; it counts as one of the rule's hits (spent rules are removed). */
  take(operation: string): FaultRule | undefined {
    const match = this.rules.find(
      ({ rule }) => rule.operation === undefined || rule.operation === operation,
    );
    if (!match) {
      return undefined;
    }
    match.remaining -= 1;
    this.rules = this.rules.filter(({ remaining }) => remaining > 0);
    return match.rule;
  }
}
