/**
 * A token bucket that hands out reservations: `reserve` says how long to wait for the next
 * token and takes it, so waiters are served in order without timers of its own. Its burst
 * is one second of requests.
 */
export class PacingBucket {
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
