/** The emulator's command line, run as `npm run emulator` runs it. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import * as path from "node:path";
import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { USAGE } from "../../../testing/emulator/cli/usage";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import { failureOf, TEST_CREDENTIALS, TEST_REGION } from "../../../testing/emulatorClient";
import { assertThrottled } from "./wireEmulator";

const REPO_ROOT = path.resolve(__dirname, "../../..");

/** A run of the emulator's command line. */
interface CliRun {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout text matching `pattern`. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `testing/emulator/cli/main.ts` as `npm run emulator` does. */
function runCli(args: readonly string[]): CliRun {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "testing/emulator/cli/main.ts", ...args],
    { cwd: REPO_ROOT },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitForOutput = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (match) {
          child.stdout.off("data", check);
          resolve(match);
        }
      };
      child.stdout.on("data", check);
      void exited.then(() =>
        reject(new Error(`the CLI exited before printing ${pattern}: ${stderr}`)),
      );
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, waitForOutput, exited };
}

describe("Cognito emulator command line", () => {
  it("prints the endpoint, env lines and rate limits, logs each request, refuses a port in use (exit 1) or a bad --rate-limit (exit 2), and exits 0 on SIGTERM", async () => {
    const holder = await startCognitoEmulator();
    const heldPort = new URL(holder.endpoint).port;
    const blocked = runCli(["--port", heldPort]);
    const badLimit = runCli(["--rate-limit", "read=fast"]);
    const cli = runCli(["--port", "0", "--rate-limit", "read=1"]);
    try {
      await cli.waitForOutput(/Press Ctrl\+C to stop\./);
      const [, endpoint = ""] = cli.stdout().match(/export AWS_ENDPOINT_URL=(\S+)/) ?? [];
      for (const line of ["AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "AWS_REGION="]) {
        assert.match(cli.stdout(), new RegExp(`export ${line}`));
      }
      assert.match(cli.stdout(), /^Rate limits: read 1\/s \(burst 1\)$/m);
      const cliClient = new CognitoIdentityProviderClient({
        region: TEST_REGION,
        endpoint,
        credentials: TEST_CREDENTIALS,
        maxAttempts: 1,
      });
      await cliClient.send(new ListUserPoolsCommand({ MaxResults: 1 }));
      await cli.waitForOutput(/ 200 ListUserPools us-east-1 /);
      assertThrottled(await failureOf(cliClient.send(new ListUserPoolsCommand({ MaxResults: 1 }))));
      await cli.waitForOutput(
        / 400 ListUserPools us-east-1 - TooManyRequestsException \[rate limit\] /,
      );
      cli.child.kill("SIGTERM");
      assert.equal(await cli.exited, 0);

      assert.equal(await blocked.exited, 1);
      assert.equal(
        blocked.stderr(),
        `cognito-emulator: cannot listen on 127.0.0.1:${heldPort}: the port is already in use; choose another with --port\n`,
      );
      assert.equal(await badLimit.exited, 2);
      assert.equal(
        badLimit.stderr(),
        'cognito-emulator: --rate-limit "read=fast": read needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "fast" (see --help)\n',
      );
    } finally {
      cli.child.kill();
      blocked.child.kill();
      badLimit.child.kill();
      await holder.close();
    }
  });

  it("prints the help and exits 0 on --help; refuses an unknown option in one line with exit 2", async () => {
    const help = runCli(["--help"]);
    const unknown = runCli(["--prot", "4599"]);
    assert.equal(await help.exited, 0);
    assert.equal(help.stdout(), `${USAGE}\n`);
    assert.equal(await unknown.exited, 2);
    assert.equal(
      unknown.stderr(),
      'cognito-emulator: unknown option "--prot"; use --port, --host, --account-id, --fault, --rate-limit, --principal, --cloudtrail-delay, --ivschat-delay, --ivschat-fail, --help (see --help)\n',
    );
  });
});
