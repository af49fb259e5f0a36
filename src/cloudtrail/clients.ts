/**
 * One CloudTrail client per region, created on first use and shared by everything in the
 * process that looks up events, all paced by one `RequestPacer` below CloudTrail's
 * LookupEvents limit (2 requests per second per account and region). Endpoint and
 * credentials come from the SDK's standard chain, as for Cognito.
 */
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { sharedClientConfig } from "../aws/clientConfig";
import { getPacingPlugin } from "../aws/pacingMiddleware";
import { RequestPacer } from "../aws/requestPacer";

/** How the clients are made. */
export interface CloudTrailClientsOptions {
  lookupsPerSecond: number;
  environment: Readonly<Record<string, string | undefined>>;
}

export class CloudTrailClients {
  private readonly byRegion = new Map<string, CloudTrailClient>();
  private readonly pacer: RequestPacer;

  constructor(private readonly options: CloudTrailClientsOptions) {
    // Every CloudTrail call the package makes is a LookupEvents, paced as one category.
    this.pacer = new RequestPacer({
      readsPerSecond: options.lookupsPerSecond,
      writesPerSecond: options.lookupsPerSecond,
    });
  }

  /** The client for a region. */
  forRegion(region: string): CloudTrailClient {
    let client = this.byRegion.get(region);
    if (!client) {
      client = new CloudTrailClient({ region, ...sharedClientConfig(this.options.environment) });
      client.middlewareStack.use(
        getPacingPlugin({ pacer: this.pacer, region, categoryOf: () => "read" }),
      );
      this.byRegion.set(region, client);
    }
    return client;
  }

  /** The endpoint set in the environment for CloudTrail, if any, to name it in networking errors. */
  endpointOverride(): string | undefined {
    return (
      this.options.environment["AWS_ENDPOINT_URL_CLOUDTRAIL"] ??
      this.options.environment["AWS_ENDPOINT_URL"]
    );
  }

  /** Closes every client. */
  destroy(): void {
    for (const client of this.byRegion.values()) {
      client.destroy();
    }
    this.byRegion.clear();
  }
}
