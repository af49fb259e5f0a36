/**
 * One request, from the HTTP message to its answer, its entry in the request log and, for
 * Cognito calls, its CloudTrail record. The order of checks is AWS's: authentication,
 * operation, IAM, injected faults, rate limits, body, then the operation's own checks: a
 * throttled request is refused cheaply, whatever its body holds.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { EventHistory } from "./cloudtrail/eventHistory";
import {
  accessKeyOf,
  isDenied,
  principalArn,
  principalOf,
  userIdentityOf,
  userNameOf,
} from "./cloudtrail/principals";
import type { Principals } from "./cloudtrail/principals";
import { parseRequestBody, StructureReader } from "./deserialize";
import { CognitoServiceError } from "./errors";
import type { FaultPlan } from "./faults";
import type { OperationContext } from "./operations";
import type { RateLimiter, TokenBucket } from "./rateLimits";
import {
  addressedRequest,
  readBody,
  requestRegion,
  sendError,
  sendOutput,
  servedOperation,
  targetedService,
} from "./protocol";
import type { AddressedRequest } from "./protocol";
import type { RecordedRequest } from "./requestLog";
import { SERVICES } from "./services";
import type { ServedService } from "./services";

/** What a request is handled with; the same for every request of one emulator. */
export interface HandlerState {
  accountId: string;
  store: OperationContext["store"];
  chatStore: OperationContext["chatStore"];
  history: EventHistory;
  principals: Principals;
  /** When sessions of assumed roles started (the emulator's start). */
  startedAt: Date;
  faults: FaultPlan;
  rateLimiter: RateLimiter;
  /** CloudTrail's LookupEvents limit, one bucket per account and region; undefined: none. */
  lookupBucket: ((accountId: string, region: string) => TokenBucket) | undefined;
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
  const addressed = addressedRequest(request);
  const service = targetedService(addressed, SERVICES);
  const record: RecordedRequest = {
    service: service.protocol.signingName,
    operation: service.protocol.operationName(addressed),
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
  const answer = await answerOf(request, addressed, service, text, record, state);
  if (record.fault === "drop-after-apply" || response.socket?.destroyed) {
    // drop-after-apply models a connection lost after AWS carried the request out: the
    // client never learns the outcome. A socket already gone (the client gave up during
    // a latency fault, or the emulator closed) has nobody to answer either.
    response.socket?.destroy();
  } else if ("output" in answer) {
    record.status = sendOutput(
      response,
      service.protocol,
      record.operation,
      record.requestId,
      answer.output,
    );
  } else {
    sendError(response, service.protocol, record.requestId, answer.error);
    record.status = answer.error.httpStatus;
    record.errorType = answer.error.errorType;
  }
  recordInCloudTrail(request, service, record, answer, state);
  state.recordRequest(record);
}

async function answerOf(
  request: IncomingMessage,
  addressed: AddressedRequest,
  service: ServedService,
  text: string,
  record: RecordedRequest,
  state: HandlerState,
): Promise<Answer> {
  try {
    const region = requestRegion(request.headers, service.protocol);
    record.region = region;
    const operation = servedOperation(addressed, service.protocol, service.operations);
    const accessKeyId = accessKeyOf(request.headers.authorization) ?? "";
    const principal = principalOf(accessKeyId, state.principals);
    const action = `${service.protocol.signingName}:${record.operation}`;
    if (isDenied(principal, action)) {
      throw service.accessDenied(principalArn(principal, state.accountId, region), action);
    }
    const fault = state.faults.take(record.operation);
    if (fault) {
      record.fault = fault.kind;
    }
    if (fault?.kind === "throttle") {
      record.throttledBy = "fault";
      throw service.throttled();
    }
    if (fault?.kind === "internal-error") {
      throw service.internalFailure("An internal error occurred (injected fault).");
    }
    if (fault?.kind === "latency") {
      await delay(fault.latencyMs, undefined, { signal: state.closing });
    }
    const admitted =
      service.limitedBy === "lookup-limit"
        ? (state.lookupBucket?.(state.accountId, region).tryTake() ?? true)
        : state.rateLimiter.admit({
            operation: record.operation,
            accountId: state.accountId,
            region,
            userPoolId: record.userPoolId,
          });
    if (!admitted) {
      record.throttledBy = "rate-limit";
      throw service.throttled();
    }
    const body = new StructureReader(parseRequestBody(text));
    const result = operation(body, {
      region,
      accountId: state.accountId,
      store: state.store,
      chatStore: state.chatStore,
      history: state.history,
    });
    if (result.createdUserPoolId !== undefined) {
      record.userPoolId = result.createdUserPoolId;
    }
    return { output: result.output };
  } catch (error) {
    if (error instanceof CognitoServiceError) {
      return { error };
    }
    return { error: service.internalFailure(`The emulator failed: ${(error as Error).message}`) };
  }
}

/**
 * CloudTrail records every call of a recorded service that reached an operation (it was
 * authenticated and named one), failed ones included (CloudTrail record contents:
 * `errorCode`, `errorMessage`), throttled ones too. A call dropped after it was applied
 * is recorded as the success it was.
 */
function recordInCloudTrail(
  request: IncomingMessage,
  service: ServedService,
  record: RecordedRequest,
  answer: Answer,
  state: HandlerState,
): void {
  if (
    service.recordedAs === undefined ||
    record.region === undefined ||
    !service.operations.has(record.operation)
  ) {
    return;
  }
  const accessKeyId = accessKeyOf(request.headers.authorization) ?? "";
  const principal = principalOf(accessKeyId, state.principals);
  state.history.record({
    identity: userIdentityOf(
      principal,
      accessKeyId,
      state.accountId,
      record.region,
      state.startedAt,
    ),
    userName: userNameOf(principal),
    eventSource: service.recordedAs,
    operation: record.operation,
    region: record.region,
    sourceIPAddress: request.socket.remoteAddress ?? "127.0.0.1",
    userAgent: String(request.headers["user-agent"] ?? ""),
    body: typeof record.body === "string" ? undefined : record.body,
    output: "output" in answer ? answer.output : undefined,
    ...("error" in answer && {
      error: { errorType: answer.error.errorType, message: answer.error.message },
    }),
    requestId: record.requestId,
    readOnly: service.readOnly(record.operation),
    ...(record.userPoolId !== undefined && { userPoolId: record.userPoolId }),
  });
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
