import * as assert from "node:assert/strict";
import { adoptedResourceName, adoptionSource, importFile } from "../../../src/cli/adoption";
import { DEFAULT_OUT_DIRECTORY, parseArguments } from "../../../src/cli/arguments";
import { UsageError } from "../../../src/errors";
import type { InventoryPool } from "../../../src/core/inventory";
import { STORED_PROVIDER } from "../../../src/serializedProvider";
import { poolTable } from "../../../src/cli/discoverOutput";
import {
  BUCKET_ARN,
  LOG_GROUP_ARN,
  POOL_ID,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

const POOLS: InventoryPool[] = [
  {
    region: "us-east-1",
    userPoolId: POOL_ID,
    name: "tenant-a users",
    logConfigurations: [notificationsToLogGroup, authEventsToStream],
  },
  { region: "us-east-1", userPoolId: "us-east-1_Empty1", name: "tenant-b", logConfigurations: [] },
  {
    region: "us-east-1",
    userPoolId: "us-east-1_Bucket1",
    name: "tenant-a users",
    logConfigurations: [
      {
        eventSource: "userAuthEvents",
        logLevel: "INFO",
        s3Configuration: { bucketArn: BUCKET_ARN },
      },
    ],
  },
];

describe("discover command line", () => {
  const cases: { argv: string[]; environment?: Record<string, string>; expected: unknown }[] = [
    {
      argv: ["discover", "--region", "eu-west-1"],
      expected: {
        command: "discover",
        regions: ["eu-west-1"],
        services: ["cognito", "ivschat"],
        byDestination: false,
        failOnFlags: false,
        json: false,
        adopt: { kind: "none" },
        outDirectory: DEFAULT_OUT_DIRECTORY,
        language: "typescript",
      },
    },
    {
      argv: ["discover", "--json"],
      environment: { AWS_REGION: "us-east-2" },
      expected: {
        command: "discover",
        regions: ["us-east-2"],
        services: ["cognito", "ivschat"],
        byDestination: false,
        failOnFlags: false,
        json: true,
        adopt: { kind: "none" },
        outDirectory: DEFAULT_OUT_DIRECTORY,
        language: "typescript",
      },
    },
    {
      argv: ["discover", "--pool", "a_1", "--pool", "b_2", "--pool", "a_1", "--out", "adopt"],
      environment: { AWS_DEFAULT_REGION: "us-west-2" },
      expected: {
        command: "discover",
        regions: ["us-west-2"],
        services: ["cognito", "ivschat"],
        byDestination: false,
        failOnFlags: false,
        json: false,
        adopt: { kind: "chosen", userPoolIds: ["a_1", "b_2"], chatIdentifiers: [] },
        outDirectory: "adopt",
        language: "typescript",
      },
    },
    {
      argv: ["discover", "--region", "eu-west-1", "--all"],
      expected: {
        command: "discover",
        regions: ["eu-west-1"],
        services: ["cognito", "ivschat"],
        byDestination: false,
        failOnFlags: false,
        json: false,
        adopt: { kind: "all" },
        outDirectory: DEFAULT_OUT_DIRECTORY,
        language: "typescript",
      },
    },
    {
      argv: [
        "discover",
        "--region",
        "eu-west-1,us-east-1",
        "--region",
        "eu-west-1",
        "--service",
        "ivschat",
        "--by-destination",
        "--json",
        "--fail-on-flags",
        "--adopt",
        "arn:aws:ivschat:eu-west-1:123456789012:logging-configuration/AbCdEfGh1234",
        "--adopt",
        "ZyXwVuTs9876",
      ],
      expected: {
        command: "discover",
        regions: ["eu-west-1", "us-east-1"],
        services: ["ivschat"],
        byDestination: true,
        failOnFlags: true,
        json: true,
        adopt: {
          kind: "chosen",
          userPoolIds: [],
          chatIdentifiers: [
            "arn:aws:ivschat:eu-west-1:123456789012:logging-configuration/AbCdEfGh1234",
            "ZyXwVuTs9876",
          ],
        },
        outDirectory: DEFAULT_OUT_DIRECTORY,
        language: "typescript",
      },
    },
    {
      argv: [
        "discover",
        "--region",
        "eu-west-1",
        "--adopt",
        "eu-west-1_Pool1",
        "--pool",
        "eu-west-1_Pool2",
      ],
      expected: {
        command: "discover",
        regions: ["eu-west-1"],
        services: ["cognito", "ivschat"],
        byDestination: false,
        failOnFlags: false,
        json: false,
        adopt: {
          kind: "chosen",
          userPoolIds: ["eu-west-1_Pool2", "eu-west-1_Pool1"],
          chatIdentifiers: [],
        },
        outDirectory: DEFAULT_OUT_DIRECTORY,
        language: "typescript",
      },
    },
    { argv: ["discover", "--help"], expected: "help" },
  ];
  for (const { argv, environment, expected } of cases) {
    it(`parses ${argv.join(" ")}`, () =>
      assert.deepEqual(parseArguments(argv, environment ?? {}), expected));
  }

  it("needs a region", () => {
    assert.throws(
      () => parseArguments(["discover"], {}),
      new UsageError("no region: pass --region eu-west-1, or set AWS_REGION"),
    );
  });

  const mistakes: [string[], string][] = [
    [
      [],
      "no command: run `pulumi-cognito-log-delivery discover --region <region>` or `pulumi-cognito-log-delivery history --region <region>`",
    ],
    [["list"], 'unknown command "list": the commands are discover and history'],
    [
      ["histroy"],
      'unknown command "histroy": did you mean history? the commands are discover and history',
    ],
    [
      ["discover", "--region", "x", "--since", "7d"],
      "--since is an option of history, not of discover: see --help",
    ],
    [
      ["history", "--region", "x", "--all"],
      "--all is an option of discover, not of history: see --help",
    ],
    [["history", "--region", "x", "--since"], "--since needs a value, e.g. --since 7d"],
    [
      ["history", "--region", "x", "--since", "last week"],
      '--since "last week" is neither a duration nor a time: write e.g. --since 7d, --since 12h, or --since 2026-11-01T00:00:00Z',
    ],
    [
      ["history", "--region", "x", "--since", "91d"],
      "--since 91d is further back than CloudTrail's 90-day event history: use at most --since 90d",
    ],
    [
      ["history", "--region", "x", "--since", "2999-01-01"],
      "--since 2999-01-01 is in the future: give a time before now, e.g. --since 7d",
    ],
    [
      ["discover", "--regoin", "eu-west-1"],
      'unknown option "--regoin": did you mean --region? see --help',
    ],
    [["discover", "--region", "x", "--verbose"], 'unknown option "--verbose": see --help'],
    [["discover", "--region"], "--region needs a value, e.g. --region eu-west-1"],
    [["discover", "--region", "--json"], "--region needs a value, e.g. --region eu-west-1"],
    [["discover", "--region", "x", "--pool"], "--pool needs a value, e.g. --pool eu-west-1_AbC123"],
    [["discover", "--region", "x", "--out"], "--out needs a value, e.g. --out adopt"],
    [["discover", "--region", "x", "--json=yes"], "--json takes no value: write --json alone"],
    [["discover", "--region", "x", "extra"], 'unexpected argument "extra": see --help'],
    [
      ["discover", "--region", "x", "--all", "--pool", "a_1"],
      "--all excludes --pool and --adopt: adopt everything listed, or what is named",
    ],
    [
      ["discover", "--region", "x", "--service", "ivschats"],
      'unknown service "ivschats": did you mean ivschat? write --service cognito or --service ivschat, or leave it out for both',
    ],
    [
      ["discover", "--region", "x", "--service", "ivschat", "--pool", "x_1"],
      "--service ivschat lists no user pools, so x_1 cannot be adopted: drop --service, or adopt IVS Chat logging configurations by ARN",
    ],
    [
      ["discover", "--region", "x", "--service", "cognito", "--adopt", "AbCdEfGh1234"],
      "--service cognito lists no IVS Chat logging configurations, so AbCdEfGh1234 cannot be adopted: drop --service",
    ],
    [
      ["history", "--region", "a,b"],
      "history looks in one region at a time, and --region names 2 (a, b): run it once per region",
    ],
    [
      ["discover", "--region", "x", "--by-destination=yes"],
      "--by-destination takes no value: write --by-destination alone",
    ],
  ];
  for (const [argv, message] of mistakes) {
    it(`says what to write for: ${argv.join(" ") || "(nothing)"}`, () => {
      assert.throws(
        () => parseArguments(argv, {}),
        (error: unknown) => UsageError.isInstance(error) && error.message === message,
      );
    });
  }

  it("parses history: pools, a duration or an ISO time, the 7-day default", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    assert.deepEqual(
      parseArguments(
        [
          "history",
          "--region",
          "eu-west-1",
          "--pool",
          "eu-west-1_a",
          "--pool",
          "eu-west-1_a",
          "--since",
          "12h",
          "--json",
        ],
        {},
        now,
      ),
      {
        command: "history",
        region: "eu-west-1",
        userPoolIds: ["eu-west-1_a"],
        since: new Date("2026-11-22T00:00:00Z"),
        json: true,
      },
    );
    assert.deepEqual(parseArguments(["history"], { AWS_REGION: "us-east-1" }, now), {
      command: "history",
      region: "us-east-1",
      userPoolIds: [],
      since: new Date("2026-11-15T12:00:00Z"),
      json: false,
    });
    const iso = parseArguments(
      ["history", "--region", "x", "--since", "2026-11-01T08:30:00Z"],
      {},
      now,
    );
    assert.ok(iso !== "help" && iso.command === "history");
    assert.deepEqual(iso.since, new Date("2026-11-01T08:30:00Z"));
    const options = parseArguments(["--region", "x", "history"], {}, now);
    assert.ok(
      options !== "help" && options.command === "history",
      "options may come before the command",
    );
  });

  it("takes --region=value and a value that starts with a dash when written inline", () => {
    const parsed = parseArguments(["discover", "--region=eu-west-1", "--out=-adopt"], {});
    assert.ok(parsed !== "help" && parsed.command === "discover");
    assert.deepEqual(parsed.regions, ["eu-west-1"]);
    assert.equal(parsed.outDirectory, "-adopt");
  });
});

