import * as assert from "node:assert/strict";
import { ADOPTION_LANGUAGE_ROWS, pluginImportFile } from "../../../src/cli/adoptionLanguages";
import { ADOPTION_LANGUAGES, parseArguments } from "../../../src/cli/arguments";
import type { InventoryPool } from "../../../src/core/inventory";
import { UsageError } from "../../../src/errors";
import {
  LOG_GROUP_ARN,
  POOL_ID,
  STREAM_ARN,
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
];

describe("discover --language: adoption code in each language", () => {
  it("has one row per --language value", () => {
    assert.deepEqual(Object.keys(ADOPTION_LANGUAGE_ROWS), [...ADOPTION_LANGUAGES]);
  });

  it("reads --language, typescript by default, and suggests the nearest on a typo", () => {
    const parse = (...extra: string[]) =>
      parseArguments(["discover", "--region", "us-east-1", ...extra], {});
    assert.equal((parse() as { language: string }).language, "typescript");
    assert.equal((parse("--language", "yaml") as { language: string }).language, "yaml");
    assert.throws(
      () => parse("--language", "pyhton"),
      (error: unknown) =>
        UsageError.isInstance(error) &&
        error.message ===
          'unknown language "pyhton": did you mean python? write --language typescript, python, go, yaml',
    );
  });

  it("imports the plugin's resource with the pool's state, so import calls no AWS", () => {
    const state = {
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [notificationsToLogGroup, authEventsToStream],
    };
    assert.deepEqual(pluginImportFile([POOLS[0]!]), {
      resources: [
        {
          type: "cognito-log-delivery:index:UserPoolLogDelivery",
          name: `user-pool-logs-${POOL_ID}`,
          id: POOL_ID,
          inputs: state,
          outputs: state,
        },
      ],
    });
    for (const language of ["python", "go", "yaml"] as const) {
      assert.equal(ADOPTION_LANGUAGE_ROWS[language].importFile, pluginImportFile);
    }
  });

  it("writes Pulumi YAML resources declaring each pool as found", () => {
    const source = ADOPTION_LANGUAGE_ROWS.yaml.source(POOLS, "adopt/import.json");
    assert.equal(
      source.slice(source.indexOf("resources:")),
      [
        "resources:",
        '  # User pool "tenant-a users".',
        `  user-pool-logs-${POOL_ID}:`,
        "    type: cognito-log-delivery:UserPoolLogDelivery",
        "    properties:",
        `      userPoolId: "${POOL_ID}"`,
        '      region: "us-east-1"',
        "      logConfigurations:",
        '        - eventSource: "userNotification"',
        '          logLevel: "ERROR"',
        "          cloudWatchLogsConfiguration:",
        `            logGroupArn: "${LOG_GROUP_ARN}"`,
        '        - eventSource: "userAuthEvents"',
        '          logLevel: "INFO"',
        "          firehoseConfiguration:",
        `            streamArn: "${STREAM_ARN}"`,
        '  # User pool "tenant-b" (no log delivery yet).',
        "  user-pool-logs-us-east-1_Empty1:",
        "    type: cognito-log-delivery:UserPoolLogDelivery",
        "    properties:",
        '      userPoolId: "us-east-1_Empty1"',
        '      region: "us-east-1"',
        "      logConfigurations: []",
        "",
      ].join("\n"),
    );
    assert.match(source, /^# 1\. pulumi import --file adopt\/import\.json /m);
  });

  it("writes Python with the SDK's snake_case names", () => {
    const source = ADOPTION_LANGUAGE_ROWS.python.source(POOLS, "adopt/import.json");
    assert.match(source, /^import pulumi_cognito_log_delivery as cognito_log_delivery$/m);
    assert.ok(
      source.includes(
        `        {"event_source": "userNotification", "log_level": "ERROR", "cloud_watch_logs_configuration": {"log_group_arn": "${LOG_GROUP_ARN}"}},\n`,
      ),
    );
    assert.ok(
      source.includes(
        `    user_pool_id="us-east-1_Empty1",\n    region="us-east-1",\n    log_configurations=[],\n`,
      ),
    );
  });

  it("writes Go with the SDK's argument types", () => {
    const source = ADOPTION_LANGUAGE_ROWS.go.source(POOLS, "adopt/import.json");
    assert.ok(
      source.includes(
        `\t\t\tcognitologdelivery.LogConfigurationArgs{EventSource: pulumi.String("userAuthEvents"), LogLevel: pulumi.String("INFO"), FirehoseConfiguration: &cognitologdelivery.FirehoseConfigurationArgs{StreamArn: pulumi.String("${STREAM_ARN}")}},\n`,
      ),
    );
    assert.match(source, /^func declareLogDeliveries\(ctx \*pulumi\.Context\) error \{$/m);
    assert.ok(
      source.includes(
        '\t\tUserPoolId:        pulumi.String("us-east-1_Empty1"),\n' +
          '\t\tRegion:            pulumi.String("us-east-1"),\n' +
          "\t\tLogConfigurations: cognitologdelivery.LogConfigurationArray{},\n",
      ),
    );
  });
});
