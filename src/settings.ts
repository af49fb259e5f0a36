/**
 * The package's settings, read once per provider process from the stack config (which the
 * dynamic-provider host hands to `configure`) and the environment, then passed to what
 * needs them. One row per setting: where it may be given, and how its text is read.
 */
import { InvalidSettingError } from "./errors";
import { DEFAULT_PACING } from "./aws/requestPacer";
import type { PacingSettings } from "./aws/requestPacer";

/** How refresh explains drift with CloudTrail (README "Who changed it"). */
export interface AttributionSettings {
  /** Look up who made a change that refresh finds; false makes no CloudTrail call at all. */
  enabled: boolean;
  /** LookupEvents per second per region; CloudTrail allows 2 per account and region. */
  lookupsPerSecond: number;
  /** How far back to look, in days; CloudTrail's event history keeps 90. */
  lookbackDays: number;
}

/** How `discover` reads Amazon IVS Chat. */
export interface IvsChatSettings {
  /** Requests per second per region; 0 turns pacing off. */
  readsPerSecond: number;
}

/** Everything configurable about the provider and the CLI. */
export interface Settings {
  pacing: PacingSettings;
  attribution: AttributionSettings;
  ivsChat: IvsChatSettings;
}

/**
 * Four fifths of 5 per second, the API rate quota of every Amazon IVS operation (IVS
 * "Service Quotas", not adjustable; IVS Chat's own per-operation figures are
 * unconfirmed), leaving room for other tools.
 */
export const DEFAULT_IVSCHAT: IvsChatSettings = { readsPerSecond: 4 };

/** CloudTrail keeps 90 days of management events in event history (CloudTrail User Guide). */
export const CLOUDTRAIL_HISTORY_DAYS = 90;

/**
 * Three quarters of CloudTrail's 2 LookupEvents per second per account and region, leaving
 * room for the console's Event history and other tools.
 */
export const DEFAULT_ATTRIBUTION: AttributionSettings = {
  enabled: true,
  lookupsPerSecond: 1.5,
  lookbackDays: CLOUDTRAIL_HISTORY_DAYS,
};

/** A value read from text, or the words that say what to write instead. */
type Reader<T> = (text: string) => { value: T } | { expected: string };

interface SettingRow<T> {
  config: string;
  environment: string;
  read: Reader<T>;
}

const RATE_EXPECTED =
  "set a number of requests per second per region (e.g. 10), or 0 to turn pacing off";

const readRate: Reader<number> = (text) => {
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? { value } : { expected: RATE_EXPECTED };
};

const readBoolean: Reader<boolean> = (text) => {
  const lowered = text.trim().toLowerCase();
  if (lowered === "true" || lowered === "1") {
    return { value: true };
  }
  if (lowered === "false" || lowered === "0") {
    return { value: false };
  }
  return { expected: "set true or false" };
};

const readLookupRate: Reader<number> = (text) => {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 && value <= 2
    ? { value }
    : {
        expected:
          "set a number of LookupEvents per second above 0 and at most 2, CloudTrail's limit per account and region (e.g. 1)",
      };
};

const readLookbackDays: Reader<number> = (text) => {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= CLOUDTRAIL_HISTORY_DAYS
    ? { value }
    : {
        expected: `set a whole number of days from 1 to ${CLOUDTRAIL_HISTORY_DAYS} (CloudTrail's event history keeps ${CLOUDTRAIL_HISTORY_DAYS})`,
      };
};

/** Where each setting may be given: a stack config key, else an environment variable. */
export const SETTING_SOURCES = {
  readsPerSecond: {
    config: "pulumi-cognito-log-delivery:readsPerSecond",
    environment: "COGNITO_LOG_DELIVERY_READS_PER_SECOND",
    read: readRate,
  },
  writesPerSecond: {
    config: "pulumi-cognito-log-delivery:writesPerSecond",
    environment: "COGNITO_LOG_DELIVERY_WRITES_PER_SECOND",
    read: readRate,
  },
  attributeDrift: {
    config: "pulumi-cognito-log-delivery:attributeDrift",
    environment: "COGNITO_LOG_DELIVERY_ATTRIBUTE_DRIFT",
    read: readBoolean,
  },
  cloudTrailLookupsPerSecond: {
    config: "pulumi-cognito-log-delivery:cloudTrailLookupsPerSecond",
    environment: "COGNITO_LOG_DELIVERY_CLOUDTRAIL_LOOKUPS_PER_SECOND",
    read: readLookupRate,
  },
  cloudTrailLookbackDays: {
    config: "pulumi-cognito-log-delivery:cloudTrailLookbackDays",
    environment: "COGNITO_LOG_DELIVERY_CLOUDTRAIL_LOOKBACK_DAYS",
    read: readLookbackDays,
  },
  ivsChatReadsPerSecond: {
    config: "pulumi-cognito-log-delivery:ivsChatReadsPerSecond",
    environment: "COGNITO_LOG_DELIVERY_IVSCHAT_READS_PER_SECOND",
    read: readRate,
  },
} as const satisfies Record<string, SettingRow<unknown>>;

/** Stack config as the host passes it (namespaced keys); the CLI has none. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export const NO_CONFIG: ConfigSource = { get: () => undefined };

/**
 * The settings from stack config, else the environment, else the defaults. Throws an
 * `InvalidSettingError` saying what to write when a value cannot be used.
 */
export function readSettings(
  config: ConfigSource,
  environment: Readonly<Record<string, string | undefined>>,
): Settings {
  const setting = <T>(row: SettingRow<T>, fallback: T): T => {
    const fromConfig = config.get(row.config);
    const [name, text] =
      fromConfig !== undefined
        ? [row.config, fromConfig]
        : [row.environment, environment[row.environment]];
    if (text === undefined || text === "") {
      return fallback;
    }
    const reading = row.read(text);
    if ("expected" in reading) {
      throw new InvalidSettingError(name, text, reading.expected);
    }
    return reading.value;
  };
  return {
    pacing: {
      readsPerSecond: setting(SETTING_SOURCES.readsPerSecond, DEFAULT_PACING.readsPerSecond),
      writesPerSecond: setting(SETTING_SOURCES.writesPerSecond, DEFAULT_PACING.writesPerSecond),
    },
    attribution: {
      enabled: setting(SETTING_SOURCES.attributeDrift, DEFAULT_ATTRIBUTION.enabled),
      lookupsPerSecond: setting(
        SETTING_SOURCES.cloudTrailLookupsPerSecond,
        DEFAULT_ATTRIBUTION.lookupsPerSecond,
      ),
      lookbackDays: setting(
        SETTING_SOURCES.cloudTrailLookbackDays,
        DEFAULT_ATTRIBUTION.lookbackDays,
      ),
    },
    ivsChat: {
      readsPerSecond: setting(
        SETTING_SOURCES.ivsChatReadsPerSecond,
        DEFAULT_IVSCHAT.readsPerSecond,
      ),
    },
  };
}
