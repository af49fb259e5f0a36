/**
 * A running local emulator, the environment that points the AWS SDK at it exactly as a
 * user's environment points it at AWS (`AWS_ENDPOINT_URL`, access keys), and an SDK client
 * that arranges pools "outside Pulumi". One helper for the tests, the demo and the bench:
 * the code under test has no code path of its own for the emulator.
 */
import {
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type {
  AdvancedSecurityModeType,
  CognitoIdentityProviderClient,
  LogConfigurationType,
  UserPoolTierType,
} from "@aws-sdk/client-cognito-identity-provider";
import { CreateLoggingConfigurationCommand } from "@aws-sdk/client-ivschat";
import type { DestinationConfiguration, IvschatClient } from "@aws-sdk/client-ivschat";
import { DEFAULT_ACCOUNT_ID, startCognitoEmulator } from "./emulator/server";
import type { CognitoEmulator, CognitoEmulatorOptions } from "./emulator/server";
import {
  AWS_CLI_USER_AGENT,
  emulatorClient,
  ivsChatClient,
  TEST_CREDENTIALS,
  TEST_REGION,
  withUserAgent,
} from "./emulatorClient";

/** Re-exported for the suites that take their region from the session they use. */
export { TEST_REGION };

/** Someone who changes pools outside Pulumi: who they are to AWS, and the tool they use. */
export interface Actor {
  accessKeyId: string;
  userAgent?: string;
}

/**
 * An administrator who changes pools with the AWS CLI, as an assumed role (the session's
 * emulator maps this key to `assumed-role/Admin/alice@example.com`).
 */
export const OUTSIDE_ACTOR = {
  accessKeyId: "AKIAOUTSIDEALICE0001",
  userAgent: AWS_CLI_USER_AGENT,
} as const satisfies Actor;

const OUTSIDE_PRINCIPALS = {
  [OUTSIDE_ACTOR.accessKeyId]: {
    type: "AssumedRole",
    roleName: "Admin",
    sessionName: "alice@example.com",
  },
} as const;

export interface EmulatorSession {
  emulator: CognitoEmulator;
  /** An SDK client for arranging state outside the provider (one attempt, no retries). */
  outside: CognitoIdentityProviderClient;
  /** The variables that point the AWS SDK at the emulator, no shared AWS files read. */
  environment: Record<string, string>;
  /** A new pool (Plus feature plan unless told otherwise); resolves to its ID. */
  createPool(
    tier?: UserPoolTierType,
    options?: { name?: string; threatProtection?: AdvancedSecurityModeType },
  ): Promise<string>;
  deletePool(userPoolId: string): Promise<void>;
  setOutside(userPoolId: string, configurations: LogConfigurationType[]): Promise<void>;
  /** A Set made by `actor`: its access key, and its tool's User-Agent. */
  setOutsideAs(
    actor: Actor,
    userPoolId: string,
    configurations: LogConfigurationType[],
  ): Promise<void>;
  getOutside(userPoolId: string): Promise<LogConfigurationType[]>;
  /** An IVS Chat client in the session's region (one attempt, no retries). */
  chat: IvschatClient;
  /** A new IVS Chat logging configuration; resolves to its ARN. */
  createChatLogging(
    name: string,
    destinationConfiguration: DestinationConfiguration,
    tags?: Record<string, string>,
  ): Promise<string>;
  close(): Promise<void>;
}

/** Starts the emulator on a free port, with a client in `region`. */
export async function startEmulatorSession(
  options: Omit<CognitoEmulatorOptions, "port"> & { region?: string } = {},
): Promise<EmulatorSession> {
  const { region = TEST_REGION, ...emulatorOptions } = options;
  const emulator = await startCognitoEmulator({
    ...emulatorOptions,
    principals: { ...OUTSIDE_PRINCIPALS, ...emulatorOptions.principals },
    port: 0,
  });
  const outside = emulatorClient(emulator, region);
  const chat = ivsChatClient(emulator, region);
  let poolCounter = 0;
  return {
    emulator,
    outside,
    chat,
    environment: {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: emulator.endpoint,
      AWS_ACCOUNT_ID: options.accountId ?? DEFAULT_ACCOUNT_ID,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
    async createPool(tier = "PLUS", { name, threatProtection } = {}) {
      const response = await outside.send(
        new CreateUserPoolCommand({
          PoolName: name ?? `pool-${++poolCounter}`,
          UserPoolTier: tier,
          ...(threatProtection && { UserPoolAddOns: { AdvancedSecurityMode: threatProtection } }),
        }),
      );
      return response.UserPool?.Id ?? "";
    },
    async deletePool(userPoolId) {
      await outside.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId }));
    },
    async setOutside(userPoolId, configurations) {
      await outside.send(
        new SetLogDeliveryConfigurationCommand({
          UserPoolId: userPoolId,
          LogConfigurations: configurations,
        }),
      );
    },
    async setOutsideAs(actor, userPoolId, configurations) {
      const client = emulatorClient(emulator, region, {
        credentials: { accessKeyId: actor.accessKeyId, secretAccessKey: "outside-secret" },
      });
      if (actor.userAgent !== undefined) {
        withUserAgent(client, actor.userAgent);
      }
      try {
        await client.send(
          new SetLogDeliveryConfigurationCommand({
            UserPoolId: userPoolId,
            LogConfigurations: configurations,
          }),
        );
      } finally {
        client.destroy();
      }
    },
    async getOutside(userPoolId) {
      const response = await outside.send(
        new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }),
      );
      return response.LogDeliveryConfiguration?.LogConfigurations ?? [];
    },
    async createChatLogging(name, destinationConfiguration, tags) {
      const created = await chat.send(
        new CreateLoggingConfigurationCommand({ name, destinationConfiguration, tags }),
      );
      return created.arn ?? "";
    },
    async close() {
      outside.destroy();
      chat.destroy();
      await emulator.close();
    },
  };
}

/**
 * A mocha suite's emulator: started in `before`, its environment set in `process.env`
 * (with pacing off: behaviour tests run unpaced, the pacing tests set their own rates),
 * requests and faults cleared before each test, everything restored in `after`. The
 * returned object is filled in by `before`.
 */
export function useEmulator(options: Omit<CognitoEmulatorOptions, "port"> = {}): EmulatorSession {
  const saved = new Map<string, string | undefined>();
  const session = {} as EmulatorSession;

  before(async () => {
    Object.assign(session, await startEmulatorSession(options));
    for (const [name, value] of Object.entries({
      ...session.environment,
      COGNITO_LOG_DELIVERY_READS_PER_SECOND: "0",
      COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: "0",
      COGNITO_LOG_DELIVERY_IVSCHAT_READS_PER_SECOND: "0",
    })) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });

  beforeEach(() => {
    session.emulator.clearRequests();
    session.emulator.clearFaults();
    session.emulator.setCloudTrailDeliveryDelay(0);
  });

  after(async () => {
    await session.close?.();
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  return session;
}
