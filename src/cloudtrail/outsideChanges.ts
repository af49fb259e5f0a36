/**
 * "Who changed it?" at scale: one sweep of CloudTrail per region per provider process,
 * shared by every resource that asks. A refresh of 500 drifted pools pages through the
 * region's SetLogDeliveryConfiguration events once (about events / 50 LookupEvents
 * calls), not once per pool; a refresh with no drift never asks, so makes no call.
 *
 * The sweep goes back only as far as the questions need: pages come newest first, and the
 * next page is fetched only while some pool asked about has no answer yet. It stops at the
 * lookback window (at most CloudTrail's 90 days). One page is fetched at a time, and a
 * failure (access denied, throttled beyond retries) is the answer for every pool not
 * answered yet: nothing is retried in a loop, and the refresh itself never fails for it.
 */
import type { LogDeliveryChange } from "../core/changeRecord";
import {
  foundOutsideChange,
  lookupDenied,
  lookupThrottled,
  lookupUnavailable,
  newestOutsideChange,
  noOutsideChangeFound,
} from "../core/outsideChange";
import type {
  LastOutsideChange,
  OutsideChangeFinder,
  UnattributedOutsideChange,
} from "../core/outsideChange";
import type { PoolAddress } from "../core/readInputs";
import { AwsCallError } from "../errors";
import { isAccessDenied } from "../aws/sdkErrors";
import { CLOUDTRAIL_THROTTLING } from "./failureAdvice";
import type { ChangesPage, TimeWindow } from "./logDeliveryChanges";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The pages of a region's recorded changes in a window, newest first (`logDeliveryChanges`). */
export type ChangePages = (region: string, window: TimeWindow) => AsyncIterator<ChangesPage>;

/** How the finder looks. */
export interface OutsideChangesOptions {
  lookbackDays: number;
  /** The wall clock (tests move it). */
  now?: () => Date;
}

/** The CloudTrail implementation of `OutsideChangeFinder`. */
export class CloudTrailOutsideChanges implements OutsideChangeFinder {
  private readonly sweeps = new Map<string, RegionSweep>();

  constructor(
    private readonly pagesOf: ChangePages,
    private readonly options: OutsideChangesOptions,
  ) {}

  async lastOutsideChange(pool: PoolAddress): Promise<LastOutsideChange> {
    let sweep = this.sweeps.get(pool.region);
    if (!sweep) {
      const now = (this.options.now ?? (() => new Date()))();
      const window: TimeWindow = {
        start: new Date(now.getTime() - this.options.lookbackDays * DAY_MS),
      };
      const region = pool.region;
      sweep = new RegionSweep(() => this.pagesOf(region, window));
      this.sweeps.set(region, sweep);
    }
    const answer = await sweep.find(pool.userPoolId);
    if (answer === undefined) {
      return noOutsideChangeFound(this.options.lookbackDays);
    }
    return "status" in answer ? answer : foundOutsideChange(answer);
  }
}

/** The shared, lazily advanced sweep of one region. */
class RegionSweep {
  /** The newest outside change of each pool among the pages fetched so far. */
  private readonly newestByPool = new Map<string, LogDeliveryChange>();
  private pages: AsyncIterator<ChangesPage> | undefined;
  private finished = false;
  private failure: UnattributedOutsideChange | undefined;
  private fetching: Promise<void> | undefined;

  constructor(private readonly open: () => AsyncIterator<ChangesPage>) {}

  /** The pool's newest outside change, undefined when the window holds none, or why it is unknown. */
  async find(
    userPoolId: string,
  ): Promise<LogDeliveryChange | UnattributedOutsideChange | undefined> {
    for (;;) {
      const found = this.newestByPool.get(userPoolId);
      if (found) {
        return found;
      }
      if (this.failure) {
        return this.failure;
      }
      if (this.finished) {
        return undefined;
      }
      this.fetching ??= this.fetchNextPage().finally(() => {
        this.fetching = undefined;
      });
      await this.fetching;
    }
  }

  private async fetchNextPage(): Promise<void> {
    this.pages ??= this.open();
    try {
      const page = await this.pages.next();
      if (page.done) {
        this.finished = true;
        return;
      }
      // Pages come newest first: a pool answered by an earlier page keeps that answer.
      const { changes } = page.value;
      for (const userPoolId of new Set(changes.map((change) => change.userPoolId))) {
        const newest = this.newestByPool.has(userPoolId)
          ? undefined
          : newestOutsideChange(changes, userPoolId);
        if (newest) {
          this.newestByPool.set(userPoolId, newest);
        }
      }
    } catch (error) {
      this.failure = unattributedFor(error);
    }
  }
}

/** Why a failed lookup leaves the change unattributed. */
function unattributedFor(error: unknown): UnattributedOutsideChange {
  if (AwsCallError.isInstance(error)) {
    if (isAccessDenied({ name: error.awsErrorName, message: "" })) {
      return lookupDenied();
    }
    if (error.awsErrorName === CLOUDTRAIL_THROTTLING) {
      return lookupThrottled();
    }
    return lookupUnavailable(
      `${error.awsErrorName}${error.requestId ? `, request ID ${error.requestId}` : ""}`,
    );
  }
  return lookupUnavailable(error instanceof Error ? error.message : String(error));
}
