/**
 * `discover` as the inventory of log delivery: user pools and IVS Chat logging
 * configurations, by destination, flagged, adoptable; through the real SDK clients
 * against the emulator, reading only.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCliCapturing } from "./cliRun";
import type { CliRun } from "./cliRun";
import type { InventoryDestination, InventoryFlag } from "../../src/core/inventory";
import {
  ACCOUNT,
  AWS_AUTH_EVENTS_TO_BUCKET,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
} from "../../testing/fixtures/arns";
import { TEST_REGION, useEmulator } from "../../testing/emulatorSession";

interface ChatJson {
  region: string;
  arn: string;
  id: string;
  name: string;
  state: string;
  destination: { kind: string; name: string } | null;
  destinationConfiguration: Record<string, Record<string, string>> | null;
  tags: Record<string, string>;
  createTime: string;
  updateTime: string;
}

interface InventoryJson {
  region?: string;
  regions: string[];
  services: string[];
  userPools?: { region: string; userPoolId: string; logConfigurations: unknown[] }[];
  ivsChatLoggingConfigurations?: ChatJson[];
  destinations?: InventoryDestination[];
  flags: InventoryFlag[];
}

/** The only calls discover may make: reads. */
const READS = new Set([
  "ListUserPools",
  "GetLogDeliveryConfiguration",
  "ListLoggingConfigurations",
]);
const NOTIFICATIONS_GROUP = "/aws/vendedlogs/cognito/notifications";
const CHAT_COUNT = 63; // two pages of ListLoggingConfigurations (50 per page)
const DENIED_KEY = "AKIADENIEDIVSCHAT001";

