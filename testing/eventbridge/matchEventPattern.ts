/**
 * An EventBridge event pattern matcher of our own, for tests: does a pattern the package
 * wrote select an event? It follows the rules of the EventBridge User Guide ("Creating event
 * patterns", "Comparison operators for use in event patterns") as the default event bus
 * applies them, and throws on an operator it does not model rather than guess.
 *
 * - Every field of the pattern must match (AND); the values of a field's array are
 *   alternatives (OR); `$or` holds alternative sub-patterns.
 * - An event array matches when any of its elements does.
 * - A field missing from the event matches only `{"exists": false}`; `anything-but` needs
 *   the field to be there.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The pattern holds something EventBridge would reject or this matcher does not model. */
export class UnsupportedPatternError extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when the event matches the pattern (both as parsed JSON, or the pattern as text). */
export function matchEventPattern(pattern: string | JsonObject, event: JsonObject): boolean {
  const parsed: unknown = typeof pattern === "string" ? JSON.parse(pattern) : pattern;
  if (!isObject(parsed)) {
    throw new UnsupportedPatternError("an event pattern is a JSON object");
  }
  return matchObject(parsed, event);
}

function matchObject(pattern: JsonObject, event: JsonObject): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === "$or") {
      if (!Array.isArray(expected) || !expected.every(isObject)) {
        throw new UnsupportedPatternError("$or takes an array of patterns");
      }
      return expected.some((alternative) => matchObject(alternative as JsonObject, event));
    }
    const actual = Object.hasOwn(event, key) ? event[key] : undefined;
    if (isObject(expected)) {
      const candidates = Array.isArray(actual) ? actual : [actual];
      return candidates.some(
        (candidate) => isObject(candidate) && matchObject(expected, candidate),
      );
    }
    if (!Array.isArray(expected) || expected.length === 0) {
      throw new UnsupportedPatternError(`"${key}": a leaf of a pattern is a non-empty array`);
    }
    return expected.some((matcher) => matchLeaf(matcher, actual));
  });
}

/** The leaf values of a field: an array's elements, or the one value; objects are not leaves. */
function leafValues(actual: Json | undefined): Json[] {
  if (actual === undefined) {
    return [];
  }
  const values = Array.isArray(actual) ? actual : [actual];
  return values.filter((value) => !isObject(value) && !Array.isArray(value));
}

function matchLeaf(matcher: Json, actual: Json | undefined): boolean {
  if (isObject(matcher)) {
    const operators = Object.keys(matcher);
    if (operators.length !== 1) {
      throw new UnsupportedPatternError(
        `an operator object has one key, not ${operators.join(", ")}`,
      );
    }
    const operator = operators[0] as string;
    const argument = matcher[operator] as Json;
    if (operator === "exists") {
      if (typeof argument !== "boolean") {
        throw new UnsupportedPatternError("exists takes true or false");
      }
      return (actual !== undefined) === argument;
    }
    const values = leafValues(actual);
    if (operator === "anything-but") {
      return values.length > 0 && values.every((value) => !matchAnyOf(argument, value));
    }
    return values.some((value) => matchOperator(operator, argument, value));
  }
  return leafValues(actual).some((value) => equalValues(matcher, value));
}

/** What `anything-but` excludes: a value, a list of values, or one operator. */
function matchAnyOf(excluded: Json, value: Json): boolean {
  if (Array.isArray(excluded)) {
    return excluded.some((item) => equalValues(item, value));
  }
  if (isObject(excluded)) {
    const [operator, ...more] = Object.keys(excluded);
    if (operator === undefined || more.length > 0) {
      throw new UnsupportedPatternError("anything-but takes one operator");
    }
    if (!["prefix", "suffix", "wildcard", "equals-ignore-case"].includes(operator)) {
      throw new UnsupportedPatternError(`anything-but does not take ${operator}`);
    }
    const argument = excluded[operator] as Json;
    const arguments_ = Array.isArray(argument) ? argument : [argument];
    return arguments_.some((item) => matchOperator(operator, item, value));
  }
  return equalValues(excluded, value);
}

function matchOperator(operator: string, argument: Json, value: Json): boolean {
  switch (operator) {
    case "prefix":
    case "suffix":
      return matchAffix(operator, argument, value);
    case "equals-ignore-case":
      return (
        typeof value === "string" &&
        typeof argument === "string" &&
        value.toLowerCase() === argument.toLowerCase()
      );
    case "wildcard":
      if (typeof argument !== "string") {
        throw new UnsupportedPatternError("wildcard takes a string");
      }
      return typeof value === "string" && wildcardExpression(argument).test(value);
    case "numeric":
      return matchNumeric(argument, value);
    default:
      throw new UnsupportedPatternError(`operator ${operator} is not modelled`);
  }
}

function matchAffix(operator: "prefix" | "suffix", argument: Json, value: Json): boolean {
  if (typeof value !== "string") {
    return false;
  }
  const ignoreCase = isObject(argument);
  const affix = ignoreCase ? argument["equals-ignore-case"] : argument;
  if (typeof affix !== "string") {
    throw new UnsupportedPatternError(
      `${operator} takes a string or {"equals-ignore-case": string}`,
    );
  }
  const [subject, wanted] = ignoreCase
    ? [value.toLowerCase(), affix.toLowerCase()]
    : [value, affix];
  return operator === "prefix" ? subject.startsWith(wanted) : subject.endsWith(wanted);
}

/** `*` is any run of characters; `\*` and `\\` are a literal star and backslash. */
function wildcardExpression(wildcard: string): RegExp {
  let source = "";
  for (let index = 0; index < wildcard.length; index += 1) {
    const character = wildcard[index] as string;
    if (character === "\\") {
      const next = wildcard[index + 1];
      if (next !== "*" && next !== "\\") {
        throw new UnsupportedPatternError(`wildcard "${wildcard}": \\ escapes only * and \\`);
      }
      source += `\\${next}`;
      index += 1;
    } else {
      source += character === "*" ? ".*" : character.replace(/[.+?^${}()|[\]/]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, "s");
}

function matchNumeric(argument: Json, value: Json): boolean {
  if (!Array.isArray(argument) || argument.length % 2 !== 0 || argument.length === 0) {
    throw new UnsupportedPatternError('numeric takes pairs such as [">", 0, "<=", 5]');
  }
  if (typeof value !== "number") {
    return false;
  }
  for (let index = 0; index < argument.length; index += 2) {
    const [comparison, bound] = [argument[index], argument[index + 1]];
    if (typeof bound !== "number") {
      throw new UnsupportedPatternError("numeric bounds are numbers");
    }
    const holds =
      comparison === "<"
        ? value < bound
        : comparison === "<="
          ? value <= bound
          : comparison === "="
            ? value === bound
            : comparison === ">="
              ? value >= bound
              : comparison === ">"
                ? value > bound
                : undefined;
    if (holds === undefined) {
      throw new UnsupportedPatternError(
        `numeric comparison ${String(comparison)} is not one of < <= = >= >`,
      );
    }
    if (!holds) {
      return false;
    }
  }
  return true;
}

/** Strings match strings exactly; numbers match numbers by value; true, false, null themselves. */
function equalValues(expected: Json, value: Json): boolean {
  if (isObject(expected) || Array.isArray(expected)) {
    throw new UnsupportedPatternError("a value to match is a string, number, boolean or null");
  }
  return expected === value;
}
