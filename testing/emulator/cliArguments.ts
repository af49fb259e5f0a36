/**
 * The command line of `npm run emulator`, parsed into options without side effects so
 * that every mistake becomes one line saying what to write instead.
 */
import { parseArgs } from "node:util";
import { checkFaultRule, FAULT_KINDS } from "./faults";
import type { FaultKind, FaultRule } from "./faults";
import { OPERATIONS } from "./operations";
import { rateLimitProblem } from "./rateLimits";
import type { RateLimit, RateLimits } from "./rateLimits";
import { DEFAULT_ACCOUNT_ID, DEFAULT_HOST } from "./server";

/** 9229 is the Node.js inspector's port and 4566 LocalStack's, so neither is the default. */
export const DEFAULT_CLI_PORT = 4599;

export const USAGE = `Usage: npm run emulator -- [options]

Runs a local Amazon Cognito user pools endpoint (CreateUserPool, DescribeUserPool,
DeleteUserPool, ListUserPools, Get/SetLogDeliveryConfiguration).

Options:
  --port N              port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host ADDRESS        address to listen on (default ${DEFAULT_HOST})
  --account-id ID       12-digit account that owns the pools (default ${DEFAULT_ACCOUNT_ID})
  --fault SPEC          inject a fault, repeatable: kind[:operation[:times[:latencyMs]]]
                        kind: ${FAULT_KINDS.join(" | ")}; operation empty or * for all;
                        times default 1, * for every request
                        e.g. --fault throttle:SetLogDeliveryConfiguration:2 --fault latency::*:300
  --rate-limit LIMITS   answer TooManyRequestsException beyond these rates (default none):
                        read=N,write=N,pool=N, any subset, N requests per second per
                        account and region; N/B allows bursts of B (default N)
                        read: GetLogDeliveryConfiguration, DescribeUserPool, ListUserPools
                        write: SetLogDeliveryConfiguration, CreateUserPool, DeleteUserPool
                        pool: per user pool, for every request naming one
                        e.g. --rate-limit read=15,write=15,pool=5 (AWS does not say
                        which category the log delivery calls are in)
  --help                print this help`;

export interface CliOptions {
  port: number;
  host: string;
  accountId: string;
  faults: FaultRule[];
  /** Present only when `--rate-limit` was given. */
  rateLimits?: RateLimits;
  help: boolean;
}

/** A command line that cannot be run; its message is the one line to print. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

export function parseCliArguments(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "account-id": { type: "string" },
        fault: { type: "string", multiple: true },
        "rate-limit": { type: "string", multiple: true },
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Node's own message, up to its first sentence (the rest explains positional `--`).
    throw new CliUsageError((error as Error).message.split(". ")[0] ?? "");
  }
  const accountId = values["account-id"] ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) {
    throw new CliUsageError(`--account-id must be 12 digits; got "${accountId}"`);
  }
  const rateLimitSpecs = values["rate-limit"];
  return {
    port: parsePort(values.port),
    host: values.host ?? DEFAULT_HOST,
    accountId,
    faults: (values.fault ?? []).map(parseFaultSpec),
    ...(rateLimitSpecs && { rateLimits: parseRateLimitSpecs(rateLimitSpecs) }),
    help: values.help ?? false,
  };
}

function parsePort(text: string | undefined): number {
  if (text === undefined) {
    return DEFAULT_CLI_PORT;
  }
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CliUsageError(`--port must be a whole number from 0 to 65535; got "${text}"`);
  }
  return port;
}

/** `kind[:operation[:times[:latencyMs]]]`, e.g. `throttle:SetLogDeliveryConfiguration:2`. */
export function parseFaultSpec(spec: string): FaultRule {
  const [kind = "", operation = "", times = "", latencyMs = "", ...rest] = spec.split(":");
  if (rest.length > 0) {
    throw new CliUsageError(
      `--fault "${spec}" has too many parts; write kind[:operation[:times[:latencyMs]]]`,
    );
  }
  const rule: FaultRule = { kind: kind as FaultKind };
  if (operation !== "" && operation !== "*") {
    rule.operation = operation;
  }
  if (times !== "") {
    rule.times = times === "*" ? Infinity : wholeNumber(times, "times", spec);
  }
  if (latencyMs !== "") {
    rule.latencyMs = wholeNumber(latencyMs, "latencyMs", spec);
  }
  try {
    checkFaultRule(rule, OPERATIONS);
  } catch (error) {
    throw new CliUsageError(`--fault "${spec}": ${(error as Error).message}`);
  }
  return rule;
}

function wholeNumber(text: string, part: string, spec: string): number {
  if (!/^\d+$/.test(text)) {
    throw new CliUsageError(`--fault "${spec}": ${part} must be a whole number; got "${text}"`);
  }
  return Number(text);
}

/** The CLI's names for the categories of `RateLimits`. */
const RATE_LIMIT_CATEGORIES: ReadonlyMap<string, keyof RateLimits> = new Map([
  ["read", "read"],
  ["write", "write"],
  ["pool", "perPool"],
]);

/** Every `--rate-limit` given, e.g. `read=15,write=15/30,pool=5`, as one set of limits. */
export function parseRateLimitSpecs(specs: readonly string[]): RateLimits {
  const limits: RateLimits = {};
  for (const spec of specs) {
    for (const item of spec.split(",")) {
      const [name = "", value, ...rest] = item.split("=");
      const category = RATE_LIMIT_CATEGORIES.get(name);
      if (value === undefined || rest.length > 0) {
        throw new CliUsageError(
          `--rate-limit "${spec}": write category=requestsPerSecond[/burst] separated by commas, e.g. read=15,write=15,pool=5/10`,
        );
      }
      if (category === undefined) {
        throw new CliUsageError(
          `--rate-limit "${spec}": unknown category "${name}"; use ${[...RATE_LIMIT_CATEGORIES.keys()].join(", ")}`,
        );
      }
      if (limits[category] !== undefined) {
        throw new CliUsageError(`--rate-limit "${spec}": ${name} is given twice`);
      }
      limits[category] = parseRateLimit(value, `--rate-limit "${spec}": ${name}`);
    }
  }
  return limits;
}

/** `requestsPerSecond[/burst]`; `context` starts any error message. */
function parseRateLimit(value: string, context: string): RateLimit {
  const numbers = value.split("/");
  if (numbers.length > 2 || !numbers.every((number) => /^\d*\.?\d+$/.test(number))) {
    throw new CliUsageError(
      `${context} needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "${value}"`,
    );
  }
  const [requestsPerSecond = 0, burst] = numbers.map(Number);
  const limit: RateLimit =
    burst === undefined ? { requestsPerSecond } : { requestsPerSecond, burst };
  const problem = rateLimitProblem(limit);
  if (problem) {
    throw new CliUsageError(`${context}: ${problem}`);
  }
  return limit;
}
