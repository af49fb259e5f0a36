/**
 * Programs in languages other than TypeScript for the end-to-end tests, declaring
 * `UserPoolLogDelivery` through the provider plugin, found where a user who installed the
 * npm package finds it: the package's `bin/` directory, named by `plugins.providers[].path`.
 * YAML: a whole Pulumi.yaml. Python: a __main__.py using the generated SDK.
 */
import * as path from "node:path";
import { PLUGIN_PACKAGE, PLUGIN_RESOURCE_TYPE } from "../../src/plugin/packageSchema";
import { PROJECT_ROOT } from "./engine";
import type { DeliveryDeclaration } from "./programs";

/** The directory holding the plugin's launcher, `pulumi-resource-cognito-log-delivery`. */
export const PLUGIN_DIRECTORY = path.join(PROJECT_ROOT, "bin");

/** The type as a YAML program writes it (the `index` module may be left out). */
const YAML_TYPE = PLUGIN_RESOURCE_TYPE.replace(":index:", ":");

/**
 * The Pulumi.yaml of a project declaring one resource per declaration. JSON is YAML, so
 * the resources are written as JSON: every value reaches the plugin exactly as written.
 */
export function yamlProgram(
  name: string,
  declarations: readonly (DeliveryDeclaration & { region?: string })[],
): string {
  const resources = Object.fromEntries(
    declarations.map((declaration) => [
      declaration.name,
      {
        type: YAML_TYPE,
        properties: {
          userPoolId: declaration.userPoolId,
          logConfigurations: declaration.logConfigurations,
          ...(declaration.region === undefined ? {} : { region: declaration.region }),
        },
      },
    ]),
  );
  const outputs = Object.fromEntries(
    declarations.map((declaration) => [
      `${declaration.name}LastOutsideChange`,
      `\${${declaration.name}.lastOutsideChange}`,
    ]),
  );
  return [
    pluginProjectFile(name, "yaml"),
    `resources: ${JSON.stringify(resources, null, 2).replace(/\n/g, "\n  ")}`,
    `outputs: ${JSON.stringify(outputs)}`,
    ``,
  ].join("\n");
}

/**
 * A project file naming the runtime and where the plugin is, no resources: a Python
 * project's Pulumi.yaml, or what precedes a YAML project's resources.
 */
export function pluginProjectFile(name: string, runtime: "yaml" | "python"): string {
  return [
    `name: ${name}`,
    `runtime: ${runtime}`,
    `plugins:`,
    `  providers:`,
    `    - name: ${PLUGIN_PACKAGE}`,
    `      path: ${JSON.stringify(PLUGIN_DIRECTORY)}`,
  ].join("\n");
}

/** Property names as the Python SDK spells them (camelCase to snake_case), at every level. */
function pythonNames(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(pythonNames);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key.replace(/[A-Z]/g, (capital) => `_${capital.toLowerCase()}`),
        pythonNames(child),
      ]),
    );
  }
  return value;
}

/**
 * The __main__.py of a Python project declaring one resource per declaration through the
 * generated SDK (sdk/python), exporting each one's `lastOutsideChange`. The values are
 * JSON, which is also Python for strings, lists and dicts.
 */
export function pythonProgram(declarations: readonly DeliveryDeclaration[]): string {
  return [
    "import pulumi",
    "import pulumi_cognito_log_delivery as cognito_log_delivery",
    "",
    ...declarations.flatMap((declaration, index) => [
      `delivery${index} = cognito_log_delivery.UserPoolLogDelivery(`,
      `    ${JSON.stringify(declaration.name)},`,
      `    user_pool_id=${JSON.stringify(declaration.userPoolId)},`,
      `    log_configurations=${JSON.stringify(pythonNames(declaration.logConfigurations))},`,
      ")",
      `pulumi.export(${JSON.stringify(`${declaration.name}LastOutsideChange`)}, delivery${index}.last_outside_change)`,
      "",
    ]),
  ].join("\n");
}
