/** The local Cognito emulator over the wire, through the real AWS SDK: user pools. */
import assert from "node:assert/strict";
import {
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { CreateUserPoolCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import { emulatorClient } from "../../../testing/emulatorClient";
import { ACCOUNT, AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../../testing/fixtures/arns";
import {
  unchecked,
  createPool,
  setLogDelivery,
  assertRejected,
  validationError,
  useWireEmulator,
} from "./wireEmulator";

describe("Cognito emulator", () => {
  const wire = useWireEmulator();

  describe("user pools", () => {
    it("creates a pool with a <region>_<9 alphanumerics> ID, an ARN in the account and the Essentials plan by default", async () => {
      const { UserPool } = await wire.client.send(
        new CreateUserPoolCommand({ PoolName: "my pool" }),
      );
      assert.match(UserPool?.Id ?? "", /^us-east-1_[0-9A-Za-z]{9}$/);
      assert.equal(UserPool?.Name, "my pool");
      assert.equal(
        UserPool?.Arn,
        `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${UserPool?.Id}`,
      );
      assert.equal(UserPool?.UserPoolTier, "ESSENTIALS");
      assert.deepEqual(UserPool?.UserPoolAddOns, { AdvancedSecurityMode: "OFF" });
      assert.ok(UserPool?.CreationDate instanceof Date);
      assert.ok(UserPool?.LastModifiedDate instanceof Date);
    });

    it("describes a pool with the tier and threat protection mode it was created with", async () => {
      const { UserPool } = await wire.client.send(
        new CreateUserPoolCommand({
          PoolName: "plus",
          UserPoolTier: "PLUS",
          UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
        }),
      );
      const described = await wire.client.send(
        new DescribeUserPoolCommand({ UserPoolId: UserPool?.Id }),
      );
      assert.equal(described.UserPool?.Id, UserPool?.Id);
      assert.equal(described.UserPool?.UserPoolTier, "PLUS");
      assert.deepEqual(described.UserPool?.UserPoolAddOns, { AdvancedSecurityMode: "ENFORCED" });
    });

    it("puts the configured account ID in pool ARNs", async () => {
      const other = await startCognitoEmulator({ accountId: "111122223333" });
      try {
        const { UserPool } = await emulatorClient(other).send(
          new CreateUserPoolCommand({ PoolName: "p" }),
        );
        assert.equal(
          UserPool?.Arn,
          `arn:aws:cognito-idp:us-east-1:111122223333:userpool/${UserPool?.Id}`,
        );
      } finally {
        await other.close();
      }
    });

    it("refuses threat protection below the Plus plan with FeatureUnavailableInTierException", () =>
      assertRejected(
        wire.client.send(
          new CreateUserPoolCommand({
            PoolName: "p",
            UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" },
          }),
        ),
        "FeatureUnavailableInTierException",
        "The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection",
      ));

    const invalidCreations: {
      title: string;
      input: CreateUserPoolCommandInput;
      message: string;
    }[] = [
      {
        title: "a missing PoolName",
        input: unchecked({}),
        message: validationError(
          "Value null at 'poolName' failed to satisfy constraint: Member must not be null",
        ),
      },
      {
        title: "a PoolName with a character outside [\\w\\s+=,.@-]",
        input: { PoolName: "bad/name" },
        message: validationError(
          "Value 'bad/name' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
        ),
      },
      {
        title: "an empty PoolName, reporting both its length and its pattern",
        input: { PoolName: "" },
        message: validationError(
          "Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1",
          "Value '' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
        ),
      },
      {
        title: "a PoolName of 129 characters",
        input: { PoolName: "p".repeat(129) },
        message: validationError(
          `Value '${"p".repeat(129)}' at 'poolName' failed to satisfy constraint: Member must have length less than or equal to 128`,
        ),
      },
      {
        title: "an unknown UserPoolTier",
        input: { PoolName: "p", UserPoolTier: unchecked("GOLD") },
        message: validationError(
          "Value 'GOLD' at 'userPoolTier' failed to satisfy constraint: Member must satisfy enum value set: [ESSENTIALS, LITE, PLUS]",
        ),
      },
      {
        title: "an unknown AdvancedSecurityMode",
        input: { PoolName: "p", UserPoolAddOns: { AdvancedSecurityMode: unchecked("ON") } },
        message: validationError(
          "Value 'ON' at 'userPoolAddOns.advancedSecurityMode' failed to satisfy constraint: Member must satisfy enum value set: [AUDIT, ENFORCED, OFF]",
        ),
      },
    ];
    for (const { title, input, message } of invalidCreations) {
      it(`rejects CreateUserPool with ${title}`, () =>
        assertRejected(
          wire.client.send(new CreateUserPoolCommand(input)),
          "InvalidParameterException",
          message,
        ));
    }

    it("deletes a pool, and forgets its log delivery with it", async () => {
      const id = await createPool(wire.client);
      await setLogDelivery(wire.client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await wire.client.send(new DeleteUserPoolCommand({ UserPoolId: id }));
      const gone = `User pool ${id} does not exist.`;
      for (const call of [
        wire.client.send(new DescribeUserPoolCommand({ UserPoolId: id })),
        wire.client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id })),
        wire.client.send(new DeleteUserPoolCommand({ UserPoolId: id })),
      ]) {
        await assertRejected(call, "ResourceNotFoundException", gone);
      }
    });
  });
});
