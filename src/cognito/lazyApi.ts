/**
 * The AWS adapter, loaded on the first AWS call. A preview runs only `check` and `diff`,
 * which never call AWS, so neither the program nor the provider process loads the AWS
 * SDK for it (see docs/BENCHMARKS.md, preview time).
 */
import type { LogConfiguration } from "../types";
import type { LogDeliveryApi, PoolAddress } from "./logDeliveryApi";
import type { PacingSettings } from "./pacing";

export class LazyCognitoLogDeliveryApi implements LogDeliveryApi {
  private loaded:
    Promise<{ api: LogDeliveryApi; pace(settings: PacingSettings): void }> | undefined;
  private pacing: PacingSettings | undefined;

  constructor(
    private readonly environment: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  /** Pacing from stack config: applied now if the adapter is loaded, else when it loads. */
  configurePacing(settings: PacingSettings): void {
    this.pacing = settings;
    void this.loaded?.then((adapter) => adapter.pace(settings));
  }

  async get(pool: PoolAddress): Promise<LogConfiguration[]> {
    return (await this.adapter()).api.get(pool);
  }

  async set(
    pool: PoolAddress,
    configuration: readonly LogConfiguration[],
  ): Promise<LogConfiguration[]> {
    return (await this.adapter()).api.set(pool, configuration);
  }

  private adapter(): Promise<{ api: LogDeliveryApi; pace(settings: PacingSettings): void }> {
    this.loaded ??= (async () => {
      const [{ CognitoClients }, { CognitoLogDeliveryApi }] = await Promise.all([
        import("./clients"),
        import("./logDeliveryApi"),
      ]);
      const clients = new CognitoClients(this.environment);
      if (this.pacing) {
        clients.pacer.configure(this.pacing);
      }
      return {
        api: new CognitoLogDeliveryApi(clients),
        pace: (settings: PacingSettings) => clients.pacer.configure(settings),
      };
    })();
    return this.loaded;
  }
}
