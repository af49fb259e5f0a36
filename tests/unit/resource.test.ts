/**
 * UserPoolLogDelivery in a program, under Pulumi's mocks: two resources for one pool fail
 * before the second is registered, with our DuplicatePoolError as the cause.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { DuplicatePoolError } from "../../src/errors";
import { PoolClaims, programPoolClaims } from "../../src/poolClaims";
import { UserPoolLogDelivery } from "../../src/resource";
import type { UserPoolLogDeliveryArgs } from "../../src/resource";
import { STORED_PROVIDER } from "../../src/serializedProvider";
import { authEventsToStream, notificationsToLogGroup } from "../../testing/fixtures/arns";

/** The value an output settles to, or what it failed with. */
function settled<T>(output: pulumi.Output<T>): Promise<{ value?: T; error?: unknown }> {
  return new Promise((resolve) => {
    // `apply` on a failed output never runs; the promise behind it carries the failure.
    const promise = (output as unknown as { promise(): Promise<T> }).promise();
    promise.then(
      (value) => resolve({ value }),
      (error: unknown) => resolve({ error }),
    );
  });
}

/** Runs `work` with PULUMI_DEBUG_PROMISE_LEAKS (Pulumi's leak report) set to `value`, or unset. */
function withLeakReport(value: string | undefined, work: () => void): void {
  const name = "PULUMI_DEBUG_PROMISE_LEAKS";
  const previous = process.env[name];
  const assign = (next: string | undefined) => {
    if (next === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = next;
    }
  };
  assign(value);
  try {
    work();
  } finally {
    assign(previous);
  }
}

describe("PoolClaims", () => {
  it("lets each pool be declared by one resource, and names both when a second declares it", () => {
    const claims = new PoolClaims();
    claims.claim("us-east-1_One", "first");
    claims.claim("us-east-1_Two", "second");
    claims.claim("us-east-1_One", "first"); // the same resource again (a re-run) is fine
    assert.throws(
      () => claims.claim("us-east-1_One", "third"),
      (error: unknown) =>
        DuplicatePoolError.isInstance(error) &&
        error.userPoolId === "us-east-1_One" &&
        error.resourceNames.join() === "first,third" &&
        error.message ===
          'UserPoolLogDelivery "first" and "third" both declare the log delivery of user pool us-east-1_One. ' +
            "A pool has one log delivery configuration, and each resource would replace the other's: " +
            'declare both event sources in one resource (its logConfigurations takes one entry per event source) and remove "third".',
    );
  });
});

describe("programPoolClaims", () => {
  it("keeps one registry per stack (the Automation API runs several stacks in one process)", () => {
    programPoolClaims("project/one").claim("us-east-1_Shared", "in-one");
    programPoolClaims("project/two").claim("us-east-1_Shared", "in-two");
    assert.equal(programPoolClaims("project/one"), programPoolClaims("project/one"));
    assert.throws(() => programPoolClaims("project/one").claim("us-east-1_Shared", "other"));
  });
});

describe("UserPoolLogDelivery under Pulumi's mocks", () => {
  const registered: string[] = [];
  const registrations: pulumi.runtime.MockResourceArgs[] = [];

  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push(args.name);
          registrations.push(args);
          return { id: String(args.inputs["userPoolId"]), state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "resource-test",
      "test",
      true, // a preview: nothing is created
    );
  });

  it("a second resource for the same pool fails before it is registered, naming both", async () => {
    const userPoolId = "us-east-1_MockDuplicate1";
    const first = new UserPoolLogDelivery("notifications", {
      userPoolId,
      logConfigurations: [notificationsToLogGroup],
    });
    const second = new UserPoolLogDelivery("auth-events", {
      userPoolId,
      logConfigurations: [authEventsToStream],
    });
    assert.deepEqual(await settled(first.userPoolId), { value: userPoolId });
    const { error } = await settled(second.urn);
    assert.ok(pulumi.RunError.isInstance(error), "a RunError: printed without a stack trace");
    assert.match(
      (error as Error).message,
      /UserPoolLogDelivery "notifications" and "auth-events" both declare the log delivery of user pool us-east-1_MockDuplicate1\. .*declare both event sources in one resource/,
    );
    assert.ok(DuplicatePoolError.isInstance((error as Error).cause));
    assert.ok(registered.includes("notifications"));
    assert.ok(!registered.includes("auth-events"), "the second resource never reaches the engine");
  });

  it("registers as a dynamic resource whose stored provider is the short loader", async () => {
    const delivery = new UserPoolLogDelivery("registered", {
      userPoolId: "us-east-1_MockRegistered",
      logConfigurations: [notificationsToLogGroup],
    });
    await settled(delivery.urn);
    const registration = registrations.find((args) => args.name === "registered");
    assert.equal(registration?.type, "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery");
    assert.equal(registration?.inputs["__provider"], STORED_PROVIDER);
  });

  it("has the Pulumi SDK format no stack trace per output unless its leak report is asked for", () => {
    const limitBefore = Error.stackTraceLimit;
    /** How many stack traces the SDK's `debuggablePromise` formats while one delivery is declared. */
    const debugTracesFormatted = (name: string): number => {
      const prepareStackTrace = Error.prepareStackTrace;
      let formatted = 0;
      Error.prepareStackTrace = (_error, callSites) => {
        formatted += callSites[0]?.getFunctionName() === "debuggablePromise" ? 1 : 0;
        return "";
      };
      try {
        new UserPoolLogDelivery(name, {
          userPoolId: `us-east-1_Mock${name}`,
          logConfigurations: [notificationsToLogGroup],
        });
      } finally {
        Error.prepareStackTrace = prepareStackTrace;
      }
      return formatted;
    };
    withLeakReport(undefined, () => {
      assert.equal(debugTracesFormatted("Untraced"), 0);
      assert.equal(Error.stackTraceLimit, limitBefore, "the limit is restored");
    });
    withLeakReport("true", () => {
      assert.ok(debugTracesFormatted("Traced") > 0, "the leak report keeps its traces");
      assert.equal(Error.stackTraceLimit, limitBefore);
    });
  });

  it("an error thrown while it registers carries the stack of the line that declared it", () => {
    withLeakReport(undefined, () => {
      assert.throws(
        // What a JavaScript program without types can pass.
        () =>
          new UserPoolLogDelivery("no-arguments", undefined as unknown as UserPoolLogDeliveryArgs),
        (error: unknown) =>
          error instanceof TypeError &&
          /reading 'userPoolId'/.test(error.message) &&
          /resource\.test\.ts/.test(error.stack ?? ""),
      );
    });
  });

  it("a read-only reference to a declared pool is not a second declaration", async () => {
    const userPoolId = "us-east-1_MockDuplicate2";
    const declared = new UserPoolLogDelivery("declared", { userPoolId, logConfigurations: [] });
    const reference = UserPoolLogDelivery.get("reference", userPoolId);
    assert.deepEqual(await settled(declared.userPoolId), { value: userPoolId });
    assert.equal((await settled(reference.urn)).error, undefined);
  });
});
