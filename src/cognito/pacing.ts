import { InvalidSettingError } from "../errors";

/**
 * Client-side pacing: a large `up` runs near the allowed request rate instead of
 * bursting into Cognito's throttling, and the SDK's retries stay a safety net, not the
 * plan. Cognito limits requests per account and region by category (AWS-FACTS "Request
 * rates": UserPoolRead and UserPoolUpdate 15/s each; which category these calls belong
 * to is not documented), so reads and writes are paced separately, per region, with
 * limits the user can set.
 */

/** Which bucket a call draws from. */
export type RequestCategory = "read" | "write";

/** Requests per second per region and category; 0 turns pacing off for that category. */
export interface PacingSettings {
  readsPerSecond: number;
  writesPerSecond: number;
}

/**
 * Two thirds of the lowest neighbouring quota (15/s), leaving room for the console and
 * other tools sharing the account's quota.
 */
export const DEFAULT_PACING: PacingSettings = { readsPerSecond: 10, writesPerSecond: 10 };

/** The category of a Cognito operation, by its SDK command name. */
export function categoryOf(commandName: string | undefined): RequestCategory {
  return commandName?.startsWith("Set") ? "write" : "read";
}

/**
 * A token bucket that hands out reservations: `reserve` says how long to wait for the
 * next token and takes it, so waiters are served in order without timers of its own.
 * Its burst is one second of requests.
 */
export class TokenBucket {
  private readonly capacity: number;
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.capacity = Math.max(1, perSecond);
    this.tokens = this.capacity;
    this.updatedAt = now();
  }

  /** Milliseconds until the reserved token is due (0 when one is there now). */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }
}

/** One bucket per region and category, shared by every client of the process. */
export class RequestPacer {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private settings: PacingSettings = DEFAULT_PACING,
    private readonly now: () => number = Date.now,
  ) {}

  /** New limits; buckets start afresh. */
  configure(settings: PacingSettings): void {
    this.settings = settings;
    this.buckets.clear();
  }

  /** Resolves when a request of this category to this region may go. */
  async pace(region: string, category: RequestCategory): Promise<void> {
    const perSecond =
      category === "read" ? this.settings.readsPerSecond : this.settings.writesPerSecond;
    if (perSecond <= 0) {
      return;
    }
    const key = `${region}/${category}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    const wait = bucket.reserve();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Stack config keys and environment variables that set the pacing. */
export const PACING_SOURCES = {
  readsPerSecond: {
    config: "pulumi-cognito-log-delivery:readsPerSecond",
    environment: "COGNITO_LOG_DELIVERY_READS_PER_SECOND",
  },
  writesPerSecond: {
    config: "pulumi-cognito-log-delivery:writesPerSecond",
    environment: "COGNITO_LOG_DELIVERY_WRITES_PER_SECOND",
  },
} as const;

/**
 * The pacing from stack config, else the environment, else the default. Throws with
 * what to write when a value is not a number of requests per second.
 */
export function pacingSettings(
  config: { get(key: string): string | undefined },
  environment: Readonly<Record<string, string | undefined>>,
): PacingSettings {
  const read = (name: keyof PacingSettings): number => {
    const { config: key, environment: variable } = PACING_SOURCES[name];
    const fromConfig = config.get(key);
    const [source, text] =
      fromConfig !== undefined ? [key, fromConfig] : [variable, environment[variable]];
    if (text === undefined || text === "") {
      return DEFAULT_PACING[name];
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidSettingError(
        `${source} is "${text}": set a number of requests per second per region (e.g. 10), or 0 to turn pacing off`,
      );
    }
    return value;
  };
  return { readsPerSecond: read("readsPerSecond"), writesPerSecond: read("writesPerSecond") };
}
