/** The local Cognito emulator over the wire, through the real AWS SDK: faults. */
import assert from "node:assert/strict";
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import {
  emulatorClient,
  failureOf,
  TEST_CREDENTIALS,
  TEST_REGION,
} from "../../../testing/emulatorClient";
import { AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../../testing/fixtures/arns";
import {
  unchecked,
  createPool,
  setLogDelivery,
  storedLogConfigurations,
  assertRejected,
  useWireEmulator,
} from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("faults", () => {
    it("throttles with TooManyRequestsException (HTTP 400, Rate exceeded), and records the fault", async () => {
      wire.emulator.clearRequests();
      wire.emulator.injectFault({ kind: "throttle", operation: "ListUserPools" });
      await assertRejected(
        wire.client.send(new ListUserPoolsCommand({ MaxResults: 1 })),
        "TooManyRequestsException",
        "Rate exceeded",
      );
      assert.equal(wire.emulator.requests[0]?.fault, "throttle");
      assert.equal(wire.emulator.requests[0]?.errorType, "TooManyRequestsException");
      await wire.client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    });

    it("is recovered from by the SDK's default retries when throttled once", async () => {
      const id = await createPool(wire.client);
      wire.emulator.clearRequests();
      wire.emulator.injectFault({ kind: "throttle", operation: "SetLogDeliveryConfiguration" });
      const defaults = new CognitoIdentityProviderClient({
        region: TEST_REGION,
        endpoint: wire.emulator.endpoint,
        credentials: TEST_CREDENTIALS,
      });
      const answer = await setLogDelivery(defaults, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      assert.equal(answer.$metadata.attempts, 2);
      assert.equal(wire.emulator.callCount("SetLogDeliveryConfiguration"), 2);
      assert.deepEqual(
        wire.emulator.requests.map((request) => request.status),
        [400, 200],
      );
    });

    it("answers InternalErrorException with HTTP 500", async () => {
      wire.emulator.injectFault({ kind: "internal-error" });
      const error = await failureOf(wire.client.send(new ListUserPoolsCommand({ MaxResults: 1 })));
      assert.equal(error.name, "InternalErrorException");
      assert.equal(error.$metadata?.httpStatusCode, 500);
    });

    it("delays the answer by latencyMs, then answers normally", async () => {
      wire.emulator.injectFault({ kind: "latency", latencyMs: 150, operation: "ListUserPools" });
      const started = Date.now();
      const answer = await wire.client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
      assert.equal(answer.$metadata.httpStatusCode, 200);
    });

    it("applies a Set and then drops the connection, so the client sees a network error", async () => {
      const id = await createPool(wire.client);
      wire.emulator.clearRequests();
      wire.emulator.injectFault({
        kind: "drop-after-apply",
        operation: "SetLogDeliveryConfiguration",
      });
      const error = await failureOf(
        setLogDelivery(wire.client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]),
      );
      assert.equal(error.$metadata?.httpStatusCode, undefined, `${error.name}: ${error.message}`);
      assert.deepEqual(await storedLogConfigurations(wire.client, id), [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
      assert.equal(wire.emulator.requests[0]?.status, undefined);
      assert.equal(wire.emulator.requests[0]?.fault, "drop-after-apply");
    });

    it("hits `times` requests of its operation only, then is spent", async () => {
      wire.emulator.injectFault({ kind: "throttle", operation: "DescribeUserPool", times: 2 });
      const id = await createPool(wire.client);
      for (let i = 0; i < 2; i++) {
        const error = await failureOf(
          wire.client.send(new DescribeUserPoolCommand({ UserPoolId: id })),
        );
        assert.equal(error.name, "TooManyRequestsException");
      }
      await wire.client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    });

    it("takes faults from the start options, and clearFaults removes them", async () => {
      const faulty = await startCognitoEmulator({
        faults: [{ kind: "internal-error", times: Infinity }],
      });
      try {
        const faultyClient = emulatorClient(faulty);
        for (let i = 0; i < 3; i++) {
          const error = await failureOf(
            faultyClient.send(new ListUserPoolsCommand({ MaxResults: 1 })),
          );
          assert.equal(error.name, "InternalErrorException");
        }
        faulty.clearFaults();
        await faultyClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      } finally {
        await faulty.close();
      }
    });

    it("refuses an invalid fault rule with a message saying what to write", () => {
      assert.throws(
        () => wire.emulator.injectFault({ kind: unchecked("explode") }),
        /unknown fault kind "explode"; use one of throttle, internal-error, latency, drop-after-apply/,
      );
      assert.throws(
        () => wire.emulator.injectFault({ kind: "throttle", operation: "SetLogDelivery" }),
        /fault operation "SetLogDelivery" is not served/,
      );
      assert.throws(
        () => wire.emulator.injectFault({ kind: "latency" }),
        /a latency fault needs latencyMs/,
      );
      assert.throws(
        () => wire.emulator.injectFault({ kind: "throttle", times: 0 }),
        /fault times must be/,
      );
    });
  });
});
