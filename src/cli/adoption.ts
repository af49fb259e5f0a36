/**
 * What a user needs to bring what `discover` found under Pulumi without a write to AWS.
 *
 * User pools: an import file for `pulumi import --file` whose entries carry the pool's
 * current configuration as inputs and outputs (engine >= 3.254 then skips the provider's
 * Read, which a dynamic provider cannot answer: pulumi/pulumi #3550, #23984), and the
 * TypeScript that declares the same `UserPoolLogDelivery` resources.
 *
 * IVS Chat logging configurations: `@pulumi/aws` already manages them well
 * (`aws.ivschat.LoggingConfiguration`, imported by ARN), so no resource of ours; an
 * import file of type, name and ARN (the AWS provider plugin reads each one), and the
 * TypeScript declaring name, region, destination and tags as found.
 *
 * Pure. The entries carry the provider text `UserPoolLogDelivery` stores, or the engine's
 * provider process could not run the adopted resources.
 */
import { logConfigurationsSource } from "../core/describe";
import { DESTINATIONS } from "../core/destinations";
import { RESOURCE_TYPE } from "../resourceType";
import { STORED_PROVIDER } from "../serializedProvider";
import type { UserPoolLogDeliveryOutputs } from "../types";
import type { ChatLoggingConfiguration } from "../ivschat/loggingConfigurations";
import type { InventoryPool } from "../core/inventory";

/** `aws.ivschat.LoggingConfiguration`'s type token. */
export const CHAT_LOGGING_TYPE = "aws:ivschat/loggingConfiguration:LoggingConfiguration";

/** The Pulumi name of the resource that adopts a pool: stable, unique per pool. */
export function adoptedResourceName(userPoolId: string): string {
  return `user-pool-logs-${userPoolId}`;
}

/** The Pulumi name of the resource that adopts a chat logging configuration: stable, unique per configuration. */
export function adoptedChatResourceName(configuration: ChatLoggingConfiguration): string {
  return `ivschat-logging-${configuration.id}`;
}

/** The import file: one entry per pool, its state as AWS reported it. */
export function importFile(pools: readonly InventoryPool[]): unknown {
  return {
    resources: pools.map((pool) => {
      const state: UserPoolLogDeliveryOutputs & { __provider: string } = {
        userPoolId: pool.userPoolId,
        region: pool.region,
        logConfigurations: pool.logConfigurations,
        __provider: STORED_PROVIDER,
      };
      return {
        type: RESOURCE_TYPE,
        name: adoptedResourceName(pool.userPoolId),
        id: pool.userPoolId,
        inputs: state,
        outputs: state,
      };
    }),
  };
}

/** Chat configurations that can be declared: those whose destination this version knows. */
export function adoptableChatConfigurations(
  configurations: readonly ChatLoggingConfiguration[],
): ChatLoggingConfiguration[] {
  return configurations.filter((configuration) => configuration.destination !== undefined);
}

/** The import file for IVS Chat: type, name and ARN; the AWS provider reads the rest. */
export function chatImportFile(configurations: readonly ChatLoggingConfiguration[]): unknown {
  return {
    resources: adoptableChatConfigurations(configurations).map((configuration) => ({
      type: CHAT_LOGGING_TYPE,
      name: adoptedChatResourceName(configuration),
      id: configuration.arn,
    })),
  };
}

/** A TypeScript identifier from `words`, ending in `suffix`, unique among `taken`. */
function variableName(words: string, fallback: string, suffix: string, taken: Set<string>): string {
  const parts = (words || fallback).split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = parts
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join("");
  const base = `${/^[0-9]/.test(camel) || camel === "" ? `${fallback.replace(/[^A-Za-z]/g, "").toLowerCase() || "resource"}${camel}` : camel}${suffix}`;
  let name = base;
  for (let counter = 2; taken.has(name); counter++) {
    name = `${base}${counter}`;
  }
  taken.add(name);
  return name;
}

/** The comment text above an adopted pool's declaration, in every language. */
export function adoptedPoolHeading(pool: InventoryPool): string {
  const empty = pool.logConfigurations.length === 0 ? " (no log delivery yet)" : "";
  return `User pool "${pool.name}"${empty}.`;
}

