/**
 * The logging configurations of each account and region, in creation order, with the
 * states they move through: a create or update is pending (`CREATING`, `UPDATING`) for
 * the activation delay, then `ACTIVE`, or failed when its name is among those set to
 * fail; a delete is `DELETING` for the delay, then gone. Pending states settle when the
 * configuration is next looked at, by the store's clock.
 */
import { randomInt } from "node:crypto";
import { ID_LENGTH } from "./model";
import type { ChatDestination, LoggingConfigurationState } from "./model";

export interface LoggingConfigurationRecord {
  arn: string;
  id: string;
  name: string;
  destination: ChatDestination;
  tags: Record<string, string>;
  createTime: Date;
  updateTime: Date;
  state: LoggingConfigurationState;
  /** Creation position within its account and region, for stable pages. */
  sequence: number;
  /** Where a pending state goes, and when; `deleted` removes the configuration. */
  settles?: { atMs: number; to: LoggingConfigurationState | "deleted" };
}

/** How configurations move through their states. */
export interface ChatStateSettings {
  /** How long create, update and delete stay pending (default 0: they settle at once). */
  activationDelayMs: number;
  /** Configurations whose name matches end `CREATE_FAILED` / `UPDATE_FAILED` instead of `ACTIVE`. */
  failingNames?: RegExp;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function newId(): string {
  return Array.from({ length: ID_LENGTH }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join(
    "",
  );
}

export class LoggingConfigurationStore {
  private readonly regions = new Map<string, Map<string, LoggingConfigurationRecord>>();
  private nextSequence = 0;
  settings: ChatStateSettings = { activationDelayMs: 0 };

  constructor(private readonly now: () => Date = () => new Date()) {}

  create(
    accountId: string,
    region: string,
    fields: { name: string; destination: ChatDestination; tags: Record<string, string> },
  ): LoggingConfigurationRecord {
    const id = newId();
    const now = this.now();
    const record: LoggingConfigurationRecord = {
      ...fields,
      arn: `arn:aws:ivschat:${region}:${accountId}:logging-configuration/${id}`,
      id,
      createTime: now,
      updateTime: now,
      state: "CREATING",
      sequence: this.nextSequence++,
    };
    this.regionOf(accountId, region).set(record.arn, record);
    this.begin(record, "CREATING", this.fails(record) ? "CREATE_FAILED" : "ACTIVE");
    return record;
  }

  /** The configuration by ARN in this account and region, its state settled to now. */
  find(accountId: string, region: string, arn: string): LoggingConfigurationRecord | undefined {
    const record = this.regions.get(`${accountId}/${region}`)?.get(arn);
    return record && this.settle(record);
  }

  update(
    record: LoggingConfigurationRecord,
    changes: { name?: string; destination?: ChatDestination },
  ): void {
    Object.assign(record, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.destination !== undefined && { destination: changes.destination }),
    });
    record.updateTime = this.now();
    this.begin(record, "UPDATING", this.fails(record) ? "UPDATE_FAILED" : "ACTIVE");
  }

  delete(record: LoggingConfigurationRecord): void {
    this.begin(record, "DELETING", "deleted");
  }

  /** Up to `limit` configurations from creation position `from`, and where the next page starts. */
  page(
    accountId: string,
    region: string,
    from: number,
    limit: number,
  ): { records: LoggingConfigurationRecord[]; next: number | undefined } {
    const settled = [...(this.regions.get(`${accountId}/${region}`)?.values() ?? [])].flatMap(
      (record) => this.settle(record) ?? [],
    );
    const remaining = settled.filter((record) => record.sequence >= from);
    const records = remaining.slice(0, limit);
    const following = remaining[limit];
    return { records, next: following?.sequence };
  }

  /** Puts a configuration in a state (a test's way to leave one failed); false when there is none. */
  setState(arn: string, state: LoggingConfigurationState): boolean {
    for (const configurations of this.regions.values()) {
      const record = configurations.get(arn);
      if (record) {
        record.state = state;
        delete record.settles;
        return true;
      }
    }
    return false;
  }

  get size(): number {
    return [...this.regions.values()].reduce((total, region) => total + region.size, 0);
  }

  private regionOf(accountId: string, region: string): Map<string, LoggingConfigurationRecord> {
    const key = `${accountId}/${region}`;
    let configurations = this.regions.get(key);
    if (!configurations) {
      configurations = new Map();
      this.regions.set(key, configurations);
    }
    return configurations;
  }

  private fails(record: LoggingConfigurationRecord): boolean {
    return this.settings.failingNames?.test(record.name) ?? false;
  }

  private begin(
    record: LoggingConfigurationRecord,
    pending: LoggingConfigurationState,
    to: LoggingConfigurationState | "deleted",
  ): void {
    record.state = pending;
    record.settles = { atMs: this.now().getTime() + this.settings.activationDelayMs, to };
    this.settle(record);
  }

  /** The record with its pending state settled when its time has come; undefined once deleted. */
  private settle(record: LoggingConfigurationRecord): LoggingConfigurationRecord | undefined {
    if (record.settles && record.settles.atMs <= this.now().getTime()) {
      const { to } = record.settles;
      delete record.settles;
      if (to === "deleted") {
        const [, , , region, accountId] = record.arn.split(":");
        this.regions.get(`${accountId}/${region}`)?.delete(record.arn);
        return undefined;
      }
      record.state = to;
    }
    return record;
  }
}
