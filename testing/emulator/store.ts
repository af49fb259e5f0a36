/**
 * The user pools the emulator holds, each in one region of one account, with its log
 * delivery configuration. Pools are kept in creation order so listing is stable.
 */
import { randomInt } from "node:crypto";
import type { AdvancedSecurityMode, LogConfiguration, UserPoolTier } from "./model";
import { partitionOfRegion } from "./partitions";

export interface UserPoolRecord {
  id: string;
  name: string;
  arn: string;
  region: string;
  tier: UserPoolTier;
  advancedSecurityMode: AdvancedSecurityMode;
  creationDate: Date;
  lastModifiedDate: Date;
  /** Position in creation order; pagination tokens point at it. */
  sequence: number;
  /** As last set, in the order it was sent. */
  logConfigurations: LogConfiguration[];
}

export interface NewUserPool {
  region: string;
  accountId: string;
  name: string;
  tier: UserPoolTier;
  advancedSecurityMode: AdvancedSecurityMode;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ID_SUFFIX_LENGTH = 9;

/** `<region>_<9 alphanumerics>`, the shape of the IDs Cognito gives new pools. */
function newUserPoolId(region: string): string {
  let suffix = "";
  for (let i = 0; i < ID_SUFFIX_LENGTH; i++) {
    suffix += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  }
  return `${region}_${suffix}`;
}

export class UserPoolStore {
  private readonly pools = new Map<string, UserPoolRecord>();
  private nextSequence = 0;

  create(pool: NewUserPool): UserPoolRecord {
    let id = newUserPoolId(pool.region);
    while (this.pools.has(id)) {
      id = newUserPoolId(pool.region);
    }
    const now = new Date();
    const record: UserPoolRecord = {
      id,
      name: pool.name,
      arn: `arn:${partitionOfRegion(pool.region)}:cognito-idp:${pool.region}:${pool.accountId}:userpool/${id}`,
      region: pool.region,
      tier: pool.tier,
      advancedSecurityMode: pool.advancedSecurityMode,
      creationDate: now,
      lastModifiedDate: now,
      sequence: this.nextSequence++,
      logConfigurations: [],
    };
    this.pools.set(id, record);
    return record;
  }

  /** The pool, if it exists in this region: a pool is invisible from every other region. */
  find(region: string, id: string): UserPoolRecord | undefined {
    const pool = this.pools.get(id);
    return pool?.region === region ? pool : undefined;
  }

  /** Forgets the pool and, with it, its log delivery configuration. */
  delete(pool: UserPoolRecord): void {
    this.pools.delete(pool.id);
  }

  /** Up to `limit` pools of the region created at or after `fromSequence`, in creation order. */
  page(
    region: string,
    fromSequence: number,
    limit: number,
  ): { pools: UserPoolRecord[]; next?: number } {
    const remaining = [...this.pools.values()].filter(
      (pool) => pool.region === region && pool.sequence >= fromSequence,
    );
    const pools = remaining.slice(0, limit);
    const following = remaining[limit];
    return following ? { pools, next: following.sequence } : { pools };
  }
}
