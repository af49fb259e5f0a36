/**
 * Plain-data helpers for untyped property values. Values from a program can be nested
 * thousands of levels deep; nothing here recurses, so no input can overflow the stack.
 */

/**
 * During `pulumi preview`, values that depend on resources not yet created arrive in
 * `check` and `diff` as this sentinel string (`unknownValue` in @pulumi/pulumi's
 * `runtime/rpc`). It is repeated here so the core stays free of the SDK; a unit test
 * pins it to the SDK's value.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when a value is not known yet (preview). */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The values directly inside an array or object. */
function childrenOf(value: unknown): unknown[] {
  return value !== null && typeof value === "object" ? Object.values(value) : [];
}

/** True when a value, or anything inside it at any depth, is not known yet. */
export function containsUnknown(value: unknown): boolean {
  const pending = [value];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (isUnknown(next)) {
      return true;
    }
    if (next !== null && typeof next === "object" && !seen.has(next)) {
      seen.add(next);
      for (const child of childrenOf(next)) {
        pending.push(child);
      }
    }
  }
  return false;
}

/** Structural equality of plain data (JSON-like values), at any depth. */
export function samePlainData(left: unknown, right: unknown): boolean {
  const pending: [unknown, unknown][] = [[left, right]];
  // Pairs already compared: a value that contains itself is compared once.
  const compared = new Map<unknown, Set<unknown>>();
  while (pending.length > 0) {
    const [a, b] = pending.pop() as [unknown, unknown];
    if (a === b || compared.get(a)?.has(b)) {
      continue;
    }
    if (
      a === null ||
      b === null ||
      typeof a !== "object" ||
      typeof b !== "object" ||
      Array.isArray(a) !== Array.isArray(b)
    ) {
      return false;
    }
    const aKeys = Object.keys(a);
    const bRecord = b as Record<string, unknown>;
    if (aKeys.length !== Object.keys(b).length || !aKeys.every((key) => key in bRecord)) {
      return false;
    }
    compared.set(a, (compared.get(a) ?? new Set()).add(b));
    for (const key of aKeys) {
      pending.push([(a as Record<string, unknown>)[key], bRecord[key]]);
    }
  }
  return true;
}

/** How deep a value nests, counted up to `limit` (a value nested deeper returns `limit`). */
function depthUpTo(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0 && deepest < limit) {
    const [next, depth] = pending.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    for (const child of childrenOf(next)) {
      pending.push([child, depth + 1]);
    }
  }
  return Math.min(deepest, limit);
}

/** Values quoted in messages nest at most this deep and are at most this long. */
const QUOTABLE_DEPTH = 8;
const QUOTABLE_LENGTH = 200;

/**
 * A value as a message quotes it: its JSON when that is short, else what kind of value it
 * is (`a list nested more than 8 levels deep`).
 */
export function quoteValue(value: unknown): string {
  const kind = Array.isArray(value) ? "a list" : isRecord(value) ? "an object" : typeof value;
  if (depthUpTo(value, QUOTABLE_DEPTH + 1) > QUOTABLE_DEPTH) {
    return `${kind} nested more than ${QUOTABLE_DEPTH} levels deep`;
  }
  const text =
    JSON.stringify(value, (_key, part: unknown) =>
      typeof part === "bigint" ? part.toString() : part,
    ) ?? String(value);
  return text.length <= QUOTABLE_LENGTH ? text : `${kind} of ${text.length} characters as JSON`;
}
