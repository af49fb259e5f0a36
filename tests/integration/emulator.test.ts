/**
 * The local Cognito emulator, driven only through the real AWS SDK v3 client over HTTP:
 * every rule AWS enforces on user pools and their log delivery, the wire shape of its
 * answers, the faults tests inject, request-rate limits, the request log, and the
 * command line.
 */
import assert from "node:assert/strict";
import { setTimeout as delay } from "node:timers/promises";
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type {
  CreateUserPoolCommandInput,
  LogConfigurationType,
  UserPoolTierType,
} from "@aws-sdk/client-cognito-identity-provider";
import { CliUsageError, parseCliArguments } from "../../testing/emulator/cliArguments";
import { OPERATIONS } from "../../testing/emulator/operations";
import { OPERATION_CATEGORIES, RateLimiter, TokenBucket } from "../../testing/emulator/rateLimits";
import type { RateLimit, RateLimitedRequest, RateLimits } from "../../testing/emulator/rateLimits";
import { startCognitoEmulator } from "../../testing/emulator/server";
import type { CognitoEmulator, CognitoEmulatorOptions } from "../../testing/emulator/server";
import { runCli } from "../helpers/emulatorCli";
import {
  emulatorClient,
  failureOf,
  TEST_CREDENTIALS,
  withoutAuthorization,
  withRawBody,
} from "../../testing/emulatorClient";
import type { SdkFailure } from "../../testing/emulatorClient";
import {
  ACCOUNT,
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
  BUCKET_ARN,
  LOG_GROUP_ARN,
  STREAM_ARN,
} from "../../testing/fixtures/arns";

const REGION = "us-east-1";
/** The API model's `ArnType` and `S3ArnType` patterns, as AWS prints them. */
const ARN_TYPE_PATTERN =
  "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";
const S3_ARN_TYPE_PATTERN =
  "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:::[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";

/** A value the SDK's types would not allow (a missing required member, an unknown enum value). */
function unchecked<T>(value: unknown): T {
  return value as T;
}

async function createPool(
  client: CognitoIdentityProviderClient,
  tier: UserPoolTierType = "PLUS",
): Promise<string> {
  const { UserPool } = await client.send(
    new CreateUserPoolCommand({ PoolName: `pool ${tier}`, UserPoolTier: tier }),
  );
  assert.ok(UserPool?.Id);
  return UserPool.Id;
}

function setLogDelivery(
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

async function storedLogConfigurations(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
): Promise<LogConfigurationType[] | undefined> {
  const answer = await client.send(
    new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }),
  );
  return answer.LogDeliveryConfiguration?.LogConfigurations;
}

/** Asserts the SDK error's name, exact message and HTTP status 400. */
async function assertRejected(
  call: Promise<unknown>,
  errorName: string,
  message: string,
): Promise<void> {
  const error = await failureOf(call);
  assert.equal(error.name, errorName, error.message);
  assert.equal(error.message, message);
  assert.equal(error.$metadata?.httpStatusCode, 400);
}

