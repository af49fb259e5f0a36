/**
 * Real AWS SDK v3 clients pointed at the local AWS emulator, and the two request
 * rewrites tests need to reach wire-level behaviour the SDK never produces by itself
 * (no Authorization header, a body that is not what the model says).
 */
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { CloudTrailClientConfig } from "@aws-sdk/client-cloudtrail";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoIdentityProviderClientConfig } from "@aws-sdk/client-cognito-identity-provider";
import { IvschatClient } from "@aws-sdk/client-ivschat";
import type { IvschatClientConfig } from "@aws-sdk/client-ivschat";
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

/** A CloudTrail client on the emulator that makes exactly one attempt, unless `config` says otherwise. */
export function cloudTrailClient(
  emulator: CognitoEmulator,
  region = TEST_REGION,
  config: Partial<CloudTrailClientConfig> = {},
): CloudTrailClient {
  return new CloudTrailClient({
    region,
    endpoint: emulator.endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    ...config,
  });
}

/** An Amazon IVS Chat client on the emulator that makes exactly one attempt, unless `config` says otherwise. */
export function ivsChatClient(
  emulator: CognitoEmulator,
  region = TEST_REGION,
  config: Partial<IvschatClientConfig> = {},
): IvschatClient {
  return new IvschatClient({
    region,
    endpoint: emulator.endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    ...config,
  });
}

/**
 * What the AWS CLI v2 sends as its User-Agent (its format, from the CLI's source), for
 * changes made "as someone else" with the CLI.
 */
export const AWS_CLI_USER_AGENT =
  "aws-cli/2.22.35 md/awscrt#0.23.8 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#debian.12 md/prompt#off md/command#cognito-idp.set-log-delivery-configuration";

/** Sends the client's requests with exactly this User-Agent, as another tool would. */
export function withUserAgent<C extends CognitoIdentityProviderClient | CloudTrailClient>(
  client: C,
  userAgent: string,
): C {
  (client as CognitoIdentityProviderClient).middlewareStack.add(
    (next) => (args) => {
      const request = args.request as WireRequest;
      request.headers["user-agent"] = userAgent;
      delete request.headers["x-amz-user-agent"];
      return next(args);
    },
    { step: "finalizeRequest", priority: "low", name: "replaceUserAgent" },
  );
  return client;
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
