/** The value of `--fault`: one fault rule, written `kind[:operation[:times[:latencyMs]]]`. */
import { checkFaultRule } from "../faults";
import type { FaultKind, FaultRule } from "../faults";
import { OPERATIONS } from "../operations";
import { CliUsageError } from "./usage";

/** `kind[:operation[:times[:latencyMs]]]`, e.g. `throttle:SetLogDeliveryConfiguration:2`. */
export function parseFaultSpec(spec: string): FaultRule {
  const [kind = "", operation = "", times = "", latencyMs = "", ...rest] = spec.split(":");
  if (rest.length > 0) {
    throw new CliUsageError(
      `--fault "${spec}" has too many parts; write kind[:operation[:times[:latencyMs]]]`,
    );
  }
  const rule: FaultRule = { kind: kind as FaultKind };
  if (operation !== "" && operation !== "*") {
    rule.operation = operation;
  }
  if (times !== "") {
    rule.times = times === "*" ? Infinity : wholeNumber(times, "times", spec);
  }
  if (latencyMs !== "") {
    rule.latencyMs = wholeNumber(latencyMs, "latencyMs", spec);
  }
  try {
    checkFaultRule(rule, OPERATIONS);
  } catch (error) {
    throw new CliUsageError(`--fault "${spec}": ${(error as Error).message}`);
  }
  return rule;
}

function wholeNumber(text: string, part: string, spec: string): number {
  if (!/^\d+$/.test(text)) {
    throw new CliUsageError(`--fault "${spec}": ${part} must be a whole number; got "${text}"`);
  }
  return Number(text);
}