function validationError(...violations: string[]): string {
  const count = violations.length;
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${violations.join("; ")}`;
}

/** Runs `body` against an emulator of its own, closed afterwards. */
async function withEmulator(
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
async function concurrently<T>(
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

function getLogDelivery(client: CognitoIdentityProviderClient, userPoolId: string) {
  return client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId }));
}

/**
 * Posts `body` verbatim with a credential scope for us-east-1, and returns the answer as
 * sent: what the SDK would parse, before it parses it.
 */
async function postRaw(
  target: CognitoEmulator,
  operation: string,
  body: string,
): Promise<{ status: number; errorType: string | null; body: string }> {
  const response = await fetch(target.endpoint, {
    method: "POST",
    headers: {
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${REGION}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
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
function assertThrottled(failure: SdkFailure): void {
  assert.equal(failure.name, "TooManyRequestsException", failure.message);
  assert.equal(failure.message, "Rate exceeded");
  assert.equal(failure.$metadata?.httpStatusCode, 400);
  assert.equal(failure.$metadata?.attempts, 1);
}

describe("Cognito emulator", () => {
  let emulator: CognitoEmulator;
  let client: CognitoIdentityProviderClient;

  before(async () => {
    emulator = await startCognitoEmulator();
    client = emulatorClient(emulator);
  });

  after(() => emulator.close());

  afterEach(() => emulator.clearFaults());

  describe("user pools", () => {
    it("creates a pool with a <region>_<9 alphanumerics> ID, an ARN in the account and the Essentials plan by default", async () => {
      const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: "my pool" }));
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
      const { UserPool } = await client.send(
        new CreateUserPoolCommand({
          PoolName: "plus",
          UserPoolTier: "PLUS",
          UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
        }),
      );
      const described = await client.send(
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
        client.send(
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
          client.send(new CreateUserPoolCommand(input)),
          "InvalidParameterException",
          message,
        ));
    }

    it("deletes a pool, and forgets its log delivery with it", async () => {
      const id = await createPool(client);
      await setLogDelivery(client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await client.send(new DeleteUserPoolCommand({ UserPoolId: id }));
      const gone = `User pool ${id} does not exist.`;
      for (const call of [
        client.send(new DescribeUserPoolCommand({ UserPoolId: id })),
        client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id })),
        client.send(new DeleteUserPoolCommand({ UserPoolId: id })),
      ]) {
        await assertRejected(call, "ResourceNotFoundException", gone);
      }
    });
  });

  describe("ListUserPools", () => {
    let listing: CognitoEmulator;
    let listingClient: CognitoIdentityProviderClient;

    before(async () => {
      listing = await startCognitoEmulator();
      listingClient = emulatorClient(listing, "eu-west-1");
    });

    after(() => listing.close());

    it("pages through the region's pools in creation order, with no NextToken on the last page", async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        created.push(await createPool(listingClient));
      }
      await createPool(emulatorClient(listing, "eu-central-1"));
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let nextToken: string | undefined;
      do {
        const page = await listingClient.send(
          new ListUserPoolsCommand({ MaxResults: 2, NextToken: nextToken }),
        );
        pageSizes.push(page.UserPools?.length ?? 0);
        for (const pool of page.UserPools ?? []) {
          assert.equal(pool.Name, "pool PLUS");
          assert.ok(pool.CreationDate instanceof Date);
          seen.push(pool.Id ?? "");
        }
        nextToken = page.NextToken;
      } while (nextToken !== undefined);
      assert.deepEqual(pageSizes, [2, 2, 1]);
      assert.deepEqual(seen, created);
    });

    it("rejects a NextToken it did not issue, or issued in another region", async () => {
      const message = (token: string) =>
        `The NextToken ${token} was not issued by ListUserPools in eu-west-1: pass the NextToken of the previous page, or none for the first page.`;
      await assertRejected(
        listingClient.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: "garbage" })),
        "InvalidParameterException",
        message("garbage"),
      );
      const otherRegion = emulatorClient(listing, "eu-central-1");
      await createPool(otherRegion);
      const { NextToken } = await otherRegion.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      assert.ok(NextToken);
      await assertRejected(
        listingClient.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken })),
        "InvalidParameterException",
        message(NextToken),
      );
    });

    const invalidLimits: { title: string; maxResults: number | undefined; violation: string }[] = [
      {
        title: "a missing MaxResults",
        maxResults: undefined,
        violation:
          "Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
      },
      {
        title: "MaxResults 0",
        maxResults: 0,
        violation:
          "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      },
      {
        title: "MaxResults 61",
        maxResults: 61,
        violation:
          "Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
      },
    ];
    for (const { title, maxResults, violation } of invalidLimits) {
      it(`rejects ${title}`, () =>
        assertRejected(
          listingClient.send(new ListUserPoolsCommand(unchecked({ MaxResults: maxResults }))),
          "InvalidParameterException",
          validationError(violation),
        ));
    }
  });

  describe("regions", () => {
    it("creates pools in the region of the request's credential scope", async () => {
      const id = await createPool(emulatorClient(emulator, "ap-southeast-2"));
      assert.match(id, /^ap-southeast-2_[0-9A-Za-z]{9}$/);
    });

    it("answers ResourceNotFoundException for a pool of another region, as for an unknown pool", async () => {
      const id = await createPool(client);
      const elsewhere = emulatorClient(emulator, "us-west-2");
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
        client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_NoSuchPoo" })),
        "ResourceNotFoundException",
        "User pool us-east-1_NoSuchPoo does not exist.",
      );
    });
  });

  describe("GetLogDeliveryConfiguration and SetLogDeliveryConfiguration", () => {
    it("reports an empty list for a pool with nothing configured", async () => {
      const id = await createPool(client);
      const answer = await client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id }));
      assert.deepEqual(answer.LogDeliveryConfiguration, { UserPoolId: id, LogConfigurations: [] });
    });

    it("replaces the whole configuration, and an empty list clears it", async () => {
      const id = await createPool(client);
      await setLogDelivery(client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_BUCKET]);
      const replaced = await setLogDelivery(client, id, [AWS_AUTH_EVENTS_TO_STREAM]);
      assert.deepEqual(replaced.LogDeliveryConfiguration, {
        UserPoolId: id,
        LogConfigurations: [AWS_AUTH_EVENTS_TO_STREAM],
      });
      assert.deepEqual(await storedLogConfigurations(client, id), [AWS_AUTH_EVENTS_TO_STREAM]);
      const cleared = await setLogDelivery(client, id, []);
      assert.deepEqual(cleared.LogDeliveryConfiguration?.LogConfigurations, []);
      assert.deepEqual(await storedLogConfigurations(client, id), []);
    });

    it("answers Set and Get with the entries in another order than sent (Terraform #43550, #49202)", async () => {
      const id = await createPool(client);
      const sent = [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_BUCKET];
      const set = await setLogDelivery(client, id, sent);
      assert.deepEqual(set.LogDeliveryConfiguration?.LogConfigurations, [...sent].reverse());
      assert.deepEqual(await storedLogConfigurations(client, id), [...sent].reverse());
      assert.deepEqual(await storedLogConfigurations(client, id), [...sent].reverse());
    });

    it("accepts each destination AWS allows for userAuthEvents on a Plus pool", async () => {
      const id = await createPool(client);
      const cloudWatch: LogConfigurationType = {
        EventSource: "userAuthEvents",
        LogLevel: "INFO",
        CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP_ARN },
      };
      for (const entry of [cloudWatch, AWS_AUTH_EVENTS_TO_STREAM, AWS_AUTH_EVENTS_TO_BUCKET]) {
        await setLogDelivery(client, id, [entry]);
        assert.deepEqual(await storedLogConfigurations(client, id), [entry]);
      }
    });

    it("ignores members it does not know, and does not echo them", async () => {
      const id = await createPool(client);
      const body = JSON.stringify({
        UserPoolId: id,
        FutureOption: true,
        LogConfigurations: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, FutureDestination: { Arn: "x" } }],
      });
      const answer = await setLogDelivery(withRawBody(emulatorClient(emulator), body), id, []);
      assert.deepEqual(answer.LogDeliveryConfiguration?.LogConfigurations, [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });
  });

  describe("SetLogDeliveryConfiguration validation", () => {
    let plusPool: string;

    before(async () => {
      plusPool = await createPool(client, "PLUS");
    });

    const at = (index: number, member: string) => `logConfigurations.${index}.member.${member}`;
    const shapeCases: { title: string; entries: LogConfigurationType[]; violations: string[] }[] = [
      {
        title: "more than 2 entries, rendered as AWS renders the list",
        entries: [
          AWS_NOTIFICATIONS_TO_LOG_GROUP,
          AWS_AUTH_EVENTS_TO_BUCKET,
          AWS_AUTH_EVENTS_TO_STREAM,
        ],
        violations: [
          "Value '[" +
            `LogConfigurationType(logLevel=ERROR, eventSource=userNotification, cloudWatchLogsConfiguration=CloudWatchLogsConfigurationType(logGroupArn=${LOG_GROUP_ARN}), s3Configuration=null, firehoseConfiguration=null), ` +
            `LogConfigurationType(logLevel=INFO, eventSource=userAuthEvents, cloudWatchLogsConfiguration=null, s3Configuration=S3ConfigurationType(bucketArn=${BUCKET_ARN}), firehoseConfiguration=null), ` +
            `LogConfigurationType(logLevel=INFO, eventSource=userAuthEvents, cloudWatchLogsConfiguration=null, s3Configuration=null, firehoseConfiguration=FirehoseConfigurationType(streamArn=${STREAM_ARN}))` +
            "]' at 'logConfigurations' failed to satisfy constraint: Member must have length less than or equal to 2",
        ],
      },
      {
        title: "a missing LogLevel",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: undefined }],
        violations: [
          `Value null at '${at(1, "logLevel")}' failed to satisfy constraint: Member must not be null`,
        ],
      },
      {
        title: "an unknown LogLevel, at its 1-based index",
        entries: [
          AWS_NOTIFICATIONS_TO_LOG_GROUP,
          { ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: unchecked("WARN") },
        ],
        violations: [
          `Value 'WARN' at '${at(2, "logLevel")}' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, INFO]`,
        ],
      },
      {
        title: "a missing EventSource",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, EventSource: undefined }],
        violations: [
          `Value null at '${at(1, "eventSource")}' failed to satisfy constraint: Member must not be null`,
        ],
      },
      {
        title: "an unknown EventSource",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, EventSource: unchecked("userLogins") }],
        violations: [
          `Value 'userLogins' at '${at(1, "eventSource")}' failed to satisfy constraint: Member must satisfy enum value set: [userAuthEvents, userNotification]`,
        ],
      },
      {
        title: "a log group ARN ending in :* (aws-cdk #31241)",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: `${LOG_GROUP_ARN}:*` },
          },
        ],
        violations: [
          `Value '${LOG_GROUP_ARN}:*' at '${at(1, "cloudWatchLogsConfiguration.logGroupArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a log group name with #",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: `${LOG_GROUP_ARN}#1` },
          },
        ],
        violations: [
          `Value '${LOG_GROUP_ARN}#1' at '${at(1, "cloudWatchLogsConfiguration.logGroupArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a log group ARN under 20 characters",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: "arn:a:logs::1:lg" },
          },
        ],
        violations: [
          `Value 'arn:a:logs::1:lg' at '${at(1, "cloudWatchLogsConfiguration.logGroupArn")}' failed to satisfy constraint: Member must have length greater than or equal to 20`,
        ],
      },
      {
        title: "a bucket ARN with a region",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_BUCKET,
            S3Configuration: { BucketArn: "arn:aws:s3:us-east-1::bucket" },
          },
        ],
        violations: [
          `Value 'arn:aws:s3:us-east-1::bucket' at '${at(1, "s3Configuration.bucketArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${S3_ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a bucket ARN under 3 characters, reporting its length and its pattern",
        entries: [{ ...AWS_AUTH_EVENTS_TO_BUCKET, S3Configuration: { BucketArn: "ar" } }],
        violations: [
          `Value 'ar' at '${at(1, "s3Configuration.bucketArn")}' failed to satisfy constraint: Member must have length greater than or equal to 3`,
          `Value 'ar' at '${at(1, "s3Configuration.bucketArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${S3_ARN_TYPE_PATTERN}`,
        ],
      },
      {
        title: "a stream ARN without an account",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_STREAM,
            FirehoseConfiguration: { StreamArn: "arn:aws:firehose:us-east-1::deliverystream/x" },
          },
        ],
        violations: [
          `Value 'arn:aws:firehose:us-east-1::deliverystream/x' at '${at(1, "firehoseConfiguration.streamArn")}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_TYPE_PATTERN}`,
        ],
      },
    ];
    for (const { title, entries, violations } of shapeCases) {
      it(`rejects ${title}`, () =>
        assertRejected(
          setLogDelivery(client, plusPool, entries),
          "InvalidParameterException",
          validationError(...violations),
        ));
    }

    it("rejects a missing LogConfigurations rather than clearing the configuration", async () => {
      await setLogDelivery(client, plusPool, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await assertRejected(
        setLogDelivery(client, plusPool, unchecked(undefined)),
        "InvalidParameterException",
        validationError(
          "Value null at 'logConfigurations' failed to satisfy constraint: Member must not be null",
        ),
      );
      assert.deepEqual(await storedLogConfigurations(client, plusPool), [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });

    it("rejects a UserPoolId outside [\\w-]+_[0-9a-zA-Z]+ or longer than 55 characters, in every operation", async () => {
      const pattern = validationError(
        "Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
      );
      for (const call of [
        setLogDelivery(client, "bad", []),
        client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: "bad" })),
        client.send(new DescribeUserPoolCommand({ UserPoolId: "bad" })),
        client.send(new DeleteUserPoolCommand({ UserPoolId: "bad" })),
      ]) {
        await assertRejected(call, "InvalidParameterException", pattern);
      }
      const long = `us-east-1_${"a".repeat(46)}`;
      await assertRejected(
        setLogDelivery(client, long, []),
        "InvalidParameterException",
        validationError(
          `Value '${long}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55`,
        ),
      );
      await assertRejected(
        client.send(new GetLogDeliveryConfigurationCommand(unchecked({}))),
        "InvalidParameterException",
        validationError(
          "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        ),
      );
    });

    const ruleCases: { title: string; entries: LogConfigurationType[]; problems: string[] }[] = [
      {
        title: "an entry with no destination, in the words recorded from AWS",
        entries: [{ EventSource: "userNotification", LogLevel: "ERROR" }],
        problems: ["Following event sources in request have no destination: [userNotification]."],
      },
      {
        title: "two entries for one event source, in the words recorded from AWS",
        entries: [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_NOTIFICATIONS_TO_LOG_GROUP],
        problems: [
          "Following event sources appear more then once in a request: [userNotification].",
        ],
      },
      {
        title: "repeated entries without destination, naming both problems",
        entries: [
          { EventSource: "userNotification", LogLevel: "ERROR" },
          { EventSource: "userNotification", LogLevel: "ERROR" },
        ],
        problems: [
          "Following event sources in request have no destination: [userNotification].",
          "Following event sources appear more then once in a request: [userNotification].",
        ],
      },
      {
        title: "an entry with two destinations",
        entries: [
          { ...AWS_AUTH_EVENTS_TO_BUCKET, FirehoseConfiguration: { StreamArn: STREAM_ARN } },
        ],
        problems: [
          "Following event sources in request have more than one destination: [userAuthEvents].",
        ],
      },
      {
        title: "userNotification at INFO",
        entries: [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" }],
        problems: ["Event source userNotification needs log level ERROR, not INFO."],
      },
      {
        title: "userNotification to S3",
        entries: [
          {
            EventSource: "userNotification",
            LogLevel: "ERROR",
            S3Configuration: { BucketArn: BUCKET_ARN },
          },
        ],
        problems: [
          "Event source userNotification can be delivered only to CloudWatchLogsConfiguration, not S3Configuration.",
        ],
      },
      {
        title: "userNotification to Firehose",
        entries: [
          {
            EventSource: "userNotification",
            LogLevel: "ERROR",
            FirehoseConfiguration: { StreamArn: STREAM_ARN },
          },
        ],
        problems: [
          "Event source userNotification can be delivered only to CloudWatchLogsConfiguration, not FirehoseConfiguration.",
        ],
      },
      {
        title: "userAuthEvents at ERROR",
        entries: [{ ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: "ERROR" }],
        problems: ["Event source userAuthEvents needs log level INFO, not ERROR."],
      },
      {
        title: "a Firehose stream ARN as the log group",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: { LogGroupArn: STREAM_ARN },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn must be a CloudWatch Logs log group ARN, arn:<partition>:logs:<region>:<account>:log-group:<name>, not ${STREAM_ARN}.`,
        ],
      },
      {
        title: "a Kinesis data stream ARN as the Firehose stream",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_STREAM,
            FirehoseConfiguration: {
              StreamArn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/events`,
            },
          },
        ],
        problems: [
          `FirehoseConfiguration.StreamArn must be a Firehose stream ARN, arn:<partition>:firehose:<region>:<account>:deliverystream/<name>, not arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/events.`,
        ],
      },
      {
        title: "an SQS ARN as the bucket",
        entries: [
          { ...AWS_AUTH_EVENTS_TO_BUCKET, S3Configuration: { BucketArn: "arn:aws:sqs:::queue" } },
        ],
        problems: [
          "S3Configuration.BucketArn must be an S3 bucket ARN, arn:<partition>:s3:::<bucket>, not arn:aws:sqs:::queue.",
        ],
      },
      {
        title: "a log group in another region",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: {
              LogGroupArn: `arn:aws:logs:us-west-2:${ACCOUNT}:log-group:x`,
            },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn arn:aws:logs:us-west-2:${ACCOUNT}:log-group:x is in region us-west-2, but it must be in the user pool's region, us-east-1.`,
        ],
      },
      {
        title: "a Firehose stream in another region",
        entries: [
          {
            ...AWS_AUTH_EVENTS_TO_STREAM,
            FirehoseConfiguration: {
              StreamArn: `arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/x`,
            },
          },
        ],
        problems: [
          `FirehoseConfiguration.StreamArn arn:aws:firehose:eu-west-1:${ACCOUNT}:deliverystream/x is in region eu-west-1, but it must be in the user pool's region, us-east-1.`,
        ],
      },
      {
        title: "a log group in another account",
        entries: [
          {
            ...AWS_NOTIFICATIONS_TO_LOG_GROUP,
            CloudWatchLogsConfiguration: {
              LogGroupArn: `arn:aws:logs:${REGION}:111122223333:log-group:x`,
            },
          },
        ],
        problems: [
          `CloudWatchLogsConfiguration.LogGroupArn arn:aws:logs:${REGION}:111122223333:log-group:x is in account 111122223333, but it must be in the user pool's account, ${ACCOUNT}.`,
        ],
      },
    ];
    for (const { title, entries, problems } of ruleCases) {
      it(`rejects ${title}`, () =>
        assertRejected(
          setLogDelivery(client, plusPool, entries),
          "InvalidParameterException",
          ["Request validation Failed.", ...problems].join(" "),
        ));
    }

    it("leaves the stored configuration alone when it rejects a Set", async () => {
      await setLogDelivery(client, plusPool, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      await failureOf(
        setLogDelivery(client, plusPool, [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" }]),
      );
      assert.deepEqual(await storedLogConfigurations(client, plusPool), [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });

    for (const tier of ["ESSENTIALS", "LITE"] as const) {
      it(`refuses userAuthEvents on a ${tier} pool with FeatureUnavailableInTierException`, async () => {
        const id = await createPool(client, tier);
        await assertRejected(
          setLogDelivery(client, id, [AWS_AUTH_EVENTS_TO_BUCKET]),
          "FeatureUnavailableInTierException",
          `Log delivery of userAuthEvents needs the PLUS feature plan, and user pool ${id} is on ${tier}: set its UserPoolTier to PLUS.`,
        );
        await setLogDelivery(client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      });
    }

    it("reports an invalid request before the tier, and before a missing pool", async () => {
      const essentials = await createPool(client, "ESSENTIALS");
      const badLevel = [{ ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: unchecked<"INFO">("WARN") }];
      for (const id of [essentials, "us-east-1_NoSuchPoo"]) {
        const error = await failureOf(setLogDelivery(client, id, badLevel));
        assert.equal(error.name, "InvalidParameterException");
      }
      const error = await failureOf(
        setLogDelivery(client, essentials, [{ ...AWS_AUTH_EVENTS_TO_BUCKET, LogLevel: "ERROR" }]),
      );
      assert.equal(error.name, "InvalidParameterException");
    });
  });

  describe("wire protocol", () => {
    it("answers errors as AWS JSON 1.1: name, message, HTTP status and request ID reach the SDK", async () => {
      emulator.clearRequests();
      const error = await failureOf(
        client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_Missing00" })),
      );
      assert.equal(error.name, "ResourceNotFoundException");
      assert.equal(error.message, "User pool us-east-1_Missing00 does not exist.");
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.match(error.$metadata?.requestId ?? "", /^[0-9a-f-]{36}$/);
      assert.equal(error.$metadata?.requestId, emulator.requests[0]?.requestId);
    });

    it("gives every successful answer a request ID", async () => {
      emulator.clearRequests();
      const answer = await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      assert.equal(answer.$metadata.httpStatusCode, 200);
      assert.equal(answer.$metadata.requestId, emulator.requests[0]?.requestId);
    });

    it("answers a request without an Authorization header with MissingAuthenticationTokenException", () =>
      assertRejected(
        withoutAuthorization(emulatorClient(emulator)).send(
          new ListUserPoolsCommand({ MaxResults: 1 }),
        ),
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
      ));

    it("answers a body that is not JSON with SerializationException", async () => {
      const error = await failureOf(
        withRawBody(emulatorClient(emulator), "{not json").send(
          new ListUserPoolsCommand({ MaxResults: 1 }),
        ),
      );
      assert.equal(error.name, "SerializationException");
      assert.equal(error.$metadata?.httpStatusCode, 400);
    });

    it("answers a member of the wrong JSON type with SerializationException", async () => {
      const id = await createPool(client);
      const body = JSON.stringify({ UserPoolId: id, LogConfigurations: "nope" });
      await assertRejected(
        withRawBody(emulatorClient(emulator), body).send(
          new SetLogDeliveryConfigurationCommand({ UserPoolId: id, LogConfigurations: [] }),
        ),
        "SerializationException",
        "Cannot read LogConfigurations: expected a list, found a string.",
      );
    });

    it("drops null entries of LogConfigurations, as AWS does", async () => {
      const id = await createPool(client);
      const body = JSON.stringify({
        UserPoolId: id,
        LogConfigurations: [null, AWS_NOTIFICATIONS_TO_LOG_GROUP],
      });
      const answer = await withRawBody(emulatorClient(emulator), body).send(
        new SetLogDeliveryConfigurationCommand({ UserPoolId: id, LogConfigurations: [] }),
      );
      assert.deepEqual(answer.LogDeliveryConfiguration?.LogConfigurations, [
        AWS_NOTIFICATIONS_TO_LOG_GROUP,
      ]);
    });

    it("answers an operation it does not serve with UnknownOperationException", () =>
      assertRejected(
        client.send(new ListUsersCommand({ UserPoolId: "us-east-1_abc" })),
        "UnknownOperationException",
        "The operation ListUsers is not known to this Cognito emulator.",
      ));
  });

  describe("faults", () => {
    it("throttles with TooManyRequestsException (HTTP 400, Rate exceeded), and records the fault", async () => {
      emulator.clearRequests();
      emulator.injectFault({ kind: "throttle", operation: "ListUserPools" });
      await assertRejected(
        client.send(new ListUserPoolsCommand({ MaxResults: 1 })),
        "TooManyRequestsException",
        "Rate exceeded",
      );
      assert.equal(emulator.requests[0]?.fault, "throttle");
      assert.equal(emulator.requests[0]?.errorType, "TooManyRequestsException");
      await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    });

    it("is recovered from by the SDK's default retries when throttled once", async () => {
      const id = await createPool(client);
      emulator.clearRequests();
      emulator.injectFault({ kind: "throttle", operation: "SetLogDeliveryConfiguration" });
      const defaults = new CognitoIdentityProviderClient({
        region: REGION,
        endpoint: emulator.endpoint,
        credentials: TEST_CREDENTIALS,
      });
      const answer = await setLogDelivery(defaults, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      assert.equal(answer.$metadata.attempts, 2);
      assert.equal(emulator.callCount("SetLogDeliveryConfiguration"), 2);
      assert.deepEqual(
        emulator.requests.map((request) => request.status),
        [400, 200],
      );
    });

    it("answers InternalErrorException with HTTP 500", async () => {
      emulator.injectFault({ kind: "internal-error" });
      const error = await failureOf(client.send(new ListUserPoolsCommand({ MaxResults: 1 })));
      assert.equal(error.name, "InternalErrorException");
      assert.equal(error.$metadata?.httpStatusCode, 500);
    });

    it("delays the answer by latencyMs, then answers normally", async () => {
      emulator.injectFault({ kind: "latency", latencyMs: 150, operation: "ListUserPools" });
      const started = Date.now();
      const answer = await client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
      assert.equal(answer.$metadata.httpStatusCode, 200);
    });

    it("applies a Set and then drops the connection, so the client sees a network error", async () => {
      const id = await createPool(client);
      emulator.clearRequests();
      emulator.injectFault({ kind: "drop-after-apply", operation: "SetLogDeliveryConfiguration" });
      const error = await failureOf(setLogDelivery(client, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]));
      assert.equal(error.$metadata?.httpStatusCode, undefined, `${error.name}: ${error.message}`);
      assert.deepEqual(await storedLogConfigurations(client, id), [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
      assert.equal(emulator.requests[0]?.status, undefined);
      assert.equal(emulator.requests[0]?.fault, "drop-after-apply");
    });

    it("hits `times` requests of its operation only, then is spent", async () => {
      emulator.injectFault({ kind: "throttle", operation: "DescribeUserPool", times: 2 });
      const id = await createPool(client);
      for (let i = 0; i < 2; i++) {
        const error = await failureOf(client.send(new DescribeUserPoolCommand({ UserPoolId: id })));
        assert.equal(error.name, "TooManyRequestsException");
      }
      await client.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    });

    it("takes faults from the start options, and clearFaults removes them", async () => {
      const faulty = await startCognitoEmulator({
        faults: [{ kind: "internal-error", times: Infinity }],
      });
      try {
        const faultyClient = emulatorClient(faulty);
        for (let i = 0; i < 3; i++) {
          const error = await failureOf(
            faultyClient.send(new ListUserPoolsCommand({ MaxResults: 1 })),
          );
          assert.equal(error.name, "InternalErrorException");
        }
        faulty.clearFaults();
        await faultyClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      } finally {
        await faulty.close();
      }
    });

    it("refuses an invalid fault rule with a message saying what to write", () => {
      assert.throws(
        () => emulator.injectFault({ kind: unchecked("explode") }),
        /unknown fault kind "explode"; use one of throttle, internal-error, latency, drop-after-apply/,
      );
      assert.throws(
        () => emulator.injectFault({ kind: "throttle", operation: "SetLogDelivery" }),
        /fault operation "SetLogDelivery" is not served/,
      );
      assert.throws(
        () => emulator.injectFault({ kind: "latency" }),
        /a latency fault needs latencyMs/,
      );
      assert.throws(
        () => emulator.injectFault({ kind: "throttle", times: 0 }),
        /fault times must be/,
      );
    });
  });

  describe("request log", () => {
    it("records each request's operation, region, pool, body, status, error type, request ID and start", async () => {
      emulator.clearRequests();
      const before = new Date();
      const created = await client.send(new CreateUserPoolCommand({ PoolName: "logged" }));
      const id = created.UserPool?.Id ?? "";
      await failureOf(
        setLogDelivery(client, id, [{ ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" }]),
      );
      await client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id }));

      const [create, set, get] = emulator.requests;
      assert.equal(emulator.requests.length, 3);
      assert.equal(create?.operation, "CreateUserPool");
      assert.equal(create?.region, REGION);
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

      assert.equal(emulator.callCount("SetLogDeliveryConfiguration"), 1);
      assert.equal(emulator.callCount("DeleteUserPool"), 0);
      emulator.clearRequests();
      assert.equal(emulator.requests.length, 0);
    });
  });

  describe("rate limits", () => {
    it("with read at 5/s, answers 5 of 8 concurrent Gets and TooManyRequestsException to the rest; writes are not limited by it", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 5 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        const id = await createPool(limitedClient);
        const { answered, failures } = await concurrently(8, () =>
          getLogDelivery(limitedClient, id),
        );
        assert.equal(answered.length, 5);
        assert.equal(failures.length, 3);
        failures.forEach(assertThrottled);
        const throttled = limited.requests.filter((request) => request.throttledBy);
        assert.deepEqual(
          throttled.map(({ operation, status, errorType, throttledBy, fault }) => ({
            operation,
            status,
            errorType,
            throttledBy,
            fault,
          })),
          Array(3).fill({
            operation: "GetLogDeliveryConfiguration",
            status: 400,
            errorType: "TooManyRequestsException",
            throttledBy: "rate-limit",
            fault: undefined,
          }),
        );
        assert.deepEqual(
          failures.map((failure) => failure.$metadata?.requestId).sort(),
          throttled.map((request) => request.requestId).sort(),
        );

        await setLogDelivery(limitedClient, id, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
        await createPool(limitedClient);
        assertThrottled(await failureOf(getLogDelivery(limitedClient, id)));
      }));

    it("refills at the rate: a second after a burst it answers 5 more Gets, and never more than the burst", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 5 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        const id = await createPool(limitedClient);
        const first = await concurrently(8, () => getLogDelivery(limitedClient, id));
        assert.equal(first.answered.length, 5);
        await delay(1000);
        const second = await concurrently(8, () => getLogDelivery(limitedClient, id));
        assert.equal(second.answered.length, 5);
        assert.equal(limited.throttledCount("GetLogDeliveryConfiguration"), 6);
      }));

    it("refuses a throttled request before parsing its body, with the AWS JSON 1.1 error body", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 1 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        await limitedClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        const answer = await postRaw(limited, "ListUserPools", "{not json");
        assert.deepEqual(answer, {
          status: 400,
          errorType: "TooManyRequestsException",
          body: '{"__type":"TooManyRequestsException","message":"Rate exceeded"}',
        });
        // Authentication and the operation are checked first.
        const unsigned = withoutAuthorization(emulatorClient(limited));
        const unauthenticated = await failureOf(
          unsigned.send(new ListUserPoolsCommand({ MaxResults: 1 })),
        );
        assert.equal(unauthenticated.name, "MissingAuthenticationTokenException");
        const unknown = await failureOf(
          limitedClient.send(new ListUsersCommand({ UserPoolId: "us-east-1_abc" })),
        );
        assert.equal(unknown.name, "UnknownOperationException");
      }));

    it("limits each pool on its own, reads and writes together: a burst on one pool leaves another pool alone", () =>
      withEmulator({ rateLimits: { perPool: { requestsPerSecond: 3 } } }, async (limited) => {
        const limitedClient = emulatorClient(limited);
        const busy = await createPool(limitedClient);
        const quiet = await createPool(limitedClient);
        const onBusy = await concurrently(5, () => getLogDelivery(limitedClient, busy));
        assert.equal(onBusy.answered.length, 3);
        onBusy.failures.forEach(assertThrottled);
        assertThrottled(await failureOf(setLogDelivery(limitedClient, busy, [])));
        const onQuiet = await concurrently(2, () => getLogDelivery(limitedClient, quiet));
        assert.equal(onQuiet.answered.length, 2);
        await setLogDelivery(limitedClient, quiet, []);
        await limitedClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        assert.deepEqual(
          limited.requests
            .filter((request) => request.throttledBy)
            .map((request) => request.userPoolId),
          [busy, busy, busy],
        );
      }));

    it("keeps a bucket per region: a burst in us-east-1 does not throttle eu-west-1", () =>
      withEmulator({ rateLimits: { read: { requestsPerSecond: 2 } } }, async (limited) => {
        const east = emulatorClient(limited, "us-east-1");
        const west = emulatorClient(limited, "eu-west-1");
        const list = (client: CognitoIdentityProviderClient) => () =>
          client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
        assert.equal((await concurrently(4, list(east))).answered.length, 2);
        assert.equal((await concurrently(2, list(west))).answered.length, 2);
        assert.deepEqual(
          limited.requests
            .filter((request) => request.throttledBy)
            .map((request) => request.region),
          ["us-east-1", "us-east-1"],
        );
      }));

    // The SDK backs off from throttling for a random 0-1 s, then 0-2 s (standard mode, 3
    // attempts). A bucket that refills a token every 20 ms makes three refusals of one
    // call unlikely (about 1 run in 7,000, by simulation of these numbers).
    it("is got through by the SDK's default retries under a modest limit", () =>
      withEmulator(
        { rateLimits: { read: { requestsPerSecond: 50, burst: 5 } } },
        async (limited) => {
          const defaults = new CognitoIdentityProviderClient({
            region: REGION,
            endpoint: limited.endpoint,
            credentials: TEST_CREDENTIALS,
          });
          const id = await createPool(defaults);
          const answers = await Promise.all(
            Array.from({ length: 7 }, () => getLogDelivery(defaults, id)),
          );
          const attempts = answers.reduce(
            (sum, answer) => sum + (answer.$metadata.attempts ?? 0),
            0,
          );
          const throttled = limited.throttledCount("GetLogDeliveryConfiguration");
          assert.ok(throttled >= 1, "the burst of 7 should have exceeded the 5 tokens");
          assert.equal(attempts, 7 + throttled);
        },
      ));

    it("changes limits at run time, and counts requests throttled by faults and by rate limits", () =>
      withEmulator({}, async (changing) => {
        const changingClient = emulatorClient(changing);
        const id = await createPool(changingClient);
        const get = () => getLogDelivery(changingClient, id);
        assert.equal((await concurrently(6, get)).answered.length, 6);
        assert.equal(changing.throttledCount(), 0);

        changing.setRateLimits({ read: { requestsPerSecond: 2 } });
        assert.equal((await concurrently(6, get)).answered.length, 2);
        // Faults come before rate limits: this one is throttled by the fault.
        changing.injectFault({ kind: "throttle", operation: "ListUserPools" });
        assertThrottled(
          await failureOf(changingClient.send(new ListUserPoolsCommand({ MaxResults: 1 }))),
        );
        assert.equal(changing.throttledCount("GetLogDeliveryConfiguration"), 4);
        assert.equal(changing.throttledCount("ListUserPools"), 1);
        assert.equal(changing.throttledCount("DescribeUserPool"), 0);
        assert.equal(changing.throttledCount(), 5);
        const fault = changing.requests.find((request) => request.throttledBy === "fault");
        assert.equal(fault?.operation, "ListUserPools");
        assert.equal(fault?.fault, "throttle");

        changing.setRateLimits(undefined);
        assert.equal((await concurrently(6, get)).answered.length, 6);
        changing.clearRequests();
        assert.equal(changing.throttledCount(), 0);
      }));

    const invalidLimits: { limits: RateLimits; message: string }[] = [
      {
        limits: { read: { requestsPerSecond: 0 } },
        message: "rateLimits.read.requestsPerSecond must be a positive number; got 0",
      },
      {
        limits: { write: { requestsPerSecond: Infinity } },
        message: "rateLimits.write.requestsPerSecond must be a positive number; got Infinity",
      },
      {
        limits: { perPool: { requestsPerSecond: 5, burst: 0.5 } },
        message: "rateLimits.perPool.burst must be a number of at least 1; got 0.5",
      },
      {
        limits: unchecked({ reads: { requestsPerSecond: 5 } }),
        message: "rateLimits.reads is not a category; use read, write, perPool",
      },
    ];
    for (const { limits, message } of invalidLimits) {
      it(`refuses invalid limits at start and at run time: ${message}`, async () => {
        await assert.rejects(startCognitoEmulator({ rateLimits: limits }), { message });
        assert.throws(() => emulator.setRateLimits(limits), { message });
      });
    }
  });
});

