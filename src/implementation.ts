/**
 * The dynamic provider of `UserPoolLogDelivery`: wires the pure core (validation,
 * canonical form, diff) to the AWS adapter. The object stored in Pulumi state is not
 * this one but `serializedProvider`, which `require`s this module of the installed
 * package, so refresh and destroy always run the installed code.
 */
import type * as pulumi from "@pulumi/pulumi";
import { LazyCognitoLogDeliveryApi } from "./cognito/lazyApi";
import { pacingSettings } from "./cognito/pacing";
import type { LogDeliveryApi, PoolAddress } from "./cognito/logDeliveryApi";
import { regionPrefixOfUserPoolId } from "./core/arn";
import { canonicalInputs, canonicalLogConfigurations, effectiveRegion } from "./core/canonical";
import { diffLogDelivery, sameLogConfigurations } from "./core/diff";
import { describeLogConfigurations, logConfigurationsSource } from "./core/render";
import { validateInputs } from "./core/validate";
import {
  ExistingConfigurationError,
  InvalidLogDeliveryError,
  isUserPoolNotFoundError,
} from "./errors";
import type { LogConfiguration, UserPoolLogDeliveryOutputs } from "./types";

type Properties = Record<string, unknown>;

/** The provider; construct it with another `LogDeliveryApi` to test without AWS. */
export class UserPoolLogDeliveryProvider implements pulumi.dynamic.ResourceProvider {
  constructor(private readonly api: LogDeliveryApi = new LazyCognitoLogDeliveryApi()) {}

  /** Validates and canonicalises; the returned inputs are what the engine stores and diffs. */
  async check(_olds: Properties, news: Properties): Promise<pulumi.dynamic.CheckResult> {
    return { inputs: canonicalInputs(news), failures: validateInputs(news) };
  }

  async diff(_id: string, olds: Properties, news: Properties): Promise<pulumi.dynamic.DiffResult> {
    return diffLogDelivery(olds, news);
  }

  /**
   * Never overwrites silently: a pool that already delivers logs somewhere else makes
   * create fail with what is there and how to take it over. A pool that already has
   * exactly the declared configuration is taken as is, with no write.
   */
  async create(inputs: Properties): Promise<{ id: string; outs: UserPoolLogDeliveryOutputs }> {
    const desired = desiredState(inputs);
    const current = await this.api.get(desired.pool);
    if (sameLogConfigurations(current, desired.logConfigurations)) {
      return { id: desired.pool.userPoolId, outs: outputsOf(desired.pool, current) };
    }
    if (current.length > 0) {
      throw existingConfigurationError(desired.pool, current, desired.logConfigurations);
    }
    const applied = await this.api.set(desired.pool, desired.logConfigurations);
    return { id: desired.pool.userPoolId, outs: outputsOf(desired.pool, applied) };
  }

  /**
   * Refresh: reports what is on the pool now, as outputs and as inputs, so that a
   * configuration changed or emptied outside Pulumi shows as a diff that the next `up`
   * repairs. A pool that no longer exists is reported gone (blank ID).
   */
  async read(
    id: string,
    props: Properties,
  ): Promise<pulumi.dynamic.ReadResult<UserPoolLogDeliveryOutputs>> {
    const pool = poolAddressOf({ ...props, userPoolId: id });
    let current: LogConfiguration[];
    try {
      current = await this.api.get(pool);
    } catch (error) {
      if (isUserPoolNotFoundError(error)) {
        return { id: "" };
      }
      throw error;
    }
    const outs = outputsOf(pool, current);
    return { id, props: outs, inputs: { ...outs } };
  }

  /** One Set with the whole desired configuration. */
  async update(
    _id: string,
    _olds: Properties,
    news: Properties,
  ): Promise<{ outs: UserPoolLogDeliveryOutputs }> {
    const desired = desiredState(news);
    const applied = await this.api.set(desired.pool, desired.logConfigurations);
    return { outs: outputsOf(desired.pool, applied) };
  }

