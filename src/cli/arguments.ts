/**
 * The command line of `pulumi-cognito-log-delivery`, parsed with Node's `util.parseArgs`
 * and checked without side effects. Every mistake is a `UsageError` that says what to
 * write instead.
 */
import { parseArgs } from "node:util";
import { closestName } from "../core/suggest";
import { UsageError } from "../errors";

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

/** The options of `discover`, with an example value for each that takes one. */
const OPTIONS = {
  region: { type: "string", example: "eu-west-1" },
  json: { type: "boolean" },
  pool: { type: "string", multiple: true, example: "eu-west-1_AbC123" },
  all: { type: "boolean" },
  out: { type: "string", example: "adopt" },
  help: { type: "boolean", short: "h" },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Parses `argv` (without node and the script); `help` when the user asked for it. */
export function parseArguments(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
): DiscoverOptions | "help" {
  // Not strict: mistakes are reported below in our words, from the tokens.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (values.help === true) {
    return "help";
  }
  const [command, ...extra] = positionals;
  if (command !== "discover") {
    throw new UsageError(
      command === undefined
        ? "no command: run `pulumi-cognito-log-delivery discover --region <region>`"
        : `unknown command "${command}": the command is discover`,
    );
  }
  // Options first: a misspelt option leaves its value behind as a stray argument.
  for (const token of tokens) {
    if (token.kind === "option") {
      checkOption(token.name, token.rawName, token.value, token.inlineValue);
    }
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}": see --help`);
  }
  const region =
    (values.region as string | undefined) ??
    environment["AWS_REGION"] ??
    environment["AWS_DEFAULT_REGION"];
  if (!region) {
    throw new UsageError("no region: pass --region eu-west-1, or set AWS_REGION");
  }
  const userPoolIds = (values.pool as string[] | undefined) ?? [];
  if (values.all === true && userPoolIds.length > 0) {
    throw new UsageError(
      "--all and --pool exclude each other: adopt every pool, or the ones named",
    );
  }
  const adopt: DiscoverOptions["adopt"] =
    values.all === true
      ? { kind: "all" }
      : userPoolIds.length > 0
        ? { kind: "pools", userPoolIds: [...new Set(userPoolIds)] }
        : { kind: "none" };
  return {
    command: "discover",
    region,
    json: values.json === true,
    adopt,
    outDirectory: (values.out as string | undefined) ?? DEFAULT_OUT_DIRECTORY,
  };
}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** An option the user wrote: known, and with a value exactly when it takes one. */
function checkOption(
  name: string,
  rawName: string,
  value: string | undefined,
  inlineValue: boolean | undefined,
): void {
  if (!isOptionName(name)) {
    const suggestion = closestName(name, Object.keys(OPTIONS));
    throw new UsageError(
      `unknown option "${rawName}": ${suggestion ? `did you mean --${suggestion}? ` : ""}see --help`,
    );
  }
  const option = OPTIONS[name];
  if (option.type === "boolean") {
    if (value !== undefined) {
      throw new UsageError(`${rawName} takes no value: write ${rawName} alone`);
    }
    return;
  }
  // A following option is not a value: `--region --json` forgot the region.
  if (value === undefined || (!inlineValue && value.startsWith("-"))) {
    throw new UsageError(`${rawName} needs a value, e.g. ${rawName} ${option.example}`);
  }
}
