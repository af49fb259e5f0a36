/**
 * `npm run emulator`: runs the Cognito emulator until Ctrl+C, printing how to point the
 * AWS SDK or CLI at it and one line per request.
 */
import type { FaultRule } from "../faults";
import { burstOf } from "../rateLimits";
import type { RateLimits } from "../rateLimits";
import type { RecordedRequest } from "../requestLog";
import { startCognitoEmulator } from "../server";
import { parseCliArguments } from "./arguments";
import { CliUsageError, USAGE } from "./usage";

const NAME = "cognito-emulator";

function requestLine(request: RecordedRequest): string {
  const outcome = request.status === undefined ? "dropped" : String(request.status);
  const parts = [
    request.startedAt.toISOString(),
    outcome,
    request.operation || "(no operation)",
    request.region ?? "(no region)",
    request.userPoolId ?? "-",
    request.errorType ?? "",
    request.fault ? `[fault ${request.fault}]` : "",
    request.throttledBy === "rate-limit" ? "[rate limit]" : "",
    request.requestId,
  ];
  return parts.filter((part) => part !== "").join(" ");
}

function describeFault(fault: FaultRule): string {
  const kind = fault.kind === "latency" ? `latency of ${fault.latencyMs} ms` : fault.kind;
  const times = fault.times ?? 1;
  const count = times === Infinity ? "every request" : `${times} request${times === 1 ? "" : "s"}`;
  return `${kind} on ${fault.operation ?? "every operation"}, ${count}`;
}

function describeRateLimits(limits: RateLimits): string {
  const scopes = [
    ["read", limits.read],
    ["write", limits.write],
    ["per pool", limits.perPool],
    ["IVS Chat read", limits.chatRead],
    ["IVS Chat write", limits.chatWrite],
  ] as const;
  return scopes
    .flatMap(([scope, limit]) =>
      limit ? [`${scope} ${limit.requestsPerSecond}/s (burst ${burstOf(limit)})`] : [],
    )
    .join(", ");
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseCliArguments(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startCognitoEmulator({
    ...options,
    onRequest: (request) => console.log(requestLine(request)),
  });
  console.log(
    `AWS emulator (Cognito, CloudTrail, IVS Chat) listening on ${emulator.endpoint} (account ${options.accountId})`,
  );
  console.log("Point the AWS SDK or CLI at it (any credentials work; the region picks the pools):");
  console.log(`  export AWS_ENDPOINT_URL=${emulator.endpoint}`);
  console.log("  export AWS_ACCESS_KEY_ID=AKIDEXAMPLE");
  console.log("  export AWS_SECRET_ACCESS_KEY=secret");
  console.log("  export AWS_REGION=us-east-1");
  for (const fault of options.faults) {
    console.log(`Fault: ${describeFault(fault)}`);
  }
  if (options.rateLimits) {
    console.log(`Rate limits: ${describeRateLimits(options.rateLimits)}`);
  }
  for (const [key, principal] of Object.entries(options.principals ?? {})) {
    console.log(`Principal: ${key} is ${JSON.stringify(principal)}`);
  }
  if (options.cloudTrail) {
    console.log(`CloudTrail records visible after ${options.cloudTrail.deliveryDelayMs / 1000} s`);
  }
  if (options.ivsChat) {
    const { activationDelayMs = 0, failingNames } = options.ivsChat;
    console.log(
      `IVS Chat logging configurations settle after ${activationDelayMs / 1000} s` +
        (failingNames ? `; names matching ${failingNames} fail` : ""),
    );
  }
  console.log("Press Ctrl+C to stop.");
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: stopping.`);
    emulator.close().then(
      () => process.exit(0),
      (error: Error) => fail(error.message),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function fail(message: string, exitCode = 1): void {
  console.error(`${NAME}: ${message}`);
  process.exit(exitCode);
}

function failureLine(error: Error): string {
  if (error instanceof CliUsageError) {
    return `${error.message} (see --help)`;
  }
  const inUse = (error.cause as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE";
  return inUse ? `${error.message}; choose another with --port` : error.message;
}

main(process.argv.slice(2)).catch((error: Error) =>
  fail(failureLine(error), error instanceof CliUsageError ? 2 : 1),
);
