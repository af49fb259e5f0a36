/** The local Cognito emulator over the wire, through the real AWS SDK: the request log. */
import assert from "node:assert/strict";
import {
  CreateUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { failureOf, TEST_REGION } from "../../../testing/emulatorClient";
import { AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../../testing/fixtures/arns";
import { setLogDelivery, useWireEmulator } from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("request log", () => {
    it("records each request's operation, region, pool, body, status, error type, request ID and start", async () => {
      wire.emulator.clearRequests();
      const before = new Date();
      const created = await wire.client.send(new CreateUserPoolCommand({ PoolName: "logged" }));
      const id = created.UserPool?.Id ?? "";
      await failureOf(
        setLogDelivery(wire.client, id, [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" }]),
      );
      await wire.client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id }));

      const [create, set, get] = wire.emulator.requests;
      assert.equal(wire.emulator.requests.length, 3);
      assert.equal(create?.operation, "CreateUserPool");
      assert.equal(create?.region, TEST_REGION);
      assert.equal(create?.userPoolId, id);
      assert.deepEqual(create?.body, { PoolName: "logged" });
      assert.equal(create?.status, 200);
      assert.equal(create?.requestId, created.$metadata.requestId);
      assert.ok(create && create.startedAt >= before);
      assert.equal(set?.operation, "SetLogDeliveryConfiguration");
      assert.equal(set?.userPoolId, id);
      assert.equal(set?.status, 400);
      assert.equal(set?.errorType, "InvalidParameterException");
      assert.equal(get?.errorType, undefined);

      assert.equal(wire.emulator.callCount("SetLogDeliveryConfiguration"), 1);
      assert.equal(wire.emulator.callCount("DeleteUserPool"), 0);
      wire.emulator.clearRequests();
      assert.equal(wire.emulator.requests.length, 0);
    });
  });
});