describe("pulumi-cognito-log-delivery discover: the inventory with IVS Chat", function () {
  this.timeout(60_000);
  const aws = useEmulator({
    principals: {
      [DENIED_KEY]: {
        type: "IAMUser",
        userName: "no-chat",
        deniedActions: ["ivschat:ListLoggingConfigurations"],
      },
    },
  });
  let workDirectory: string;
  let sharedPool: string;
  let emptyPool: string;
  let sharedChat: string;
  let failedChat: string;
  let bucketChat: string;

  before(async () => {
    sharedPool = await aws.createPool("PLUS", { name: "tenant-a" });
    emptyPool = await aws.createPool("PLUS", { name: "tenant-b" });
    await aws.setOutside(sharedPool, [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_BUCKET]);
    sharedChat = await aws.createChatLogging(
      "room-logs",
      { cloudWatchLogs: { logGroupName: NOTIFICATIONS_GROUP } },
      { team: "chat", "cost-center": "42" },
    );
    bucketChat = await aws.createChatLogging("archive", {
      s3: { bucketName: "cognito-auth-events" },
    });
    for (let index = 0; index < CHAT_COUNT - 3; index++) {
      await aws.createChatLogging(`room-${index}`, {
        firehose: { deliveryStreamName: `chat-stream-${index}` },
      });
    }
    aws.emulator.setIvsChatOptions({ failingNames: /^broken/ });
    failedChat = await aws.createChatLogging("broken-room", {
      cloudWatchLogs: { logGroupName: "/ivs/chat/missing" },
    });
    aws.emulator.setIvsChatOptions({});
  });

  beforeEach(() => {
    workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "inventory-"));
  });

  afterEach(() => {
    fs.rmSync(workDirectory, { recursive: true, force: true });
  });

  function cli(argv: string[]): Promise<CliRun> {
    return runCliCapturing(argv, workDirectory);
  }

  function assertOnlyReads(): void {
    const operations = aws.emulator.requests.map((request) => request.operation);
    assert.deepEqual(
      operations.filter((operation) => !READS.has(operation)),
      [],
      "discover never writes",
    );
  }

  it("lists user pools and every IVS Chat logging configuration across pages, in two tables", async () => {
    const run = await cli(["discover", "--region", TEST_REGION]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^USER POOL ID\s+NAME\s+userNotification\s+userAuthEvents\n/);
    assert.match(
      run.stdout,
      /\nARN\s+ID\s+NAME\s+STATE\s+DESTINATION\s+TAGS\s+CREATED\s+UPDATED\n/,
    );
    assert.match(
      run.stdout,
      new RegExp(
        `${sharedChat}\\s+\\w{12}\\s+room-logs\\s+ACTIVE\\s+CloudWatch Logs ${NOTIFICATIONS_GROUP}\\s+cost-center=42,team=chat\\s+\\d{4}-`,
      ),
    );
    assert.match(
      run.stdout,
      new RegExp(
        `\\n${CHAT_COUNT} IVS Chat logging configurations in ${TEST_REGION}, 1 not ACTIVE\\.\\n`,
      ),
    );
    assert.match(
      run.stderr,
      new RegExp(`listed 50 IVS Chat logging configurations in ${TEST_REGION}`),
    );
    assert.match(run.stderr, new RegExp(`listed ${CHAT_COUNT} IVS Chat logging configurations`));
    assert.equal(aws.emulator.callCount("ListLoggingConfigurations"), 2);
    assertOnlyReads();
  });

  it("prints one JSON document with both lists, every chat field, and the flags", async () => {
    const run = await cli(["discover", "--region", TEST_REGION, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const listing = JSON.parse(run.stdout) as InventoryJson;
    assert.equal(listing.region, TEST_REGION);
    assert.deepEqual(listing.regions, [TEST_REGION]);
    assert.deepEqual(listing.services, ["cognito", "ivschat"]);
    assert.equal(listing.userPools?.length, 2);
    assert.equal(listing.ivsChatLoggingConfigurations?.length, CHAT_COUNT);
    const chat = listing.ivsChatLoggingConfigurations?.find((entry) => entry.arn === sharedChat);
    assert.deepEqual(
      { ...chat, createTime: typeof chat?.createTime, updateTime: typeof chat?.updateTime },
      {
        region: TEST_REGION,
        arn: sharedChat,
        id: sharedChat.split("/")[1],
        name: "room-logs",
        state: "ACTIVE",
        destination: { kind: "cloudWatchLogs", name: NOTIFICATIONS_GROUP },
        destinationConfiguration: { cloudWatchLogs: { logGroupName: NOTIFICATIONS_GROUP } },
        tags: { team: "chat", "cost-center": "42" },
        createTime: "string",
        updateTime: "string",
      },
    );
    assert.ok(!Number.isNaN(Date.parse(chat?.createTime ?? "")));
    const kinds = listing.flags.map((flag) => flag.kind).sort();
    assert.deepEqual(kinds, [
      "chatConfigurationNotActive",
      "destinationWithSeveralSources",
      "destinationWithSeveralSources",
      "userPoolWithoutLogDelivery",
    ]);
    const failed = listing.flags.find((flag) => flag.kind === "chatConfigurationNotActive");
    assert.ok(failed?.kind === "chatConfigurationNotActive");
    assert.equal(failed.arn, failedChat);
    assert.equal(failed.state, "CREATE_FAILED");
    const empty = listing.flags.find((flag) => flag.kind === "userPoolWithoutLogDelivery");
    assert.ok(empty?.kind === "userPoolWithoutLogDelivery" && empty.userPoolId === emptyPool);
    assertOnlyReads();
  });

  it("groups sources by destination: a pool's event sources and chat configurations on the same log group and bucket", async () => {
    const run = await cli(["discover", "--region", TEST_REGION, "--by-destination", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const { destinations = [] } = JSON.parse(run.stdout) as InventoryJson;
    const logGroup = destinations.find((destination) => destination.name === NOTIFICATIONS_GROUP);
    assert.deepEqual(logGroup, {
      kind: "cloudWatchLogs",
      name: NOTIFICATIONS_GROUP,
      arn: `arn:aws:logs:${TEST_REGION}:${ACCOUNT}:log-group:${NOTIFICATIONS_GROUP}`,
      region: TEST_REGION,
      accountId: ACCOUNT,
      sources: [
        {
          service: "cognito-idp",
          region: TEST_REGION,
          userPoolId: sharedPool,
          userPoolName: "tenant-a",
          eventSource: "userNotification",
        },
        {
          service: "ivschat",
          region: TEST_REGION,
          arn: sharedChat,
          id: sharedChat.split("/")[1],
          name: "room-logs",
          state: "ACTIVE",
        },
      ],
      certain: true,
      matchedBy: `by name within account ${ACCOUNT} and region ${TEST_REGION}, where IVS Chat delivers`,
    });
    const bucket = destinations.find((destination) => destination.kind === "s3");
    assert.equal(bucket?.arn, "arn:aws:s3:::cognito-auth-events");
    assert.deepEqual(
      bucket?.sources.map((source) => source.service),
      ["cognito-idp", "ivschat"],
    );
    assert.equal(bucket?.sources[1]?.service === "ivschat" && bucket.sources[1].arn, bucketChat);
    assert.equal(bucket?.matchedBy, "by bucket name, which is unique within the partition");
    // Every chat stream is its own destination; the empty pool has none.
    assert.equal(destinations.length, 2 + (CHAT_COUNT - 3) + 1);

    const table = await cli(["discover", "--region", TEST_REGION, "--by-destination"]);
    assert.match(
      table.stdout,
      new RegExp(
        `CloudWatch Logs ${NOTIFICATIONS_GROUP}\\s+arn:aws:logs:\\S+\\s+user pool ${sharedPool} userNotification\\s+certain\\n\\s+IVS Chat logging configuration "room-logs"\\n`,
      ),
    );
    assertOnlyReads();
  });

  it("exits 3 with --fail-on-flags when something needs attention, 0 when nothing does", async () => {
    const flagged = await cli(["discover", "--region", TEST_REGION, "--fail-on-flags"]);
    assert.equal(flagged.code, 3);
    assert.match(flagged.stderr, /things need attention \(--fail-on-flags\): exit 3/);
    assert.match(flagged.stdout, /is CREATE_FAILED: chat logs may not reach its destination/);

    const calm = await cli(["discover", "--region", "eu-west-3", "--fail-on-flags"]);
    assert.equal(calm.code, 0, calm.stderr);
    assert.match(calm.stdout, /Nothing needs attention\.\n$/);
  });

  it("lists several regions, and only the service asked for", async () => {
    const run = await cli([
      "discover",
      "--region",
      `${TEST_REGION},eu-west-3`,
      "--service",
      "ivschat",
      "--json",
    ]);
    assert.equal(run.code, 0, run.stderr);
    const listing = JSON.parse(run.stdout) as InventoryJson;
    assert.equal(listing.region, undefined);
    assert.deepEqual(listing.regions, [TEST_REGION, "eu-west-3"]);
    assert.equal(listing.userPools, undefined);
    assert.equal(listing.ivsChatLoggingConfigurations?.length, CHAT_COUNT);
    assert.equal(aws.emulator.callCount("ListUserPools"), 0);
    assert.deepEqual([...new Set(aws.emulator.requests.map((request) => request.region))].sort(), [
      "eu-west-3",
      TEST_REGION,
    ]);
  });

  it("writes the import file and TypeScript for the chat configurations named, next to the pools'", async () => {
    const run = await cli([
      "discover",
      "--region",
      TEST_REGION,
      "--adopt",
      sharedChat,
      "--adopt",
      sharedPool,
      "--out",
      "adopt",
    ]);
    assert.equal(run.code, 0, run.stderr);
    const chatImport = JSON.parse(
      fs.readFileSync(path.join(workDirectory, "adopt/ivschat-import.json"), "utf8"),
    ) as unknown;
    assert.deepEqual(chatImport, {
      resources: [
        {
          type: "aws:ivschat/loggingConfiguration:LoggingConfiguration",
          name: `ivschat-logging-${sharedChat.split("/")[1]}`,
          id: sharedChat,
        },
      ],
    });
    const source = fs.readFileSync(
      path.join(workDirectory, "adopt/chatLoggingConfigurations.ts"),
      "utf8",
    );
    assert.match(source, /new aws\.ivschat\.LoggingConfiguration\("ivschat-logging-\w{12}", \{/);
    assert.match(
      source,
      /destinationConfiguration: \{ cloudwatchLogs: \{ logGroupName: "\/aws\/vendedlogs\/cognito\/notifications" \} \}/,
    );
    assert.match(source, /pulumi import --file adopt\/ivschat-import\.json --generate-code=false/);
    assert.ok(fs.existsSync(path.join(workDirectory, "adopt/import.json")));
    assert.match(
      run.stderr,
      /for 1 IVS Chat logging configurations; next: .*needs the AWS provider plugin/,
    );
    assertOnlyReads();
  });

  it("fails in one line, writing nothing, for a chat configuration the regions do not have", async () => {
    const run = await cli([
      "discover",
      "--region",
      TEST_REGION,
      "--adopt",
      "ZZZZZZZZZZZZ",
      "--out",
      "adopt",
    ]);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      new RegExp(
        `^pulumi-cognito-log-delivery: IVS Chat logging configuration ZZZZZZZZZZZZ not found in ${TEST_REGION} \\(${CHAT_COUNT} listed\\): check the ARNs or IDs and --region$`,
        "m",
      ),
    );
    assert.ok(!fs.existsSync(path.join(workDirectory, "adopt")));
  });

  it("names the IAM action when IVS Chat denies the listing", async () => {
    // The SDK's credential chain reads the process's environment.
    const saved = process.env.AWS_ACCESS_KEY_ID;
    process.env.AWS_ACCESS_KEY_ID = DENIED_KEY;
    let run: CliRun;
    try {
      run = await cli(["discover", "--region", TEST_REGION]);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved;
    }
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^pulumi-cognito-log-delivery: ListLoggingConfigurations failed in us-east-1: AccessDeniedException: .*grant it the IAM action ivschat:ListLoggingConfigurations on "\*", or leave IVS Chat out with --service cognito\.$/m,
    );
    assert.equal(run.stdout, "");
  });

  it("rides out IVS Chat throttling and errors through the SDK's retries", async () => {
    aws.emulator.injectFault({
      kind: "throttle",
      operation: "ListLoggingConfigurations",
      times: 2,
    });
    aws.emulator.injectFault({
      kind: "internal-error",
      operation: "ListLoggingConfigurations",
      times: 1,
    });
    const run = await cli(["discover", "--region", TEST_REGION, "--service", "ivschat", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      (JSON.parse(run.stdout) as InventoryJson).ivsChatLoggingConfigurations?.length,
      CHAT_COUNT,
    );
  });
});
