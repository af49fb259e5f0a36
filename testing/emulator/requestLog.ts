/** What the emulator remembers of each request, for tests to assert on. */
import type { FaultKind } from "./faults";

export interface RecordedRequest {
  /** The service the request was addressed to, by signing name (`cognito-idp`, `cloudtrail`). */
  service: string;
  /** The operation the request named (`X-Amz-Target`, or the path of a REST-JSON call), served or not. */
  operation: string;
  /** The region of the credential scope; undefined when the request had none. */
  region: string | undefined;
  /** The pool the request named, or the pool CreateUserPool created. */
  userPoolId?: string;
  /** The request body as parsed JSON, or as text when it was not JSON. */
  body: unknown;
  /** The HTTP status answered; undefined when the connection was dropped without an answer. */
  status: number | undefined;
  /** The AWS error type answered, if any. */
  errorType?: string;
  /** The `x-amzn-RequestId` of the answer (also assigned to dropped requests). */
  requestId: string;
  startedAt: Date;
  /** The injected fault the request met, if any. */
  fault?: FaultKind;
  /** Why it was throttled (`TooManyRequestsException`, CloudTrail's `ThrottlingException`): an injected `throttle` fault or a rate limit. */
  throttledBy?: "fault" | "rate-limit";
}

export class RequestLog {
  private entries: RecordedRequest[] = [];

  get requests(): readonly RecordedRequest[] {
    return this.entries;
  }

  record(request: RecordedRequest): void {
    this.entries.push(request);
  }

  count(operation: string): number {
    return this.entries.filter((request) => request.operation === operation).length;
  }

  /** Requests answered `TooManyRequestsException`, of one operation or of all. */
  throttledCount(operation?: string): number {
    return this.entries.filter(
      (request) =>
        request.throttledBy !== undefined &&
        (operation === undefined || request.operation === operation),
    ).length;
  }

  clear(): void {
    this.entries = [];
  }
}
