/**
 * The package's settings, read once per provider process from the stack config (which the
 * dynamic-provider host hands to `configure`) and the environment, then passed to what
 * needs them.
 */
import { InvalidSettingError } from "./errors";
import { DEFAULT_PACING } from "./aws/requestPacer";
import type { PacingSettings } from "./aws/requestPacer";

/** Everything configurable about the provider. */
export interface Settings {
  pacing: PacingSettings;
}

/** Where a setting may be given: a stack config key, else an environment variable. */
export const SETTING_SOURCES = {
  readsPerSecond: {
    config: "pulumi-cognito-log-delivery:readsPerSecond",
    environment: "COGNITO_LOG_DELIVERY_READS_PER_SECOND",
  },
  writesPerSecond: {
    config: "pulumi-cognito-log-delivery:writesPerSecond",
    environment: "COGNITO_LOG_DELIVERY_WRITES_PER_SECOND",
  },
} as const;

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
  const rate = (name: keyof typeof SETTING_SOURCES): number => {
    const { config: key, environment: variable } = SETTING_SOURCES[name];
    const fromConfig = config.get(key);
    const [setting, text] =
      fromConfig !== undefined ? [key, fromConfig] : [variable, environment[variable]];
    if (text === undefined || text === "") {
      return DEFAULT_PACING[name];
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidSettingError(
        setting,
        text,
        "set a number of requests per second per region (e.g. 10), or 0 to turn pacing off",
      );
    }
    return value;
  };
  return {
    pacing: { readsPerSecond: rate("readsPerSecond"), writesPerSecond: rate("writesPerSecond") },
  };
}
