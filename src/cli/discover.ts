/**
 * Lists a region's user pools and reads each one's log delivery configuration. Reads
 * only. A few reads run at once, each paced by the clients (the same pacing settings as
 * the provider's, from the environment), with the SDK's retries as the safety net.
 */
import type { CognitoClients } from "../cognito/clients";
import { CognitoLogDeliveryApi } from "../cognito/logDeliveryApi";
import { listUserPools } from "../cognito/userPools";
import { PoolsNotFoundError } from "../errors";
import type { LogConfiguration } from "../types";

/** Reads of configurations in flight at once: well under Cognito's per-account rates. */
const CONCURRENT_READS = 4;

/** A pool and what it delivers where. */
export interface DiscoveredPool {
  userPoolId: string;
  name: string;
  logConfigurations: LogConfiguration[];
}

/** Progress for long listings. */
export interface DiscoverProgress {
  listed(poolsSoFar: number): void;
  read(done: number, total: number): void;
}

/** Every pool of the region, or only `onlyPoolIds` when given, with its configuration. */
export async function discoverPools(
  clients: CognitoClients,
  region: string,
  progress: DiscoverProgress,
  onlyPoolIds?: readonly string[],
): Promise<DiscoveredPool[]> {
  const listed = await listUserPools(clients, region, (count) => progress.listed(count));
  if (onlyPoolIds) {
    const missing = onlyPoolIds.filter((id) => !listed.some((pool) => pool.userPoolId === id));
    if (missing.length > 0) {
      throw new PoolsNotFoundError(missing, region, listed.length);
    }
  }
  const chosen = onlyPoolIds
    ? listed.filter((pool) => onlyPoolIds.includes(pool.userPoolId))
    : listed;
  const api = new CognitoLogDeliveryApi(clients);
  let done = 0;
  return mapConcurrently(chosen, CONCURRENT_READS, async (pool) => {
    const logConfigurations = await api.get({ userPoolId: pool.userPoolId, region });
    progress.read(++done, chosen.length);
    return { ...pool, logConfigurations };
  });
}

/** `map` with at most `limit` calls in flight, results in input order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
