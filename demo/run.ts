/**
 * `npm run demo`: the product, for real, with no AWS account. Builds or finds the Pulumi
 * engine, starts the local Cognito emulator, creates a user pool in it, and runs the root
 * Pulumi project (demo/index.ts) through up, a change of destination, a reordering, a
 * change made behind Pulumi's back by another principal, refresh (which names who), repair,
 * `history`, and destroy, showing the engine's own
 * output. Each step is checked against the emulator; the demo exits non-zero if any step
 * does not behave as shown, and removes everything it created.
 */
import type { LogConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { runCli } from "../src/cli/main";
import { OUTSIDE_ACTOR, startEmulatorSession, TEST_REGION } from "../testing/emulatorSession";
import { ensureEngine, PROJECT_ROOT } from "../testing/engine/engine";
import { PulumiWorkspace } from "../testing/engine/pulumiWorkspace";
import type { CommandResult } from "../testing/engine/pulumiCommand";
import { ACCOUNT } from "../testing/fixtures/arns";

const ARNS = {
  logGroup: `arn:aws:logs:${TEST_REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/cognito/demo`,
  stream: `arn:aws:firehose:${TEST_REGION}:${ACCOUNT}:deliverystream/cognito-auth-events`,
  bucket: "arn:aws:s3:::cognito-auth-events-demo",
};

/** `history` for one pool, as a user would run it, against the emulator. */
async function runHistory(
  environment: Record<string, string>,
  userPoolId: string,
): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  // The SDK reads endpoint and credentials from the process's environment, as for a user.
  Object.assign(process.env, environment);
  const code = await runCli(["history", "--region", TEST_REGION, "--pool", userPoolId], {
    stdout: (text) => (stdout += text),
    stderr: (text) => process.stderr.write(text),
    environment: process.env,
    cwd: process.cwd(),
  });
  return { code, stdout };
}

/** A step whose outcome did not match what the demo says. */
class StepFailed extends Error {}

function heading(text: string): void {
  console.log(`\n\x1b[1m── ${text}\x1b[0m`);
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new StepFailed(what);
  }
  console.log(`\x1b[32m✔ ${what}\x1b[0m`);
}

/** Destinations on the pool, one line each, for the checks and the reader. */
function describe(entries: readonly LogConfigurationType[]): string {
  return entries
    .map((entry) => {
      const arn =
        entry.CloudWatchLogsConfiguration?.LogGroupArn ??
        entry.S3Configuration?.BucketArn ??
        entry.FirehoseConfiguration?.StreamArn;
      return `${entry.EventSource} → ${arn}`;
    })
    .sort()
    .join("; ");
}

