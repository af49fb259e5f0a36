/**
 * Request-rate limits as Cognito applies them: token buckets per account and region for
 * each category of operation, and per user pool, answering `TooManyRequestsException`
 * beyond them (AWS-FACTS "Request rates"). AWS does not say which category
 * Get/SetLogDeliveryConfiguration belong to (unconfirmed), so every rate is an option and
 * none applies unless asked for. Neighbouring categories, for choosing values:
 * UserPoolRead and UserPoolUpdate 15/s; UserPoolResourceRead 20/s and
 * UserPoolResourceUpdate 15/s, both also 5/s per pool.
 */

/** A rate in requests per second, and how many requests may come at once after a quiet spell. */
export interface RateLimit {
  requestsPerSecond: number;
  /** The bucket's capacity; defaults to `requestsPerSecond` (one second's worth), and at least 1. */
  burst?: number;
}

/** The limits in force; a category without one is not limited. */
export interface RateLimits {
  /** Per account and region: GetLogDeliveryConfiguration, DescribeUserPool, ListUserPools. */
  read?: RateLimit;
  /** Per account and region: SetLogDeliveryConfiguration, CreateUserPool, DeleteUserPool. */
  write?: RateLimit;
  /**
   * Per account, region and pool, for every request that names a `UserPoolId`: one bucket
   * per pool, shared by reads and writes.
   */
  perPool?: RateLimit;
  /** Per account and region: Amazon IVS Chat's Get/ListLoggingConfigurations. */
  chatRead?: RateLimit;
  /** Per account and region: Amazon IVS Chat's Create/Update/DeleteLoggingConfiguration. */
  chatWrite?: RateLimit;
}

export type RateCategory = "read" | "write" | "chatRead" | "chatWrite";

/**
 * Our guess at each operation's category (unconfirmed for the log delivery calls, see
 * above). Amazon IVS Chat's calls have categories of their own: its quotas are its own.
 */
export const OPERATION_CATEGORIES: ReadonlyMap<string, RateCategory> = new Map([
  ["GetLogDeliveryConfiguration", "read"],
  ["DescribeUserPool", "read"],
  ["ListUserPools", "read"],
  ["SetLogDeliveryConfiguration", "write"],
  ["CreateUserPool", "write"],
  ["DeleteUserPool", "write"],
  ["GetLoggingConfiguration", "chatRead"],
  ["ListLoggingConfigurations", "chatRead"],
  ["CreateLoggingConfiguration", "chatWrite"],
  ["UpdateLoggingConfiguration", "chatWrite"],
  ["DeleteLoggingConfiguration", "chatWrite"],
]);

const LIMIT_NAMES: readonly (keyof RateLimits)[] = [
  "read",
  "write",
  "perPool",
  "chatRead",
  "chatWrite",
];

/** Milliseconds from any fixed origin; injectable so tests can move time without sleeping. */
export type Clock = () => number;

/** A monotonic clock: wall-clock time can jump (NTP, DST) and would refill or starve buckets. */
const monotonicClock: Clock = () => performance.now();

/** What is wrong with a limit, in one line, or undefined when it is valid. */
export function rateLimitProblem({ requestsPerSecond, burst }: RateLimit): string | undefined {
  if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0) {
    return `requestsPerSecond must be a positive number; got ${requestsPerSecond}`;
  }
  if (burst !== undefined && !(Number.isFinite(burst) && burst >= 1)) {
    return `burst must be a number of at least 1; got ${burst}`;
  }
  return undefined;
}

/** Throws a one-line `Error` naming the bad member and what is allowed. */
export function checkRateLimits(limits: RateLimits): void {
  for (const name of Object.keys(limits)) {
    if (!(LIMIT_NAMES as readonly string[]).includes(name)) {
      throw new Error(`rateLimits.${name} is not a category; use ${LIMIT_NAMES.join(", ")}`);
    }
  }
  for (const name of LIMIT_NAMES) {
    const limit = limits[name];
    const problem = limit && rateLimitProblem(limit);
    if (problem) {
      throw new Error(`rateLimits.${name}.${problem}`);
    }
  }
}

/**
 * The bucket's capacity: `burst`, else one second's worth, and at least 1 (a bucket that
 * cannot hold a whole token would refuse every request).
 */
export function burstOf(limit: RateLimit): number {
  return Math.max(1, limit.burst ?? limit.requestsPerSecond);
}

/**
 * Holds up to `burstOf(limit)` tokens, starts full and refills continuously at
 * `requestsPerSecond`; a request takes one whole token. It counts thousandths of a token,
 * so that whole milliseconds at whole or half rates add up exactly (a fake clock's 200 ms
 * at 5/s is exactly one token, not 0.9999999999999999).
 */
export class TokenBucket {
  private readonly capacity: number;
  /** `requestsPerSecond` tokens a second are as many thousandths a millisecond. */
  private readonly thousandthsPerMs: number;
  private thousandths: number;
  private refilledAt: number;

  constructor(
    limit: RateLimit,
    private readonly now: Clock = monotonicClock,
  ) {
    this.capacity = burstOf(limit) * 1000;
    this.thousandthsPerMs = limit.requestsPerSecond;
    this.thousandths = this.capacity;
    this.refilledAt = now();
  }

  /** The tokens held now, whole or not. */
  available(): number {
    const now = this.now();
    const elapsedMs = Math.max(0, now - this.refilledAt);
    this.thousandths = Math.min(
      this.capacity,
      this.thousandths + elapsedMs * this.thousandthsPerMs,
    );
    this.refilledAt = now;
    return this.thousandths / 1000;
  }

  /** Takes a token when a whole one is there; false (and nothing taken) otherwise. */
  tryTake(): boolean {
    if (this.available() < 1) {
      return false;
    }
    this.thousandths -= 1000;
    return true;
  }
}

/** What a request is limited by. */
export interface RateLimitedRequest {
  operation: string;
  accountId: string;
  region: string;
  userPoolId?: string;
}

/** The buckets of one emulator, made on first use for each account, region, category and pool. */
export class RateLimiter {
  private limits: RateLimits = {};
  private buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: Clock = monotonicClock) {}

  /** Replaces the limits (throws when invalid); every bucket starts over, full. */
  setLimits(limits: RateLimits | undefined): void {
    checkRateLimits(limits ?? {});
    this.limits = structuredClone(limits ?? {});
    this.buckets.clear();
  }

  /**
   * Takes a token from every bucket that applies and answers true, or answers false and
   * takes none when any of them is empty: a refused request spends nothing, so a client
   * that backs off gets through once the emptiest bucket has refilled.
   */
  admit(request: RateLimitedRequest): boolean {
    const buckets = this.bucketsFor(request);
    if (buckets.some((bucket) => bucket.available() < 1)) {
      return false;
    }
    for (const bucket of buckets) {
      bucket.tryTake();
    }
    return true;
  }

  private bucketsFor({ operation, accountId, region, userPoolId }: RateLimitedRequest) {
    const buckets: TokenBucket[] = [];
    const category = OPERATION_CATEGORIES.get(operation);
    const categoryLimit = category && this.limits[category];
    if (category && categoryLimit) {
      buckets.push(this.bucket(JSON.stringify([category, accountId, region]), categoryLimit));
    }
    if (this.limits.perPool && userPoolId !== undefined) {
      const key = JSON.stringify(["pool", accountId, region, userPoolId]);
      buckets.push(this.bucket(key, this.limits.perPool));
    }
    return buckets;
  }

  private bucket(key: string, limit: RateLimit): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
