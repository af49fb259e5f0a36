import * as assert from "node:assert/strict";
import * as vm from "node:vm";
import { pacedProvider } from "../../../testing/engine/benchPrograms";

interface PacedHandler {
  create(): Promise<{ id: string }>;
  read(id: string): Promise<{ id: string }>;
  delete(): Promise<void>;
}

/**
 * Loads the paced provider's stored text as the dynamic provider does (once per process),
 * on a clock the test moves: each wait it asks for is recorded and ends when the clock
 * passes it.
 */
function loadPaced(perSecond: number) {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const waits: number[] = [];
  const sandbox = {
    exports: {} as { handler?: () => PacedHandler },
    Date: { now: () => now },
    Math,
    Promise,
    setTimeout: (resolve: () => void, milliseconds: number) => {
      waits.push(milliseconds);
      timers.push({ at: now + milliseconds, resolve });
    },
  };
  vm.runInNewContext(pacedProvider(perSecond), sandbox);
  const handler = (sandbox.exports.handler as () => PacedHandler)();
  const advanceTo = async (milliseconds: number) => {
    now = milliseconds;
    const due = timers.filter((timer) => timer.at <= now);
    timers.splice(0, timers.length, ...timers.filter((timer) => timer.at > now));
    due.forEach((timer) => timer.resolve());
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { handler, waits, advanceTo };
}

describe("the paced trivial resource of the benchmark", () => {
  it("hands out one second of burst, then one token every 1/perSecond", async () => {
    const { handler, waits } = loadPaced(10);
    for (let call = 0; call < 13; call++) {
      void handler.delete();
    }
    assert.deepEqual(waits, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 200, 300]);
  });

  it("takes a read token, then a write token, for each create; refresh takes a read token", async () => {
    const { handler, waits, advanceTo } = loadPaced(2);
    const creates = [handler.create(), handler.create(), handler.create()];
    assert.deepEqual(waits, [0, 0, 500]); // three read tokens at once: the third waits
    await advanceTo(0);
    assert.deepEqual(waits, [0, 0, 500, 0, 0]); // the first two creates take their write tokens
    await advanceTo(500);
    assert.deepEqual(waits, [0, 0, 500, 0, 0, 0]); // the write bucket refilled one by then
    await advanceTo(500);
    assert.deepEqual(
      (await Promise.all(creates)).map((result) => result.id),
      ["paced", "paced", "paced"],
    );
    void handler.read("paced");
    assert.equal(waits.at(-1), 500); // the read bucket is empty at 500 ms: half a second
  });
});