/** The steps at the top of a generated file. */
function header(what: string, importFilePath: string, importNote: string): string[] {
  return [
    `// Written by \`pulumi-cognito-log-delivery discover\`: ${what}, as found.`,
    `// 1. pulumi import --file ${importFilePath} --generate-code=false --protect=false --yes`,
    `//    (${importNote})`,
    `// 2. Add the resources below to your program. Keep their names: they match the import.`,
    `// 3. pulumi preview shows no change until you edit them; then it shows exactly your edit.`,
  ];
}

function regionsOf(items: readonly { region: string }[]): string {
  return [...new Set(items.map((item) => item.region))].join(", ");
}

/** The program source declaring one resource per pool, exactly as found. */
export function adoptionSource(pools: readonly InventoryPool[], importFilePath: string): string {
  const taken = new Set<string>();
  const resources = pools.map((pool) =>
    [
      `// ${adoptedPoolHeading(pool)}`,
      `export const ${variableName(pool.name, "pool", "LogDelivery", taken)} = new UserPoolLogDelivery(${JSON.stringify(adoptedResourceName(pool.userPoolId))}, {`,
      `  userPoolId: ${JSON.stringify(pool.userPoolId)},`,
      `  region: ${JSON.stringify(pool.region)},`,
      `  ${logConfigurationsSource(pool.logConfigurations, "  ")}`,
      `});`,
    ].join("\n"),
  );
  return [
    ...header(
      `the log delivery of ${pools.length} user pools in ${regionsOf(pools)}`,
      importFilePath,
      "puts them in the stack's state from that file: no call to AWS",
    ),
    `import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";`,
    ``,
    resources.join("\n\n"),
    ``,
  ].join("\n");
}

/** A string-keyed object literal in source, e.g. `{ team: "chat", "cost-center": "42" }`. */
function objectSource(record: Readonly<Record<string, string>>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return `{ ${entries
    .map(
      ([key, value]) =>
        `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key)}: ${JSON.stringify(value)}`,
    )
    .join(", ")} }`;
}

/** The program source declaring one `aws.ivschat.LoggingConfiguration` per configuration, exactly as found. */
export function chatAdoptionSource(
  configurations: readonly ChatLoggingConfiguration[],
  importFilePath: string,
): string {
  const taken = new Set<string>();
  const adoptable = adoptableChatConfigurations(configurations);
  const skipped = configurations.filter((configuration) => !adoptable.includes(configuration));
  const resources = adoptable.map((configuration) => {
    const destination = configuration.destination!;
    const row = DESTINATIONS[destination.property];
    const state =
      configuration.state === "ACTIVE"
        ? ""
        : ` It was ${configuration.state} when listed: check it before relying on it.`;
    return [
      `// ${configuration.arn}.${state}`,
      `export const ${variableName(configuration.name, "chat", "ChatLogging", taken)} = new aws.ivschat.LoggingConfiguration(${JSON.stringify(adoptedChatResourceName(configuration))}, {`,
      ...(configuration.name === "" ? [] : [`  name: ${JSON.stringify(configuration.name)},`]),
      `  region: ${JSON.stringify(configuration.region)},`,
      `  destinationConfiguration: { ${row.pulumiIvsChatMember}: { ${row.ivsChat.field}: ${JSON.stringify(destination.name)} } },`,
      ...(Object.keys(configuration.tags).length === 0
        ? []
        : [`  tags: ${objectSource(configuration.tags)},`]),
      `});`,
    ].join("\n");
  });
  return [
    ...header(
      `${adoptable.length} Amazon IVS Chat logging configurations in ${regionsOf(adoptable)}`,
      importFilePath,
      "the AWS provider plugin reads each one by its ARN: the plugin your Pulumi set-up for @pulumi/aws already uses",
    ),
    ...skipped.map(
      (configuration) =>
        `// Not adopted: ${configuration.arn} has a destination this version does not know.`,
    ),
    `import * as aws from "@pulumi/aws";`,
    ``,
    resources.join("\n\n"),
    ``,
  ].join("\n");
}
