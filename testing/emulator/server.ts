/**
 * A local Amazon Cognito user pools endpoint for tests and demos: the real AWS SDK
 * talks to it over HTTP as it would to AWS (AWS JSON 1.1, SigV4 credential scope for
 * the region), and it enforces the rules AWS enforces on user pools and their log
 * delivery. It records every Cognito call as CloudTrail would, and serves CloudTrail's
 * LookupEvents on the same endpoint. Tests can read what was called, inject faults and
 * limit request rates.
 *
 * ```ts
 * const emulator = await startCognitoEmulator();
 * const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: emulator.endpoint, credentials });
 * ...
 * await emulator.close();
 * ```
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { EventHistory } from "./cloudtrail/eventHistory";
import type { CloudTrailRecord } from "./cloudtrail/eventHistory";
import type { EmulatedPrincipal } from "./cloudtrail/principals";
import { FaultPlan } from "./faults";
import type { FaultRule } from "./faults";
import { handleRequest } from "./handleRequest";
import { LoggingConfigurationStore } from "./ivschat/store";
import type { LoggingConfigurationState } from "./ivschat/model";
import { RateLimiter, rateLimitProblem, TokenBucket } from "./rateLimits";
import type { RateLimits } from "./rateLimits";
import { RequestLog } from "./requestLog";
import type { RecordedRequest } from "./requestLog";
import { ALL_OPERATIONS } from "./services";
import { UserPoolStore } from "./store";

export type { CloudTrailRecord } from "./cloudtrail/eventHistory";
export type { EmulatedPrincipal } from "./cloudtrail/principals";

export type { FaultKind, FaultRule } from "./faults";
export type { LoggingConfigurationState } from "./ivschat/model";
export type { RateLimit, RateLimits } from "./rateLimits";
export type { RecordedRequest } from "./requestLog";

export const DEFAULT_ACCOUNT_ID = "123456789012";
export const DEFAULT_HOST = "127.0.0.1";
/** CloudTrail allows 2 LookupEvents per second per account and region (AUDIT-AND-INVENTORY-FACTS). */
export const DEFAULT_LOOKUP_REQUESTS_PER_SECOND = 2;
const IDLE_CONNECTION_TIMEOUT_MS = 10 * 60 * 1000;

export interface CognitoEmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** The account that owns the pools, in ARNs (default 123456789012). */
  accountId?: string;
  /** Faults in force from the start. */
  faults?: readonly FaultRule[];
  /**
   * Request rates beyond which requests are answered `TooManyRequestsException`, as
   * Cognito does (AWS-FACTS "Request rates"); none by default.
   */
  rateLimits?: RateLimits;
  /** Called after each request was answered or dropped, e.g. to print it. */
  onRequest?: (request: RecordedRequest) => void;
  /** Wall clock for CloudTrail event times and the 90-day window (default: real time). */
  clock?: () => Date;
  /** Identities by access key ID; other keys are IAM users named "user-<key>". */
  principals?: Readonly<Record<string, EmulatedPrincipal>>;
  cloudTrail?: {
    /** How long after a call its record becomes visible to LookupEvents (default 0). */
    deliveryDelayMs?: number;
    /** LookupEvents per second per account and region before ThrottlingException (default 2; 0: no limit). */
    lookupRequestsPerSecond?: number;
  };
  ivsChat?: IvsChatOptions;
}

/** How Amazon IVS Chat's logging configurations move through their states. */
export interface IvsChatOptions {
  /** How long create, update and delete stay pending (`CREATING`, ...) before they settle (default 0). */
  activationDelayMs?: number;
  /** Configurations whose name matches end `CREATE_FAILED` / `UPDATE_FAILED` instead of `ACTIVE`. */
  failingNames?: RegExp;
}

