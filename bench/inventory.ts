/**
 * `npm run bench:inventory`: how `discover` scales, from one run of the built CLI against
 * the local emulator. Not a test: it measures and reports into docs/BENCHMARKS-INVENTORY.md.
 *
 *   npm run bench:inventory -- [--pools 2000] [--chats 500] [--out FILE]
 *
 * One region holds N user pools (a quarter delivering to a shared log group, a tenth also
 * to a stream) and M IVS Chat logging configurations (some on the pools' log group and
 * bucket, a few failed). The emulator limits Cognito reads to 15/s and IVS Chat reads to
 * 5/s and answers throttling beyond; the CLI runs with its default pacing (10/s and 4/s).
 * Its floor is the reads divided by the paced rates: ⌈N / 60⌉ ListUserPools pages and N
 * GetLogDeliveryConfiguration at 10/s, beside ⌈M / 50⌉ ListLoggingConfigurations pages
 * at 4/s (the services run side by side, so the floor is the larger of the two).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_PACING } from "../src/aws/requestPacer";
import { USER_POOLS_PAGE_SIZE } from "../src/cognito/userPools";
import { LOGGING_CONFIGURATIONS_PAGE_SIZE } from "../src/ivschat/loggingConfigurations";
import { DEFAULT_IVSCHAT } from "../src/settings";
import { startEmulatorSession } from "../testing/emulatorSession";
import { PROJECT_ROOT } from "../testing/engine/engine";
import {
  AWS_AUTH_EVENTS_TO_STREAM,
  AWS_NOTIFICATIONS_TO_LOG_GROUP,
} from "../testing/fixtures/arns";
import { benchArguments, wholeNumbers } from "./shared";

const COGNITO_READ_LIMIT = 15;
const CHAT_READ_LIMIT = 5;

function parseOptions(argv: string[]) {
  const values = benchArguments(argv, {
    pools: "2000",
    chats: "500",
    out: path.join(PROJECT_ROOT, "docs/BENCHMARKS-INVENTORY.md"),
  });
  const options = { ...values, pools: Number(values.pools), chats: Number(values.chats) };
  if (!wholeNumbers([options.pools, options.chats], 0)) {
    throw new Error("--pools and --chats take whole numbers");
  }
  return options;
}

interface Run {
  seconds: number;
  code: number;
  stdoutBytes: number;
  peakRssMiB: number | undefined;
}

/** Runs the built CLI under /usr/bin/time (for its peak memory) with the given environment. */
function runDiscover(argv: readonly string[], environment: Record<string, string>): Promise<Run> {
  const cli = path.join(PROJECT_ROOT, "dist/cli/main.js");
  const useTime = fs.existsSync("/usr/bin/time");
  const [command, ...args] = useTime
    ? ["/usr/bin/time", "-f", "peak-rss-kib=%M", process.execPath, cli, ...argv]
    : [process.execPath, cli, ...argv];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, {
      env: { PATH: process.env["PATH"] ?? "", ...environment },
    });
    let stdoutBytes = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdoutBytes += chunk.length));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const rss = /peak-rss-kib=(\d+)/.exec(stderr)?.[1];
      if (code !== 0) {
        console.error(stderr);
      }
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        code: code ?? -1,
        stdoutBytes,
        peakRssMiB: rss === undefined ? undefined : Number(rss) / 1024,
      });
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const session = await startEmulatorSession();
  try {
    console.error(
      `bench: ${options.pools} pools and ${options.chats} IVS Chat logging configurations`,
    );
    for (let index = 0; index < options.pools; index++) {
      const id = await session.createPool();
      if (index % 4 === 0) {
        await session.setOutside(
          id,
          index % 10 === 0
            ? [AWS_NOTIFICATIONS_TO_LOG_GROUP, AWS_AUTH_EVENTS_TO_STREAM]
            : [AWS_NOTIFICATIONS_TO_LOG_GROUP],
        );
      }
    }
    session.emulator.setIvsChatOptions({ failingNames: /^broken-/ });
    for (let index = 0; index < options.chats; index++) {
      const name = index % 100 === 99 ? `broken-${index}` : `room-${index}`;
      await session.createChatLogging(
        name,
        index % 5 === 0
          ? { cloudWatchLogs: { logGroupName: "/aws/vendedlogs/cognito/notifications" } }
          : { firehose: { deliveryStreamName: `chat-${index}` } },
        { team: "chat" },
      );
    }
    session.emulator.setRateLimits({
      read: { requestsPerSecond: COGNITO_READ_LIMIT },
      chatRead: { requestsPerSecond: CHAT_READ_LIMIT },
    });
    const environment = { ...session.environment, AWS_REGION: "us-east-1" };
    const cognitoReads = Math.ceil(options.pools / USER_POOLS_PAGE_SIZE) + options.pools;
    const chatReads = Math.max(1, Math.ceil(options.chats / LOGGING_CONFIGURATIONS_PAGE_SIZE));
    const cognitoFloor = cognitoReads / DEFAULT_PACING.readsPerSecond;
    const chatFloor = chatReads / DEFAULT_IVSCHAT.readsPerSecond;
    const floor = Math.max(cognitoFloor, chatFloor);

    const rows: string[] = [];
    for (const [label, argv] of [
      ["`discover --json`", ["discover", "--json"]],
      ["`discover --by-destination --json`", ["discover", "--by-destination", "--json"]],
    ] as const) {
      session.emulator.clearRequests();
      console.error(`bench: ${label}`);
      const run = await runDiscover(argv, environment);
      const requests = session.emulator.requests;
      const writes = requests.filter((request) => !/^(List|Get)/.test(request.operation)).length;
      rows.push(
        `| ${label} | ${run.seconds.toFixed(1)} | ${floor.toFixed(1)} | ${(run.seconds / floor).toFixed(2)} | ${requests.length} | ${session.emulator.throttledCount()} | ${writes} | ${run.peakRssMiB?.toFixed(0) ?? "?"} | ${(run.stdoutBytes / 2 ** 20).toFixed(1)} | ${run.code} |`,
      );
    }
    const text = [
      "# Inventory benchmark",
      "",
      `Measured by \`npm run bench:inventory\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, the built CLI against the local emulator on loopback.`,
      "",
      `One region: ${options.pools} user pools and ${options.chats} IVS Chat logging configurations. The emulator ` +
        `limits Cognito reads to ${COGNITO_READ_LIMIT}/s and IVS Chat reads to ${CHAT_READ_LIMIT}/s; the CLI paces at its ` +
        `defaults, ${DEFAULT_PACING.readsPerSecond}/s and ${DEFAULT_IVSCHAT.readsPerSecond}/s. Floor: ` +
        `${cognitoReads} Cognito reads (⌈N / ${USER_POOLS_PAGE_SIZE}⌉ pages + N configurations) / ${DEFAULT_PACING.readsPerSecond} = ${cognitoFloor.toFixed(1)} s, ` +
        `beside ${chatReads} IVS Chat pages / ${DEFAULT_IVSCHAT.readsPerSecond} = ${chatFloor.toFixed(1)} s (side by side: the floor is the larger).`,
      "",
      "| command | wall time (s) | floor (s) | ratio | AWS requests | throttled | writes | peak memory (MiB) | output (MiB) | exit |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows,
      "",
      "The pacer's burst (one second of requests) lets a run start slightly ahead of the floor. Exit is 0: " +
        "what is flagged makes `discover` fail only with `--fail-on-flags`.",
      "",
    ].join("\n");
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, text);
    console.log(text);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
