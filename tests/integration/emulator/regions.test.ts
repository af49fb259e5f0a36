/** The local Cognito emulator over the wire, through the real AWS SDK: regions. */
import assert from "node:assert/strict";
import {
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { emulatorClient } from "../../../testing/emulatorClient";
import { createPool, setLogDelivery, assertRejected, useWireEmulator } from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("regions", () => {
    it("creates pools in the region of the request's credential scope", async () => {
      const id = await createPool(emulatorClient(wire.emulator, "ap-southeast-2"));
      assert.match(id, /^ap-southeast-2_[0-9A-Za-z]{9}$/);
    });

    it("answers ResourceNotFoundException for a pool of another region, as for an unknown pool", async () => {
      const id = await createPool(wire.client);
      const elsewhere = emulatorClient(wire.emulator, "us-west-2");
      const gone = `User pool ${id} does not exist.`;
      await assertRejected(
        elsewhere.send(new DescribeUserPoolCommand({ UserPoolId: id })),
        "ResourceNotFoundException",
        gone,
      );
      await assertRejected(
        elsewhere.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id })),
        "ResourceNotFoundException",
        gone,
      );
      await assertRejected(setLogDelivery(elsewhere, id, []), "ResourceNotFoundException", gone);
      await assertRejected(
        wire.client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_NoSuchPoo" })),
        "ResourceNotFoundException",
        "User pool us-east-1_NoSuchPoo does not exist.",
      );
    });
  });
});
