/** Pulumi programs the end-to-end tests write into their throw-away projects. */

export interface DeliveryDeclaration {
  /** Resource name. */
  name: string;
  userPoolId: string;
  /** `logConfigurations`, as TypeScript source. */
  logConfigurations: readonly Record<string, unknown>[];
}

/** A program declaring one UserPoolLogDelivery per declaration. */
export function deliveryProgram(
  declarations: readonly DeliveryDeclaration[],
  prelude = "",
): string {
  const resources = declarations.map(
    (declaration) =>
      `new UserPoolLogDelivery(${JSON.stringify(declaration.name)}, ${JSON.stringify(
        { userPoolId: declaration.userPoolId, logConfigurations: declaration.logConfigurations },
        null,
        2,
      )});`,
  );
  return [
    `import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";`,
    prelude,
    ...resources,
    "",
  ].join("\n");
}
