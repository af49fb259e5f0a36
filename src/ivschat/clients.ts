/**
 * One Amazon IVS Chat client per region, made on first use, every call paced by one
 * `RequestPacer` below IVS Chat's request rates. The package only reads IVS Chat
 * (`discover`), so every call is paced as a read. Endpoint and credentials come from the
 * SDK's standard chain, as for Cognito.
 */
import { IvschatClient } from "@aws-sdk/client-ivschat";
import { sharedClientConfig } from "../aws/clientConfig";
import type { RegionalClients } from "../aws/regionalClients";
import { endpointOverride, singleRateRegionalClients } from "../aws/regionalClients";

/** How the clients are made. */
export interface IvsChatClientsOptions {
  readsPerSecond: number;
  environment: Readonly<Record<string, string | undefined>>;
}

export class IvsChatClients {
  private readonly clients: RegionalClients<IvschatClient>;

  constructor(private readonly options: IvsChatClientsOptions) {
    this.clients = singleRateRegionalClients(
      (region) => new IvschatClient({ region, ...sharedClientConfig(options.environment) }),
      options.readsPerSecond,
    );
  }

  forRegion(region: string): IvschatClient {
    return this.clients.forRegion(region);
  }

  /** The endpoint set in the environment for IVS Chat, if any, to name it in networking errors. */
  endpointOverride(): string | undefined {
    return endpointOverride(this.options.environment, "AWS_ENDPOINT_URL_IVSCHAT");
  }

  destroy(): void {
    this.clients.destroy();
  }
}
