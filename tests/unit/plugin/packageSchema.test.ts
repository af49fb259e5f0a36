/**
 * The plugin's schema against what the TypeScript resource really holds: the compiler ties
 * its keys and required flags to types.ts (packageSchema.ts); these tests tie the kinds of
 * values to real canonical inputs, outputs and answers, and the property names to the
 * outputs `UserPoolLogDelivery` declares.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { foundOutsideChange, lookupDenied } from "../../../src/core/outsideChange";
import { readInputs } from "../../../src/core/readInputs";
import { PLUGIN_RESOURCE_TYPE, packageSchema } from "../../../src/plugin/packageSchema";
import { UserPoolLogDelivery } from "../../../src/resource";
import {
  POOL_ID,
  authEventsToBucket,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

interface PropertyType {
  type?: string;
  items?: PropertyType;
  $ref?: string;
}
interface ObjectType {
  properties: Record<string, PropertyType>;
  required: string[];
}
interface Schema {
  types: Record<string, ObjectType>;
  resources: Record<
    string,
    {
      inputProperties: Record<string, PropertyType>;
      requiredInputs: string[];
      properties: Record<string, PropertyType>;
      required: string[];
    }
  >;
}

const schema = packageSchema() as Schema;
const resource = schema.resources[PLUGIN_RESOURCE_TYPE]!;

/** What is wrong with `value` as a value of `type` (empty when it conforms), with paths. */
function mismatches(value: unknown, type: PropertyType, path: string): string[] {
  if (type.$ref !== undefined) {
    const object = schema.types[type.$ref.replace("#/types/", "")];
    return object === undefined
      ? [`${path}: ${type.$ref} is not a type of the schema`]
      : objectMismatches(value, object, path);
  }
  switch (type.type) {
    case "string":
      return typeof value === "string" ? [] : [`${path}: ${JSON.stringify(value)} is not a string`];
    case "array":
      return Array.isArray(value)
        ? value.flatMap((element, index) => mismatches(element, type.items!, `${path}[${index}]`))
        : [`${path}: not an array`];
    default:
      return [`${path}: the schema type ${JSON.stringify(type)} is not one this test knows`];
  }
}

function objectMismatches(value: unknown, object: ObjectType, path: string): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [`${path}: not an object`];
  }
  const record = value as Record<string, unknown>;
  return [
    ...object.required
      .filter((key) => record[key] === undefined)
      .map((key) => `${path}.${key}: required by the schema, missing`),
    ...Object.entries(record).flatMap(([key, child]) =>
      child === undefined
        ? []
        : object.properties[key] === undefined
          ? [`${path}.${key}: not in the schema`]
          : mismatches(child, object.properties[key]!, `${path}.${key}`),
    ),
  ];
}

describe("the plugin's package schema", () => {
  it("describes the canonical inputs check stores, every destination kind included", () => {
    const reading = readInputs({
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [notificationsToLogGroup, authEventsToBucket],
    });
    assert.deepEqual(reading.failures, []);
    const inputs = { properties: resource.inputProperties, required: resource.requiredInputs };
    assert.deepEqual(objectMismatches(reading.inputs, inputs, "inputs"), []);
    assert.deepEqual(resource.requiredInputs, ["userPoolId", "logConfigurations"]);
  });

  it("describes the outputs, with lastOutsideChange found or unattributed", () => {
    const outputs = { properties: resource.properties, required: resource.required };
    const base = {
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [notificationsToLogGroup],
    };
    const found = foundOutsideChange({
      eventId: "e1",
      eventTime: "2026-12-01T10:00:00Z",
      userPoolId: POOL_ID,
      principalArn: "arn:aws:iam::123456789012:user/alice",
      identityType: "IAMUser",
      via: "other",
      userAgent: "custom-tool/1.0",
      byThisPackage: false,
    } as Parameters<typeof foundOutsideChange>[0]);
    for (const lastOutsideChange of [undefined, found, lookupDenied()]) {
      assert.deepEqual(objectMismatches({ ...base, lastOutsideChange }, outputs, "outputs"), []);
    }
    assert.deepEqual(resource.required, ["userPoolId", "region", "logConfigurations"]);
  });

  it("names exactly the outputs UserPoolLogDelivery declares", async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => ({ id: "id", state: args.inputs }),
        call: (args) => args.inputs,
      },
      "schema-test",
      "test",
      true,
    );
    const delivery = new UserPoolLogDelivery("schema", {
      userPoolId: "us-east-1_SchemaTest",
      logConfigurations: [notificationsToLogGroup],
    });
    const declared = Object.keys(delivery)
      .filter((key) =>
        pulumi.Output.isInstance((delivery as unknown as Record<string, unknown>)[key]),
      )
      .filter((key) => !key.startsWith("__") && key !== "urn" && key !== "id")
      .sort();
    assert.deepEqual(declared, Object.keys(resource.properties).sort());
    assert.deepEqual(Object.keys(resource.inputProperties).sort(), [
      "logConfigurations",
      "region",
      "userPoolId",
    ]);
  });
});