async function main(): Promise<void> {
  heading("Setting up: the Pulumi engine, the local Cognito emulator and a user pool");
  const engineBin = ensureEngine();
  const session = await startEmulatorSession({ accountId: ACCOUNT });
  const { emulator } = session;
  let workspace: PulumiWorkspace | undefined;
  try {
    const userPoolId = await session.createPool("PLUS", {
      name: "demo",
      threatProtection: "AUDIT",
    });
    console.log(
      `emulator at ${emulator.endpoint}; user pool ${userPoolId} (Plus plan, threat protection in audit mode)`,
    );
    const onPool = async (): Promise<string> => describe(await session.getOutside(userPoolId));

    workspace = await PulumiWorkspace.forProject(PROJECT_ROOT, "demo", {
      engineBin,
      name: "cognito-log-delivery-demo",
      echo: true,
      environment: session.environment,
    });
    const run = async (...args: string[]): Promise<CommandResult> => {
      console.log(`\n$ pulumi ${args.join(" ")}`);
      return workspace!.pulumiOrThrow(...args);
    };
    for (const [key, value] of Object.entries({
      userPoolId,
      notificationsLogGroupArn: ARNS.logGroup,
      authEventsDestination: "firehose",
      authEventsStreamArn: ARNS.stream,
      authEventsBucketArn: ARNS.bucket,
    })) {
      await workspace.setConfig(key, value);
    }

    heading(
      "1. pulumi up: message-delivery errors to CloudWatch Logs, threat-protection activity to Firehose",
    );
    await run("up", "--yes");
    expect(
      (await onPool()) === `userAuthEvents → ${ARNS.stream}; userNotification → ${ARNS.logGroup}`,
      "the pool delivers userNotification to the log group and userAuthEvents to the Firehose stream",
    );

    heading("2. Change userAuthEvents from Firehose to S3: the preview shows exactly that change");
    await workspace.setConfig("authEventsDestination", "s3");
    const changePreview = await run("preview", "--diff");
    expect(/~ 1 to update/.test(changePreview.stdout), "the preview has one update");
    expect(
      /s3Configuration/.test(changePreview.stdout) &&
        /firehoseConfiguration/.test(changePreview.stdout),
      "it names the destinations that change",
    );
    emulator.clearRequests();
    await run("up", "--yes");
    expect(emulator.callCount("SetLogDeliveryConfiguration") === 1, "up made one write");
    expect(
      (await onPool()).includes(`userAuthEvents → ${ARNS.bucket}`),
      "the pool now delivers userAuthEvents to S3",
    );

    heading("3. Reorder the entries: no change");
    await workspace.setConfig("reverseEntries", "true");
    emulator.clearRequests();
    await run("preview", "--expect-no-changes");
    expect(emulator.requests.length === 0, "the preview made no AWS call");

    heading(
      "4. An administrator empties the pool's log delivery with the AWS CLI, behind Pulumi's back; refresh says who",
    );
    await session.setOutsideAs(OUTSIDE_ACTOR, userPoolId, []);
    console.log(
      `(outside Pulumi, as assumed-role/Admin/alice@example.com with the AWS CLI) aws cognito-idp set-log-delivery-configuration --user-pool-id ${userPoolId} --log-configurations '[]'`,
    );
    const refresh = await run("refresh", "--yes", "--skip-preview");
    expect(/1 updated/.test(refresh.stdout), "refresh reports the resource changed outside Pulumi");
    expect(
      /changed outside Pulumi by arn:aws:sts::\d+:assumed-role\/Admin\/alice@example\.com via aws-cli/.test(
        refresh.stdout + refresh.stderr,
      ),
      "refresh names who changed it (from CloudTrail) and how",
    );
    await run("up", "--yes");
    expect(
      (await onPool()) === `userAuthEvents → ${ARNS.bucket}; userNotification → ${ARNS.logGroup}`,
      "up put the declared configuration back",
    );

    heading("5. history: every change CloudTrail recorded, who made it, and which were Pulumi's");
    console.log(
      `\n$ pulumi-cognito-log-delivery history --region ${TEST_REGION} --pool ${userPoolId}`,
    );
    const history = await runHistory(session.environment, userPoolId);
    console.log(history.stdout.trimEnd());
    const rows = history.stdout.split("\n");
    expect(history.code === 0, "history succeeds");
    expect(
      /aws-cli\s+outside\s+.*→ none/.test(rows[2] ?? "") &&
        /sdk\s+this package\s+none →/.test(rows[1] ?? ""),
      "history lists the outside change and Pulumi's repair after it, each labelled",
    );

    heading("6. pulumi destroy: the pool is left with no log delivery");
    await run("destroy", "--yes");
    expect((await onPool()) === "", "the pool has no log delivery");
    console.log(
      "\nThe demo behaved as shown. Against AWS: the same root project, with real ARNs in the stack config.",
    );
  } finally {
    workspace?.dispose();
    await session.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof StepFailed ? `step did not behave as shown: ${error.message}` : String(error);
  console.error(`\n\x1b[31m✗ ${message}\x1b[0m`);
  process.exitCode = 1;
});
