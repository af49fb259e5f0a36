/**
 * The TypeScript `discover` writes to adopt IVS Chat logging configurations: it
 * type-checks against `@pulumi/aws`, and under Pulumi's mocks it registers exactly the
 * resources of the import file (type, name), with the name, region, destination and tags
 * found.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { CHAT_LOGGING_TYPE, chatAdoptionSource, chatImportFile } from "../../src/cli/adoption";
import type { ChatLoggingConfiguration } from "../../src/ivschat/loggingConfigurations";
import type { Registered } from "../../testing/pulumiMocks";
import { registrationsOf } from "../../testing/pulumiMocks";

const REPOSITORY = path.resolve(__dirname, "../..");
const ARN = (region: string, id: string) =>
  `arn:aws:ivschat:${region}:123456789012:logging-configuration/${id}`;

const FOUND: ChatLoggingConfiguration[] = [
  {
    region: "us-east-1",
    arn: ARN("us-east-1", "AbCdEfGh1234"),
    id: "AbCdEfGh1234",
    name: "room-logs",
    state: "ACTIVE",
    destination: { property: "cloudWatchLogsConfiguration", name: "/ivs/chat/rooms" },
    tags: { team: "chat", "cost-center": "42" },
    createTime: "2026-11-01T10:00:00.000Z",
    updateTime: "2026-11-02T10:00:00.000Z",
  },
  {
    region: "eu-west-1",
    arn: ARN("eu-west-1", "ZyXwVuTs9876"),
    id: "ZyXwVuTs9876",
    name: "",
    state: "UPDATE_FAILED",
    destination: { property: "s3Configuration", name: "chat-archive" },
    tags: {},
    createTime: undefined,
    updateTime: undefined,
  },
  {
    region: "us-east-1",
    arn: ARN("us-east-1", "Room0Logs000"),
    id: "Room0Logs000",
    name: "room-logs",
    state: "ACTIVE",
    destination: { property: "firehoseConfiguration", name: "chat-stream" },
    tags: { "aws:cloudformation:stack-name": "chat" },
    createTime: undefined,
    updateTime: undefined,
  },
  {
    region: "us-east-1",
    arn: ARN("us-east-1", "Unknown00000"),
    id: "Unknown00000",
    name: "future",
    state: "ACTIVE",
    destination: undefined,
    tags: {},
    createTime: undefined,
    updateTime: undefined,
  },
];

/** Compiler errors of one file, against the repository's own @pulumi/aws. */
function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    types: ["node"],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("adoption code for IVS Chat, type-checked and run under Pulumi's mocks", function () {
  this.timeout(120_000);
  let directory: string;
  let file: string;

  before(() => {
    // Inside the repository, so that "@pulumi/aws" resolves as in a user's project.
    directory = fs.mkdtempSync(path.join(REPOSITORY, ".adoption-test-"));
    file = path.join(directory, "chatLoggingConfigurations.ts");
    fs.writeFileSync(file, chatAdoptionSource(FOUND, "adopt/ivschat-import.json"));
  });

  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("type-checks against @pulumi/aws", () => {
    assert.deepEqual(typeErrors(file), []);
  });

  it("registers one LoggingConfiguration per import entry, as found", async () => {
    const registered: Registered[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "adoption",
      "test",
      false,
    );
    await import(file);
    // Registration is asynchronous: compare in name order.
    const resources = (await registrationsOf(registered, CHAT_LOGGING_TYPE, 3)).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const entries = (
      chatImportFile(FOUND) as { resources: { type: string; name: string; id: string }[] }
    ).resources.sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(
      resources.map((resource) => ({ type: resource.type, name: resource.name })),
      entries.map((entry) => ({ type: entry.type, name: entry.name })),
      "the program declares exactly what the import file imports",
    );
    assert.deepEqual(
      entries.map((entry) => [entry.name, entry.id]),
      FOUND.slice(0, 3)
        .map((configuration) => [`ivschat-logging-${configuration.id}`, configuration.arn])
        .sort(([a = ""], [b = ""]) => a.localeCompare(b)),
    );
    assert.deepEqual(
      resources.map((resource) => resource.inputs),
      [
        {
          name: "room-logs",
          region: "us-east-1",
          destinationConfiguration: { cloudwatchLogs: { logGroupName: "/ivs/chat/rooms" } },
          tags: { "cost-center": "42", team: "chat" },
        },
        {
          name: "room-logs",
          region: "us-east-1",
          destinationConfiguration: { firehose: { deliveryStreamName: "chat-stream" } },
          tags: { "aws:cloudformation:stack-name": "chat" },
        },
        {
          region: "eu-west-1",
          destinationConfiguration: { s3: { bucketName: "chat-archive" } },
        },
      ],
    );
    const source = fs.readFileSync(file, "utf8");
    assert.match(source, /It was UPDATE_FAILED when listed/);
    assert.match(
      source,
      /Not adopted: arn:aws:ivschat:us-east-1:123456789012:logging-configuration\/Unknown00000/,
    );
    assert.match(
      source,
      /export const roomLogsChatLogging = .*\n[\s\S]*export const roomLogsChatLogging2 = /,
    );
  });
});