/** A running emulator. */
export interface CognitoEmulator {
  /** Where to point the SDK, e.g. `http://127.0.0.1:54321`. */
  readonly endpoint: string;
  /** Every request since start or the last `clearRequests`, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** How many recorded requests named this operation. */
  callCount(operation: string): number;
  /**
   * How many recorded requests were answered `TooManyRequestsException`, by an injected
   * `throttle` fault or a rate limit, of this operation or of all.
   */
  throttledCount(operation?: string): number;
  clearRequests(): void;
  /** Adds a fault; throws when the rule is not valid. */
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Replaces the rate limits (undefined: none); throws when invalid. Every bucket starts full. */
  setRateLimits(limits: RateLimits | undefined): void;
  /** Every CloudTrail record made, oldest first, delivered or not. */
  readonly cloudTrailEvents: readonly CloudTrailRecord[];
  setCloudTrailDeliveryDelay(ms: number): void;
  clearCloudTrailEvents(): void;
  /** Replaces how IVS Chat logging configurations settle, for what is created or changed from now on. */
  setIvsChatOptions(options: IvsChatOptions): void;
  /** Puts an IVS Chat logging configuration in a state, e.g. `UPDATE_FAILED`; throws when there is none. */
  setLoggingConfigurationState(arn: string, state: LoggingConfigurationState): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts an emulator; rejects when the options are invalid or the port cannot be listened on. */
export async function startCognitoEmulator(
  options: CognitoEmulatorOptions = {},
): Promise<CognitoEmulator> {
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) {
    throw new Error(`accountId must be 12 digits; got "${accountId}"`);
  }
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? 0;
  const faults = new FaultPlan(ALL_OPERATIONS);
  for (const rule of options.faults ?? []) {
    faults.add(rule);
  }
  const rateLimiter = new RateLimiter();
  rateLimiter.setLimits(options.rateLimits);
  const log = new RequestLog();
  const closing = new AbortController();
  const history = new EventHistory(options.clock ?? (() => new Date()));
  history.setDeliveryDelay(options.cloudTrail?.deliveryDelayMs ?? 0);
  const lookupRate =
    options.cloudTrail?.lookupRequestsPerSecond ?? DEFAULT_LOOKUP_REQUESTS_PER_SECOND;
  const lookupProblem =
    lookupRate === 0 ? undefined : rateLimitProblem({ requestsPerSecond: lookupRate });
  if (lookupProblem) {
    throw new Error(`cloudTrail.lookupRequestsPerSecond: ${lookupProblem}, or 0 for no limit`);
  }
  const lookupBuckets = new Map<string, TokenBucket>();
  const chatStore = new LoggingConfigurationStore(options.clock);
  chatStore.settings = ivsChatSettings(options.ivsChat ?? {});
  const state = {
    accountId,
    store: new UserPoolStore(),
    chatStore,
    history,
    principals: options.principals ?? {},
    startedAt: new Date(),
    lookupBucket:
      lookupRate === 0
        ? undefined
        : (account: string, region: string) => {
            const key = `${account}/${region}`;
            let bucket = lookupBuckets.get(key);
            if (!bucket) {
              bucket = new TokenBucket({ requestsPerSecond: lookupRate });
              lookupBuckets.set(key, bucket);
            }
            return bucket;
          },
    faults,
    rateLimiter,
    closing: closing.signal,
    recordRequest: (request: RecordedRequest) => {
      log.record(request);
      options.onRequest?.(request);
    },
  };
  const server = createServer((request, response) => {
    handleRequest(request, response, state).catch(() => {
      // Only reading the body can fail here (answers are built in a try/catch): the client
      // went away before its request was read, so there is nobody to answer.
      response.destroy();
    });
  });
  // Node closes idle keep-alive connections after 5 s. A client that reuses such a
  // socket just as it closes sees ECONNRESET; the SDK would retry, but a test client with
  // one attempt (exact call counts) fails. AWS endpoints keep idle connections far
  // longer, so the emulator does too.
  server.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS;
  await listen(server, port, host);
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`,
    get requests() {
      return log.requests;
    },
    callCount: (operation) => log.count(operation),
    throttledCount: (operation) => log.throttledCount(operation),
    clearRequests: () => log.clear(),
    injectFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setRateLimits: (limits) => rateLimiter.setLimits(limits),
    get cloudTrailEvents() {
      return history.records;
    },
    setCloudTrailDeliveryDelay: (ms) => history.setDeliveryDelay(ms),
    clearCloudTrailEvents: () => history.clear(),
    setIvsChatOptions: (ivsChat) => {
      chatStore.settings = ivsChatSettings(ivsChat);
    },
    setLoggingConfigurationState: (arn, state) => {
      if (!chatStore.setState(arn, state)) {
        throw new Error(`no IVS Chat logging configuration ${arn}`);
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function ivsChatSettings(options: IvsChatOptions): LoggingConfigurationStore["settings"] {
  const activationDelayMs = options.activationDelayMs ?? 0;
  if (!Number.isFinite(activationDelayMs) || activationDelayMs < 0) {
    throw new Error(
      `ivsChat.activationDelayMs must be a number of milliseconds >= 0; got ${activationDelayMs}`,
    );
  }
  return {
    activationDelayMs,
    ...(options.failingNames && { failingNames: options.failingNames }),
  };
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reason = error.code === "EADDRINUSE" ? "the port is already in use" : error.message;
      reject(new Error(`cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
}
