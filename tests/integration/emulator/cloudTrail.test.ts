/**
 * The emulator's CloudTrail, through the real `@aws-sdk/client-cloudtrail`: what it records
 * of each Cognito call (principal by access key, user agent, camelCase parameters, errors),
 * and LookupEvents' rules (one attribute, time range, 1–50 results, tokens bound to their
 * parameters, newest first, 90 days on an injected clock, delivery delay, 2 requests/s,
 * access denied, regions apart).
 */
import assert from "node:assert/strict";
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import type { CloudTrailClient, LookupEventsCommandInput } from "@aws-sdk/client-cloudtrail";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { CognitoEmulator } from "../../../testing/emulator/server";
import {
  AWS_CLI_USER_AGENT,
  TEST_REGION,
  cloudTrailClient,
  emulatorClient,
  failureOf,
  withUserAgent,
} from "../../../testing/emulatorClient";
import { AWS_NOTIFICATIONS_TO_LOG_GROUP } from "../../../testing/fixtures/arns";
import { assertRejected, createPool, setLogDelivery, withEmulator } from "./wireEmulator";

const SET = "SetLogDeliveryConfiguration";
const BY_NAME = [{ AttributeKey: "EventName" as const, AttributeValue: SET }];
const DAY_MS = 86_400_000;

/** A clock the test moves. */
function manualClock(start = Date.parse("2026-11-22T10:00:00Z")) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Every page of a lookup, following NextToken. */
async function allPages(client: CloudTrailClient, input: LookupEventsCommandInput) {
  const pages = [];
  let token = input.NextToken;
  do {
    const page = await client.send(new LookupEventsCommand({ ...input, NextToken: token }));
    pages.push(page);
    token = page.NextToken;
  } while (token !== undefined);
  return pages;
}

function recordOf(event: { CloudTrailEvent?: string | undefined }) {
  return JSON.parse(event.CloudTrailEvent ?? "{}") as Record<string, unknown> & {
    userIdentity: Record<string, unknown>;
    requestParameters: Record<string, unknown> | null;
  };
}

