/**
 * The CloudTrail side of refresh, loaded on the first drifted pool: a refresh that finds
 * no drift, and every preview, never loads the CloudTrail client.
 */
import type { LastOutsideChange, OutsideChangeFinder } from "../core/outsideChange";
import { lookupUnavailable } from "../core/outsideChange";
import type { PoolAddress } from "../core/readInputs";
import type { AttributionSettings } from "../settings";

export class LazyCloudTrailOutsideChanges implements OutsideChangeFinder {
  private loaded: Promise<OutsideChangeFinder> | undefined;

  constructor(
    private readonly settings: AttributionSettings,
    private readonly environment: Readonly<Record<string, string | undefined>>,
  ) {}

  async lastOutsideChange(pool: PoolAddress): Promise<LastOutsideChange> {
    try {
      return await (await this.finder()).lastOutsideChange(pool);
    } catch (error) {
      // The finder answers failures itself; only loading it can throw, and refresh must
      // not fail for attribution.
      return lookupUnavailable(error instanceof Error ? error.message : String(error));
    }
  }

  private finder(): Promise<OutsideChangeFinder> {
    this.loaded ??= (async () => {
      const [{ CloudTrailClients }, { CloudTrailOutsideChanges }, { logDeliveryChanges }] =
        await Promise.all([
          import("./clients"),
          import("./outsideChanges"),
          import("./logDeliveryChanges"),
        ]);
      const clients = new CloudTrailClients({
        lookupsPerSecond: this.settings.lookupsPerSecond,
        environment: this.environment,
      });
      return new CloudTrailOutsideChanges(
        (region, window) => logDeliveryChanges(clients, region, window),
        { lookbackDays: this.settings.lookbackDays },
      );
    })();
    return this.loaded;
  }
}
