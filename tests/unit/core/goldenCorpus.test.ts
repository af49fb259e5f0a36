/**
 * The canonical form is stored in every stack's state: if it changed by a byte, every
 * existing resource would preview as changed. testing/fixtures/check-and-diff-0.1.0.json
 * holds what release 0.1.0's check and diff returned for 1,000 generated inputs (valid
 * ones, and every kind of mistake) and 500 pairs; this replays them.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { diffLogDelivery } from "../../../src/core/diff";
import { readInputs } from "../../../src/core/readInputs";

/** The generator wrote `undefined` as this marker (JSON has no undefined). */
const UNDEFINED_MARKER = "__undefined__";

interface Corpus {
  checks: { news: unknown; inputs: unknown; failures: unknown }[];
  diffs: { olds: unknown; news: unknown; diff: unknown }[];
}

/** The value with every marker put back to `undefined`, keys kept where they were. */
function withUndefined(value: unknown): unknown {
  if (value === UNDEFINED_MARKER) {
    return undefined;
  }
  if (Array.isArray(value)) {
    return value.map(withUndefined);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, withUndefined(child)]),
    );
  }
  return value;
}

const asRecorded = (value: unknown): string =>
  JSON.stringify(value, (_key, part: unknown) => (part === undefined ? UNDEFINED_MARKER : part));

const corpus = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "../../../testing/fixtures/check-and-diff-0.1.0.json"),
    "utf8",
  ),
) as Corpus;

describe("the 0.1.0 golden corpus (state compatibility of the canonical form)", () => {
  it("check returns byte-identical canonical inputs and the same failures for 1,000 inputs", () => {
    assert.equal(corpus.checks.length, 1000);
    for (const [index, recorded] of corpus.checks.entries()) {
      const reading = readInputs(withUndefined(recorded.news));
      assert.equal(
        asRecorded(reading.inputs),
        asRecorded(recorded.inputs),
        `inputs of case ${index}`,
      );
      assert.deepEqual(reading.failures, recorded.failures, `failures of case ${index}`);
    }
  });

  it("diff returns the same answer for 500 pairs", () => {
    assert.equal(corpus.diffs.length, 500);
    for (const [index, recorded] of corpus.diffs.entries()) {
      const diff = diffLogDelivery(withUndefined(recorded.olds), withUndefined(recorded.news));
      assert.deepEqual(diff, recorded.diff, `diff of pair ${index}`);
    }
  });
});
