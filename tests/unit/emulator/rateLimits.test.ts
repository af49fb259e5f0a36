/** The emulator's rate limiting, on a fake clock. */
import assert from "node:assert/strict";
import { SERVICES } from "../../../testing/emulator/services";
import {
  OPERATION_CATEGORIES,
  RateLimiter,
  TokenBucket,
} from "../../../testing/emulator/rateLimits";
import type { RateLimit, RateLimitedRequest } from "../../../testing/emulator/rateLimits";
import { ACCOUNT } from "../../../testing/fixtures/arns";

const REGION = "us-east-1";

/** A clock that moves only when told to, in milliseconds. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let now = 1_000;
  return { now: () => now, advance: (ms) => (now += ms) };
}

describe("Cognito emulator rate limits, on a fake clock", () => {
  const bucketCases: {
    title: string;
    limit: RateLimit;
    rounds: { afterMs: number; tries: number; admitted: number }[];
  }[] = [
    {
      title: "starts full with one second's worth: 5 of 7 at 5/s",
      limit: { requestsPerSecond: 5 },
      rounds: [{ afterMs: 0, tries: 7, admitted: 5 }],
    },
    {
      title: "refills a token per 200 ms at 5/s, and admits whole tokens only",
      limit: { requestsPerSecond: 5 },
      rounds: [
        { afterMs: 0, tries: 5, admitted: 5 },
        { afterMs: 199, tries: 1, admitted: 0 },
        { afterMs: 1, tries: 2, admitted: 1 },
        { afterMs: 400, tries: 3, admitted: 2 },
      ],
    },
    {
      title: "holds no more than its burst, however long it waits",
      limit: { requestsPerSecond: 10, burst: 3 },
      rounds: [
        { afterMs: 0, tries: 3, admitted: 3 },
        { afterMs: 60_000, tries: 5, admitted: 3 },
      ],
    },
    {
      title: "allows a burst above the rate",
      limit: { requestsPerSecond: 1, burst: 4 },
      rounds: [
        { afterMs: 0, tries: 5, admitted: 4 },
        { afterMs: 1000, tries: 2, admitted: 1 },
      ],
    },
    {
      title: "at 0.5/s holds one token (not half of one) and refills it in 2 s",
      limit: { requestsPerSecond: 0.5 },
      rounds: [
        { afterMs: 0, tries: 2, admitted: 1 },
        { afterMs: 1000, tries: 1, admitted: 0 },
        { afterMs: 1000, tries: 1, admitted: 1 },
      ],
    },
    {
      title: "at 2.5/s refills two and a half tokens a second",
      limit: { requestsPerSecond: 2.5, burst: 5 },
      rounds: [
        { afterMs: 0, tries: 5, admitted: 5 },
        { afterMs: 1000, tries: 3, admitted: 2 },
        { afterMs: 200, tries: 2, admitted: 1 },
      ],
    },
  ];
  for (const { title, limit, rounds } of bucketCases) {
    it(`a token bucket ${title}`, () => {
      const clock = fakeClock();
      const bucket = new TokenBucket(limit, clock.now);
      const admitted = rounds.map(({ afterMs, tries }) => {
        clock.advance(afterMs);
        return Array.from({ length: tries }, () => bucket.tryTake()).filter(Boolean).length;
      });
      assert.deepEqual(
        admitted,
        rounds.map((round) => round.admitted),
      );
    });
  }

  it("a token bucket reports the fraction of a token it holds", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ requestsPerSecond: 5, burst: 2 }, clock.now);
    assert.equal(bucket.available(), 2);
    bucket.tryTake();
    bucket.tryTake();
    clock.advance(150);
    assert.equal(bucket.available(), 0.75);
  });

  const request = (operation: string, userPoolId?: string): RateLimitedRequest => ({
    operation,
    accountId: ACCOUNT,
    region: REGION,
    userPoolId,
  });

  it("a request needs a token from every bucket that applies, and a refused one takes none", () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now);
    limiter.setLimits({
      read: { requestsPerSecond: 1, burst: 2 },
      perPool: { requestsPerSecond: 1 },
    });
    const get = (pool: string) => limiter.admit(request("GetLogDeliveryConfiguration", pool));
    assert.equal(get("us-east-1_A"), true);
    assert.equal(get("us-east-1_A"), false, "pool A is empty");
    assert.equal(get("us-east-1_B"), true, "the refused Get took no read token");
    assert.equal(get("us-east-1_C"), false, "the read bucket is empty");
    assert.equal(limiter.admit(request("ListUserPools")), false);
    assert.equal(
      limiter.admit(request("SetLogDeliveryConfiguration", "us-east-1_C")),
      true,
      "writes are not limited, and pool C kept its token",
    );
    clock.advance(1000);
    assert.equal(get("us-east-1_A"), true);
  });

  it("keeps a bucket per account, region and category", () => {
    const limiter = new RateLimiter(fakeClock().now);
    limiter.setLimits({ read: { requestsPerSecond: 1 }, write: { requestsPerSecond: 1 } });
    const list = request("ListUserPools");
    assert.deepEqual(
      [
        limiter.admit(list),
        limiter.admit(list),
        limiter.admit({ ...list, region: "eu-west-1" }),
        limiter.admit({ ...list, accountId: "111122223333" }),
        limiter.admit(request("CreateUserPool")),
      ],
      [true, false, true, true, true],
    );
  });

  it("starts every bucket over, full, when the limits change", () => {
    const limiter = new RateLimiter(fakeClock().now);
    limiter.setLimits({ read: { requestsPerSecond: 1 } });
    assert.equal(limiter.admit(request("ListUserPools")), true);
    assert.equal(limiter.admit(request("ListUserPools")), false);
    limiter.setLimits({ read: { requestsPerSecond: 1 } });
    assert.equal(limiter.admit(request("ListUserPools")), true);
  });

  it("puts every operation limited by the rate limits in a category", () => {
    const limited = SERVICES.filter((service) => service.limitedBy === "rate-limits").flatMap(
      (service) => [...service.operations.keys()],
    );
    assert.deepEqual([...OPERATION_CATEGORIES.keys()].sort(), limited.sort());
  });
});
