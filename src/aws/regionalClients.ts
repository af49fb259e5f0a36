/**
 * One SDK client per region, made on first use and shared by everything in the process
 * that calls that service; what every service adapter's client set is built on.
 */
import type { MetadataBearer, Pluggable } from "@smithy/types";
import { getPacingPlugin } from "./pacingMiddleware";
import { RequestPacer } from "./requestPacer";

/** A client of any AWS service: it can be closed. */
interface ClosableClient {
  destroy(): void;
}

/** A client whose middleware stack takes plugins, as every AWS SDK v3 client's does. */
interface PluggableClient extends ClosableClient {
  middlewareStack: { use(pluggable: Pluggable<object, MetadataBearer>): void };
}

export class RegionalClients<C extends ClosableClient> {
  private readonly byRegion = new Map<string, C>();

  constructor(private readonly create: (region: string) => C) {}

  /** The client for a region, made the first time it is asked for. */
  forRegion(region: string): C {
    let client = this.byRegion.get(region);
    if (!client) {
      client = this.create(region);
      this.byRegion.set(region, client);
    }
    return client;
  }

  /** Closes every client (tests and short-lived tools). */
  destroy(): void {
    for (const client of this.byRegion.values()) {
      client.destroy();
    }
    this.byRegion.clear();
  }
}

/**
 * The endpoint set in the environment for a service, if any (the SDK's service-specific
 * variable, e.g. `AWS_ENDPOINT_URL_CLOUDTRAIL`, wins over `AWS_ENDPOINT_URL`), to name it
 * in networking errors.
 */
export function endpointOverride(
  environment: Readonly<Record<string, string | undefined>>,
  serviceVariable: string,
): string | undefined {
  return environment[serviceVariable] ?? environment["AWS_ENDPOINT_URL"];
}

/**
 * Regional clients of a service the package calls with one kind of request (CloudTrail's
 * LookupEvents, IVS Chat's listing): every call of every region's client paced as one
 * category at `perSecond` per region, shared by the process.
 */
export function singleRateRegionalClients<C extends PluggableClient>(
  create: (region: string) => C,
  perSecond: number,
): RegionalClients<C> {
  const pacer = new RequestPacer({ readsPerSecond: perSecond, writesPerSecond: perSecond });
  return new RegionalClients((region) => {
    const client = create(region);
    client.middlewareStack.use(getPacingPlugin({ pacer, region, categoryOf: () => "read" }));
    return client;
  });
}
