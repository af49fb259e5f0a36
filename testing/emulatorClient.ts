/**
 * Real AWS SDK v3 clients pointed at the local Cognito emulator, and the two request
 * rewrites tests need to reach wire-level behaviour the SDK never produces by itself
 * (no Authorization header, a body that is not what the model says).
 */
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoIdentityProviderClientConfig } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoEmulator } from "./emulator/server";

/** The region of the tests' clients and pools, unless a test says otherwise. */
export const TEST_REGION = "us-east-1";

/** Any credentials work: the emulator reads only the region of the credential scope. */
export const TEST_CREDENTIALS = {
  accessKeyId: "AKIAEMULATOR0000TEST",
  secretAccessKey: "emulator-secret",
};

/** A client that makes exactly one attempt, unless `config` says otherwise. */
export function emulatorClient(
  emulator: CognitoEmulator,
  region = TEST_REGION,
  config: Partial<CognitoIdentityProviderClientConfig> = {},
): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region,
    endpoint: emulator.endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    ...config,
  });
}

interface WireRequest {
  headers: Record<string, string>;
  body: unknown;
}

/** Sends the client's requests unsigned: the Authorization header is removed after signing. */
export function withoutAuthorization(
  client: CognitoIdentityProviderClient,
): CognitoIdentityProviderClient {
  // Low priority in the finalizeRequest step runs after the SDK's signing middleware.
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as WireRequest;
      delete request.headers.authorization;
      return next(args);
    },
    { step: "finalizeRequest", priority: "low", name: "removeAuthorization" },
  );
  return client;
}

/** Sends `body` verbatim in place of what the SDK serialized. */
export function withRawBody(
  client: CognitoIdentityProviderClient,
  body: string,
): CognitoIdentityProviderClient {
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as WireRequest;
      request.body = body;
      request.headers["content-length"] = String(Buffer.byteLength(body));
      return next(args);
    },
    { step: "build", name: "replaceBody" },
  );
  return client;
}

/** What an SDK call threw: a service error carries `name`, `message` and `$metadata`. */
export interface SdkFailure extends Error {
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

/** The error a call rejects with; fails the test when it resolves. */
export async function failureOf(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
