/** The local Cognito emulator over the wire, through the real AWS SDK: rate limits. */
import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
  ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { RateLimits } from "../../../testing/emulator/rateLimits";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import {
  emulatorClient,
  failureOf,
  TEST_CREDENTIALS,
  TEST_REGION,
  withoutAuthorization,
} from "../../../testing/emulatorClient";
import { AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../../testing/fixtures/arns";
import {
  unchecked,
  createPool,
  setLogDelivery,
  withEmulator,
  concurrently,
  getLogDelivery,
  postRaw,
  assertThrottled,
  useWireEmulator,
} from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("rate limits", () => {
    it("with read at 5/s, answers 5 of 8 concurrent Gets and TooManyRequestsException to the rest; writes are not limited by it", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 5 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        const id = await createPool(limitedClient);
        const { answered, failures } = await concurrently(8, () =>
          getLogDelivery(limitedClient, id),
        );
        assert.equal(answered.length, 5);
        assert.equal(failures.length, 3);
        failures.forEach(assertThrottled);
        const throttled = limited.requests.filter((request) => request.throttledBy);
        assert.deepEqual(
          throttled.map(({ operation, status, errorType, throttledBy, fault }) => ({
            operation,
            status,
            errorType,
            throttledBy,
            fault,
          })),
          Array(3).fill({
            operation: "GetLogDeliveryConfiguration",
            status: 400,
            errorType: "TooManyRequestsException",
            throttledBy: "rate-limit",
            fault: undefined,
          }),
        );
        assert.deepEqual(
          failures.map((failure) => failure.$metadata?.requestId).sort(),
          throttled.map((request) => request.requestId).sort(),
        );

        await setLogDelivery(limitedClient, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
        await createPool(limitedClient);
        assertThrottled(await failureOf(getLogDelivery(limitedClient, id)));
      }));

    it("refills at the rate: a second after a burst it answers 5 more Gets, and never more than the burst", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 5 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        const id = await createPool(limitedClient);
        const first = await concurrently(8, () => getLogDelivery(limitedClient, id));
        assert.equal(first.answered.length, 5);
        await delay(1000);
        const second = await concurrently(8, () => getLogDelivery(limitedClient, id));
        assert.equal(second.answered.length, 5);
        assert.equal(limited.throttledCount("GetLogDeliveryConfiguration"), 6);
      }));

    it("refuses a throttled request before parsing its body, with the AWS JSON 1.1 error body", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 1 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        await limitedClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        const answer = await postRaw(limited, "ListUserPools", "{not json");
        assert.deepEqual(answer, {
          status: 400,
          errorType: "TooManyRequestsException",
          body: '{"__type":"TooManyRequestsException","message":"Rate exceeded"}',
        });
        // Authentication and the operation are checked first.
        const unsigned = withoutAuthorization(emulatorClient(limited));
        const unauthenticated = await failureOf(
          unsigned.send(new ListUserPoolsCommand({ MaxResults: 1 })),
        );
        assert.equal(unauthenticated.name, "MissingAuthenticationTokenException");
        const unknown = await failureOf(
          limitedClient.send(new ListUsersCommand({ UserPoolId: "us-east-1_abc" })),
        );
        assert.equal(unknown.name, "UnknownOperationException");
      }));

    it("limits each pool on its own, reads and writes together: a burst on one pool leaves another pool alone", () =>
      withEmulator({ rateLimits: { perPool: { requestsPerSecond: 3 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        const busy = await createPool(limitedClient);
        const quiet = await createPool(limitedClient);
        const onBusy = await concurrently(5, () => getLogDelivery(limitedClient, busy));
        assert.equal(onBusy.answered.length, 3);
        onBusy.failures.forEach(assertThrottled);
        assertThrottled(await failureOf(setLogDelivery(limitedClient, busy, [])));
        const onQuiet = await concurrently(2, () => getLogDelivery(limitedClient, quiet));
        assert.equal(onQuiet.answered.length, 2);
        await setLogDelivery(limitedClient, quiet, []);
        await limitedClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        assert.deepEqual(
          limited.requests
            .filter((request) => request.throttledBy)
            .map((request) => request.userPoolId),
          [busy, busy, busy],
        );
      }));

    it("keeps a bucket per region: a burst in us-east-1 does not throttle eu-west-1", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 2 } } }, async (limited) => {
        const east = emulatorClient(limited, "us-east-1");
        const west = emulatorClient(limited, "eu-west-1");
        const list = (client: CognitoIdentityProviderClient) => () =>
          client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        assert.equal((await concurrently(4, list(east))).answered.length, 2);
        assert.equal((await concurrently(2, list(west))).answered.length, 2);
        assert.deepEqual(
          limited.requests
            .filter((request) => request.throttledBy)
            .map((request) => request.region),
          ["us-east-1", "us-east-1"],
        );
      }));

    // The SDK backs off from throttling for a random 0-1 s, then 0-2 s (standard mode, 3
    // attempts). A bucket that refills a token every 20 ms makes three refusals of one
    // call unlikely (about 1 run in 7,000, by simulation of these numbers).
    it("is got through by the SDK's default retries under a modest limit", () =>
      withEmulator(
        { rateLimits: { read: { requestsPerSecond: 50, burst: 5 } } },
        async (limited) => {
          const defaults = new CognitoIdentityProviderClient({
            region: TEST_REGION,
            endpoint: limited.endpoint,
            credentials: TEST_CREDENTIALS,
          });
          const id = await createPool(defaults);
          const answers = await Promise.all(
            Array.from({ length: 7 }, () => getLogDelivery(defaults, id)),
          );
          const attempts = answers.reduce(
            (sum, answer) => sum + (answer.$metadata.attempts ?? 0),
            0,
          );
          const throttled = limited.throttledCount("GetLogDeliveryConfiguration");
          assert.ok(throttled >= 1, "the burst of 7 should have exceeded the 5 tokens");
          assert.equal(attempts, 7 + throttled);
        },
      ));

    it("changes limits at run time, and counts requests throttled by faults and by rate limits", () =>
      withEmulator({}, async (changing) => {
        const changingClient = emulatorClient(changing);
        const id = await createPool(changingClient);
        const get = () => getLogDelivery(changingClient, id);
        assert.equal((await concurrently(6, get)).answered.length, 6);
        assert.equal(changing.throttledCount(), 0);

        changing.setRateLimits({ read: { requestsPerSecond: 2 } });
        assert.equal((await concurrently(6, get)).answered.length, 2);
        // Faults come before rate limits: this one is throttled by the fault.
        changing.injectFault({ kind: "throttle", operation: "ListUserPools" });
        assertThrottled(
          await failureOf(changingClient.send(new ListUserPoolsCommand({ MaxResults: 1 }))),
        );
        assert.equal(changing.throttledCount("GetLogDeliveryConfiguration"), 4);
        assert.equal(changing.throttledCount("ListUserPools"), 1);
        assert.equal(changing.throttledCount("DescribeUserPool"), 0);
        assert.equal(changing.throttledCount(), 5);
        const fault = changing.requests.find((request) => request.throttledBy === "fault");
        assert.equal(fault?.operation, "ListUserPools");
        assert.equal(fault?.fault, "throttle");

        changing.setRateLimits(undefined);
        assert.equal((await concurrently(6, get)).answered.length, 6);
        changing.clearRequests();
        assert.equal(changing.throttledCount(), 0);
      }));

    const invalidLimits: { limits: RateLimits; message: string }[] = [
      {
        limits: { read: { requestsPerSecond: 0 } },
        message: "rateLimits.read.requestsPerSecond must be a positive number; got 0",
      },
      {
        limits: { write: { requestsPerSecond: Infinity } },
        message: "rateLimits.write.requestsPerSecond must be a positive number; got Infinity",
      },
      {
        limits: { perPool: { requestsPerSecond: 5, burst: 0.5 } },
        message: "rateLimits.perPool.burst must be a number of at least 1; got 0.5",
      },
      {
        limits: unchecked({ reads: { requestsPerSecond: 5 } }),
        message:
          "rateLimits.reads is not a category; use read, write, perPool, chatRead, chatWrite",
      },
    ];
    for (const { limits, message } of invalidLimits) {
      it(`refuses invalid limits at start and at run time: ${message}`, async () => {
        await assert.rejects(startCognitoEmulator({ rateLimits: limits }), { message });
        assert.throws(() => wire.emulator.setRateLimits(limits), { message });
      });
    }
  });
});
