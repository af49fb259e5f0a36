/** The local Cognito emulator over the wire, through the real AWS SDK: the wire protocol. */
import assert from "node:assert/strict";
import {
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  emulatorClient,
  failureOf,
  withoutAuthorization,
  withRawBody,
} from "../../../testing/emulatorClient";
import { AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../../testing/fixtures/arns";
import { createPool, assertRejected, useWireEmulator } from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("wire protocol", () => {
    it("answers errors as AWS JSON 1.1: name, message, HTTP status and request ID reach the SDK", async () => {
      wire.emulator.clearRequests();
      const error = await failureOf(
        wire.client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Missing00" })),
      );
      assert.equal(error.name, "ResourceNotFoundException");
      assert.equal(error.message, "User pool us-east-1_Missing00 does not exist.");
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.match(error.$metadata?.requestId ?? "", /^[0-9a-f-]{36}$/);
      assert.equal(error.$metadata?.requestId, wire.emulator.requests[0]?.requestId);
    });

    it("gives every successful answer a request ID", async () => {
      wire.emulator.clearRequests();
      const answer = await wire.client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      assert.equal(answer.$metadata.httpStatusCode, 200);
      assert.equal(answer.$metadata.requestId, wire.emulator.requests[0]?.requestId);
    });

    it("answers a request without an Authorization header with MissingAuthenticationTokenException", () =>
      assertRejected(
        withoutAuthorization(emulatorClient(wire.emulator)).send(
          new ListUserPoolsCommand({ MaxResults: 1 }),
        ),
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
      ));

    it("answers a body that is not JSON with SerializationException", async () => {
      const error = await failureOf(
        withRawBody(emulatorClient(wire.emulator), "{not json").send(
          new ListUserPoolsCommand({ MaxResults: 1 }),
        ),
      );
      assert.equal(error.name, "SerializationException");
      assert.equal(error.$metadata?.httpStatusCode, 400);
    });

    it("answers a member of the wrong JSON type with SerializationException", async () => {
      const id = await createPool(wire.client);
      const body = JSON.stringify({ UserPoolId: id, LogConfigurations: "nope" });
      await assertRejected(
        withRawBody(emulatorClient(wire.emulator), body).send(
          new SetLogDeliveryConfigurationCommand({ UserPoolId: id, LogConfigurations: [] }),
        ),
        "SerializationException",
        "Cannot read LogConfigurations: expected a list, found a string.",
      );
    });

    it("drops null entries of LogConfigurations, as AWS does", async () => {
      const id = await createPool(wire.client);
      const body = JSON.stringify({
        UserPoolId: id,
        LogConfigurations: [null, AWS_NOTIFICATIONS_TO_LOG_GROUP],
      });
      const answer = await withRawBody(emulatorClient(wire.emulator), body).send(
        new SetLogDeliveryConfigurationCommand({ UserPoolId: id, LogConfigurations: [] }),
      );
      assert.deepEqual(answer.LogDeliveryConfiguration?.LogConfigurations, [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });

    it("answers an operation it does not serve with UnknownOperationException", () =>
      assertRejected(
        wire.client.send(new ListUsersCommand({ UserPoolId: "us-east-1_abc" })),
        "UnknownOperationException",
        "The operation ListUsers is not served by this emulator.",
      ));
  });
});
