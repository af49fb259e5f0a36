/**
 * The Pulumi package schema of the provider plugin (https://www.pulumi.com/docs/iac/
 * extending-pulumi/schema/): what `pulumi package gen-sdk` and Pulumi YAML read to know
 * `UserPoolLogDelivery`'s inputs and outputs in every language.
 *
 * One source of truth: each object type is written as a table over the keys of the plain
 * shape in `types.ts` that the TypeScript resource is derived from. The compiler demands
 * one row per key, no more, and that each row's `required` says what the shape says
 * (`RequiredFlag`), so a property added to, removed from or made optional in `types.ts`
 * fails the typecheck until the schema says the same. `tests/unit/plugin/packageSchema.test.ts`
 * checks the rest (kinds of values against real canonical inputs and outputs).
 *
 * Event sources and log levels are plain strings, not schema enums: Pulumi YAML and the
 * SDKs would reject a wrong value with their own words before our `check` could say what
 * to write instead (and the same words in every language).
 */
import type { LastOutsideChange } from "../core/outsideChange";
import { EVENT_SOURCES } from "../core/eventSources";
import { DESTINATIONS } from "../core/destinations";
import type {
  CloudWatchLogsConfiguration,
  FirehoseConfiguration,
  LogConfiguration,
  S3Configuration,
  UserPoolLogDeliveryInputs,
  UserPoolLogDeliveryOutputs,
} from "../types";
import { packageVersion } from "../version";

/** The plugin's package name: `pulumi-resource-<name>`, and the first part of type tokens. */
export const PLUGIN_PACKAGE = "cognito-log-delivery";

/** The resource's type token in the plugin's package. */
export const PLUGIN_RESOURCE_TYPE = `${PLUGIN_PACKAGE}:index:UserPoolLogDelivery`;

/** A schema type token of this package. */
const typeToken = (name: string): string => `${PLUGIN_PACKAGE}:index:${name}`;

/** The schema's description of one property's values. */
type PropertyType = { type: "string" } | { type: "array"; items: PropertyType } | { $ref: string };

/** `true` when `K` is a required key of `T`, `false` when it is optional. */
type RequiredFlag<T, K extends keyof T> = object extends Pick<T, K> ? false : true;

/** One row per key of `T`: what its values are, whether it is required, what it means. */
type PropertyTable<T> = {
  [K in keyof T]-?: PropertyType & { required: RequiredFlag<T, K>; description: string };
};

/** Every key of any member of a union. */
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/**
 * A union as one object type: the keys every member has keep their flag; the others are
 * optional (a schema object type cannot say "one of").
 */
type MergedUnion<T> = Pick<T, keyof T> & {
  [K in Exclude<KeysOfUnion<T>, keyof T>]?: T extends unknown
    ? K extends keyof T
      ? T[K]
      : never
    : never;
};

const STRING = { type: "string" } as const;
const ref = (name: string): { $ref: string } => ({ $ref: `#/types/${typeToken(name)}` });

const cloudWatchLogsProperties: PropertyTable<CloudWatchLogsConfiguration> = {
  logGroupArn: {
    ...STRING,
    required: true,
    description:
      "ARN of the log group. A trailing `:*` (as CDK and the console write it) is accepted and removed.",
  },
};

const s3Properties: PropertyTable<S3Configuration> = {
  bucketArn: {
    ...STRING,
    required: true,
    description: "ARN of the bucket, `arn:<partition>:s3:::<bucket>`.",
  },
};

const firehoseProperties: PropertyTable<FirehoseConfiguration> = {
  streamArn: {
    ...STRING,
    required: true,
    description:
      "ARN of the stream, `arn:<partition>:firehose:<region>:<account>:deliverystream/<name>`.",
  },
};

const logConfigurationProperties: PropertyTable<LogConfiguration> = {
  eventSource: {
    ...STRING,
    required: true,
    description: `Where the logs come from: ${EVENT_SOURCES.map((source) => `\`${source}\``).join(" or ")}.`,
  },
  logLevel: {
    ...STRING,
    required: true,
    description: "`ERROR` for `userNotification`, `INFO` for `userAuthEvents`.",
  },
  cloudWatchLogsConfiguration: {
    ...ref("CloudWatchLogsConfiguration"),
    required: false,
    description: `${DESTINATIONS.cloudWatchLogsConfiguration.title} destination; exactly one destination per entry.`,
  },
  s3Configuration: {
    ...ref("S3Configuration"),
    required: false,
    description: `${DESTINATIONS.s3Configuration.title} destination (\`userAuthEvents\` only).`,
  },
  firehoseConfiguration: {
    ...ref("FirehoseConfiguration"),
    required: false,
    description: `${DESTINATIONS.firehoseConfiguration.title} destination (\`userAuthEvents\` only).`,
  },
};

const lastOutsideChangeProperties: PropertyTable<MergedUnion<LastOutsideChange>> = {
  status: {
    ...STRING,
    required: true,
    description:
      "`found`, or why no change was named: `not-found`, `access-denied`, `throttled`, `unavailable`.",
  },
  message: { ...STRING, required: true, description: "The sentence the refresh output shows." },
  eventTime: { ...STRING, required: false, description: "When (ISO 8601), when found." },
  principalArn: { ...STRING, required: false, description: "Who, when CloudTrail names an ARN." },
  roleArn: { ...STRING, required: false, description: "The role, for an assumed-role session." },
  identityType: { ...STRING, required: false, description: "CloudTrail's `userIdentity.type`." },
  via: {
    ...STRING,
    required: false,
    description: "How: `console`, `aws-cli`, `cloudformation`, `terraform`, `sdk` or `other`.",
  },
  eventId: { ...STRING, required: false, description: "The CloudTrail event's ID." },
  userAgent: {
    ...STRING,
    required: false,
    description: "The caller's agent, when `via` is `other`.",
  },
};

