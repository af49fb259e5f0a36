/** The command line of `pulumi-cognito-log-delivery`, parsed without side effects. */

export const USAGE = `Usage: pulumi-cognito-log-delivery discover [options]

Lists every user pool of a region with its log delivery configuration. With --pool or
--all, also writes what is needed to bring those pools under a UserPoolLogDelivery:
an import file for \`pulumi import\` and the TypeScript to paste into your program.
Only reads from AWS (ListUserPools, GetLogDeliveryConfiguration); never writes.

Options:
  --region REGION   the region to list (default: AWS_REGION or AWS_DEFAULT_REGION)
  --json            print the listing as JSON instead of a table
  --pool ID         adopt this pool (repeatable)
  --all             adopt every pool listed
  --out DIR         where to write import.json and logDeliveries.ts
                    (default: ./log-delivery-adoption)
  --help            show this help

Endpoint and credentials come from the AWS SDK's standard environment
(AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...).`;

export const DEFAULT_OUT_DIRECTORY = "log-delivery-adoption";

/** What the user asked for. */
export interface DiscoverOptions {
  command: "discover";
  region: string;
  json: boolean;
  /** The pools to adopt: none, some by ID, or all. */
  adopt: { kind: "none" } | { kind: "pools"; userPoolIds: string[] } | { kind: "all" };
  outDirectory: string;
}

/** A mistake on the command line; the message says what to write instead. */
export class CliUsageError extends Error {}

/** Parses `argv` (without node and the script); `help` when the user asked for it. */
export function parseArguments(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): DiscoverOptions | "help" {
  if (argv.includes("--help") || argv.includes("-h")) {
    return "help";
  }
  const [command, ...rest] = argv;
  if (command !== "discover") {
    throw new CliUsageError(
      command === undefined
        ? "no command: run `pulumi-cognito-log-delivery discover --region <region>`"
        : `unknown command "${command}": the command is discover`,
    );
  }
  let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"];
  let json = false;
  let all = false;
  let outDirectory = DEFAULT_OUT_DIRECTORY;
  const userPoolIds: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const flag = rest[index] as string;
    const value = (): string => {
      const next = rest[++index];
      if (next === undefined || next.startsWith("--")) {
        throw new CliUsageError(
          `${flag} needs a value, e.g. ${flag === "--region" ? "--region eu-west-1" : flag === "--pool" ? "--pool eu-west-1_AbC123" : "--out adopt"}`,
        );
      }
      return next;
    };
    switch (flag) {
      case "--region":
        region = value();
        break;
      case "--json":
        json = true;
        break;
      case "--pool":
        userPoolIds.push(value());
        break;
      case "--all":
        all = true;
        break;
      case "--out":
        outDirectory = value();
        break;
      default:
        throw new CliUsageError(`unknown option "${flag}": see --help`);
    }
  }
  if (!region) {
    throw new CliUsageError("no region: pass --region eu-west-1, or set AWS_REGION");
  }
  if (all && userPoolIds.length > 0) {
    throw new CliUsageError(
      "--all and --pool exclude each other: adopt every pool, or the ones named",
    );
  }
  const adopt: DiscoverOptions["adopt"] = all
    ? { kind: "all" }
    : userPoolIds.length > 0
      ? { kind: "pools", userPoolIds: [...new Set(userPoolIds)] }
      : { kind: "none" };
  return { command: "discover", region, json, adopt, outDirectory };
}
