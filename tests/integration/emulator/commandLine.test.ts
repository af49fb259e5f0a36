/** The emulator's command line, run as `npm run emulator` runs it. */
import assert from "node:assert/strict";
import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { startCognitoEmulator } from "../../../testing/emulator/server";
import { runCli } from "./emulatorCli";
import { failureOf, TEST_CREDENTIALS } from "../../../testing/emulatorClient";
import { REGION, assertThrottled } from "./wireEmulator";

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
        region: REGION,
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
});