describe("discover output", () => {
  it("renders a table with one destination per event source", () => {
    assert.equal(
      poolTable(POOLS, ["us-east-1"]),
      [
        "USER POOL ID         NAME            userNotification                                       userAuthEvents",
        "us-east-1_AbCdEf123  tenant-a users  CloudWatch Logs /aws/vendedlogs/cognito/notifications  Firehose cognito-auth-events",
        "us-east-1_Empty1     tenant-b        -                                                      -",
        "us-east-1_Bucket1    tenant-a users  -                                                      S3 cognito-auth-events",
        "",
        "3 user pools in us-east-1, 2 with log delivery.",
      ].join("\n"),
    );
  });

  it("writes import entries whose inputs and outputs are the pool's state with the serialised provider", () => {
    assert.deepEqual(importFile([POOLS[0]!]), {
      resources: [
        {
          type: "pulumi-nodejs:dynamic/cognito:UserPoolLogDelivery",
          name: `user-pool-logs-${POOL_ID}`,
          id: POOL_ID,
          inputs: {
            userPoolId: POOL_ID,
            region: "us-east-1",
            logConfigurations: [notificationsToLogGroup, authEventsToStream],
            __provider: STORED_PROVIDER,
          },
          outputs: {
            userPoolId: POOL_ID,
            region: "us-east-1",
            logConfigurations: [notificationsToLogGroup, authEventsToStream],
            __provider: STORED_PROVIDER,
          },
        },
      ],
    });
  });

  it("writes TypeScript declaring each pool as found, with unique variable names matching the import", () => {
    const source = adoptionSource(POOLS, "adopt/import.json");
    assert.match(
      source,
      /^\/\/ 1\. pulumi import --file adopt\/import\.json --generate-code=false --protect=false --yes$/m,
    );
    assert.match(
      source,
      new RegExp(
        `export const tenantAUsersLogDelivery = new UserPoolLogDelivery\\("${adoptedResourceName(POOL_ID)}", \\{\\n` +
          `  userPoolId: "${POOL_ID}",\\n  region: "us-east-1",\\n  logConfigurations: \\[\\n` +
          `    \\{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: \\{ logGroupArn: "${LOG_GROUP_ARN}" \\} \\},\\n`,
      ),
    );
    assert.match(
      source,
      /\/\/ User pool "tenant-b" \(no log delivery yet\)\.\nexport const tenantBLogDelivery = [^\n]+\n[^\n]+\n[^\n]+\n {2}logConfigurations: \[\],/,
    );
    assert.match(source, /export const tenantAUsersLogDelivery2 = /);
  });
});
