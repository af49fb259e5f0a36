/**
 * Starts the local Cognito emulator for a mocha suite and points the AWS SDK's standard
 * environment at it, exactly as a user would (`AWS_ENDPOINT_URL`, access keys): the
 * provider under test has no code path of its own for the emulator.
 */
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type {
  LogConfigurationType,
  UserPoolTierType,
} from "@aws-sdk/client-cognito-identity-provider";
import { startCognitoEmulator } from "./emulator/server";
import type { CognitoEmulator } from "./emulator/server";

export const TEST_REGION = "us-east-1";

const ENVIRONMENT = {
  AWS_ACCESS_KEY_ID: "AKIAEMULATOR0000TEST",
  AWS_SECRET_ACCESS_KEY: "emulator-secret",
  AWS_ACCOUNT_ID: "123456789012",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  // Behaviour tests run unpaced; the pacing tests set their own rates.
  COGNITO_LOG_DELIVERY_READS_PER_SECOND: "0",
  COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "0",
};

/** The emulator and a client that arranges pools "behind Pulumi's back". */
export interface EmulatorEnvironment {
  emulator: CognitoEmulator;
  /** An SDK client for arranging state outside the provider (one attempt, no retries). */
  outside: CognitoIdentityProviderClient;
  createPool(tier?: UserPoolTierType): Promise<string>;
  deletePool(userPoolId: string): Promise<void>;
  setOutside(userPoolId: string, configurations: LogConfigurationType[]): Promise<void>;
  getOutside(userPoolId: string): Promise<LogConfigurationType[]>;
}

/** Registers before/after hooks; the returned object is filled in by `before`. */
export function useEmulator(): EmulatorEnvironment {
  const saved = new Map<string, string | undefined>();
  const environment = {} as EmulatorEnvironment;
  let poolCounter = 0;

  before(async () => {
    const emulator = await startCognitoEmulator({ port: 0 });
    for (const [name, value] of Object.entries({
      ...ENVIRONMENT,
      AWS_ENDPOINT_URL: emulator.endpoint,
    })) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    const outside = new CognitoIdentityProviderClient({ region: TEST_REGION, maxAttempts: 1 });
    Object.assign(environment, {
      emulator,
      outside,
      async createPool(tier: UserPoolTierType = "PLUS") {
        const response = await outside.send(
          new CreateUserPoolCommand({ PoolName: `pool-${++poolCounter}`, UserPoolTier: tier }),
        );
        return response.UserPool?.Id ?? "";
      },
      async deletePool(userPoolId: string) {
        await outside.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId }));
      },
      async setOutside(userPoolId: string, configurations: LogConfigurationType[]) {
        await outside.send(
          new SetLogDeliveryConfigurationCommand({
            UserPoolId: userPoolId,
            LogConfigurations: configurations,
          }),
        );
      },
      async getOutside(userPoolId: string) {
        const response = await outside.send(
          new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }),
        );
        return response.LogDeliveryConfiguration?.LogConfigurations ?? [];
      },
    });
  });

  beforeEach(() => {
    environment.emulator.clearRequests();
    environment.emulator.clearFaults();
  });

  after(async () => {
    environment.outside?.destroy();
    await environment.emulator?.close();
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  return environment;
}
