/**
 * The command line of `pulumi-cognito-log-delivery`, parsed with Node's `util.parseArgs`
 * and checked without side effects. Each command has its own table of options; every
 * mistake is a `UsageError` that says what to write instead.
 */
import { parseArgs } from "node:util";
import { closestName } from "../core/suggest";
import { UsageError } from "../errors";
import { CLOUDTRAIL_HISTORY_DAYS } from "../settings";

export const USAGE = `Usage: pulumi-cognito-log-delivery <command> [options]

Commands:
  discover   list every user pool of a region with its log delivery configuration;
             with --pool or --all, also write what is needed to bring those pools
             under a UserPoolLogDelivery (an import file for \`pulumi import\` and the
             TypeScript to paste into your program)
  history    list every log delivery change of a region recorded by CloudTrail,
             newest first: when, which pool, who, how, whether this package made
             it, and what changed

Options of discover:
  --region REGION   the region to list (default: AWS_REGION or AWS_DEFAULT_REGION)
  --json            print the listing as JSON instead of a table
  --pool ID         adopt this pool (repeatable)
  --all             adopt every pool listed
  --out DIR         where to write import.json and logDeliveries.ts
                    (default: ./log-delivery-adoption)

Options of history:
  --region REGION   the region to look in (default: AWS_REGION or AWS_DEFAULT_REGION)
  --pool ID         only this pool (repeatable)
  --since WHEN      how far back: 7d, 12h, 30m, or an ISO 8601 time (default: 7d;
                    CloudTrail's event history keeps ${CLOUDTRAIL_HISTORY_DAYS} days)
  --json            print one JSON array instead of a table

  --help            show this help

Both commands only read from AWS (discover: ListUserPools, GetLogDeliveryConfiguration;
history: cloudtrail:LookupEvents, ListUserPools); they never write. Endpoint and
credentials come from the AWS SDK's standard environment (AWS_PROFILE,
AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...).`;

export const DEFAULT_OUT_DIRECTORY = "log-delivery-adoption";
export const DEFAULT_HISTORY_SINCE = "7d";

/** What the user asked `discover` for. */
export interface DiscoverOptions {
  command: "discover";
  region: string;
  json: boolean;
  /** The pools to adopt: none, some by ID, or all. */
  adopt: { kind: "none" } | { kind: "pools"; userPoolIds: string[] } | { kind: "all" };
  outDirectory: string;
}

/** What the user asked `history` for. */
export interface HistoryOptions {
  command: "history";
  region: string;
  /** Only these pools; every pool when empty. */
  userPoolIds: string[];
  /** The start of the window; its end is now. */
  since: Date;
  json: boolean;
}

export type CommandOptions = DiscoverOptions | HistoryOptions;

interface OptionRow {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** An example value, for options that take one. */
  example?: string;
}

/** The options of each command, with an example value for each that takes one. */
const COMMAND_OPTIONS = {
  discover: {
    region: { type: "string", example: "eu-west-1" },
    json: { type: "boolean" },
    pool: { type: "string", multiple: true, example: "eu-west-1_AbC123" },
    all: { type: "boolean" },
    out: { type: "string", example: "adopt" },
    help: { type: "boolean", short: "h" },
  },
  history: {
    region: { type: "string", example: "eu-west-1" },
    json: { type: "boolean" },
    pool: { type: "string", multiple: true, example: "eu-west-1_AbC123" },
    since: { type: "string", example: "7d" },
    help: { type: "boolean", short: "h" },
  },
} as const satisfies Record<string, Record<string, OptionRow>>;

type CommandName = keyof typeof COMMAND_OPTIONS;
const COMMAND_NAMES = Object.keys(COMMAND_OPTIONS) as CommandName[];

/** Every command's options, for the parser (an option has the same type in every command). */
const ALL_OPTIONS = { ...COMMAND_OPTIONS.discover, ...COMMAND_OPTIONS.history };

