/**
 * What a user needs to bring existing pools under `UserPoolLogDelivery` without a write
 * to AWS: an import file for `pulumi import --file` whose entries carry the pool's current
 * configuration as inputs and outputs (engine >= 3.254 then skips the provider's Read,
 * which a dynamic provider cannot answer: pulumi/pulumi #3550, #23984), and the
 * TypeScript that declares the same resources. Pure: the caller supplies the serialised
 * provider, which must be exactly what `pulumi.dynamic.Resource` stores.
 */
import { logConfigurationsSource } from "../core/describe";
import { RESOURCE_TYPE } from "../resourceType";
import type { UserPoolLogDeliveryOutputs } from "../types";
import type { DiscoveredPool } from "./discover";

/** The Pulumi name of the resource that adopts a pool: stable, unique per pool. */
export function adoptedResourceName(userPoolId: string): string {
  return `user-pool-logs-${userPoolId}`;
}

/** The import file: one entry per pool, its state as AWS reported it. */
export function importFile(
  pools: readonly DiscoveredPool[],
  region: string,
  serializedProvider: string,
): unknown {
  return {
    resources: pools.map((pool) => {
      const state: UserPoolLogDeliveryOutputs & { __provider: string } = {
        userPoolId: pool.userPoolId,
        region,
        logConfigurations: pool.logConfigurations,
        __provider: serializedProvider,
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

/** A TypeScript identifier for a pool, unique among `taken`. */
function variableName(pool: DiscoveredPool, taken: Set<string>): string {
  const words = (pool.name || pool.userPoolId).split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join("");
  const base = `${/^[0-9]/.test(camel) || camel === "" ? `pool${camel}` : camel}LogDelivery`;
  let name = base;
  for (let suffix = 2; taken.has(name); suffix++) {
    name = `${base}${suffix}`;
  }
  taken.add(name);
  return name;
}

/** The program source declaring one resource per pool, exactly as found. */
export function adoptionSource(
  pools: readonly DiscoveredPool[],
  region: string,
  importFilePath: string,
): string {
  const taken = new Set<string>();
  const resources = pools.map((pool) =>
    [
      `// User pool "${pool.name}"${pool.logConfigurations.length === 0 ? " (no log delivery yet)" : ""}.`,
      `export const ${variableName(pool, taken)} = new UserPoolLogDelivery(${JSON.stringify(adoptedResourceName(pool.userPoolId))}, {`,
      `  userPoolId: ${JSON.stringify(pool.userPoolId)},`,
      `  region: ${JSON.stringify(region)},`,
      `  ${logConfigurationsSource(pool.logConfigurations, "  ")}`,
      `});`,
    ].join("\n"),
  );
  return [
    `// Written by \`pulumi-cognito-log-delivery discover\`: the log delivery of ${pools.length} user pools in ${region}, as found.`,
    `// 1. pulumi import --file ${importFilePath} --generate-code=false --protect=false --yes`,
    `//    (puts them in the stack's state from that file: no call to AWS)`,
    `// 2. Add the resources below to your program. Keep their names: they match the import.`,
    `// 3. pulumi preview shows no change until you edit them; then it shows exactly your edit.`,
    `import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";`,
    ``,
    resources.join("\n\n"),
    ``,
  ].join("\n");
}
