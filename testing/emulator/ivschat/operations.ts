/**
 * Amazon IVS Chat's logging configuration operations, by the path they are posted to
 * (`POST /CreateLoggingConfiguration`, ...). Timestamps are ISO 8601 strings (REST-JSON).
 */
import type { Operation, OperationContext } from "../operations";
import { conflict, resourceNotFound, validationException } from "./errors";
import { destinationConfigurationOf, PENDING_STATES } from "./model";
import type { LoggingConfigurationRecord } from "./store";
import {
  readCreateRequest,
  readIdentifierRequest,
  readListRequest,
  readUpdateRequest,
} from "./validation";

/** What Create, Get and Update answer (the summary that List answers is the same shape). */
function loggingConfigurationOutput(record: LoggingConfigurationRecord): object {
  return {
    arn: record.arn,
    id: record.id,
    name: record.name,
    state: record.state,
    destinationConfiguration: destinationConfigurationOf(record.destination),
    tags: record.tags,
    createTime: record.createTime.toISOString(),
    updateTime: record.updateTime.toISOString(),
  };
}

function findConfiguration(
  context: OperationContext,
  identifier: string,
): LoggingConfigurationRecord {
  const record = context.chatStore.find(context.accountId, context.region, identifier);
  if (!record) {
    throw resourceNotFound(identifier);
  }
  return record;
}

/** Update and delete wait for a pending create, update or delete to finish. */
function settledConfiguration(
  context: OperationContext,
  identifier: string,
): LoggingConfigurationRecord {
  const record = findConfiguration(context, identifier);
  if (PENDING_STATES.includes(record.state)) {
    throw conflict(identifier, record.state);
  }
  return record;
}

const createLoggingConfiguration: Operation = (body, context) => {
  const request = readCreateRequest(body);
  const record = context.chatStore.create(context.accountId, context.region, {
    name: request.name ?? "",
    destination: request.destination,
    tags: request.tags,
  });
  return { output: loggingConfigurationOutput(record) };
};

const getLoggingConfiguration: Operation = (body, context) => ({
  output: loggingConfigurationOutput(findConfiguration(context, readIdentifierRequest(body))),
});

const updateLoggingConfiguration: Operation = (body, context) => {
  const request = readUpdateRequest(body);
  const record = settledConfiguration(context, request.identifier);
  context.chatStore.update(record, {
    ...(request.name !== undefined && { name: request.name }),
    ...(request.destination !== undefined && { destination: request.destination }),
  });
  return { output: loggingConfigurationOutput(record) };
};

const deleteLoggingConfiguration: Operation = (body, context) => {
  context.chatStore.delete(settledConfiguration(context, readIdentifierRequest(body)));
  return { output: {} };
};

interface PageToken {
  accountId: string;
  region: string;
  sequence: number;
}

/** A token names where the next page starts, in the account and region that issued it. */
function encodePageToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decodePageToken(text: string, context: OperationContext): number {
  let token: Partial<PageToken> = {};
  try {
    token = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Partial<PageToken>;
  } catch {
    // Not a token this emulator issued: refused below like any other.
  }
  if (
    token.accountId !== context.accountId ||
    token.region !== context.region ||
    !Number.isInteger(token.sequence) ||
    (token.sequence as number) < 0
  ) {
    const message = `nextToken was not issued by ListLoggingConfigurations in ${context.region}: pass the nextToken of the previous page, or none for the first page.`;
    throw validationException(message, "FIELD_VALIDATION_FAILED", [{ name: "nextToken", message }]);
  }
  return token.sequence as number;
}

const listLoggingConfigurations: Operation = (body, context) => {
  const request = readListRequest(body);
  const from = request.nextToken === undefined ? 0 : decodePageToken(request.nextToken, context);
  const page = context.chatStore.page(context.accountId, context.region, from, request.maxResults);
  return {
    output: {
      loggingConfigurations: page.records.map(loggingConfigurationOutput),
      ...(page.next !== undefined && {
        nextToken: encodePageToken({
          accountId: context.accountId,
          region: context.region,
          sequence: page.next,
        }),
      }),
    },
  };
};

export const IVSCHAT_OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ["CreateLoggingConfiguration", createLoggingConfiguration],
  ["GetLoggingConfiguration", getLoggingConfiguration],
  ["UpdateLoggingConfiguration", updateLoggingConfiguration],
  ["DeleteLoggingConfiguration", deleteLoggingConfiguration],
  ["ListLoggingConfigurations", listLoggingConfigurations],
]);
