/**
 * Reads the log delivery inventory: in each region asked for, the user pools with each
 * one's log delivery configuration, and the IVS Chat logging configurations. Reads only.
 * Regions and services run side by side (each has its own pacing); within a region a
 * few configuration reads run at once, each paced by the clients (the same pacing
 * settings as the provider's, from the environment), with the SDK's retries as the
 * safety net.
 */
import type { CognitoClients } from "../cognito/clients";
import { CognitoLogDeliveryApi } from "../cognito/logDeliveryApi";
import { listUserPools } from "../cognito/userPools";
import type { InventoryPool } from "../core/inventory";
import { AwsCallError, ChatConfigurationsNotFoundError, PoolsNotFoundError } from "../errors";
import type { IvsChatClients } from "../ivschat/clients";
import { listChatLoggingConfigurations } from "../ivschat/loggingConfigurations";
import type { ChatLoggingConfiguration } from "../ivschat/loggingConfigurations";
import type { InventoryService } from "./arguments";

/** Reads of configurations in flight at once: well under Cognito's per-account rates. */
const CONCURRENT_READS = 4;

/** Everything listed. */
export interface Inventory {
  regions: string[];
  services: InventoryService[];
  userPools: InventoryPool[];
  chatConfigurations: ChatLoggingConfiguration[];
}

/** Progress for long listings, per region. */
export interface DiscoverProgress {
  listed(region: string, poolsSoFar: number): void;
  read(region: string, done: number, total: number): void;
  listedChat(region: string, configurationsSoFar: number): void;
  /** A listed pool was gone by the time its configuration was read. */
  vanished(region: string, userPoolId: string): void;
}

/** The clients of the services asked for. */
export interface InventoryClients {
  cognito?: CognitoClients;
  ivsChat?: IvsChatClients;
}

/** What to read: when pools or chat configurations are named, only those (and missing ones fail). */
export interface InventoryRequest {
  regions: readonly string[];
  services: readonly InventoryService[];
  onlyUserPoolIds?: readonly string[];
  onlyChatIdentifiers?: readonly string[];
}

/** Reads the inventory; every region and service, or fails as a whole. */
export async function discoverInventory(
  clients: InventoryClients,
  request: InventoryRequest,
  progress: DiscoverProgress,
): Promise<Inventory> {
  const wantsPools = request.services.includes("cognito");
  const wantsChat = request.services.includes("ivschat");
  const [poolsByRegion, chatByRegion] = await Promise.all([
    Promise.all(
      request.regions.map((region) =>
        wantsPools && clients.cognito
          ? discoverPools(clients.cognito, region, progress, request.onlyUserPoolIds)
          : Promise.resolve({ pools: [], listed: 0 }),
      ),
    ),
    Promise.all(
      request.regions.map((region) =>
        wantsChat && clients.ivsChat
          ? listChatLoggingConfigurations(clients.ivsChat, region, (count) =>
              progress.listedChat(region, count),
            )
          : Promise.resolve([]),
      ),
    ),
  ]);
  const userPools = poolsByRegion.flatMap((region) => region.pools);
  if (request.onlyUserPoolIds) {
    const missing = request.onlyUserPoolIds.filter(
      (id) => !userPools.some((pool) => pool.userPoolId === id),
    );
    if (missing.length > 0) {
      const listed = poolsByRegion.reduce((total, region) => total + region.listed, 0);
      throw new PoolsNotFoundError(missing, request.regions.join(", "), listed);
    }
  }
  const everyChat = chatByRegion.flat();
  let chatConfigurations = everyChat;
  if (request.onlyChatIdentifiers) {
    const chosen = request.onlyChatIdentifiers;
    const matches = (configuration: ChatLoggingConfiguration, identifier: string) =>
      configuration.arn === identifier || configuration.id === identifier;
    const missing = chosen.filter((identifier) => !everyChat.some((c) => matches(c, identifier)));
    if (missing.length > 0) {
      throw new ChatConfigurationsNotFoundError(missing, request.regions, everyChat.length);
    }
    chatConfigurations = everyChat.filter((configuration) =>
      chosen.some((identifier) => matches(configuration, identifier)),
    );
  }
  return {
    regions: [...request.regions],
    services: [...request.services],
    userPools,
    chatConfigurations,
  };
}

/** Every pool of the region, or only `onlyPoolIds` found there, with its configuration. */
async function discoverPools(
  clients: CognitoClients,
  region: string,
  progress: DiscoverProgress,
  onlyPoolIds?: readonly string[],
): Promise<{ pools: InventoryPool[]; listed: number }> {
  const listed = await listUserPools(clients, region, (count) => progress.listed(region, count));
  const chosen = onlyPoolIds
    ? listed.filter((pool) => onlyPoolIds.includes(pool.userPoolId))
    : listed;
  const api = new CognitoLogDeliveryApi(clients);
  let done = 0;
  const read = await mapConcurrently(chosen, CONCURRENT_READS, async (pool) => {
    let logConfigurations;
    try {
      logConfigurations = await api.get({ userPoolId: pool.userPoolId, region });
    } catch (error) {
      // Deleted between the listing and the read: it no longer delivers anything.
      if (AwsCallError.isUserPoolNotFound(error)) {
        progress.vanished(region, pool.userPoolId);
        progress.read(region, ++done, chosen.length);
        return undefined;
      }
      throw error;
    }
    progress.read(region, ++done, chosen.length);
    return { region, userPoolId: pool.userPoolId, name: pool.name, logConfigurations };
  });
  return { pools: read.filter((pool) => pool !== undefined), listed: listed.length };
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
