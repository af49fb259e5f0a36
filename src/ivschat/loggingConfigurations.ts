/**
 * Lists a region's Amazon IVS Chat logging configurations (ListLoggingConfigurations,
 * every page, 50 per page: the API's maximum) into canonical data: the destination as one
 * of our destination kinds with the resource's name. Reads only.
 */
import { paginateListLoggingConfigurations } from "@aws-sdk/client-ivschat";
import type { DestinationConfiguration } from "@aws-sdk/client-ivschat";
import { DESTINATIONS, DESTINATION_PROPERTIES } from "../core/destinations";
import { pagesOrFail } from "../aws/pages";
import type { ChatDestination, InventoryChatConfiguration } from "../core/inventory";
import type { IvsChatClients } from "./clients";
import { describeIvsChatFailure } from "./failureAdvice";

/** ListLoggingConfigurations: `maxResults` is 1–50; the fewest calls take 50. */
export const LOGGING_CONFIGURATIONS_PAGE_SIZE = 50;

/** A logging configuration as listed: what the inventory needs, and what people read. */
export interface ChatLoggingConfiguration extends InventoryChatConfiguration {
  tags: Record<string, string>;
  /** ISO 8601, as the API sends them. */
  createTime: string | undefined;
  updateTime: string | undefined;
}

/** The union's one member, as one of our destination kinds. */
export function chatDestinationOf(
  configuration: DestinationConfiguration | undefined,
): ChatDestination | undefined {
  if (!configuration) {
    return undefined;
  }
  for (const property of DESTINATION_PROPERTIES) {
    const { member, field } = DESTINATIONS[property].ivsChat;
    const value = (configuration as unknown as Record<string, Record<string, unknown> | undefined>)[
      member
    ]?.[field];
    if (typeof value === "string") {
      return { property, name: value };
    }
  }
  return undefined;
}

/** Every logging configuration in the region; `onPage` reports progress. */
export async function listChatLoggingConfigurations(
  clients: IvsChatClients,
  region: string,
  onPage: (listedSoFar: number) => void = () => undefined,
): Promise<ChatLoggingConfiguration[]> {
  const pages = paginateListLoggingConfigurations(
    { client: clients.forRegion(region), pageSize: LOGGING_CONFIGURATIONS_PAGE_SIZE },
    {},
  );
  const listed: ChatLoggingConfiguration[] = [];
  const describe = (error: unknown) =>
    describeIvsChatFailure(error, region, clients.endpointOverride());
  for await (const page of pagesOrFail(
    pages,
    { operation: "ListLoggingConfigurations", region },
    describe,
  )) {
    for (const summary of page.loggingConfigurations ?? []) {
      if (!summary.arn) {
        continue;
      }
      listed.push({
        region,
        arn: summary.arn,
        id: summary.id ?? summary.arn.split("/").pop() ?? "",
        name: summary.name ?? "",
        state: summary.state ?? "UNKNOWN",
        destination: chatDestinationOf(summary.destinationConfiguration),
        tags: { ...(summary.tags ?? {}) },
        createTime: summary.createTime?.toISOString(),
        updateTime: summary.updateTime?.toISOString(),
      });
    }
    onPage(listed.length);
  }
  return listed;
}
