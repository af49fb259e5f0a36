/**
 * One Cognito client per region, created on first use and shared by every resource in
 * the provider process. Endpoint and credentials come from the AWS SDK's standard
 * chain (environment, shared config and credentials files, `AWS_ENDPOINT_URL…`), so the
 * local emulator needs no code path of its own. No client exists at module scope: a
 * captured SDK client breaks Pulumi's closure serialization (pulumi/pulumi#13960).
 */
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { AwsCallError } from "../errors";
import type { AwsCallContext } from "../errors";
import type { LogConfiguration } from "../types";
import { describeAwsFailure } from "./awsErrors";
import { RequestPacer, categoryOf, pacingSettings } from "./pacing";

/**
 * Attempts per call, throttling included, unless `AWS_MAX_ATTEMPTS` says otherwise.
 * The SDK's default of 3 gives up within a second of a throttling storm, which on a
 * stack with hundreds of pools is a failed `up`; 8 attempts of the standard retry
 * strategy (exponential backoff with jitter, capped at 20 s) ride out about a minute.
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** No stack config: pacing then comes from the environment or the defaults. */
const NO_CONFIG = { get: (): undefined => undefined };

/** Shared Cognito clients, one per region, all paced by one `RequestPacer`. */
export class CognitoClients {
  private readonly byRegion = new Map<string, CognitoIdentityProviderClient>();
  readonly pacer: RequestPacer;

  constructor(
    private readonly environment: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    this.pacer = new RequestPacer(pacingSettings(NO_CONFIG, environment));
  }

  /** The client for a region. */
  forRegion(region: string): CognitoIdentityProviderClient {
    let client = this.byRegion.get(region);
    if (!client) {
      client = new CognitoIdentityProviderClient({
        region,
        // Only when the user has not chosen: the SDK reads AWS_MAX_ATTEMPTS and the
        // profile's max_attempts itself when this is left undefined.
        maxAttempts: this.environment["AWS_MAX_ATTEMPTS"] ? undefined : DEFAULT_MAX_ATTEMPTS,
        customUserAgent: "pulumi-cognito-log-delivery",
      });
      // Every HTTP attempt, retries included, waits for its token: the middleware sits
      // inside the SDK's retry loop (finalizeRequest step, after the retry middleware).
      client.middlewareStack.add(
        (next, context) => async (args) => {
          await this.pacer.pace(region, categoryOf(context.commandName));
          return next(args);
        },
        { step: "finalizeRequest", priority: "low", name: "cognitoLogDeliveryPacing" },
      );
      this.byRegion.set(region, client);
    }
    return client;
  }

  /**
   * The `AwsCallError` for a failed call: what AWS said, with advice naming the identity
   * in use and the endpoint. The one place an SDK error becomes our error.
   */
  async callError(
    error: unknown,
    context: AwsCallContext,
    configuration: readonly LogConfiguration[],
  ): Promise<AwsCallError> {
    const details = describeAwsFailure(error, context, {
      configuration,
      identity: await this.describeIdentity(context.region),
      endpoint: this.endpointOverride(),
    });
    return new AwsCallError(context, details, { cause: error });
  }

  /** "account 123456789012", or the access key when the credential source does not say. */
  private async describeIdentity(region: string): Promise<string> {
    try {
      const credentials = await this.forRegion(region).config.credentials();
      const account = (credentials as { accountId?: string }).accountId;
      return account
        ? `account ${account}`
        : `the account of access key ${credentials.accessKeyId}`;
    } catch {
      // Only reached while building the message of another failure (no credentials at
      // all): that failure is what the user must see, so the identity is left vague.
      return "the account of the credentials in use";
    }
  }

  /**
   * The endpoint set in the environment for Cognito, if any (the SDK's service-specific
   * variable wins over the global one), to name it in networking errors.
   */
  endpointOverride(): string | undefined {
    return (
      this.environment["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] ??
      this.environment["AWS_ENDPOINT_URL"]
    );
  }

  /** Closes every client (tests and short-lived tools). */
  destroy(): void {
    for (const client of this.byRegion.values()) {
      client.destroy();
    }
    this.byRegion.clear();
  }
}
