/**
 * The log delivery inventory, pure: from what `discover` listed (user pools with their
 * configurations, IVS Chat logging configurations), each destination with every source
 * that delivers to it, and what needs attention.
 *
 * Cognito names a destination by ARN; IVS Chat by name, delivering within the logging
 * configuration's own account and region (AUDIT-AND-INVENTORY-FACTS "Amazon IVS Chat").
 * So a chat destination's ARN is built from its configuration's ARN (partition, region,
 * account) and the name, and sources are grouped by ARN: the same ARN is the same
 * resource. Bucket ARNs carry no account or region, and bucket names are unique within a
 * partition, so a bucket is matched by name. When a configuration's ARN does not say its
 * account, its destination can only be matched by name and region: the match is marked
 * uncertain, and flagged.
 */
import { parseArn } from "./arn";
import { destinationOf } from "./canonical";
import { DESTINATIONS, destinationOfKind } from "./destinations";
import type { Destination } from "./destinations";
import { partitionOfRegion } from "./regions";
import type { DestinationProperty, EventSource, LogConfiguration } from "../types";

/** A user pool as `discover` read it. */
export interface InventoryPool {
  region: string;
  userPoolId: string;
  name: string;
  logConfigurations: LogConfiguration[];
}

/** Where an IVS Chat logging configuration sends logs: a destination kind and the resource's name. */
export interface ChatDestination {
  property: DestinationProperty;
  name: string;
}

/** An IVS Chat logging configuration as `discover` listed it. */
export interface InventoryChatConfiguration {
  region: string;
  arn: string;
  id: string;
  name: string;
  /** `ACTIVE`, `CREATING`, `CREATE_FAILED`, ...: as IVS Chat said it. */
  state: string;
  /** Undefined when the union holds a member this package does not know (a newer destination). */
  destination: ChatDestination | undefined;
}

/** Something that delivers logs to a destination. */
export type DeliverySource =
  | {
      service: "cognito-idp";
      region: string;
      userPoolId: string;
      userPoolName: string;
      eventSource: EventSource;
    }
  | { service: "ivschat"; region: string; arn: string; id: string; name: string; state: string };

/** One destination and everything that delivers to it. */
export interface InventoryDestination {
  kind: Destination["kind"];
  /** The resource's name: log group, bucket or stream. */
  name: string;
  /** Its ARN; null when it cannot be known (an IVS Chat configuration whose account is unknown). */
  arn: string | null;
  /** Null for buckets, whose ARNs name no region or account. */
  region: string | null;
  accountId: string | null;
  sources: DeliverySource[];
  /** False when a source was matched by name and region only. */
  certain: boolean;
  /** How the sources were matched, for people. */
  matchedBy: string;
}

export type InventoryFlag =
  | {
      kind: "chatConfigurationNotActive";
      region: string;
      arn: string;
      name: string;
      state: string;
      message: string;
    }
  | { kind: "chatDestinationUnknown"; region: string; arn: string; name: string; message: string }
  | { kind: "destinationWithSeveralSources"; destination: string; sources: number; message: string }
  | { kind: "uncertainMatch"; destination: string; message: string }
  | {
      kind: "userPoolWithoutLogDelivery";
      region: string;
      userPoolId: string;
      name: string;
      message: string;
    };

/** A chat configuration's state when logs flow as configured (IVS Chat API: `state`). */
export const CHAT_ACTIVE_STATE = "ACTIVE";

/** A destination's words in messages and tables: `CloudWatch Logs /aws/x`. */
export function destinationWords(destination: InventoryDestination): string {
  return `${destinationOfKind(destination.kind).label} ${destination.name}`;
}

export function sourceWords(source: DeliverySource): string {
  return source.service === "cognito-idp"
    ? `user pool ${source.userPoolId} ${source.eventSource}`
    : `IVS Chat logging configuration ${source.name === "" ? source.id : `"${source.name}"`}`;
}

interface Located {
  destination: Destination;
  name: string;
  arn: string | null;
  region: string | null;
  accountId: string | null;
}

/** Where a pool's entry delivers, from its ARN. */
function locateArn(property: DestinationProperty, arn: string): Located {
  const destination = DESTINATIONS[property];
  const parsed = parseArn(arn);
  return {
    destination,
    name: parsed ? destination.resourceName(parsed.resource) : arn,
    arn,
    region: destination.regional ? (parsed?.region ?? null) : null,
    accountId: destination.regional ? (parsed?.account ?? null) : null,
  };
}

/** Where a chat configuration delivers: its name, in the configuration's own partition, region and account. */
function locateChat(
  configuration: InventoryChatConfiguration,
  chatDestination: ChatDestination,
): Located {
  const destination = DESTINATIONS[chatDestination.property];
  const parsed = parseArn(configuration.arn);
  const region = parsed?.region || configuration.region;
  const account = parsed?.account ?? "";
  const partition = parsed?.partition || partitionOfRegion(region);
  const knowable = !destination.regional || /^\d{12}$/.test(account);
  return {
    destination,
    name: chatDestination.name,
    arn: knowable ? destination.arnOf({ partition, region, account }, chatDestination.name) : null,
    region: destination.regional ? region : null,
    accountId: destination.regional && knowable ? account : null,
  };
}

