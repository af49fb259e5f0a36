import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import type { LogDeliveryApi } from "../../src/cognito/logDeliveryApi";
import type { LastOutsideChange, OutsideChangeFinder } from "../../src/core/outsideChange";
import type { PoolAddress } from "../../src/core/readInputs";
import { ExistingConfigurationError, InvalidLogDeliveryError } from "../../src/errors";
import { UserPoolLogDeliveryProvider } from "../../src/provider";
import type { LogConfiguration } from "../../src/types";
import {
  LOG_GROUP_ARN,
  POOL_ID,
  STREAM_ARN,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../testing/fixtures/arns";

/** An in-memory pool that records the calls made to it. */
class FakeApi implements LogDeliveryApi {
  calls: string[] = [];
  constructor(public configuration: LogConfiguration[] = []) {}
  async get(pool: PoolAddress): Promise<LogConfiguration[]> {
    this.calls.push(`get ${pool.userPoolId} ${pool.region}`);
    return [...this.configuration];
  }
  async set(
    pool: PoolAddress,
    configuration: readonly LogConfiguration[],
  ): Promise<LogConfiguration[]> {
    this.calls.push(`set ${pool.userPoolId} ${configuration.length}`);
    this.configuration = [...configuration];
    return [...configuration];
  }
}

const DECLARED = { userPoolId: POOL_ID, logConfigurations: [authEventsToStream] };

describe("UserPoolLogDeliveryProvider with a fake AWS", () => {
  it("create on a pool with no delivery: one Get, one Set", async () => {
    const api = new FakeApi();
    const result = await new UserPoolLogDeliveryProvider(api).create(DECLARED);
    assert.deepEqual(api.calls, [`get ${POOL_ID} us-east-1`, `set ${POOL_ID} 1`]);
    assert.deepEqual(result, {
      id: POOL_ID,
      outs: { userPoolId: POOL_ID, region: "us-east-1", logConfigurations: [authEventsToStream] },
    });
  });

  it("create on a pool that already has exactly the declared delivery takes it without a write", async () => {
    const api = new FakeApi([authEventsToStream]);
    await new UserPoolLogDeliveryProvider(api).create(DECLARED);
    assert.deepEqual(api.calls, [`get ${POOL_ID} us-east-1`]);
  });

  it("create refuses to overwrite a different delivery, and says what is there and what to do", async () => {
    const api = new FakeApi([notificationsToLogGroup]);
    await assert.rejects(
      new UserPoolLogDeliveryProvider(api).create(DECLARED),
      (error: unknown) => {
        assert.ok(ExistingConfigurationError.isInstance(error));
        assert.equal(
          error.message,
          [
            `User pool ${POOL_ID} (us-east-1) already delivers logs, and not as declared. Creating this resource would overwrite that configuration, so nothing was changed.`,
            "On the pool now:",
            `  - userNotification (ERROR) → CloudWatch Logs log group ${LOG_GROUP_ARN}`,
            "Declared:",
            `  - userAuthEvents (INFO) → Firehose stream ${STREAM_ARN}`,
            "To take it over as it is, declare exactly what is there, run `pulumi up` (no write to AWS), then change it from there:",
            "  logConfigurations: [",
            `    { eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "${LOG_GROUP_ARN}" } },`,
            "  ],",
            `To discard it instead, clear it first, then run \`pulumi up\` again: aws cognito-idp set-log-delivery-configuration --region us-east-1 --user-pool-id ${POOL_ID} --log-configurations '[]'`,
          ].join("\n"),
        );
        return true;
      },
    );
    assert.deepEqual(api.calls, [`get ${POOL_ID} us-east-1`]);
  });

  it("create and update reject unchecked invalid inputs before calling AWS", async () => {
    const api = new FakeApi();
    // As the engine would call it, with inputs that never went through check.
    const provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> =
      new UserPoolLogDeliveryProvider(api);
    const invalid = {
      userPoolId: POOL_ID,
      logConfigurations: [{ ...notificationsToLogGroup, logLevel: "INFO" }],
    };
    const expected = (error: unknown): boolean => {
      assert.ok(InvalidLogDeliveryError.isInstance(error));
      assert.equal(
        error.message,
        `The log delivery declared for user pool ${POOL_ID} is invalid; nothing was sent to AWS:\n` +
          '  - logConfigurations[0].logLevel: is "INFO"; userNotification logs are delivered at level "ERROR" only: write logLevel: "ERROR".',
      );
      return true;
    };
    await assert.rejects(provider.create(invalid), expected);
    await assert.rejects(provider.update(POOL_ID, {}, invalid), expected);
    assert.deepEqual(api.calls, []);
  });

  it("update sends the whole declared configuration once, :* removed", async () => {
    const api = new FakeApi([notificationsToLogGroup]);
    const declared = {
      userPoolId: POOL_ID,
      logConfigurations: [
        authEventsToStream,
        {
          ...notificationsToLogGroup,
          cloudWatchLogsConfiguration: { logGroupArn: `${LOG_GROUP_ARN}:*` },
        },
      ],
    };
    const result = await new UserPoolLogDeliveryProvider(api).update(POOL_ID, {}, declared);
    assert.deepEqual(api.calls, [`set ${POOL_ID} 2`]);
    assert.deepEqual(api.configuration, [notificationsToLogGroup, authEventsToStream]);
    assert.deepEqual(result.outs?.logConfigurations, [notificationsToLogGroup, authEventsToStream]);
  });

  it("read reports what is on the pool as outputs and inputs", async () => {
    const api = new FakeApi([notificationsToLogGroup, authEventsToStream]);
    const outs = {
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [notificationsToLogGroup, authEventsToStream],
    };
    assert.deepEqual(
      await new UserPoolLogDeliveryProvider(api).read(POOL_ID, {
        userPoolId: POOL_ID,
        logConfigurations: [],
      }),
      {
        id: POOL_ID,
        props: outs,
        inputs: outs,
      },
    );
  });

  it("delete clears the pool with one Set of an empty list", async () => {
    const api = new FakeApi([notificationsToLogGroup]);
    await new UserPoolLogDeliveryProvider(api).delete(POOL_ID, {
      userPoolId: POOL_ID,
      region: "us-east-1",
    });
    assert.deepEqual(api.calls, [`set ${POOL_ID} 0`]);
    assert.deepEqual(api.configuration, []);
  });
});

describe("UserPoolLogDeliveryProvider: who changed it, on refresh", () => {
  /** A finder that records the pools asked about and answers one thing. */
  class FakeFinder implements OutsideChangeFinder {
    asked: string[] = [];
    constructor(private readonly answer: LastOutsideChange) {}
    async lastOutsideChange(pool: PoolAddress): Promise<LastOutsideChange> {
      this.asked.push(pool.userPoolId);
      return this.answer;
    }
  }
  const FOUND: LastOutsideChange = {
    status: "found",
    eventTime: "2026-11-22T10:00:00Z",
    principalArn: "arn:aws:iam::123456789012:user/alice",
    identityType: "IAMUser",
    via: "aws-cli",
    eventId: "e-1",
    message: "changed outside Pulumi by alice",
  };
  const STATE = {
    userPoolId: POOL_ID,
    region: "us-east-1",
    logConfigurations: [authEventsToStream],
  };

  function provider(api: FakeApi, finder: FakeFinder, lines: string[]) {
    return new UserPoolLogDeliveryProvider(api, { finder, report: (line) => lines.push(line) });
  }

  it("on drift: the output and one line name who; inputs and diff do not see it", async () => {
    const finder = new FakeFinder(FOUND);
    const lines: string[] = [];
    const p = provider(new FakeApi([]), finder, lines);
    const result = await p.read(POOL_ID, STATE);
    assert.deepEqual(result.props?.lastOutsideChange, FOUND);
    assert.equal(result.inputs?.["lastOutsideChange"], undefined);
    assert.deepEqual(finder.asked, [POOL_ID]);
    assert.deepEqual(lines, [
      `pulumi-cognito-log-delivery: user pool ${POOL_ID}: log delivery changed outside Pulumi by alice`,
    ]);
    const diff = await p.diff(POOL_ID, result.props ?? {}, {
      userPoolId: POOL_ID,
      region: "us-east-1",
      logConfigurations: [],
    });
    assert.equal(diff.changes, false);
  });

  it("without drift: no lookup, no line, and an earlier answer is kept", async () => {
    const finder = new FakeFinder(FOUND);
    const lines: string[] = [];
    const result = await provider(new FakeApi([authEventsToStream]), finder, lines).read(POOL_ID, {
      ...STATE,
      lastOutsideChange: FOUND,
    });
    assert.deepEqual(finder.asked, []);
    assert.deepEqual(lines, []);
    assert.deepEqual(result.props?.lastOutsideChange, FOUND);
  });

  it("on import (no recorded outputs): no lookup", async () => {
    const finder = new FakeFinder(FOUND);
    const result = await provider(new FakeApi([]), finder, []).read(POOL_ID);
    assert.deepEqual(finder.asked, []);
    assert.equal(result.props?.lastOutsideChange, undefined);
  });

  it("turned off: no lookup and no output", async () => {
    const result = await new UserPoolLogDeliveryProvider(new FakeApi([])).read(POOL_ID, STATE);
    assert.equal(result.props?.lastOutsideChange, undefined);
  });

  it("an update's outputs carry no earlier answer", async () => {
    const result = await provider(new FakeApi([]), new FakeFinder(FOUND), []).update(
      POOL_ID,
      { ...STATE, lastOutsideChange: FOUND },
      DECLARED,
    );
    assert.equal(result.outs?.lastOutsideChange, undefined);
  });
});
