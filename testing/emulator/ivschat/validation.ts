/**
 * Reads IVS Chat requests and checks them against the model's constraints (model.ts).
 * Every violation is collected into one `ValidationException` whose `reason` is
 * `FIELD_VALIDATION_FAILED` and whose `fieldList` names each member, so a client learns
 * everything wrong with a request at once.
 */
import { ConstraintViolations } from "../constraints";
import type { StructureReader } from "../deserialize";
import { validationException } from "./errors";
import {
  DESTINATION_MEMBER_NAMES,
  DESTINATION_MEMBERS,
  IDENTIFIER,
  MAX_RESULTS,
  MAX_TAGS,
  NAME,
  NEXT_TOKEN,
  TAG_KEY,
  TAG_VALUE,
} from "./model";
import type { ChatDestination, StringConstraint } from "./model";

export interface CreateRequest {
  name: string | undefined;
  destination: ChatDestination;
  tags: Record<string, string>;
}

export interface UpdateRequest {
  identifier: string;
  name: string | undefined;
  destination: ChatDestination | undefined;
}

export interface ListRequest {
  maxResults: number;
  nextToken: string | undefined;
}

/** Violations of one request, thrown as IVS Chat's ValidationException. */
class ChatViolations extends ConstraintViolations {
  /** A string's length and pattern. */
  constrained(path: string, value: string, constraint: StringConstraint): void {
    this.stringLength(path, value, constraint);
    this.pattern(path, value, constraint.pattern);
  }

  /** Throws one ValidationException naming every violation in `fieldList`, if there is any. */
  throwIfAnyChat(): void {
    const summary = this.summary();
    if (summary !== undefined) {
      throw validationException(
        summary,
        "FIELD_VALIDATION_FAILED",
        this.fields.map((field) => ({ name: field.path, message: field.message })),
      );
    }
  }
}

function readIdentifier(body: StructureReader, violations: ChatViolations): string {
  const identifier = body.string("identifier");
  if (violations.required("identifier", identifier)) {
    violations.constrained("identifier", identifier, IDENTIFIER);
  }
  return identifier ?? "";
}

function readName(body: StructureReader, violations: ChatViolations): string | undefined {
  const name = body.string("name");
  if (name !== undefined) {
    violations.constrained("name", name, NAME);
  }
  return name;
}

/** The `destinationConfiguration` union: exactly one member, whose name meets its constraint. */
function readDestination(
  body: StructureReader,
  violations: ChatViolations,
): ChatDestination | undefined {
  const union = body.structure("destinationConfiguration");
  if (union === undefined) {
    return undefined;
  }
  const present = DESTINATION_MEMBER_NAMES.filter((member) => union.structure(member));
  if (present.length !== 1) {
    violations.other(
      "destinationConfiguration",
      `destinationConfiguration must set exactly one of ${DESTINATION_MEMBER_NAMES.join(", ")}; it sets ${present.length === 0 ? "none" : present.join(" and ")}.`,
    );
    return undefined;
  }
  const member = present[0]!;
  const { field, constraint } = DESTINATION_MEMBERS[member];
  const path = `destinationConfiguration.${member}.${field}`;
  const name = union.structure(member)?.string(field);
  if (violations.required(path, name)) {
    violations.constrained(path, name, constraint);
  }
  return { member, name: name ?? "" };
}

/** `tags`: at most 50, keys 1–128 and values 0–256 characters. */
function readTags(body: StructureReader, violations: ChatViolations): Record<string, string> {
  const tags = body.stringMap("tags") ?? {};
  for (const [key, value] of Object.entries(tags)) {
    violations.stringLength("tags.key", key, TAG_KEY);
    violations.stringLength(`tags.${key}`, value, TAG_VALUE);
  }
  const count = Object.keys(tags).length;
  violations.length("tags", count, { max: MAX_TAGS }, `a map of ${count} tags`);
  return tags;
}

export function readCreateRequest(body: StructureReader): CreateRequest {
  const violations = new ChatViolations();
  const name = readName(body, violations);
  const destination = readDestination(body, violations);
  if (body.structure("destinationConfiguration") === undefined) {
    violations.required("destinationConfiguration", undefined);
  }
  const tags = readTags(body, violations);
  violations.throwIfAnyChat();
  return { name, destination: destination!, tags };
}

export function readIdentifierRequest(body: StructureReader): string {
  const violations = new ChatViolations();
  const identifier = readIdentifier(body, violations);
  violations.throwIfAnyChat();
  return identifier;
}

export function readUpdateRequest(body: StructureReader): UpdateRequest {
  const violations = new ChatViolations();
  const identifier = readIdentifier(body, violations);
  const name = readName(body, violations);
  const destination = readDestination(body, violations);
  violations.throwIfAnyChat();
  return { identifier, name, destination };
}

export function readListRequest(body: StructureReader): ListRequest {
  const violations = new ChatViolations();
  const maxResults = body.integer("maxResults");
  if (maxResults !== undefined) {
    violations.range("maxResults", maxResults, MAX_RESULTS);
  }
  const nextToken = body.string("nextToken");
  if (nextToken !== undefined) {
    violations.stringLength("nextToken", nextToken, NEXT_TOKEN);
  }
  violations.throwIfAnyChat();
  return { maxResults: maxResults ?? MAX_RESULTS.default, nextToken };
}
