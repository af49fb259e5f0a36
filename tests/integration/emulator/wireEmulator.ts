/** What the emulator's wire tests share: pools and calls through the real SDK, and a suite's emulator. */
import assert from "node:assert/strict";
import {
  CreateUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type {
  LogConfigurationType,
  UserPoolTierType,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import type { CognitoEmulator, CognitoEmulatorOptions } from "../../../testing/emulator/server";
import { failureOf, TEST_CREDENTIALS, TEST_REGION } from "../../../testing/emulatorClient";
import type { SdkFailure } from "../../../testing/emulatorClient";
import { startEmulatorSession } from "../../../testing/emulatorSession";
import type { EmulatorSession } from "../../../testing/emulatorSession";

/** A value the SDK's types would not allow (a missing required member, an unknown enum value). */
export function unchecked<T>(value: unknown): T {
  return value as T;
}

export async function createPool(
  client: CognitoIdentityProviderClient,
  tier: UserPoolTierType = "PLUS",
): Promise<string> {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({ PoolName: `pool ${tier}`, UserPoolTier: tier }),
  );
  assert.ok(UserPool?.Id);
  return UserPool.Id;
}

export function setLogDelivery(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  logConfigurations: LogConfigurationType[],
) {
  return client.send(
    new SetLogDeliveryConfigurationCommand({
      UserPoolId: userPoolId,
      LogConfigurations: logConfigurations,
    }),
  );
}

export async function storedLogConfigurations(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): Promise<LogConfigurationType[] | undefined> {
  const answer = await client.send(
    new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }),
  );
  return answer.LogDeliveryConfiguration?.LogConfigurations;
}

/** Asserts the SDK error's name, exact message and HTTP status 400. */
export async function assertRejected(
  call: Promise<unknown>,
  errorName: string,
  message: string,
): Promise<void> {
  const error = await failureOf(call);
  assert.equal(error.name, errorName, error.message);
  assert.equal(error.message, message);
  assert.equal(error.$metadata?.httpStatusCode, 400);
}

export function validationError(...violations: string[]): string {
  const count = violations.length;
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${violations.join("; ")}`;
}

/** Runs `body` against an emulator of its own, closed afterwards. */
export async function withEmulator(
  options: CognitoEmulatorOptions,
  body: (emulator: CognitoEmulator) => Promise<void>,
): Promise<void> {
  const own = await startCognitoEmulator(options);
  try {
    await body(own);
  } finally {
    await own.close();
  }
}

/** Makes `count` calls at once; what they answered, and what the others threw. */
export async function concurrently<T>(
  count: number,
  call: () => Promise<T>,
): Promise<{ answered: T[]; failures: SdkFailure[] }> {
  const settled = await Promise.allSettled(Array.from({ length: count }, () => call()));
  return {
    answered: settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])),
    failures: settled.flatMap((result) =>
      result.status === "rejected" ? [result.reason as SdkFailure] : [],
    ),
  };
}

export function getLogDelivery(client: CognitoIdentityProviderClient, userPoolId: string) {
  return client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }));
}

/**
 * Posts `body` verbatim with a credential scope for us-east-1, and returns the answer as
 * sent: what the SDK would parse, before it parses it.
 */
export async function postRaw(
  target: CognitoEmulator,
  operation: string,
  body: string,
): Promise<{ status: number; errorType: string | null; body: string }> {
  const response = await fetch(target.endpoint, {
    method: "POST",
    headers: {
      Authorization: `AWS4-HMAC-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/20260101/${TEST_REGION}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}`,
    },
    body,
  });
  return {
    status: response.status,
    errorType: response.headers.get("x-amzn-ErrorType"),
    body: await response.text(),
  };
}

/** Asserts the SDK saw what AWS answers a throttled call, on its one attempt. */
export function assertThrottled(failure: SdkFailure): void {
  assert.equal(failure.name, "TooManyRequestsException", failure.message);
  assert.equal(failure.message, "Rate exceeded");
  assert.equal(failure.$metadata?.httpStatusCode, 400);
  assert.equal(failure.$metadata?.attempts, 1);
}

/**
 * The emulator and its one-attempt client (the session's `outside`) that a suite of wire
 * tests shares; filled in by `before`.
 */
export function useWireEmulator(): {
  emulator: CognitoEmulator;
  client: CognitoIdentityProviderClient;
} {
  const wire = {} as { emulator: CognitoEmulator; client: CognitoIdentityProviderClient };
  let session: EmulatorSession | undefined;
  before(async () => {
    session = await startEmulatorSession();
    wire.emulator = session.emulator;
    wire.client = session.outside;
  });
  after(() => session?.close());
  afterEach(() => wire.emulator.clearFaults());
  return wire;
}
