/**
 * One Cognito client per region, created on first use and shared by every resource in
 * the provider process, all paced by one `RequestPacer`. Endpoint and credentials come
 * from the AWS SDK's standard chain (environment, shared config and credentials files,
 * `AWS_ENDPOINT_URL…`), so the local emulator needs no code path of its own. No client
 * exists at module scope: a captured SDK client breaks Pulumi's closure serialization
 * (pulumi/pulumi#13960).
 */
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { sharedClientConfig } from "../aws/clientConfig";
import { getPacingPlugin } from "../aws/pacingMiddleware";
import { RegionalClients, endpointOverride } from "../aws/regionalClients";
import { RequestPacer } from "../aws/requestPacer";
import type { PacingSettings, RequestCategory } from "../aws/requestPacer";
import { AwsCallError } from "../errors";
import type { AwsCallContext } from "../errors";
import type { LogConfiguration } from "../types";
import { describeAwsFailure } from "./failureAdvice";

/** The category of a Cognito command: Set… writes, everything else reads. */
export function cognitoCategoryOf(commandName: string | undefined): RequestCategory {
  return commandName?.startsWith("Set") ? "write" : "read";
}

/** How the clients are made. */
export interface CognitoClientsOptions {
  pacing: PacingSettings;
  environment: Readonly<Record<string, string | undefined>>;
}

/** Shared Cognito clients, one per region. */
export class CognitoClients {
  private readonly clients: RegionalClients<CognitoIdentityProviderClient>;

  constructor(private readonly options: CognitoClientsOptions) {
    const pacer = new RequestPacer(options.pacing);
    this.clients = new RegionalClients((region) => {
      const client = new CognitoIdentityProviderClient({
        region,
        ...sharedClientConfig(options.environment),
      });
      client.middlewareStack.use(getPacingPlugin({ pacer, region, categoryOf: cognitoCategoryOf }));
      return client;
    });
  }

  /** The client for a region. */
  forRegion(region: string): CognitoIdentityProviderClient {
    return this.clients.forRegion(region);
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

  /** The endpoint set in the environment for Cognito, if any, to name it in networking errors. */
  private endpointOverride(): string | undefined {
    return endpointOverride(this.options.environment, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");
  }

  /** Closes every client (tests and short-lived tools). */
  destroy(): void {
    this.clients.destroy();
  }
}