/** Parses `argv` (without node and the script); `help` when the user asked for it. */
export function parseArguments(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  now: Date = new Date(),
): CommandOptions | "help" {
  // Not strict: mistakes are reported below in our words, from the tokens. Every
  // command's options are known to the parser, so that values are never taken for the
  // command; each is then checked against the command's own table.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: ALL_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (values.help === true) {
    return "help";
  }
  const [command] = positionals;
  if (command === undefined) {
    throw new UsageError(
      "no command: run `pulumi-cognito-log-delivery discover --region <region>` or `pulumi-cognito-log-delivery history --region <region>`",
    );
  }
  if (!isCommandName(command)) {
    const suggestion = closestName(command, COMMAND_NAMES);
    throw new UsageError(
      `unknown command "${command}": ${suggestion ? `did you mean ${suggestion}? ` : ""}the commands are ${COMMAND_NAMES.join(" and ")}`,
    );
  }
  const options: Readonly<Record<string, OptionRow>> = COMMAND_OPTIONS[command];
  // Options first: a misspelt option leaves its value behind as a stray argument.
  for (const token of tokens) {
    if (token.kind === "option") {
      checkOption(options, command, token.name, token.rawName, token.value, token.inlineValue);
    }
  }
  const extra = positionals.slice(1);
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}": see --help`);
  }
  const region =
    (values["region"] as string | undefined) ??
    environment["AWS_REGION"] ??
    environment["AWS_DEFAULT_REGION"];
  if (!region) {
    throw new UsageError("no region: pass --region eu-west-1, or set AWS_REGION");
  }
  const userPoolIds = [...new Set((values["pool"] as string[] | undefined) ?? [])];
  const json = values["json"] === true;
  if (command === "history") {
    const since = parseSince((values["since"] as string | undefined) ?? DEFAULT_HISTORY_SINCE, now);
    return { command, region, userPoolIds, since, json };
  }
  if (values["all"] === true && userPoolIds.length > 0) {
    throw new UsageError(
      "--all and --pool exclude each other: adopt every pool, or the ones named",
    );
  }
  const adopt: DiscoverOptions["adopt"] =
    values["all"] === true
      ? { kind: "all" }
      : userPoolIds.length > 0
        ? { kind: "pools", userPoolIds }
        : { kind: "none" };
  return {
    command,
    region,
    json,
    adopt,
    outDirectory: (values["out"] as string | undefined) ?? DEFAULT_OUT_DIRECTORY,
  };
}

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
const DURATION = /^(\d+)([dhm])$/;
/** An ISO 8601 date, or date and time with an optional zone. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `--since`: a duration back from `now` (`7d`, `12h`, `30m`) or an ISO 8601 time, within CloudTrail's 90 days. */
export function parseSince(text: string, now: Date): Date {
  const duration = DURATION.exec(text);
  let since: Date;
  if (duration) {
    since = new Date(
      now.getTime() - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS],
    );
  } else if (ISO_TIME.test(text) && !Number.isNaN(Date.parse(text))) {
    since = new Date(Date.parse(text));
  } else {
    throw new UsageError(
      `--since "${text}" is neither a duration nor a time: write e.g. --since 7d, --since 12h, or --since 2026-11-01T00:00:00Z`,
    );
  }
  if (since.getTime() > now.getTime()) {
    throw new UsageError(
      `--since ${text} is in the future: give a time before now, e.g. --since 7d`,
    );
  }
  if (now.getTime() - since.getTime() > CLOUDTRAIL_HISTORY_DAYS * UNIT_MS.d) {
    throw new UsageError(
      `--since ${text} is further back than CloudTrail's ${CLOUDTRAIL_HISTORY_DAYS}-day event history: use at most --since ${CLOUDTRAIL_HISTORY_DAYS}d`,
    );
  }
  return since;
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, name);
}

/** An option the user wrote: known to the command, and with a value exactly when it takes one. */
function checkOption(
  options: Readonly<Record<string, OptionRow>>,
  command: CommandName,
  name: string,
  rawName: string,
  value: string | undefined,
  inlineValue: boolean | undefined,
): void {
  const option = Object.hasOwn(options, name) ? options[name] : undefined;
  if (option === undefined) {
    const suggestion = closestName(name, Object.keys(options));
    const elsewhere = COMMAND_NAMES.filter(
      (other) => other !== command && Object.hasOwn(COMMAND_OPTIONS[other], name),
    );
    throw new UsageError(
      elsewhere.length > 0
        ? `${rawName} is an option of ${elsewhere.join(", ")}, not of ${command}: see --help`
        : `unknown option "${rawName}": ${suggestion ? `did you mean --${suggestion}? ` : ""}see --help`,
    );
  }
  if (option.type === "boolean") {
    if (value !== undefined) {
      throw new UsageError(`${rawName} takes no value: write ${rawName} alone`);
    }
    return;
  }
  // A following option is not a value: `--region --json` forgot the region.
  if (value === undefined || (!inlineValue && value.startsWith("-"))) {
    throw new UsageError(`${rawName} needs a value, e.g. ${rawName} ${option.example ?? ""}`);
  }
}