  /** One Set with an empty list; a pool that is already gone has nothing left to clear. */
  async delete(id: string, props: Properties): Promise<void> {
    const pool = poolAddressOf({ ...props, userPoolId: id });
    try {
      await this.api.set(pool, []);
    } catch (error) {
      if (!isUserPoolNotFoundError(error)) {
        throw error;
      }
    }
  }
}

/** The pool and configuration to apply; throws when the inputs were never checked. */
function desiredState(inputs: Properties): {
  pool: PoolAddress;
  logConfigurations: LogConfiguration[];
} {
  const failures = validateInputs(inputs);
  const userPoolId = typeof inputs["userPoolId"] === "string" ? inputs["userPoolId"] : "";
  if (failures.length > 0) {
    throw new InvalidLogDeliveryError(userPoolId, failures);
  }
  const canonical = canonicalInputs(inputs);
  return {
    pool: poolAddressOf(canonical),
    logConfigurations: canonicalLogConfigurations(
      canonical["logConfigurations"] as LogConfiguration[],
    ),
  };
}

/** Where to find the pool from stored properties (old states may lack `region`). */
function poolAddressOf(props: Properties): PoolAddress {
  const userPoolId = String(props["userPoolId"]);
  const region = effectiveRegion(props) ?? regionPrefixOfUserPoolId(userPoolId);
  return { userPoolId, region };
}

function outputsOf(
  pool: PoolAddress,
  logConfigurations: LogConfiguration[],
): UserPoolLogDeliveryOutputs {
  return { userPoolId: pool.userPoolId, region: pool.region, logConfigurations };
}

function existingConfigurationError(
  pool: PoolAddress,
  current: readonly LogConfiguration[],
  declared: readonly LogConfiguration[],
): ExistingConfigurationError {
  const clearCommand =
    `aws cognito-idp set-log-delivery-configuration --region ${pool.region} ` +
    `--user-pool-id ${pool.userPoolId} --log-configurations '[]'`;
  return new ExistingConfigurationError(
    pool.userPoolId,
    [
      `User pool ${pool.userPoolId} (${pool.region}) already delivers logs, and not as declared. ` +
        "Creating this resource would overwrite that configuration, so nothing was changed.",
      "On the pool now:",
      describeLogConfigurations(current),
      "Declared:",
      describeLogConfigurations(declared),
      "To take it over as it is, declare exactly what is there, run `pulumi up` (no write to AWS), then change it from there:",
      `  ${logConfigurationsSource(current, "  ")}`,
      `To discard it instead, clear it first, then run \`pulumi up\` again: ${clearCommand}`,
    ].join("\n"),
  );
}

/** The methods `attach` installs on the serialised provider object. */
const PROVIDER_METHODS = ["check", "diff", "create", "read", "update", "delete"] as const;

/**
 * Called by the serialised provider's `configure` (see serializedProvider.ts): installs
 * the shared provider's methods on the deserialised object the dynamic-provider host
 * keeps.
 */
export async function attach(
  target: object,
  request: pulumi.dynamic.ConfigureRequest,
): Promise<void> {
  const { api, provider } = sharedInstances();
  api.configurePacing(pacingSettings(request.config, process.env));
  for (const method of PROVIDER_METHODS) {
    Object.assign(target, { [method]: provider[method].bind(provider) });
  }
}

let shared: { api: LazyCognitoLogDeliveryApi; provider: UserPoolLogDeliveryProvider } | undefined;

/**
 * The AWS adapter and provider shared by every resource in a provider process, so all of
 * them use the same per-region clients and the same pacing. Created on first use, never
 * at module load.
 */
function sharedInstances(): {
  api: LazyCognitoLogDeliveryApi;
  provider: UserPoolLogDeliveryProvider;
} {
  if (!shared) {
    const api = new LazyCognitoLogDeliveryApi();
    shared = { api, provider: new UserPoolLogDeliveryProvider(api) };
  }
  return shared;
}

/** The provider shared by every resource in this process. */
export function installedProvider(): UserPoolLogDeliveryProvider {
  return sharedInstances().provider;
}
