/** The local Cognito emulator over the wire, through the real AWS SDK: log delivery. */
import assert from "node:assert/strict";
import { GetLogDeliveryConfigurationCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { emulatorClient, withRawBody } from "../../../testing/emulatorClient";
import {
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  LOG_GROUP_ARN,
} from "../../../testing/fixtures/arns";
import {
  createPool,
  setLogDelivery,
  storedLogConfigurations,
  useWireEmulator,
} from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("GetLogDeliveryConfiguration and SetLogDeliveryConfiguration", () => {
    it("reports an empty list for a pool with nothing configured", async () => {
      const id = await createPool(wire.client);
      const answer = await wire.client.send(
        new GetLogDeliveryConfigurationCommand({ UserPoolId: id }),
      );
      assert.deepEqual(answer.LogDeliveryConfiguration, { UserPoolId: id, LogConfigurations: [] });
    });

    it("replaces the whole configuration, and an empty list clears it", async () => {
      const id = await createPool(wire.client);
      await setLogDelivery(wire.client, id, [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
        AWS_AUTH_EVENTS_TO_BUCKET,
      ]);
      const replaced = await setLogDelivery(wire.client, id, [AWS_AUTH_EVENTS_TO_STREAM]);
      assert.deepEqual(replaced.LogDeliveryConfiguration, {
        UserPoolId: id,
        LogConfigurations: [AWS_AUTH_EVENTS_TO_STREAM],
      });
      assert.deepEqual(await storedLogConfigurations(wire.client, id), [AWS_AUTH_EVENTS_TO_STREAM]);
      const cleared = await setLogDelivery(wire.client, id, []);
      assert.deepEqual(cleared.LogDeliveryConfiguration?.LogConfigurations, []);
      assert.deepEqual(await storedLogConfigurations(wire.client, id), []);
    });

    it("answers Set and Get with the entries in another order than sent (Terraform #43550, #49202)", async () => {
      const id = await createPool(wire.client);
      const sent = [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_BUCKET];
      const set = await setLogDelivery(wire.client, id, sent);
      assert.deepEqual(set.LogDeliveryConfiguration?.LogConfigurations, [...sent].reverse());
      assert.deepEqual(await storedLogConfigurations(wire.client, id), [...sent].reverse());
      assert.deepEqual(await storedLogConfigurations(wire.client, id), [...sent].reverse());
    });

    it("accepts each destination AWS allows for userAuthEvents on a Plus pool", async () => {
      const id = await createPool(wire.client);
      const cloudWatch: LogConfigurationType = {
        EventSource: "userAuthEvents",
        LogLevel: "INFO",
        CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP_ARN },
      };
      for (const entry of [cloudWatch, AWS_AUTH_EVENTS_TO_STREAM, AWS_AUTH_EVENTS_TO_BUCKET]) {
        await setLogDelivery(wire.client, id, [entry]);
        assert.deepEqual(await storedLogConfigurations(wire.client, id), [entry]);
      }
    });

    it("ignores members it does not know, and does not echo them", async () => {
      const id = await createPool(wire.client);
      const body = JSON.stringify({
        UserPoolId: id,
        FutureOption: true,
        LogConfigurations: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, FutureDestination: { Arn: "x" } }],
      });
      const answer = await setLogDelivery(withRawBody(emulatorClient(wire.emulator), body), id, []);
      assert.deepEqual(answer.LogDeliveryConfiguration?.LogConfigurations, [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });
  });
});