describe("emulator: CloudTrail", function () {
  this.timeout(30_000);

  /** A suite emulator without LookupEvents' limit, unless a test makes its own. */
  async function withCloudTrail(
    body: (
      emulator: CognitoEmulator,
      cognito: CognitoIdentityProviderClient,
      cloudTrail: CloudTrailClient,
    ) => Promise<void>,
    options: Parameters<typeof withEmulator>[0] = {},
  ) {
    await withEmulator(
      { cloudTrail: { lookupRequestsPerSecond: 0 }, ...options },
      async (emulator) => {
        const cognito = emulatorClient(emulator);
        const cloudTrail = cloudTrailClient(emulator);
        try {
          await body(emulator, cognito, cloudTrail);
        } finally {
          cognito.destroy();
          cloudTrail.destroy();
        }
      },
    );
  }

  describe("records of Cognito calls", () => {
    it("a successful Set: principal from the access key, the request's user agent, camelCase parameters", () =>
      withCloudTrail(
        async (emulator, _cognito, cloudTrail) => {
          const admin = withUserAgent(
            emulatorClient(emulator, TEST_REGION, {
              credentials: { accessKeyId: "AKIAADMIN00000000001", secretAccessKey: "x" },
            }),
            AWS_CLI_USER_AGENT,
          );
          const userPoolId = await createPool(admin);
          await setLogDelivery(admin, userPoolId, [AWS_NOTIFICATIONS_TO_LOG_GROUP]);
          admin.destroy();
          const { Events = [] } = await cloudTrail.send(
            new LookupEventsCommand({ LookupAttributes: BY_NAME }),
          );
          assert.equal(Events.length, 1);
          const [event] = Events;
          assert.equal(event?.EventName, SET);
          assert.equal(event?.Username, "alice");
          assert.equal(event?.AccessKeyId, "AKIAADMIN00000000001");
          assert.deepEqual(event?.Resources, [
            { ResourceType: "AWS::Cognito::UserPool", ResourceName: userPoolId },
          ]);
          const record = recordOf(event ?? {});
          assert.equal(record["eventSource"], "cognito-idp.amazonaws.com");
          assert.equal(record["userAgent"], AWS_CLI_USER_AGENT);
          assert.equal(record.userIdentity["type"], "AssumedRole");
          assert.equal(
            record.userIdentity["arn"],
            "arn:aws:sts::123456789012:assumed-role/Admin/alice",
          );
          assert.deepEqual(record.requestParameters, {
            userPoolId,
            logConfigurations: [
              {
                eventSource: "userNotification",
                logLevel: "ERROR",
                cloudWatchLogsConfiguration: {
                  logGroupArn:
                    AWS_NOTIFICATIONS_TO_LOG_GROUP.CloudWatchLogsConfiguration?.LogGroupArn,
                },
              },
            ],
          });
          assert.deepEqual(record["responseElements"], {
            logDeliveryConfiguration: {
              userPoolId,
              logConfigurations: record.requestParameters?.["logConfigurations"],
            },
          });
          assert.equal(record["errorCode"], undefined);
          assert.equal(record["readOnly"], false);
          assert.match(String(record["eventTime"]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        },
        {
          principals: {
            AKIAADMIN00000000001: { type: "AssumedRole", roleName: "Admin", sessionName: "alice" },
          },
        },
      ));

    it("a failed call is recorded with errorCode and no responseElements; reads are readOnly", () =>
      withCloudTrail(async (emulator, cognito, cloudTrail) => {
        const userPoolId = await createPool(cognito);
        await failureOf(
          setLogDelivery(cognito, userPoolId, [
            { ...AWS_NOTIFICATIONS_TO_LOG_GROUP, LogLevel: "INFO" },
          ]),
        );
        const [failed] = emulator.cloudTrailEvents.filter((record) => record.eventName === SET);
        assert.equal(failed?.errorCode, "InvalidParameterException");
        assert.ok(failed?.errorMessage);
        assert.equal(failed?.responseElements, null);
        const [create] = emulator.cloudTrailEvents;
        assert.equal(create?.eventName, "CreateUserPool");
        assert.equal(create?.readOnly, false);
        assert.equal(
          create?.userIdentity.arn,
          `arn:aws:iam::123456789012:user/user-${create?.userIdentity.accessKeyId}`,
          "an unmapped key is an IAM user named after it",
        );
        const byName = await cloudTrail.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: "ReadOnly", AttributeValue: "false" }],
          }),
        );
        assert.equal(byName.Events?.length, 2);
      }));

    it("LookupEvents itself is not recorded (CloudTrail's reads are not Cognito's)", () =>
      withCloudTrail(async (emulator, _cognito, cloudTrail) => {
        await cloudTrail.send(new LookupEventsCommand({}));
        assert.deepEqual(emulator.cloudTrailEvents, []);
      }));
  });

  describe("LookupEvents' rules", () => {
    it("rejects two attributes, an unknown key, a reversed time range, MaxResults outside 1–50, a bad category", () =>
      withCloudTrail(async (_emulator, _cognito, cloudTrail) => {
        const lookup = (input: LookupEventsCommandInput) =>
          cloudTrail.send(new LookupEventsCommand(input));
        await assertRejected(
          lookup({
            LookupAttributes: [...BY_NAME, { AttributeKey: "ReadOnly", AttributeValue: "false" }],
          }),
          "InvalidLookupAttributesException",
          "You can specify at most one lookup attribute.",
        );
        const unknownKey = await failureOf(
          lookup({ LookupAttributes: [{ AttributeKey: "Pool" as never, AttributeValue: "x" }] }),
        );
        assert.equal(unknownKey.name, "InvalidLookupAttributesException");
        await assertRejected(
          lookup({ StartTime: new Date("2026-11-22"), EndTime: new Date("2026-11-21") }),
          "InvalidTimeRangeException",
          "The start time must be before the end time.",
        );
        for (const maxResults of [0, 51]) {
          const failure = await failureOf(lookup({ MaxResults: maxResults }));
          assert.equal(failure.name, "InvalidMaxResultsException", `MaxResults ${maxResults}`);
        }
        const category = await failureOf(lookup({ EventCategory: "management" as never }));
        assert.equal(category.name, "InvalidEventCategoryException");
        assert.deepEqual((await lookup({ EventCategory: "insight" })).Events, []);
      }));

    it("pages newest first through NextToken, whole and without repeats while events arrive", () =>
      withCloudTrail(async (_emulator, cognito, cloudTrail) => {
        const userPoolId = await createPool(cognito);
        for (let index = 0; index < 7; index++) {
          await setLogDelivery(
            cognito,
            userPoolId,
            index % 2 ? [] : [AWS_NOTIFICATIONS_TO_LOG_GROUP],
          );
        }
        const first = await cloudTrail.send(
          new LookupEventsCommand({ LookupAttributes: BY_NAME, MaxResults: 3 }),
        );
        assert.equal(first.Events?.length, 3);
        // A new event arrives between pages: the token still continues after the last one seen.
        await setLogDelivery(cognito, userPoolId, []);
        const rest = await allPages(cloudTrail, {
          LookupAttributes: BY_NAME,
          MaxResults: 3,
          NextToken: first.NextToken,
        });
        const ids = [...(first.Events ?? []), ...rest.flatMap((page) => page.Events ?? [])].map(
          (event) => event.EventId,
        );
        assert.equal(ids.length, 7);
        assert.equal(new Set(ids).size, 7);
        const times = [...(first.Events ?? []), ...rest.flatMap((page) => page.Events ?? [])].map(
          (event) => event.EventTime?.getTime() ?? 0,
        );
        assert.deepEqual(
          times,
          [...times].sort((a, b) => b - a),
          "newest first",
        );
        assert.equal(rest.at(-1)?.NextToken, undefined);
      }));

    it("a NextToken is valid only with the parameters it was issued for", () =>
      withCloudTrail(async (_emulator, cognito, cloudTrail) => {
        const userPoolId = await createPool(cognito);
        await setLogDelivery(cognito, userPoolId, []);
        await setLogDelivery(cognito, userPoolId, []);
        const { NextToken } = await cloudTrail.send(
          new LookupEventsCommand({ LookupAttributes: BY_NAME, MaxResults: 1 }),
        );
        assert.ok(NextToken);
        const message =
          "The NextToken is not valid for these parameters: pass the token of the previous page with the same lookup attribute and time range.";
        await assertRejected(
          cloudTrail.send(new LookupEventsCommand({ MaxResults: 1, NextToken })),
          "InvalidNextTokenException",
          message,
        );
        await assertRejected(
          cloudTrail.send(
            new LookupEventsCommand({ LookupAttributes: BY_NAME, NextToken: "garbage" }),
          ),
          "InvalidNextTokenException",
          message,
        );
        const next = await cloudTrail.send(
          new LookupEventsCommand({ LookupAttributes: BY_NAME, MaxResults: 5, NextToken }),
        );
        assert.equal(next.Events?.length, 1, "MaxResults may change between pages");
      }));

    it("keeps 90 days on the injected clock, and hides records until the delivery delay passed", async () => {
      const clock = manualClock();
      await withCloudTrail(
        async (emulator, cognito, cloudTrail) => {
          const userPoolId = await createPool(cognito);
          await setLogDelivery(cognito, userPoolId, []);
          const count = async () =>
            (await cloudTrail.send(new LookupEventsCommand({ LookupAttributes: BY_NAME }))).Events
              ?.length;
          assert.equal(await count(), 0, "not delivered yet");
          clock.advance(5 * 60_000);
          assert.equal(await count(), 1, "delivered after 5 minutes");
          clock.advance(90 * DAY_MS - 5 * 60_000);
          assert.equal(await count(), 1, "still there at 90 days");
          clock.advance(1000);
          assert.equal(await count(), 0, "gone after 90 days");
          emulator.setCloudTrailDeliveryDelay(0);
          await setLogDelivery(cognito, userPoolId, []);
          const [event] =
            (await cloudTrail.send(new LookupEventsCommand({ LookupAttributes: BY_NAME })))
              .Events ?? [];
          assert.equal(
            event?.EventTime?.toISOString(),
            clock
              .now()
              .toISOString()
              .replace(/\.\d{3}Z$/, ".000Z"),
          );
        },
        {
          clock: clock.now,
          cloudTrail: { deliveryDelayMs: 5 * 60_000, lookupRequestsPerSecond: 0 },
        },
      );
    });

    it("answers ThrottlingException beyond 2 requests per second, per account and region", () =>
      withEmulator({}, async (emulator) => {
        const east = cloudTrailClient(emulator);
        const west = cloudTrailClient(emulator, "eu-west-1");
        try {
          const settled = await Promise.allSettled(
            Array.from({ length: 4 }, () => east.send(new LookupEventsCommand({}))),
          );
          const throttled = settled.flatMap((result) =>
            result.status === "rejected" ? [result.reason as Error] : [],
          );
          assert.equal(throttled.length, 2);
          assert.equal(throttled[0]?.name, "ThrottlingException");
          assert.equal(throttled[0]?.message, "Rate exceeded");
          await west.send(new LookupEventsCommand({}));
        } finally {
          east.destroy();
          west.destroy();
        }
      }));

    it("answers AccessDeniedException, naming the action, to a principal denied it", () =>
      withCloudTrail(
        async (emulator) => {
          const auditor = cloudTrailClient(emulator, TEST_REGION, {
            credentials: { accessKeyId: "AKIAAUDITOR000000001", secretAccessKey: "x" },
          });
          try {
            await assertRejected(
              auditor.send(new LookupEventsCommand({})),
              "AccessDeniedException",
              "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action",
            );
          } finally {
            auditor.destroy();
          }
        },
        {
          principals: {
            AKIAAUDITOR000000001: {
              type: "IAMUser",
              userName: "auditor",
              deniedActions: ["cloudtrail:LookupEvents"],
            },
          },
        },
      ));

    it("shows each region its own calls, and keeps the records of a deleted pool", () =>
      withCloudTrail(async (emulator, cognito, cloudTrail) => {
        const userPoolId = await createPool(cognito);
        await setLogDelivery(cognito, userPoolId, []);
        const westCognito = emulatorClient(emulator, "eu-west-1");
        const westTrail = cloudTrailClient(emulator, "eu-west-1");
        try {
          const westPool = await createPool(westCognito);
          await setLogDelivery(westCognito, westPool, []);
          const { DeleteUserPoolCommand } =
            await import("@aws-sdk/client-cognito-identity-provider");
          await cognito.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId }));
          const east = await cloudTrail.send(
            new LookupEventsCommand({ LookupAttributes: BY_NAME }),
          );
          const west = await westTrail.send(new LookupEventsCommand({ LookupAttributes: BY_NAME }));
          assert.deepEqual(
            east.Events?.map((event) => event.Resources?.[0]?.ResourceName),
            [userPoolId],
          );
          assert.deepEqual(
            west.Events?.map((event) => event.Resources?.[0]?.ResourceName),
            [westPool],
          );
          const byPool = await cloudTrail.send(
            new LookupEventsCommand({
              LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: userPoolId }],
            }),
          );
          assert.deepEqual(
            byPool.Events?.map((event) => event.EventName),
            ["DeleteUserPool", SET, "CreateUserPool"],
          );
        } finally {
          westCognito.destroy();
          westTrail.destroy();
        }
      }));
  });
});
