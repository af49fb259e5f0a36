/**
 * Pulumi YAML programs for the end-to-end tests: a whole Pulumi.yaml (runtime yaml) that
 * declares `UserPoolLogDelivery` through the provider plugin, found where a user who
 * installed the npm package finds it: the package's `bin/` directory, named by
 * `plugins.providers[].path`.
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
    yamlProjectHeader(name),
    `resources: ${JSON.stringify(resources, null, 2).replace(/\n/g, "\n  ")}`,
    `outputs: ${JSON.stringify(outputs)}`,
    ``,
  ].join("\n");
}

/** A YAML project's name, runtime and the plugin's location: what precedes its resources. */
export function yamlProjectHeader(name: string): string {
  return [
    `name: ${name}`,
    `runtime: yaml`,
    `plugins:`,
    `  providers:`,
    `    - name: ${PLUGIN_PACKAGE}`,
    `      path: ${JSON.stringify(PLUGIN_DIRECTORY)}`,
  ].join("\n");
}
