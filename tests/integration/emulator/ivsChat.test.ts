/**
 * Amazon IVS Chat's logging configurations on the emulator, through the real
 * `@aws-sdk/client-ivschat` (REST-JSON): the model's validation, AWS's error shapes,
 * states, pagination, rate limits and faults.
 */
import assert from "node:assert/strict";
import {
  CreateLoggingConfigurationCommand,
  DeleteLoggingConfigurationCommand,
  GetLoggingConfigurationCommand,
  ListLoggingConfigurationsCommand,
  paginateListLoggingConfigurations,
  UpdateLoggingConfigurationCommand,
} from "@aws-sdk/client-ivschat";
import type { IvschatClient, ValidationException } from "@aws-sdk/client-ivschat";
import type { CognitoEmulator } from "../../../testing/emulator/server";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import { emulatorClient, failureOf, ivsChatClient } from "../../../testing/emulatorClient";
import { withEmulator } from "./wireEmulator";

function create(client: IvschatClient, name: string, bucketName = "chat-logs-bucket") {
  return client.send(
    new CreateLoggingConfigurationCommand({
      name,
      destinationConfiguration: { s3: { bucketName } },
      tags: { team: "chat" },
    }),
  );
}

describe("emulator: Amazon IVS Chat logging configurations", function () {
  let emulator: CognitoEmulator;
  let client: IvschatClient;

  beforeEach(async function () {
    emulator = await startCognitoEmulator();
    client = ivsChatClient(emulator);
  });

  afterEach(async function () {
    client.destroy();
    await emulator.close();
  });

  it("creates, reads, updates and deletes a configuration with ISO timestamps and a 204 delete", async function () {
    const created = await create(client, "room-logs");
    assert.match(
      created.arn ?? "",
      /^arn:aws:ivschat:us-east-1:123456789012:logging-configuration\/[a-zA-Z0-9]{12}$/,
    );
    assert.equal(created.id, created.arn?.split("/")[1]);
    assert.equal(created.state, "ACTIVE");
    assert.deepEqual(created.destinationConfiguration, { s3: { bucketName: "chat-logs-bucket" } });
    assert.deepEqual(created.tags, { team: "chat" });
    assert.ok(created.createTime instanceof Date && !Number.isNaN(created.createTime.getTime()));

    const read = await client.send(new GetLoggingConfigurationCommand({ identifier: created.arn }));
    assert.equal(read.name, "room-logs");

    const updated = await client.send(
      new UpdateLoggingConfigurationCommand({
        identifier: created.arn,
        destinationConfiguration: { cloudWatchLogs: { logGroupName: "/ivs/chat/room" } },
      }),
    );
    assert.deepEqual(updated.destinationConfiguration, {
      cloudWatchLogs: { logGroupName: "/ivs/chat/room" },
    });
    assert.equal(updated.name, "room-logs");

    const deleted = await client.send(
      new DeleteLoggingConfigurationCommand({ identifier: created.arn }),
    );
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    const gone = await failureOf(
      client.send(new GetLoggingConfigurationCommand({ identifier: created.arn })),
    );
    assert.equal(gone.name, "ResourceNotFoundException");
    assert.equal(gone.$metadata?.httpStatusCode, 404);
    assert.equal((gone as unknown as { resourceId: string }).resourceId, created.arn);
  });

  it("answers ValidationException with reason and fieldList for every broken member at once", async function () {
    const failure = await failureOf(
      client.send(
        new CreateLoggingConfigurationCommand({
          name: "no spaces allowed",
          destinationConfiguration: { s3: { bucketName: "UPPER" } },
          tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])),
        }),
      ),
    );
    const validation = failure as unknown as ValidationException;
    assert.equal(failure.name, "ValidationException");
    assert.equal(failure.$metadata?.httpStatusCode, 400);
    assert.equal(validation.reason, "FIELD_VALIDATION_FAILED");
    assert.deepEqual(
      validation.fieldList?.map((field) => field.name),
      ["name", "destinationConfiguration.s3.bucketName", "tags"],
    );
    assert.match(failure.message, /^3 validation errors detected: /);
  });

  it("requires exactly one destination, and checks each destination's name", async function () {
    const none = await failureOf(
      client.send(
        new CreateLoggingConfigurationCommand({ name: "x", destinationConfiguration: undefined! }),
      ),
    );
    assert.equal(none.name, "ValidationException");
    assert.match(none.message, /destinationConfiguration.*must not be null/);

    const two = await failureOf(
      client.send(
        new CreateLoggingConfigurationCommand({
          name: "x",
          // Two members of a union: the SDK's types forbid it, a hand-written body need not.
          destinationConfiguration: {
            s3: { bucketName: "abc" },
            firehose: { deliveryStreamName: "stream" },
          } as never,
        }),
      ),
    );
    assert.equal(two.name, "ValidationException");
    assert.match(
      two.message,
      /exactly one of cloudWatchLogs, s3, firehose; it sets s3 and firehose/,
    );

    for (const [destinationConfiguration, path] of [
      [{ cloudWatchLogs: { logGroupName: "has space" } }, "cloudWatchLogs.logGroupName"],
      [{ firehose: { deliveryStreamName: "x".repeat(65) } }, "firehose.deliveryStreamName"],
      [{ s3: { bucketName: "ab" } }, "s3.bucketName"],
    ] as const) {
      const failure = (await failureOf(
        client.send(new CreateLoggingConfigurationCommand({ destinationConfiguration })),
      )) as unknown as ValidationException;
      assert.deepEqual(
        failure.fieldList?.map((field) => field.name),
        [`destinationConfiguration.${path}`],
      );
    }
  });

  it("refuses an identifier that is not a logging configuration ARN", async function () {
    const failure = (await failureOf(
      client.send(new GetLoggingConfigurationCommand({ identifier: "room-logs" })),
    )) as unknown as ValidationException;
    assert.equal(failure.name, "ValidationException");
    assert.deepEqual(
      failure.fieldList?.map((field) => field.name),
      ["identifier"],
    );
  });

  it("pages with maxResults 1–50 and a checked nextToken, in creation order", async function () {
    const arns: string[] = [];
    for (let index = 0; index < 23; index++) {
      arns.push((await create(client, `config-${index}`)).arn!);
    }
    const pages: number[] = [];
    const listed: string[] = [];
    for await (const page of paginateListLoggingConfigurations({ client, pageSize: 10 }, {})) {
      pages.push(page.loggingConfigurations?.length ?? 0);
      listed.push(...(page.loggingConfigurations ?? []).map((summary) => summary.arn!));
    }
    assert.deepEqual(pages, [10, 10, 3]);
    assert.deepEqual(listed, arns);

    for (const maxResults of [0, 51]) {
      const failure = await failureOf(
        client.send(new ListLoggingConfigurationsCommand({ maxResults })),
      );
      assert.equal(failure.name, "ValidationException", String(maxResults));
    }
    const forged = await failureOf(
      client.send(new ListLoggingConfigurationsCommand({ nextToken: "not-a-token" })),
    );
    assert.equal(forged.name, "ValidationException");
    assert.match(
      forged.message,
      /nextToken was not issued by ListLoggingConfigurations in us-east-1/,
    );

    const first = await client.send(new ListLoggingConfigurationsCommand({ maxResults: 5 }));
    const elsewhere = ivsChatClient(emulator, "eu-west-1");
    const otherRegion = await failureOf(
      elsewhere.send(new ListLoggingConfigurationsCommand({ nextToken: first.nextToken })),
    );
    elsewhere.destroy();
    assert.equal(otherRegion.name, "ValidationException");
  });

  it("keeps regions apart", async function () {
    await create(client, "here");
    const elsewhere = ivsChatClient(emulator, "eu-west-1");
    const listed = await elsewhere.send(new ListLoggingConfigurationsCommand({}));
    elsewhere.destroy();
    assert.deepEqual(listed.loggingConfigurations, []);
  });

  it("moves from CREATING to ACTIVE after the delay, refusing changes while pending (409)", async function () {
    emulator.setIvsChatOptions({ activationDelayMs: 300 });
    const created = await create(client, "slow");
    assert.equal(created.state, "CREATING");
    const conflict = await failureOf(
      client.send(new DeleteLoggingConfigurationCommand({ identifier: created.arn })),
    );
    assert.equal(conflict.name, "ConflictException");
    assert.equal(conflict.$metadata?.httpStatusCode, 409);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const read = await client.send(new GetLoggingConfigurationCommand({ identifier: created.arn }));
    assert.equal(read.state, "ACTIVE");
  });

  it("leaves configurations failed: by name when created, or by a test's hand", async function () {
    emulator.setIvsChatOptions({ failingNames: /^broken-/ });
    const broken = await create(client, "broken-room");
    assert.equal(broken.state, "CREATE_FAILED");
    const fine = await create(client, "fine-room");
    emulator.setLoggingConfigurationState(fine.arn!, "UPDATE_FAILED");
    const read = await client.send(new GetLoggingConfigurationCommand({ identifier: fine.arn }));
    assert.equal(read.state, "UPDATE_FAILED");
    assert.throws(() => emulator.setLoggingConfigurationState("arn:nope", "ACTIVE"), /no IVS Chat/);
  });

  it("throttles beyond its own rate limit (429) and meets injected faults", async function () {
    await withEmulator({ rateLimits: { chatRead: { requestsPerSecond: 1 } } }, async (limited) => {
      const limitedClient = ivsChatClient(limited);
      await limitedClient.send(new ListLoggingConfigurationsCommand({}));
      const throttled = await failureOf(
        limitedClient.send(new ListLoggingConfigurationsCommand({})),
      );
      // Cognito's read bucket is not IVS Chat's: a Cognito read still passes.
      const cognito = emulatorClient(limited);
      await cognito.send(
        new (await import("@aws-sdk/client-cognito-identity-provider")).ListUserPoolsCommand({
          MaxResults: 10,
        }),
      );
      cognito.destroy();
      limitedClient.destroy();
      assert.equal(throttled.name, "ThrottlingException");
      assert.equal(throttled.$metadata?.httpStatusCode, 429);
      assert.equal(limited.throttledCount("ListLoggingConfigurations"), 1);
    });
    emulator.injectFault({ kind: "internal-error", operation: "ListLoggingConfigurations" });
    const failure = await failureOf(client.send(new ListLoggingConfigurationsCommand({})));
    assert.equal(failure.name, "InternalServerException");
    assert.equal(failure.$metadata?.httpStatusCode, 500);
  });

  it("answers access denied with 403 naming the ivschat action", async function () {
    await withEmulator(
      {
        principals: {
          AKIADENIED0000000001: {
            type: "IAMUser",
            userName: "reader",
            deniedActions: ["ivschat:ListLoggingConfigurations"],
          },
        },
      },
      async (denying) => {
        const denied = ivsChatClient(denying, "us-east-1", {
          credentials: { accessKeyId: "AKIADENIED0000000001", secretAccessKey: "x" },
        });
        const failure = await failureOf(denied.send(new ListLoggingConfigurationsCommand({})));
        denied.destroy();
        assert.equal(failure.name, "AccessDeniedException");
        assert.equal(failure.$metadata?.httpStatusCode, 403);
        assert.match(failure.message, /ivschat:ListLoggingConfigurations/);
      },
    );
  });

  it("logs its calls by service and records them in CloudTrail as ivschat events", async function () {
    await create(client, "audited");
    const [request] = emulator.requests;
    assert.equal(request?.service, "ivschat");
    assert.equal(request?.operation, "CreateLoggingConfiguration");
    const [event] = emulator.cloudTrailEvents;
    assert.equal(event?.eventSource, "ivschat.amazonaws.com");
  });
});