const LOG_CONFIGURATIONS_TYPE = { type: "array", items: ref("LogConfiguration") } as const;

const inputProperties: PropertyTable<UserPoolLogDeliveryInputs> = {
  userPoolId: {
    ...STRING,
    required: true,
    description: "ID of the user pool, `<region>_<id>`; a different pool replaces the resource.",
  },
  logConfigurations: {
    ...LOG_CONFIGURATIONS_TYPE,
    required: true,
    description:
      "At most one entry per event source, in any order; `[]` declares that the pool delivers no logs.",
  },
  region: {
    ...STRING,
    required: false,
    description: "Region of the pool; defaults to the prefix of `userPoolId`.",
  },
};

const outputProperties: PropertyTable<UserPoolLogDeliveryOutputs> = {
  userPoolId: { ...STRING, required: true, description: "ID of the user pool." },
  region: { ...STRING, required: true, description: "The region the pool was addressed in." },
  logConfigurations: {
    ...LOG_CONFIGURATIONS_TYPE,
    required: true,
    description: "The configuration as AWS reports it, ordered by event source.",
  },
  lastOutsideChange: {
    ...ref("LastOutsideChange"),
    required: false,
    description:
      "Set by refresh when it found the configuration changed outside Pulumi: who made the newest such change, when and how, according to CloudTrail, or why that is unknown. Never an input; never causes a diff.",
  },
};

interface SchemaObject {
  properties: Record<string, PropertyType & { description: string }>;
  required: string[];
}

/** A table as the schema writes it: properties without the flag, and the list of required keys. */
function schemaObject<T>(table: PropertyTable<T>): SchemaObject {
  const properties: SchemaObject["properties"] = {};
  const required: string[] = [];
  for (const [name, { required: isRequired, ...property }] of Object.entries(table) as [
    string,
    PropertyType & { required: boolean; description: string },
  ][]) {
    properties[name] = property;
    if (isRequired) {
      required.push(name);
    }
  }
  return { properties, required };
}

function objectType(description: string, table: SchemaObject): object {
  return { type: "object", description, ...table };
}

/** The schema, as `GetSchema` returns it. */
export function packageSchema(): object {
  const inputs = schemaObject(inputProperties);
  const outputs = schemaObject(outputProperties);
  return {
    name: PLUGIN_PACKAGE,
    displayName: "Cognito Log Delivery",
    version: packageVersion(),
    description:
      "The log delivery of Amazon Cognito user pools: which event sources go to which CloudWatch Logs group, S3 bucket or Firehose stream, validated at preview and diffed as a set.",
    keywords: ["pulumi", "aws", "cognito", "logging", "category/cloud", "kind/component"],
    license: "Apache-2.0",
    publisher: "pulumi-cognito-log-delivery",
    language: {
      nodejs: { packageName: "pulumi-cognito-log-delivery" },
      // respectSchemaVersion: the SDKs carry the package's version (else 0.0.0, for a
      // release pipeline to stamp), which the engine asks the plugin for.
      python: { packageName: "pulumi_cognito_log_delivery", respectSchemaVersion: true },
      go: {
        importBasePath: "github.com/pulumi-cognito-log-delivery/sdk/go/cognitologdelivery",
        generateResourceContainerTypes: true,
        respectSchemaVersion: true,
      },
      csharp: { rootNamespace: "PulumiCognitoLogDelivery" },
    },
    config: {},
    provider: {
      description:
        "Reads AWS credentials and the region from the standard AWS environment; pacing and CloudTrail attribution from the COGNITO_LOG_DELIVERY_* environment variables.",
    },
    types: {
      [typeToken("LogConfiguration")]: objectType(
        "One event source and the single destination it is delivered to.",
        schemaObject(logConfigurationProperties),
      ),
      [typeToken("CloudWatchLogsConfiguration")]: objectType(
        "A CloudWatch Logs destination.",
        schemaObject(cloudWatchLogsProperties),
      ),
      [typeToken("S3Configuration")]: objectType(
        "An S3 destination (`userAuthEvents` only, Plus feature plan).",
        schemaObject(s3Properties),
      ),
      [typeToken("FirehoseConfiguration")]: objectType(
        "An Amazon Data Firehose destination (`userAuthEvents` only, Plus feature plan).",
        schemaObject(firehoseProperties),
      ),
      [typeToken("LastOutsideChange")]: objectType(
        "Who made the newest change outside Pulumi, according to CloudTrail, or why that is unknown.",
        schemaObject(lastOutsideChangeProperties),
      ),
    },
    resources: {
      [PLUGIN_RESOURCE_TYPE]: {
        description:
          "The whole log delivery configuration of one Cognito user pool. Mistakes fail the preview with the property and what to write instead; the order of entries never matters; create never overwrites a configuration already on the pool; refresh reports changes made outside Pulumi and who made them.",
        inputProperties: inputs.properties,
        requiredInputs: inputs.required,
        properties: outputs.properties,
        required: outputs.required,
      },
    },
  };
}
