/**
 * Lists the user pools of a region (ListUserPools, 60 per page, the API's maximum), for
 * the `discover` command. Read-only, through the same clients and error translation as
 * the log delivery calls.
 */
import { ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { AwsCallContext } from "../errors";
import type { CognitoClients } from "./clients";

/** ListUserPools: `MaxResults` is 1–60 (API reference). */
export const USER_POOLS_PAGE_SIZE = 60;

/** A user pool as listed. */
export interface ListedUserPool {
  userPoolId: string;
  name: string;
}

/** Every user pool in the region, in the order AWS lists them; `onPage` reports progress. */
export async function listUserPools(
  clients: CognitoClients,
  region: string,
  onPage: (listedSoFar: number) => void = () => undefined,
): Promise<ListedUserPool[]> {
  const context: AwsCallContext = { operation: "ListUserPools", region };
  const pools: ListedUserPool[] = [];
  let nextToken: string | undefined;
  do {
    try {
      const page = await clients
        .forRegion(region)
        .send(new ListUserPoolsCommand({ MaxResults: USER_POOLS_PAGE_SIZE, NextToken: nextToken }));
      for (const pool of page.UserPools ?? []) {
        if (pool.Id) {
          pools.push({ userPoolId: pool.Id, name: pool.Name ?? "" });
        }
      }
      nextToken = page.NextToken;
    } catch (error) {
      throw await clients.callError(error, context, []);
    }
    onPage(pools.length);
  } while (nextToken);
  return pools;
}
