/**
 * Reads a request body the way the AWS JSON 1.1 protocol does before any constraint is
 * checked: the body must be a JSON object; a member of the wrong JSON type is a
 * `SerializationException`; unknown members are ignored and `null` counts as absent;
 * a `null` element of a list of structures is dropped (measured live for
 * `LogConfigurations`).
 */
import { serializationError } from "./errors";

export type Json = null | boolean | number | string | Json[] | { [member: string]: Json };
export type JsonObject = { [member: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function jsonTypeName(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Parses a request body; an empty body is an empty request. */
export function parseRequestBody(text: string): JsonObject {
  if (text.trim() === "") {
    return {};
  }
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (error) {
    throw serializationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) {
    throw serializationError(
      `The request body must be a JSON object, not ${jsonTypeName(parsed)}.`,
    );
  }
  return parsed;
}

/** Typed access to the members of one JSON object of a request. */
export class StructureReader {
  constructor(
    private readonly object: JsonObject,
    private readonly path: string = "",
  ) {}

  string(member: string): string | undefined {
    const value = this.member(member);
    if (value === undefined || typeof value === "string") {
      return value;
    }
    throw this.wrongType(member, "a string", value);
  }

  integer(member: string): number | undefined {
    const value = this.member(member);
    if (value === undefined || (typeof value === "number" && Number.isInteger(value))) {
      return value;
    }
    throw this.wrongType(member, "an integer", value);
  }

  /** A timestamp: AWS JSON 1.1 sends epoch seconds as a number. */
  epochSeconds(member: string): number | undefined {
    const value = this.member(member);
    if (value === undefined || (typeof value === "number" && Number.isFinite(value))) {
      return value;
    }
    throw this.wrongType(member, "a timestamp in epoch seconds", value);
  }

  structure(member: string): StructureReader | undefined {
    const value = this.member(member);
    if (value === undefined) {
      return undefined;
    }
    if (isObject(value)) {
      return new StructureReader(value, this.pathOf(member));
    }
    throw this.wrongType(member, "an object", value);
  }

  /** A map of strings (e.g. tags); a `null` value counts as absent. */
  stringMap(member: string): Record<string, string> | undefined {
    const value = this.member(member);
    if (value === undefined) {
      return undefined;
    }
    if (!isObject(value)) {
      throw this.wrongType(member, "a map of strings", value);
    }
    const map: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry === null) {
        continue;
      }
      if (typeof entry !== "string") {
        throw this.wrongType(`${member}.${key}`, "a string", entry);
      }
      map[key] = entry;
    }
    return map;
  }

  structureList(member: string): StructureReader[] | undefined {
    const value = this.member(member);
    if (value === undefined) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      throw this.wrongType(member, "a list", value);
    }
    return value.flatMap((element, index) => {
      if (element === null) {
        return [];
      }
      if (!isObject(element)) {
        throw this.wrongType(`${member}[${index}]`, "an object", element);
      }
      return [new StructureReader(element, `${this.pathOf(member)}[${index}]`)];
    });
  }

  private member(member: string): Json | undefined {
    const value = Object.hasOwn(this.object, member) ? this.object[member] : undefined;
    return value === null ? undefined : value;
  }

  private pathOf(member: string): string {
    return this.path === "" ? member : `${this.path}.${member}`;
  }

  private wrongType(member: string, expected: string, found: Json) {
    return serializationError(
      `Cannot read ${this.pathOf(member)}: expected ${expected}, found ${jsonTypeName(found)}.`,
    );
  }
}
