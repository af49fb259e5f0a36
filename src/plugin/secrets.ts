/**
 * Secret values as the provider protocol carries them in plain property bags: an object
 * whose special signature key holds the secret signature, the value under `value`
 * (@pulumi/pulumi's `runtime.specialSigKey` and `runtime.specialSecretSig`). Our values are
 * IDs and ARNs, which may be secret in a program but need no secrecy inside the provider;
 * the engine keeps an output secret when the input of the same name was.
 */
import * as pulumi from "@pulumi/pulumi";
import { isRecord } from "../core/values";

/**
 * Deeper than any property of ours (the deepest, an ARN inside a destination inside an
 * entry, is at depth 4): what lies below is left as it is, for `check` to report as a shape
 * it does not know, and no input can exhaust the stack.
 */
const MAX_UNWRAP_DEPTH = 32;

/** `value` with every secret wrapper replaced by the value it wraps, down to MAX_UNWRAP_DEPTH. */
export function unwrapSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_UNWRAP_DEPTH) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((element) => unwrapSecrets(element, depth + 1));
  }
  if (!isRecord(value)) {
    return value;
  }
  if (value[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) {
    return unwrapSecrets(value["value"], depth + 1);
  }
  const unwrapped: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    unwrapped[key] = unwrapSecrets(child, depth + 1);
  }
  return unwrapped;
}
