/**
 * The Cognito adapter, loaded on the first AWS call. A preview runs only `check` and
 * `diff`, which never call AWS, so neither the program nor the provider process loads the
 * Cognito client for it (see docs/BENCHMARKS.md, preview time).
 */
import type { LogConfiguration } from "../types";
import type { PoolAddress } from "../core/readInputs";
import type { CognitoClientsOptions } from "./clients";
import type { LogDeliveryApi } from "./logDeliveryApi";

export class LazyCognitoLogDeliveryApi implements LogDeliveryApi {
  private loaded: Promise<LogDeliveryApi> | undefined;

  constructor(private readonly options: CognitoClientsOptions) {}

  async get(pool: PoolAddress): Promise<LogConfiguration[]> {
    return (await this.adapter()).get(pool);
  }

  async set(
    pool: PoolAddress,
    configuration: readonly LogConfiguration[],
  ): Promise<LogConfiguration[]> {
    return (await this.adapter()).set(pool, configuration);
  }

  private adapter(): Promise<LogDeliveryApi> {
    this.loaded ??= (async () => {
      const [{ CognitoClients }, { CognitoLogDeliveryApi }] = await Promise.all([
        import("./clients"),
        import("./logDeliveryApi"),
      ]);
      return new CognitoLogDeliveryApi(new CognitoClients(this.options));
    })();
    return this.loaded;
  }
}
