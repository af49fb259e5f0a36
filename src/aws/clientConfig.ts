/**
 * What every AWS SDK client of the package is made with, whatever the service: how many
 * attempts a call gets, and the marker that makes our own calls recognisable in CloudTrail.
 *
 * The marker is the SDK's app ID (`app/pulumi-cognito-log-delivery/<version>` in the
 * User-Agent, which CloudTrail records as `userAgent`), unless the user set their own app
 * ID (`AWS_SDK_UA_APP_ID`, or `sdk_ua_app_id` in the profile): theirs is kept, and the
 * marker still travels as a custom User-Agent section (`pulumi-cognito-log-delivery/<version>`),
 * which every call carries either way.
 */
import { NODE_APP_ID_CONFIG_OPTIONS } from "@aws-sdk/core/client";
import { loadConfig } from "@smithy/core/config";
import { PACKAGE_NAME, packageVersion } from "../version";

/**
 * Attempts per call, throttling included, unless `AWS_MAX_ATTEMPTS` says otherwise.
 * The SDK's default of 3 gives up within a second of a throttling storm, which on a
 * stack with hundreds of pools is a failed `up`; 8 attempts of the standard retry
 * strategy (exponential backoff with jitter, capped at 20 s) ride out about a minute.
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** The SDK's app ID for our calls, e.g. `pulumi-cognito-log-delivery/0.2.0` (at most 50 characters). */
export function packageAppId(): string {
  return `${PACKAGE_NAME}/${packageVersion()}`;
}

/** The options shared by every client the package makes. */
export interface SharedClientConfig {
  maxAttempts: number | undefined;
  customUserAgent: [string, string][];
  userAgentAppId: () => Promise<string>;
}

/** The shared options, for the given environment (the process's, or a test's). */
export function sharedClientConfig(
  environment: Readonly<Record<string, string | undefined>>,
): SharedClientConfig {
  return {
    // Only when the user has not chosen: the SDK reads AWS_MAX_ATTEMPTS and the
    // profile's max_attempts itself when this is left undefined.
    maxAttempts: environment["AWS_MAX_ATTEMPTS"] ? undefined : DEFAULT_MAX_ATTEMPTS,
    customUserAgent: [[PACKAGE_NAME, packageVersion()]],
    userAgentAppId: userAppIdOr(environment, packageAppId()),
  };
}

/**
 * The user's app ID (environment, then the profile, as the SDK itself resolves it), or
 * `fallback`. Resolved once per client, on its first call.
 */
function userAppIdOr(
  environment: Readonly<Record<string, string | undefined>>,
  fallback: string,
): () => Promise<string> {
  const fromEnvironment = environment[UA_APP_ID_VARIABLE];
  if (fromEnvironment) {
    return async () => fromEnvironment;
  }
  const fromProfile = loadConfig({
    ...NODE_APP_ID_CONFIG_OPTIONS,
    // The environment given to us is the one that counts (tests pass their own).
    environmentVariableSelector: () => undefined,
  });
  let resolved: Promise<string> | undefined;
  return () =>
    (resolved ??= fromProfile().then(
      (appId) => (typeof appId === "string" && appId !== "" ? appId : fallback),
      () => fallback,
    ));
}

const UA_APP_ID_VARIABLE = "AWS_SDK_UA_APP_ID";
