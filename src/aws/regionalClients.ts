/**
 * One SDK client per region, made on first use and shared by everything in the process
 * that calls that service; what every service adapter's client set is built on.
 */

/** A client of any AWS service: it can be closed. */
interface ClosableClient {
  destroy(): void;
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
