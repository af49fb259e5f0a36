import * as assert from "node:assert/strict";
import { changeHistory } from "../../../src/core/changeHistory";
import { readChangeRecord } from "../../../src/core/changeRecord";
import type { LogDeliveryChange } from "../../../src/core/changeRecord";
import { LOG_GROUP_ARN, notificationsToLogGroup } from "../../../testing/fixtures/arns";
import { setLogDeliveryRecord } from "../../../testing/fixtures/cloudTrailRecords";
import type { RecordOptions } from "../../../testing/fixtures/cloudTrailRecords";

function change(options: RecordOptions): LogDeliveryChange {
  const read = readChangeRecord(setLogDeliveryRecord(options));
  assert.ok(read);
  return read;
}

const TO_LOG_GROUP = [
  {
    eventSource: "userNotification",
    logLevel: "ERROR",
    cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP_ARN },
  },
];

describe("changeHistory", () => {
  // As CloudTrail lists them: newest first.
  const changes = [
    change({ eventId: "3", eventTime: "2026-11-22T12:00:00Z", logConfigurations: TO_LOG_GROUP }),
    change({
      eventId: "x",
      eventTime: "2026-11-22T11:30:00Z",
      errorCode: "InvalidParameterException",
    }),
    change({ eventId: "2", eventTime: "2026-11-22T11:00:00Z", logConfigurations: [] }),
    change({ eventId: "o", eventTime: "2026-11-22T10:30:00Z", userPoolId: "us-east-1_Other0001" }),
    change({ eventId: "1", eventTime: "2026-11-22T10:00:00Z", logConfigurations: TO_LOG_GROUP }),
  ];

  it("lists applied changes newest first with before → after from the previous change", () => {
    const history = changeHistory(changes);
    assert.deepEqual(
      history.map((entry) => [entry.change.eventId, entry.before, entry.after]),
      [
        ["3", [], [notificationsToLogGroup]],
        ["2", [notificationsToLogGroup], []],
        ["o", undefined, []],
        ["1", undefined, [notificationsToLogGroup]],
      ],
    );
  });

  it("keeps only the pools asked for", () => {
    assert.deepEqual(
      changeHistory(changes, new Set(["us-east-1_Other0001"])).map((entry) => entry.change.eventId),
      ["o"],
    );
  });

  it("orders calls of the same second as CloudTrail listed them", () => {
    const same = [
      change({ eventId: "later", eventTime: "2026-11-22T10:00:00Z", logConfigurations: [] }),
      change({
        eventId: "earlier",
        eventTime: "2026-11-22T10:00:00Z",
        logConfigurations: TO_LOG_GROUP,
      }),
    ];
    const history = changeHistory(same);
    assert.deepEqual(
      history.map((entry) => entry.change.eventId),
      ["later", "earlier"],
    );
    assert.deepEqual(history[0]?.before, [notificationsToLogGroup]);
  });
});