/** Every destination with its sources, sorted by kind and name; and the flags about them. */
export function destinationsOf(
  pools: readonly InventoryPool[],
  chatConfigurations: readonly InventoryChatConfiguration[],
): InventoryDestination[] {
  const byArn = new Map<string, InventoryDestination>();
  const unknownAccount: { located: Located; source: DeliverySource }[] = [];
  const add = (located: Located, source: DeliverySource) => {
    if (located.arn === null) {
      unknownAccount.push({ located, source });
      return;
    }
    let group = byArn.get(located.arn);
    if (!group) {
      group = {
        kind: located.destination.kind,
        name: located.name,
        arn: located.arn,
        region: located.region,
        accountId: located.accountId,
        sources: [],
        certain: true,
        matchedBy: "",
      };
      byArn.set(located.arn, group);
    }
    group.sources.push(source);
  };
  for (const pool of pools) {
    for (const entry of pool.logConfigurations) {
      const found = destinationOf(entry);
      if (found) {
        add(locateArn(found.property, found.arn), {
          service: "cognito-idp",
          region: pool.region,
          userPoolId: pool.userPoolId,
          userPoolName: pool.name,
          eventSource: entry.eventSource,
        });
      }
    }
  }
  for (const configuration of chatConfigurations) {
    if (configuration.destination) {
      add(locateChat(configuration, configuration.destination), {
        service: "ivschat",
        region: configuration.region,
        arn: configuration.arn,
        id: configuration.id,
        name: configuration.name,
        state: configuration.state,
      });
    }
  }
  const groups = [...byArn.values()];
  for (const { located, source } of unknownAccount) {
    // Same kind, name and region, account unknown: possibly the same resource.
    const candidate = groups.find(
      (group) =>
        group.kind === located.destination.kind &&
        group.name === located.name &&
        group.region === located.region,
    );
    if (candidate) {
      candidate.sources.push(source);
      candidate.certain = false;
    } else {
      groups.push({
        kind: located.destination.kind,
        name: located.name,
        arn: null,
        region: located.region,
        accountId: null,
        sources: [source],
        certain: false,
        matchedBy: "",
      });
    }
  }
  for (const group of groups) {
    group.sources.sort((a, b) => sourceOrder(a).localeCompare(sourceOrder(b)));
    group.matchedBy = matchedBy(group);
  }
  return groups.sort(
    (a, b) => a.kind.localeCompare(b.kind) || (a.arn ?? a.name).localeCompare(b.arn ?? b.name),
  );
}

function sourceOrder(source: DeliverySource): string {
  return source.service === "cognito-idp"
    ? `0 ${source.region} ${source.userPoolId} ${source.eventSource}`
    : `1 ${source.region} ${source.arn}`;
}

function matchedBy(group: InventoryDestination): string {
  const chat = group.sources.some((source) => source.service === "ivschat");
  if (!group.certain) {
    return `by name and region only: an IVS Chat logging configuration's ARN does not say its account, so this may be another ${destinationOfKind(group.kind).title} of the same name`;
  }
  if (!chat) {
    return "by ARN";
  }
  return group.region === null
    ? "by bucket name, which is unique within the partition"
    : `by name within account ${group.accountId} and region ${group.region}, where IVS Chat delivers`;
}

/** What needs attention: chat configurations not ACTIVE, shared destinations, uncertain matches, pools delivering nothing. */
export function inventoryFlags(
  pools: readonly InventoryPool[],
  chatConfigurations: readonly InventoryChatConfiguration[],
  destinations: readonly InventoryDestination[],
): InventoryFlag[] {
  const flags: InventoryFlag[] = [];
  for (const configuration of chatConfigurations) {
    const label = `IVS Chat logging configuration ${configuration.name === "" ? configuration.id : `"${configuration.name}"`} (${configuration.arn})`;
    if (configuration.state !== CHAT_ACTIVE_STATE) {
      flags.push({
        kind: "chatConfigurationNotActive",
        region: configuration.region,
        arn: configuration.arn,
        name: configuration.name,
        state: configuration.state,
        message: configuration.state.endsWith("_FAILED")
          ? `${label} is ${configuration.state}: chat logs may not reach its destination; check that the destination exists and allows delivery, then update or recreate it.`
          : `${label} is ${configuration.state}, not ACTIVE: run discover again once it has settled.`,
      });
    }
    if (configuration.destination === undefined) {
      flags.push({
        kind: "chatDestinationUnknown",
        region: configuration.region,
        arn: configuration.arn,
        name: configuration.name,
        message: `${label} has a destination this version does not know: upgrade pulumi-cognito-log-delivery to see where it delivers.`,
      });
    }
  }
  for (const destination of destinations) {
    const where = destination.arn ?? destinationWords(destination);
    if (destination.sources.length > 1) {
      flags.push({
        kind: "destinationWithSeveralSources",
        destination: where,
        sources: destination.sources.length,
        message: `${destinationWords(destination)} receives logs from ${destination.sources.length} sources (${destination.sources.map(sourceWords).join(", ")}): a change to it affects them all.`,
      });
    }
    if (!destination.certain) {
      flags.push({
        kind: "uncertainMatch",
        destination: where,
        message: `${destinationWords(destination)}: matched ${destination.matchedBy}.`,
      });
    }
  }
  for (const pool of pools) {
    if (pool.logConfigurations.length === 0) {
      flags.push({
        kind: "userPoolWithoutLogDelivery",
        region: pool.region,
        userPoolId: pool.userPoolId,
        name: pool.name,
        message: `user pool ${pool.userPoolId} ("${pool.name}") in ${pool.region} delivers no logs: message-delivery errors (userNotification) are lost unless they go to a log group.`,
      });
    }
  }
  return flags;
}
