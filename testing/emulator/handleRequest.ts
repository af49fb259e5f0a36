/**
 * One request, from the HTTP message to its answer and its entry in the request log.
 * The order of checks is AWS's: authentication, operation, injected faults, rate limits,
 * body, then the operation's own checks: a throttled request is refused cheaply, whatever
 * its body holds.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { parseRequestBody, StructureReader } from "./deserialize";
import { CognitoServiceError, internalError, tooManyRequests } from "./errors";
import type { FaultPlan } from "./faults";
import type { OperationContext } from "./operations";
import { OPERATIONS } from "./operations";
import type { RateLimiter } from "./rateLimits";
import {
  operationName,
  readBody,
  requestRegion,
  sendError,
  sendOutput,
  servedOperation,
} from "./protocol";
import type { RecordedRequest } from "./requestLog";

/** What a request is handled with; the same for every request of one emulator. */
export interface HandlerState {
  accountId: string;
  store: OperationContext["store"];
  faults: FaultPlan;
  rateLimiter: RateLimiter;
  /** Aborted when the emulator closes, to end `latency` waits. */
  closing: AbortSignal;
  /** Called once per request, after it was answered or dropped. */
  recordRequest: (request: RecordedRequest) => void;
}

type Answer = { output: object } | { error: CognitoServiceError };

export async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  state: HandlerState,
): Promise<void> {
  const record: RecordedRequest = {
    operation: operationName(request.headers),
    region: undefined,
    body: undefined,
    status: undefined,
    requestId: randomUUID(),
    startedAt: new Date(),
  };
  const text = await readBody(request);
  record.body = bodyForLog(text);
  if (isRecord(record.body) && typeof record.body.UserPoolId === "string") {
    record.userPoolId = record.body.UserPoolId;
  }
  const answer = await answerOf(request, text, record, state);
  if (record.fault === "drop-after-apply" || response.socket?.destroyed) {
    // drop-after-apply models a connection lost after AWS carried the request out: the
    // client never learns the outcome. A socket already gone (the client gave up during
    // a latency fault, or the emulator closed) has nobody to answer either.
    response.socket?.destroy();
  } else if ("output" in answer) {
    sendOutput(response, record.requestId, answer.output);
    record.status = 200;
  } else {
    sendError(response, record.requestId, answer.error);
    record.status = answer.error.httpStatus;
    record.errorType = answer.error.errorType;
  }
  state.recordRequest(record);
}

async function answerOf(
  request: IncomingMessage,
  text: string,
  record: RecordedRequest,
  state: HandlerState,
): Promise<Answer> {
  try {
    const region = requestRegion(request.headers);
    record.region = region;
    const operation = servedOperation(request.headers, OPERATIONS);
    const fault = state.faults.take(record.operation);
    if (fault) {
      record.fault = fault.kind;
    }
    if (fault?.kind === "throttle") {
      record.throttledBy = "fault";
      throw tooManyRequests();
    }
    if (fault?.kind === "internal-error") {
      throw internalError("An internal error occurred (injected fault).");
    }
    if (fault?.kind === "latency") {
      await delay(fault.latencyMs, undefined, { signal: state.closing });
    }
    const admitted = state.rateLimiter.admit({
      operation: record.operation,
      accountId: state.accountId,
      region,
      userPoolId: record.userPoolId,
    });
    if (!admitted) {
      record.throttledBy = "rate-limit";
      throw tooManyRequests();
    }
    const body = new StructureReader(parseRequestBody(text));
    const result = operation(body, { region, accountId: state.accountId, store: state.store });
    if (result.createdUserPoolId !== undefined) {
      record.userPoolId = result.createdUserPoolId;
    }
    return { output: result.output };
  } catch (error) {
    if (error instanceof CognitoServiceError) {
      return { error };
    }
    return { error: internalError(`The emulator failed: ${(error as Error).message}`) };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The body as JSON when it parses, otherwise as the text that was sent. */
function bodyForLog(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Malformed bodies are answered with SerializationException; the log keeps what was sent.
    return text;
  }
}
