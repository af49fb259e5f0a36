import * as assert from "node:assert/strict";
import { CloudTrailOutsideChanges } from "../../../src/cloudtrail/outsideChanges";
import type { ChangesPage, TimeWindow } from "../../../src/cloudtrail/logDeliveryChanges";
import { readChangeRecord } from "../../../src/core/changeRecord";
import type { LogDeliveryChange } from "../../../src/core/changeRecord";
import { AwsCallError } from "../../../src/errors";
import { USER_AGENTS, setLogDeliveryRecord } from "../../../testing/fixtures/cloudTrailRecords";

function change(userPoolId: string, eventId: string, ours = false): LogDeliveryChange {
  const read = readChangeRecord(
    setLogDeliveryRecord({
      userPoolId,
      eventId,
      ...(ours && { userAgent: USER_AGENTS.thisPackage }),
    }),
  );
  assert.ok(read);
  return read;
}

/** Pages served from memory, counting the pages fetched and the windows asked for. */
class FakePages {
  fetched = 0;
  windows: { region: string; window: TimeWindow }[] = [];
  constructor(
    private readonly pages: LogDeliveryChange[][],
    private readonly failAt?: { page: number; error: unknown },
  ) {}
  open = (region: string, window: TimeWindow): AsyncIterator<ChangesPage> => {
    this.windows.push({ region, window });
    let index = 0;
    return {
      next: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.failAt && index === this.failAt.page) {
          throw this.failAt.error;
        }
        const page = this.pages[index++];
        if (!page) {
          return { done: true, value: undefined };
        }
        this.fetched++;
        return { done: false, value: { changes: page, events: page.length } };
      },
    };
  };
}

const NOW = new Date("2026-11-22T12:00:00Z");
const pool = (n: number) => ({
  userPoolId: `us-east-1_Pool${String(n).padStart(5, "0")}`,
  region: "us-east-1",
});

describe("CloudTrailOutsideChanges: one sweep per region, shared", () => {
  it("answers 100 pools asking at once from one pass over the pages", async () => {
    const changes = Array.from({ length: 100 }, (_, n) => change(pool(n).userPoolId, `e${n}`));
    const pages = new FakePages([changes.slice(0, 50), changes.slice(50)]);
    const finder = new CloudTrailOutsideChanges(pages.open, { lookbackDays: 90, now: () => NOW });
    const answers = await Promise.all(changes.map((_, n) => finder.lastOutsideChange(pool(n))));
    assert.deepEqual(
      answers.map((answer) => (answer.status === "found" ? answer.eventId : answer.status)),
      changes.map((_, n) => `e${n}`),
    );
    assert.equal(pages.fetched, 2);
    assert.equal(pages.windows.length, 1);
    // From 90 days back to CloudTrail's own present: no EndTime, so no clock skew loses an event.
    assert.deepEqual(pages.windows[0]?.window, { start: new Date("2026-08-24T12:00:00Z") });
  });

  it("goes no further back than the questions need", async () => {
    const pages = new FakePages([
      [change(pool(1).userPoolId, "a")],
      [change(pool(2).userPoolId, "b")],
    ]);
    const finder = new CloudTrailOutsideChanges(pages.open, { lookbackDays: 7, now: () => NOW });
    assert.equal((await finder.lastOutsideChange(pool(1))).status, "found");
    assert.equal(pages.fetched, 1);
  });

  it("skips this package's own calls and reports not-found after the last page", async () => {
    const pages = new FakePages([[change(pool(1).userPoolId, "ours", true)]]);
    const finder = new CloudTrailOutsideChanges(pages.open, { lookbackDays: 90, now: () => NOW });
    const answer = await finder.lastOutsideChange(pool(1));
    assert.equal(answer.status, "not-found");
    assert.match(answer.message, /5 to 15 minutes/);
  });

  it("keeps the newest when a pool appears on several pages", async () => {
    const pages = new FakePages([
      [change(pool(1).userPoolId, "newest")],
      [change(pool(1).userPoolId, "older")],
    ]);
    const finder = new CloudTrailOutsideChanges(pages.open, { lookbackDays: 90, now: () => NOW });
    const answer = await finder.lastOutsideChange(pool(1));
    assert.equal(answer.status === "found" && answer.eventId, "newest");
  });

  const failures: [string, string, RegExp][] = [
    ["AccessDeniedException", "access-denied", /grant it cloudtrail:LookupEvents/],
    ["ThrottlingException", "throttled", /throttled LookupEvents/],
    ["InternalFailure", "unavailable", /the CloudTrail lookup failed \(InternalFailure/],
  ];
  for (const [name, status, message] of failures) {
    it(`answers ${status} for ${name}, once, without failing and without retrying`, async () => {
      const error = new AwsCallError(
        { operation: "LookupEvents", region: "us-east-1" },
        { awsErrorName: name, awsMessage: "no", advice: "" },
      );
      const pages = new FakePages([[change(pool(1).userPoolId, "a")]], { page: 1, error });
      const finder = new CloudTrailOutsideChanges(pages.open, { lookbackDays: 90, now: () => NOW });
      assert.equal((await finder.lastOutsideChange(pool(1))).status, "found");
      const answers = await Promise.all([
        finder.lastOutsideChange(pool(2)),
        finder.lastOutsideChange(pool(3)),
      ]);
      for (const answer of answers) {
        assert.equal(answer.status, status);
        assert.match(answer.message, message);
      }
      assert.equal(pages.fetched, 1);
    });
  }

  it("sweeps each region once", async () => {
    const pages = new FakePages([]);
    const finder = new CloudTrailOutsideChanges(pages.open, { lookbackDays: 90, now: () => NOW });
    await finder.lastOutsideChange(pool(1));
    await finder.lastOutsideChange(pool(2));
    await finder.lastOutsideChange({ userPoolId: "eu-west-1_Pool00001", region: "eu-west-1" });
    assert.deepEqual(
      pages.windows.map((entry) => entry.region),
      ["us-east-1", "eu-west-1"],
    );
  });
});
