/**
 * The languages `discover --language` writes adoption code in: one row per language, with
 * the file it writes, the import file it pairs with, and the source that declares the
 * adopted pools exactly as found. Pure.
 *
 * TypeScript declares the dynamic resource (adoption.ts, as since 0.1.0); the other
 * languages declare the provider plugin's resource (`cognito-log-delivery:index:
 * UserPoolLogDelivery`) through its SDKs (sdk/python, sdk/go) or Pulumi YAML. Their import
 * files carry the pool's configuration as inputs and outputs as well, so `pulumi import`
 * makes no call to AWS; the plugin could also answer the engine's Read with the ID alone.
 */
import { DESTINATIONS } from "../core/destinations";
import { destinationOf } from "../core/canonical";
import type { InventoryPool } from "../core/inventory";
import { PLUGIN_PACKAGE, PLUGIN_RESOURCE_TYPE } from "../plugin/packageSchema";
import type { LogConfiguration } from "../types";
import { adoptedPoolHeading, adoptedResourceName, adoptionSource, importFile } from "./adoption";
import type { AdoptionLanguage } from "./arguments";

export interface AdoptionLanguageRow {
  /** The file the declarations go to, in `--out`. */
  sourceFile: string;
  importFile(pools: readonly InventoryPool[]): unknown;
  source(pools: readonly InventoryPool[], importFilePath: string): string;
}

/** The import file for the plugin's resource: type, name, ID, and the state as found. */
export function pluginImportFile(pools: readonly InventoryPool[]): unknown {
  return {
    resources: pools.map((pool) => {
      const state = {
        userPoolId: pool.userPoolId,
        region: pool.region,
        logConfigurations: pool.logConfigurations,
      };
      return {
        type: PLUGIN_RESOURCE_TYPE,
        name: adoptedResourceName(pool.userPoolId),
        id: pool.userPoolId,
        inputs: state,
        outputs: state,
      };
    }),
  };
}

/** An entry's fields in order, with the destination's single ARN field (`[]` when none). */
function entryFields(entry: LogConfiguration): [string, string | [string, string]][] {
  const fields: [string, string | [string, string]][] = [
    ["eventSource", entry.eventSource],
    ["logLevel", entry.logLevel],
  ];
  const destination = destinationOf(entry);
  if (destination) {
    fields.push([
      destination.property,
      [DESTINATIONS[destination.property].field, destination.arn],
    ]);
  }
  return fields;
}

/** The steps at the top of a generated file, as comments of the language. */
function steps(comment: string, importFilePath: string, where: string): string[] {
  return [
    `${comment} Written by \`pulumi-cognito-log-delivery discover\`: the log delivery of user pools, as found.`,
    `${comment} 1. pulumi import --file ${importFilePath} --generate-code=false --protect=false --yes`,
    `${comment}    (puts them in the stack's state from that file: no call to AWS)`,
    `${comment} 2. ${where} Keep the resource names: they match the import.`,
    `${comment} 3. pulumi preview shows no change until you edit them; then it shows exactly your edit.`,
  ];
}

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const pascalCase = (name: string): string => name[0]!.toUpperCase() + name.slice(1);
const quoted = (text: string): string => JSON.stringify(text);

function pythonSource(pools: readonly InventoryPool[], importFilePath: string): string {
  const entry = (item: LogConfiguration) =>
    `{${entryFields(item)
      .map(([name, value]) =>
        typeof value === "string"
          ? `${quoted(snakeCase(name))}: ${quoted(value)}`
          : `${quoted(snakeCase(name))}: {${quoted(snakeCase(value[0]))}: ${quoted(value[1])}}`,
      )
      .join(", ")}}`;
  const resources = pools.map((pool) =>
    [
      `# ${adoptedPoolHeading(pool)}`,
      `cognito_log_delivery.UserPoolLogDelivery(`,
      `    ${quoted(adoptedResourceName(pool.userPoolId))},`,
      `    user_pool_id=${quoted(pool.userPoolId)},`,
      `    region=${quoted(pool.region)},`,
      `    log_configurations=[${pool.logConfigurations.map((item) => `\n        ${entry(item)},`).join("")}${pool.logConfigurations.length === 0 ? "" : "\n    "}],`,
      `)`,
    ].join("\n"),
  );
  return [
    ...steps(
      "#",
      importFilePath,
      "Import this module from your __main__.py (or paste its resources there).",
    ),
    `import pulumi_cognito_log_delivery as cognito_log_delivery`,
    ``,
    resources.join("\n\n"),
    ``,
  ].join("\n");
}

