/**
 * `UserPoolLogDelivery` as a resource provider plugin, for Pulumi programs in every
 * language: `@pulumi/pulumi/provider`'s `Provider` over the same provider object the
 * dynamic resource's `attach` installs (`awsProvider`, implementation.ts), so validation,
 * diff, pacing and CloudTrail attribution are the same code in both hosts. What this adds
 * is only what the plugin protocol differs in:
 *
 * - Methods take the resource's URN and type; one type is served, anything else is refused.
 * - `configure` of @pulumi/pulumi 3.270–3.276's provider server accepts secrets, so an input
 *   the program made secret arrives wrapped (`{"4dabf1…": "1b4706…", value}`); it is
 *   unwrapped before the core reads it. The engine marks an output secret when the input
 *   of the same name was.
 * - The server ignores provider configuration, so the settings come from the environment
 *   (the COGNITO_LOG_DELIVERY_* variables of settings.ts), read once, when the first
 *   resource method runs.
 * - Two resources for one pool: the TypeScript resource catches them in the program
 *   (poolClaims.ts), which other languages' SDKs cannot; here `check`, which the engine
 *   calls for every declared resource of the stack in this one process and which is given
 *   the URN, claims each pool for its resource and fails the second claim, at preview.
 */
import type * as pulumiProvider from "@pulumi/pulumi/provider";
import { isUnknown } from "../core/values";
import { DuplicatePoolError } from "../errors";
import { awsProvider } from "../implementation";
import { PoolClaims } from "../poolClaims";
import type { UserPoolLogDeliveryProvider } from "../provider";
import type { UserPoolLogDeliveryInputs, UserPoolLogDeliveryOutputs } from "../types";
import { packageVersion } from "../version";
import { PLUGIN_PACKAGE, PLUGIN_RESOURCE_TYPE, packageSchema } from "./packageSchema";
import { unwrapSecrets } from "./secrets";

/** The type a URN names: `urn:pulumi:<stack>::<project>::<type chain>::<name>`, last of the chain. */
function typeOfUrn(urn: string): string {
  const typeChain = urn.split("::")[2] ?? "";
  return typeChain.split("$").pop() ?? "";
}

/** The resource's name in a URN (everything after the type chain). */
function nameOfUrn(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** The stack and project of a URN: one claims registry each. */
function stackOfUrn(urn: string): string {
  return urn.split("::").slice(0, 2).join("::");
}

/** The plugin's provider; `makeProvider` is called once, on the first resource method. */
export class UserPoolLogDeliveryPlugin implements pulumiProvider.Provider {
  readonly version = packageVersion();
  private core: UserPoolLogDeliveryProvider | undefined;
  private readonly claimsByStack = new Map<string, PoolClaims>();

  constructor(private readonly makeProvider: () => UserPoolLogDeliveryProvider = awsProvider) {}

  async getSchema(): Promise<string> {
    return JSON.stringify(packageSchema());
  }

  async check(urn: string, olds: unknown, news: unknown): Promise<pulumiProvider.CheckResult> {
    const result = await this.provider(urn).check(unwrapSecrets(olds), unwrapSecrets(news));
    const userPoolId = (result.inputs as { userPoolId?: unknown } | undefined)?.userPoolId;
    if (
      typeof userPoolId !== "string" ||
      isUnknown(userPoolId) ||
      (result.failures ?? []).length > 0
    ) {
      // Not known yet (a pool created in the same preview), or already wrong: nothing to claim.
      return result;
    }
    const stack = stackOfUrn(urn);
    const claims = this.claimsByStack.get(stack) ?? new PoolClaims();
    this.claimsByStack.set(stack, claims);
    try {
      claims.claim(userPoolId, nameOfUrn(urn));
    } catch (error) {
      if (!DuplicatePoolError.isInstance(error)) {
        throw error;
      }
      return { ...result, failures: [{ property: "userPoolId", reason: error.message }] };
    }
    return result;
  }

  async diff(
    id: string,
    urn: string,
    olds: unknown,
    news: unknown,
  ): Promise<pulumiProvider.DiffResult> {
    return this.provider(urn).diff(
      id,
      unwrapSecrets(olds) as Partial<UserPoolLogDeliveryOutputs>,
      unwrapSecrets(news) as UserPoolLogDeliveryInputs,
    );
  }

  async create(urn: string, inputs: unknown): Promise<pulumiProvider.CreateResult> {
    return this.provider(urn).create(unwrapSecrets(inputs) as UserPoolLogDeliveryInputs);
  }

  async read(id: string, urn: string, props?: unknown): Promise<pulumiProvider.ReadResult> {
    return this.provider(urn).read(
      id,
      unwrapSecrets(props) as Partial<UserPoolLogDeliveryOutputs> | undefined,
    );
  }

  async update(
    id: string,
    urn: string,
    olds: unknown,
    news: unknown,
  ): Promise<pulumiProvider.UpdateResult> {
    return this.provider(urn).update(
      id,
      unwrapSecrets(olds) as Partial<UserPoolLogDeliveryOutputs>,
      unwrapSecrets(news) as UserPoolLogDeliveryInputs,
    );
  }

  async delete(id: string, urn: string, props: unknown): Promise<void> {
    return this.provider(urn).delete(
      id,
      unwrapSecrets(props) as Partial<UserPoolLogDeliveryOutputs>,
    );
  }

  /** The shared provider, for a URN of the one type this plugin serves. */
  private provider(urn: string): UserPoolLogDeliveryProvider {
    const type = typeOfUrn(urn);
    if (type !== PLUGIN_RESOURCE_TYPE) {
      throw new Error(
        `the ${PLUGIN_PACKAGE} provider serves only ${PLUGIN_RESOURCE_TYPE}, not ${type || urn}; check the type token in the program.`,
      );
    }
    return (this.core ??= this.makeProvider());
  }
}
