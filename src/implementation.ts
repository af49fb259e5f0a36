/**
 * The module that Pulumi state names. The serialised provider stored with every resource
 * (`serializedProvider.ts`) runs `require("pulumi-cognito-log-delivery/implementation")
 * .attach(this, request)` in the provider process; stacks written by every release since
 * 0.1.0 do, so this export and `attach` keep their names and meaning.
 */
import type * as pulumi from "@pulumi/pulumi";
import { LazyCloudTrailOutsideChanges } from "./cloudtrail/lazyOutsideChanges";
import { LazyCognitoLogDeliveryApi } from "./cognito/lazyApi";
import { UserPoolLogDeliveryProvider } from "./provider";
import { NO_CONFIG, readSettings } from "./settings";
import type { ConfigSource } from "./settings";

/** The methods `attach` installs on the serialised provider object. */
const PROVIDER_METHODS = ["check", "diff", "create", "read", "update", "delete"] as const;

/**
 * The provider shared by every resource in a provider process, so that all of them use the
 * same per-region clients and the same pacing. Made by the first `attach`, with the settings
 * of the stack (one process serves one stack), never at module load.
 */
let shared: UserPoolLogDeliveryProvider | undefined;

/**
 * Called by the serialised provider's `configure`, which the dynamic-provider host calls
 * once, before anything else, on each provider object it deserialises: makes the process's
 * provider on the first call and installs its methods on `target`. A setting that cannot be
 * used fails here, so the preview shows what to write.
 */
export async function attach(
  target: object,
  request: pulumi.dynamic.ConfigureRequest,
): Promise<void> {
  const provider = (shared ??= awsProvider(request.config));
  for (const method of PROVIDER_METHODS) {
    Object.assign(target, { [method]: provider[method].bind(provider) });
  }
}

/**
 * A provider that calls AWS, with the settings of the stack config and the environment
 * (read here, once, and passed to the clients it makes on the first AWS call). `report`
 * is where refresh says who changed a drifted pool: the provider process's stdout, which
 * the host forwards to the Pulumi CLI.
 */
export function awsProvider(
  config: ConfigSource = NO_CONFIG,
  environment: Readonly<Record<string, string | undefined>> = process.env,
  report: (line: string) => void = (line) => console.log(line),
): UserPoolLogDeliveryProvider {
  const { pacing, attribution } = readSettings(config, environment);
  return new UserPoolLogDeliveryProvider(
    new LazyCognitoLogDeliveryApi({ pacing, environment }),
    attribution.enabled
      ? { finder: new LazyCloudTrailOutsideChanges(attribution, environment), report }
      : undefined,
  );
}

/** The provider `attach` installed in this process, if it has run. */
export function installedProvider(): UserPoolLogDeliveryProvider | undefined {
  return shared;
}
