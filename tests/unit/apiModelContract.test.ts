/**
 * The emulator is an independent model of AWS and never imports the package, so both copy
 * the same constants from the Cognito API model and the SetLogDeliveryConfiguration page.
 * This keeps the copies equal: a rule changed on one side only fails here.
 */
import * as assert from "node:assert/strict";
import {
  ARN_TYPE,
  MAX_LOG_CONFIGURATIONS,
  S3_ARN_TYPE,
  USER_POOL_ID_MAX_LENGTH,
  USER_POOL_ID_PATTERN,
} from "../../src/core/apiModel";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "../../src/core/destinations";
import { EVENT_SOURCES, EVENT_SOURCE_DELIVERY } from "../../src/core/eventSources";
import { EVENT_SOURCE_RULES as EMULATOR_EVENT_SOURCE_RULES } from "../../testing/emulator/logDeliveryRules";
import * as emulatorModel from "../../testing/emulator/model";

/** The emulator keeps patterns as the model writes them; the package as anchored regexes. */
const anchored = (pattern: string): string => `^${pattern}$`;

describe("the API model, as the package and the emulator copy it", () => {
  it("user pool IDs: length and pattern", () => {
    assert.equal(USER_POOL_ID_MAX_LENGTH, emulatorModel.USER_POOL_ID_LENGTH.max);
    assert.equal(USER_POOL_ID_PATTERN.source, anchored(emulatorModel.USER_POOL_ID_PATTERN));
  });

  it("at most this many log configurations", () => {
    assert.equal(MAX_LOG_CONFIGURATIONS, emulatorModel.LOG_CONFIGURATIONS_LENGTH.max);
  });

  it("ArnType and S3ArnType: lengths and patterns", () => {
    assert.deepEqual(
      { min: ARN_TYPE.min, max: ARN_TYPE.max },
      { ...emulatorModel.ARN_TYPE_LENGTH },
    );
    assert.equal(ARN_TYPE.pattern.source, anchored(emulatorModel.ARN_TYPE_PATTERN));
    assert.deepEqual(
      { min: S3_ARN_TYPE.min, max: S3_ARN_TYPE.max },
      { ...emulatorModel.S3_ARN_TYPE_LENGTH },
    );
    assert.equal(S3_ARN_TYPE.pattern.source, anchored(emulatorModel.S3_ARN_TYPE_PATTERN));
  });

  it("event sources and log levels", () => {
    assert.deepEqual([...EVENT_SOURCES].sort(), [...emulatorModel.EVENT_SOURCES].sort());
    const levels = new Set(EVENT_SOURCES.map((source) => EVENT_SOURCE_DELIVERY[source].logLevel));
    assert.deepEqual([...levels].sort(), [...emulatorModel.LOG_LEVELS].sort());
  });

  it("destinations: the API members and their ARN members", () => {
    assert.deepEqual(
      DESTINATION_PROPERTIES.map((property) => ({
        member: DESTINATIONS[property].awsMember,
        arnMember: DESTINATIONS[property].awsField,
      })),
      emulatorModel.DESTINATIONS.map(({ member, arnMember }) => ({ member, arnMember })),
    );
  });

  it("how each event source may be delivered: level and destinations", () => {
    for (const source of EVENT_SOURCES) {
      const ours = EVENT_SOURCE_DELIVERY[source];
      const emulator = EMULATOR_EVENT_SOURCE_RULES[source];
      assert.equal(ours.logLevel, emulator.logLevel, source);
      assert.deepEqual(
        ours.destinations.map((property) => DESTINATIONS[property].awsMember).sort(),
        [...emulator.destinations].sort(),
        source,
      );
    }
  });
});
