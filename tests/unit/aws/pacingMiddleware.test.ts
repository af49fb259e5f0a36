/** The pacing middleware driven with a fake `next`, as smithy-typescript tests its middleware. */
import * as assert from "node:assert/strict";
import type { FinalizeHandlerArguments, MetadataBearer, MiddlewareStack } from "@smithy/types";
import {
  getPacingPlugin,
  pacingMiddleware,
  pacingMiddlewareOptions,
} from "../../../src/aws/pacingMiddleware";
import type { RequestCategory, RequestPacer } from "../../../src/aws/requestPacer";
import { cognitoCategoryOf } from "../../../src/cognito/clients";

/** A pacer that records what it was asked, and lets the test decide when a token is given. */
function recordingPacer() {
  const asked: string[] = [];
  const waiting: (() => void)[] = [];
  const pacer = {
    pace(region: string, category: RequestCategory): Promise<void> {
      asked.push(`${region}/${category}`);
      return new Promise((resolve) => waiting.push(resolve));
    },
  } as unknown as RequestPacer;
  return { pacer, asked, release: () => waiting.shift()?.() };
}

const ARGS = { input: {}, request: {} } as FinalizeHandlerArguments<object>;

describe("pacingMiddleware", () => {
  it("waits for a token of the command's category in the client's region before calling next", async () => {
    const { pacer, asked, release } = recordingPacer();
    const sent: unknown[] = [];
    const next = async (args: FinalizeHandlerArguments<object>) => {
      sent.push(args);
      return { output: { $metadata: {} }, response: {} };
    };
    const handler = pacingMiddleware({ pacer, region: "eu-west-1", categoryOf: cognitoCategoryOf })(
      next,
      { commandName: "SetLogDeliveryConfigurationCommand" },
    );
    const result = handler(ARGS);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(asked, ["eu-west-1/write"]);
    assert.deepEqual(sent, [], "next waits for the token");
    release();
    assert.deepEqual(await result, { output: { $metadata: {} }, response: {} });
    assert.deepEqual(sent, [ARGS]);
  });

  it("passes next's failure through unchanged", async () => {
    const { pacer, release } = recordingPacer();
    const failure = Object.assign(new Error("slow down"), { name: "TooManyRequestsException" });
    const handler = pacingMiddleware({ pacer, region: "us-east-1", categoryOf: cognitoCategoryOf })(
      async () => {
        throw failure;
      },
      { commandName: "GetLogDeliveryConfigurationCommand" },
    );
    const result = handler(ARGS);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await assert.rejects(result, (error) => error === failure);
  });

  it("is added by its plugin in the finalizeRequest step, after retries, under its name", () => {
    const added: unknown[] = [];
    const stack = { add: (_middleware: unknown, options: unknown) => added.push(options) };
    const { pacer } = recordingPacer();
    getPacingPlugin({ pacer, region: "us-east-1", categoryOf: cognitoCategoryOf }).applyToStack(
      stack as unknown as MiddlewareStack<object, MetadataBearer>,
    );
    assert.deepEqual(added, [pacingMiddlewareOptions]);
    assert.deepEqual(pacingMiddlewareOptions, {
      step: "finalizeRequest",
      priority: "low",
      name: "pacingMiddleware",
      tags: ["PACING"],
    });
  });
});

describe("cognitoCategoryOf", () => {
  it("counts Set as a write and everything else as a read", () => {
    assert.deepEqual(
      [
        "SetLogDeliveryConfigurationCommand",
        "GetLogDeliveryConfigurationCommand",
        "ListUserPoolsCommand",
        undefined,
      ].map(cognitoCategoryOf),
      ["write", "read", "read", "read"],
    );
  });
});
