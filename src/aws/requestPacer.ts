/**
 * Client-side pacing: a large `up` runs near the allowed request rate instead of bursting
 * into AWS's throttling, and the SDK's retries stay a safety net, not the plan. Cognito
 * limits requests per account and region by category (AWS-FACTS "Request rates":
 * UserPoolRead and UserPoolUpdate 15/s each; which category these calls belong to is not
 * documented), so reads and writes are paced separately, per region.
 */
import { PacingBucket } from "./pacingBucket";

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

/** One bucket per region and category, shared by every client of the process. */
export class RequestPacer {
  private readonly buckets = new Map<string, PacingBucket>();

  constructor(
    private readonly settings: PacingSettings = DEFAULT_PACING,
    private readonly now: () => number = Date.now,
  ) {}

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
      bucket = new PacingBucket(perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    const wait = bucket.reserve();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
