/**
 * The one reading of a resource's untyped inputs. A single pass turns the property bag
 * into canonical inputs (what `check` returns, and the engine stores and diffs), failures
 * (each names the property path and says what to write instead), and, when there are no
 * failures and nothing is still unknown, the typed desired state that create and update
 * apply. Values still unknown during preview are skipped. It reads only the shape it knows,
 * so no value, however deeply nested, can make it throw.
 */
import type { EventSource, LogConfiguration, LogLevel } from "../types";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "./destinations";
import { FailureCollector } from "./failures";
import type { CheckFailure } from "./failures";
import { readLogConfigurations } from "./readLogConfigurations";
import { readPool } from "./readPool";
import { poolRegion } from "./regions";
import { reportUnknownKeys } from "./unknownKeys";
import { containsUnknown, isRecord } from "./values";

/** A user pool and the region it is addressed in. */
export interface PoolAddress {
  userPoolId: string;
  region: string;
}

/** What create and update apply: the pool, and its whole configuration in canonical form. */
export interface DesiredState {
  pool: PoolAddress;
  logConfigurations: LogConfiguration[];
}

/** The result of reading a resource's inputs. */
export interface InputsReading {
  /** The canonical inputs; anything not understood is passed through unchanged. */
  inputs: Record<string, unknown>;
  failures: readonly CheckFailure[];
  /** Present when there are no failures and every value is known. */
  desired: DesiredState | undefined;
}

/** Keys Pulumi itself adds to a dynamic resource's inputs. */
const PULUMI_KEYS = ["__provider"];
const TOP_LEVEL_KEYS = ["userPoolId", "logConfigurations", "region"];

/** Reads a resource's inputs once: canonical form, failures, desired state. */
export function readInputs(properties: unknown): InputsReading {
  const bag = isRecord(properties) ? properties : {};
  const failures = new FailureCollector();
  reportUnknownKeys(bag, TOP_LEVEL_KEYS, "", failures, PULUMI_KEYS);
  const pool = readPool(bag, failures);
  const list = readLogConfigurations(bag["logConfigurations"], pool.regionOfDestinations, failures);

  const inputs: Record<string, unknown> = { ...bag };
  if (list !== undefined) {
    inputs["logConfigurations"] = list;
  }
  if (pool.storedRegion !== undefined) {
    inputs["region"] = pool.storedRegion;
  }
  const complete = failures.count === 0 && !containsUnknown(inputs);
  return {
    inputs,
    failures: failures.failures,
    desired: complete ? desiredStateOf(inputs) : undefined,
  };
}

/** Only called on inputs read without failures and fully known. */
function desiredStateOf(inputs: Record<string, unknown>): DesiredState {
  const userPoolId = inputs["userPoolId"] as string;
  const region = inputs["region"] as string | undefined;
  return {
    pool: { userPoolId, region: poolRegion(userPoolId, region) },
    logConfigurations: (inputs["logConfigurations"] as Record<string, unknown>[]).map(typedEntry),
  };
}

function typedEntry(entry: Record<string, unknown>): LogConfiguration {
  const typed: LogConfiguration = {
    eventSource: entry["eventSource"] as EventSource,
    logLevel: entry["logLevel"] as LogLevel,
  };
  for (const property of DESTINATION_PROPERTIES) {
    const destination = entry[property];
    if (isRecord(destination)) {
      const field = DESTINATIONS[property].field;
      Object.assign(typed, { [property]: { [field]: destination[field] } });
    }
  }
  return typed;
}
