/**
 * One CloudTrail client per region, created on first use and shared by everything in the
 * process that looks up events, all paced by one `RequestPacer` below CloudTrail's
 * LookupEvents limit (2 requests per second per account and region). Endpoint and
 * credentials come from the SDK's standard chain, as for Cognito.
 */
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { sharedClientConfig } from "../aws/clientConfig";
import type { RegionalClients } from "../aws/regionalClients";
import { endpointOverride, singleRateRegionalClients } from "../aws/regionalClients";

/** How the clients are made. */
export interface CloudTrailClientsOptions {
  lookupsPerSecond: number;
  environment: Readonly<Record<string, string | undefined>>;
}

export class CloudTrailClients {
  private readonly clients: RegionalClients<CloudTrailClient>;

  constructor(private readonly options: CloudTrailClientsOptions) {
    // Every CloudTrail call the package makes is a LookupEvents, paced as one category.
    this.clients = singleRateRegionalClients(
      (region) => new CloudTrailClient({ region, ...sharedClientConfig(options.environment) }),
      options.lookupsPerSecond,
    );
  }

  /** The client for a region. */
  forRegion(region: string): CloudTrailClient {
    return this.clients.forRegion(region);
  }

  /** The endpoint set in the environment for CloudTrail, if any, to name it in networking errors. */
  endpointOverride(): string | undefined {
    return endpointOverride(this.options.environment, "AWS_ENDPOINT_URL_CLOUDTRAIL");
  }

  /** Closes every client. */
  destroy(): void {
    this.clients.destroy();
  }
}