/** A clock that moves only when told to, in milliseconds. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let now = 1_000;
  return { now: () => now, advance: (ms) => (now += ms) };
}

describe("Cognito emulator rate limits, on a fake clock", () => {
  const bucketCases: {
    title: string;
    limit: RateLimit;
    rounds: { afterMs: number; tries: number; admitted: number }[];
  }[] = [
    {
      title: "starts full with one second's worth: 5 of 7 at 5/s",
      limit: { requestsPerSecond: 5 },
      rounds: [{ afterMs: 0, tries: 7, admitted: 5 }],
    },
    {
      title: "refills a token per 200 ms at 5/s, and admits whole tokens only",
      limit: { requestsPerSecond: 5 },
      rounds: [
        { afterMs: 0, tries: 5, admitted: 5 },
        { afterMs: 199, tries: 1, admitted: 0 },
        { afterMs: 1, tries: 2, admitted: 1 },
        { afterMs: 400, tries: 3, admitted: 2 },
      ],
    },
    {
      title: "holds no more than its burst, however long it waits",
      limit: { requestsPerSecond: 10, burst: 3 },
      rounds: [
        { afterMs: 0, tries: 3, admitted: 3 },
        { afterMs: 60_000, tries: 5, admitted: 3 },
      ],
    },
    {
      title: "allows a burst above the rate",
      limit: { requestsPerSecond: 1, burst: 4 },
      rounds: [
        { afterMs: 0, tries: 5, admitted: 4 },
        { afterMs: 1000, tries: 2, admitted: 1 },
      ],
    },
    {
      title: "at 0.5/s holds one token (not half of one) and refills it in 2 s",
      limit: { requestsPerSecond: 0.5 },
      rounds: [
        { afterMs: 0, tries: 2, admitted: 1 },
        { afterMs: 1000, tries: 1, admitted: 0 },
        { afterMs: 1000, tries: 1, admitted: 1 },
      ],
    },
    {
      title: "at 2.5/s refills two and a half tokens a second",
      limit: { requestsPerSecond: 2.5, burst: 5 },
      rounds: [
        { afterMs: 0, tries: 5, admitted: 5 },
        { afterMs: 1000, tries: 3, admitted: 2 },
        { afterMs: 200, tries: 2, admitted: 1 },
      ],
    },
  ];
  for (const { title, limit, rounds } of bucketCases) {
    it(`a token bucket ${title}`, () => {
      const clock = fakeClock();
      const bucket = new TokenBucket(limit, clock.now);
      const admitted = rounds.map(({ afterMs, tries }) => {
        clock.advance(afterMs);
        return Array.from({ length: tries }, () => bucket.tryTake()).filter(Boolean).length;
      });
      assert.deepEqual(
        admitted,
        rounds.map((round) => round.admitted),
      );
    });
  }

  it("a token bucket reports the fraction of a token it holds", () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ requestsPerSecond: 5, burst: 2 }, clock.now);
    assert.equal(bucket.available(), 2);
    bucket.tryTake();
    bucket.tryTake();
    clock.advance(150);
    assert.equal(bucket.available(), 0.75);
  });

  const request = (operation: string, userPoolId?: string): RateLimitedRequest => ({
    operation,
    accountId: ACCOUNT,
    region: REGION,
    userPoolId,
  });

  it("a request needs a token from every bucket that applies, and a refused one takes none", () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(clock.now);
    limiter.setLimits({
      read: { requestsPerSecond: 1, burst: 2 },
      perPool: { requestsPerSecond: 1 },
    });
    const get = (pool: string) => limiter.admit(request("GetLogDeliveryConfiguration", pool));
    assert.equal(get("us-east-1_A"), true);
    assert.equal(get("us-east-1_A"), false, "pool A is empty");
    assert.equal(get("us-east-1_B"), true, "the refused Get took no read token");
    assert.equal(get("us-east-1_C"), false, "the read bucket is empty");
    assert.equal(limiter.admit(request("ListUserPools")), false);
    assert.equal(
      limiter.admit(request("SetLogDeliveryConfiguration", "us-east-1_C")),
      true,
      "writes are not limited, and pool C kept its token",
    );
    clock.advance(1000);
    assert.equal(get("us-east-1_A"), true);
  });

  it("keeps a bucket per account, region and category", () => {
    const limiter = new RateLimiter(fakeClock().now);
    limiter.setLimits({ read: { requestsPerSecond: 1 }, write: { requestsPerSecond: 1 } });
    const list = request("ListUserPools");
    assert.deepEqual(
      [
        limiter.admit(list),
        limiter.admit(list),
        limiter.admit({ ...list, region: "eu-west-1" }),
        limiter.admit({ ...list, accountId: "111122223333" }),
        limiter.admit(request("CreateUserPool")),
      ],
      [true, false, true, true, true],
    );
  });

  it("starts every bucket over, full, when the limits change", () => {
    const limiter = new RateLimiter(fakeClock().now);
    limiter.setLimits({ read: { requestsPerSecond: 1 } });
    assert.equal(limiter.admit(request("ListUserPools")), true);
    assert.equal(limiter.admit(request("ListUserPools")), false);
    limiter.setLimits({ read: { requestsPerSecond: 1 } });
    assert.equal(limiter.admit(request("ListUserPools")), true);
  });

  it("puts every served operation in the read or the write category", () => {
    assert.deepEqual([...OPERATION_CATEGORIES.keys()].sort(), [...OPERATIONS.keys()].sort());
  });
});

describe("Cognito emulator command line", () => {
  it("parses defaults: port 4599 on 127.0.0.1, account 123456789012, no faults", () => {
    assert.deepEqual(parseCliArguments([]), {
      port: 4599,
      host: "127.0.0.1",
      accountId: "123456789012",
      faults: [],
      help: false,
    });
  });

  it("parses every flag, with repeatable --fault kind[:operation[:times[:latencyMs]]]", () => {
    const options = parseCliArguments([
      "--port=0",
      "--host",
      "0.0.0.0",
      "--account-id",
      "111122223333",
      "--fault",
      "throttle:SetLogDeliveryConfiguration:2",
      "--fault",
      "latency::*:300",
      "--fault",
      "drop-after-apply",
    ]);
    assert.deepEqual(options, {
      port: 0,
      host: "0.0.0.0",
      accountId: "111122223333",
      faults: [
        { kind: "throttle", operation: "SetLogDeliveryConfiguration", times: 2 },
        { kind: "latency", times: Infinity, latencyMs: 300 },
        { kind: "drop-after-apply" },
      ],
      help: false,
    });
  });

  const rateLimitCommandLines: { argv: string[]; rateLimits: RateLimits }[] = [
    {
      argv: ["--rate-limit", "read=15,write=15,pool=5"],
      rateLimits: {
        read: { requestsPerSecond: 15 },
        write: { requestsPerSecond: 15 },
        perPool: { requestsPerSecond: 5 },
      },
    },
    {
      argv: ["--rate-limit=read=15/30"],
      rateLimits: { read: { requestsPerSecond: 15, burst: 30 } },
    },
    {
      argv: ["--rate-limit", "pool=0.5", "--rate-limit", "write=2.5/5"],
      rateLimits: {
        perPool: { requestsPerSecond: 0.5 },
        write: { requestsPerSecond: 2.5, burst: 5 },
      },
    },
  ];
  for (const { argv, rateLimits } of rateLimitCommandLines) {
    it(`parses ${argv.join(" ")} into rate limits`, () => {
      assert.deepEqual(parseCliArguments(argv).rateLimits, rateLimits);
    });
  }

  const badCommandLines: { argv: string[]; message: string }[] = [
    {
      argv: ["--port", "abc"],
      message: '--port must be a whole number from 0 to 65535; got "abc"',
    },
    {
      argv: ["--port", "70000"],
      message: '--port must be a whole number from 0 to 65535; got "70000"',
    },
    { argv: ["--account-id", "123"], message: '--account-id must be 12 digits; got "123"' },
    { argv: ["--bogus"], message: "Unknown option '--bogus'" },
    { argv: ["stray"], message: "Unexpected argument 'stray'" },
    {
      argv: ["--fault", "explode"],
      message:
        '--fault "explode": unknown fault kind "explode"; use one of throttle, internal-error, latency, drop-after-apply',
    },
    {
      argv: ["--fault", "latency:ListUserPools"],
      message:
        '--fault "latency:ListUserPools": a latency fault needs latencyMs, a number of milliseconds >= 0; got undefined',
    },
    {
      argv: ["--fault", "throttle:*:x"],
      message: '--fault "throttle:*:x": times must be a whole number; got "x"',
    },
    {
      argv: ["--fault", "throttle:a:1:2:3"],
      message:
        '--fault "throttle:a:1:2:3" has too many parts; write kind[:operation[:times[:latencyMs]]]',
    },
    {
      argv: ["--rate-limit", "read"],
      message:
        '--rate-limit "read": write category=requestsPerSecond[/burst] separated by commas, e.g. read=15,write=15,pool=5/10',
    },
    {
      argv: ["--rate-limit", "read=15,,pool=5"],
      message:
        '--rate-limit "read=15,,pool=5": write category=requestsPerSecond[/burst] separated by commas, e.g. read=15,write=15,pool=5/10',
    },
    {
      argv: ["--rate-limit", "reads=15"],
      message: '--rate-limit "reads=15": unknown category "reads"; use read, write, pool',
    },
    {
      argv: ["--rate-limit", "read=fast"],
      message:
        '--rate-limit "read=fast": read needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "fast"',
    },
    {
      argv: ["--rate-limit", "write=15/"],
      message:
        '--rate-limit "write=15/": write needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "15/"',
    },
    {
      argv: ["--rate-limit", "pool=1/2/3"],
      message:
        '--rate-limit "pool=1/2/3": pool needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "1/2/3"',
    },
    {
      argv: ["--rate-limit", "read=0"],
      message: '--rate-limit "read=0": read: requestsPerSecond must be a positive number; got 0',
    },
    {
      argv: ["--rate-limit", "pool=5/0.5"],
      message: '--rate-limit "pool=5/0.5": pool: burst must be a number of at least 1; got 0.5',
    },
    {
      argv: ["--rate-limit", "read=5", "--rate-limit", "write=1,read=6"],
      message: '--rate-limit "write=1,read=6": read is given twice',
    },
  ];
  for (const { argv, message } of badCommandLines) {
    it(`refuses ${argv.join(" ")} with one line saying what to write`, () => {
      assert.throws(
        () => parseCliArguments(argv),
        (error: Error) => error instanceof CliUsageError && error.message === message,
      );
    });
  }

  it("prints the endpoint, env lines and rate limits, logs each request, refuses a port in use (exit 1) or a bad --rate-limit (exit 2), and exits 0 on SIGTERM", async () => {
    const holder = await startCognitoEmulator();
    const heldPort = new URL(holder.endpoint).port;
    const blocked = runCli(["--port", heldPort]);
    const badLimit = runCli(["--rate-limit", "read=fast"]);
    const cli = runCli(["--port", "0", "--rate-limit", "read=1"]);
    try {
      await cli.waitForOutput(/Press Ctrl\+C to stop\./);
      const [, endpoint = ""] = cli.stdout().match(/export AWS_ENDPOINT_URL=(\S+)/) ?? [];
      for (const line of ["AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "AWS_REGION="]) {
        assert.match(cli.stdout(), new RegExp(`export ${line}`));
      }
      assert.match(cli.stdout(), /^Rate limits: read 1\/s \(burst 1\)$/m);
      const cliClient = new CognitoIdentityProviderClient({
        region: REGION,
        endpoint,
        credentials: TEST_CREDENTIALS,
        maxAttempts: 1,
      });
      await cliClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      await cli.waitForOutput(/ 200 ListUserPools us-east-1 /);
      assertThrottled(await failureOf(cliClient.send(new ListUserPoolsCommand({ MaxResults: 1 }))));
      await cli.waitForOutput(
        / 400 ListUserPools us-east-1 - TooManyRequestsException \[rate limit\] /,
      );
      cli.child.kill("SIGTERM");
      assert.equal(await cli.exited, 0);

      assert.equal(await blocked.exited, 1);
      assert.equal(
        blocked.stderr(),
        `cognito-emulator: cannot listen on 127.0.0.1:${heldPort}: the port is already in use; choose another with --port\n`,
      );
      assert.equal(await badLimit.exited, 2);
      assert.equal(
        badLimit.stderr(),
        'cognito-emulator: --rate-limit "read=fast": read needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "fast" (see --help)\n',
      );
    } finally {
      cli.child.kill();
      blocked.child.kill();
      badLimit.child.kill();
      await holder.close();
    }
  });
});