function goSource(pools: readonly InventoryPool[], importFilePath: string): string {
  const entry = (item: LogConfiguration) =>
    `\t\t\tcognitologdelivery.LogConfigurationArgs{${entryFields(item)
      .map(([name, value]) =>
        typeof value === "string"
          ? `${pascalCase(name)}: pulumi.String(${quoted(value)})`
          : `${pascalCase(name)}: &cognitologdelivery.${pascalCase(name)}Args{${pascalCase(value[0])}: pulumi.String(${quoted(value[1])})}`,
      )
      .join(", ")}},`;
  const resources = pools.map((pool) => {
    // gofmt aligns the values of consecutive one-line fields.
    const empty = pool.logConfigurations.length === 0;
    const field = (name: string) => `${name}:`.padEnd(empty ? 19 : 12);
    return [
      `\t// ${adoptedPoolHeading(pool)}`,
      `\tif _, err := cognitologdelivery.NewUserPoolLogDelivery(ctx, ${quoted(adoptedResourceName(pool.userPoolId))}, &cognitologdelivery.UserPoolLogDeliveryArgs{`,
      `\t\t${field("UserPoolId")}pulumi.String(${quoted(pool.userPoolId)}),`,
      `\t\t${field("Region")}pulumi.String(${quoted(pool.region)}),`,
      ...(empty
        ? [`\t\t${field("LogConfigurations")}cognitologdelivery.LogConfigurationArray{},`]
        : [
            `\t\tLogConfigurations: cognitologdelivery.LogConfigurationArray{`,
            ...pool.logConfigurations.map(entry),
            `\t\t},`,
          ]),
      `\t}); err != nil {`,
      `\t\treturn err`,
      `\t}`,
    ].join("\n");
  });
  return [
    ...steps("//", importFilePath, "Call declareLogDeliveries(ctx) from your pulumi.Run function."),
    // A blank line: not the package's doc comment, which gofmt would reflow.
    ``,
    `package main`,
    ``,
    `import (`,
    `\t"github.com/pulumi-cognito-log-delivery/sdk/go/cognitologdelivery"`,
    `\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"`,
    `)`,
    ``,
    `// declareLogDeliveries declares the log delivery of each user pool, as found.`,
    `func declareLogDeliveries(ctx *pulumi.Context) error {`,
    resources.join("\n"),
    `\treturn nil`,
    `}`,
    ``,
  ].join("\n");
}

function yamlSource(pools: readonly InventoryPool[], importFilePath: string): string {
  const entry = (item: LogConfiguration) =>
    entryFields(item)
      .map(([name, value], index) => {
        const lead = index === 0 ? "        - " : "          ";
        return typeof value === "string"
          ? `${lead}${name}: ${quoted(value)}`
          : `${lead}${name}:\n            ${value[0]}: ${quoted(value[1])}`;
      })
      .join("\n");
  const resources = pools.map((pool) =>
    [
      `  # ${adoptedPoolHeading(pool)}`,
      `  ${adoptedResourceName(pool.userPoolId)}:`,
      `    type: ${PLUGIN_RESOURCE_TYPE.replace(":index:", ":")}`,
      `    properties:`,
      `      userPoolId: ${quoted(pool.userPoolId)}`,
      `      region: ${quoted(pool.region)}`,
      pool.logConfigurations.length === 0
        ? `      logConfigurations: []`
        : [`      logConfigurations:`, ...pool.logConfigurations.map(entry)].join("\n"),
    ].join("\n"),
  );
  return [
    ...steps(
      "#",
      importFilePath,
      `Add these resources to your Pulumi.yaml, and the plugin under plugins.providers (name: ${PLUGIN_PACKAGE}, path: the package's bin directory, e.g. ./node_modules/pulumi-cognito-log-delivery/bin).`,
    ),
    `resources:`,
    resources.join("\n"),
    ``,
  ].join("\n");
}

/** One row per language. */
export const ADOPTION_LANGUAGE_ROWS: Readonly<Record<AdoptionLanguage, AdoptionLanguageRow>> = {
  typescript: { sourceFile: "logDeliveries.ts", importFile, source: adoptionSource },
  python: { sourceFile: "log_deliveries.py", importFile: pluginImportFile, source: pythonSource },
  go: { sourceFile: "log_deliveries.go", importFile: pluginImportFile, source: goSource },
  yaml: { sourceFile: "logDeliveries.yaml", importFile: pluginImportFile, source: yamlSource },
};
