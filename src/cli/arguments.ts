/**
 * The command line of `pulumi-cognito-log-delivery`, parsed with Node's `util.parseArgs`
 * and checked without side effects. Each command has its own table of options; every
 * mistake is a `UsageError` that says what to write instead.
 */
import { parseArgs } from "node:util";
import { closestName } from "../core/suggest";
import { UsageError } from "../errors";
import { CLOUDTRAIL_HISTORY_DAYS } from "../settings";

/** `discover --fail-on-flags` exits with this when something needs attention (1: failure, 2: usage). */
export const EXIT_FLAGGED = 3;

export const USAGE = `Usage: pulumi-cognito-log-delivery <command> [options]

Commands:
  discover   the inventory of log delivery in one or more regions: every user pool
             with its log delivery configuration and every Amazon IVS Chat logging
             configuration, or, with --by-destination, every log group, bucket and
             stream with what delivers to it; flags what needs attention. With
             --adopt, --pool or --all, also writes what is needed to bring them under
             Pulumi (import files for \`pulumi import\` and the TypeScript to paste
             into your program)
  history    list every log delivery change of a region recorded by CloudTrail,
             newest first: when, which pool, who, how, whether this package made
             it, and what changed

Options of discover:
  --region REGION   a region to list, repeatable or comma-separated
                    (default: AWS_REGION or AWS_DEFAULT_REGION)
  --service NAME    cognito or ivschat: list only that service (default: both)
  --by-destination  list each destination with every source that delivers to it
  --json            print one JSON document instead of tables
  --fail-on-flags   exit ${EXIT_FLAGGED} when anything needs attention (for CI)
  --adopt ID        adopt this user pool (its ID) or IVS Chat logging configuration
                    (its ARN or ID), repeatable
  --pool ID         adopt this user pool (repeatable)
  --all             adopt everything listed
  --language LANG   the language of the user pools' adoption code: typescript (default;
                    the dynamic resource), python, go or yaml (the provider plugin)
  --out DIR         where to write the adoption files (default: ./log-delivery-adoption):
                    import.json and logDeliveries.ts for user pools (or, with --language,
                    log_deliveries.py, log_deliveries.go or logDeliveries.yaml),
                    ivschat-import.json and chatLoggingConfigurations.ts for IVS Chat

Options of history:
  --region REGION   the region to look in (default: AWS_REGION or AWS_DEFAULT_REGION)
  --pool ID         only this pool (repeatable)
  --since WHEN      how far back: 7d, 12h, 30m, or an ISO 8601 time (default: 7d;
                    CloudTrail's event history keeps ${CLOUDTRAIL_HISTORY_DAYS} days)
  --json            print one JSON array instead of a table

  --help            show this help

Both commands only read from AWS (discover: cognito-idp:ListUserPools,
cognito-idp:GetLogDeliveryConfiguration, ivschat:ListLoggingConfigurations; history:
cloudtrail:LookupEvents, cognito-idp:ListUserPools); they never write. Endpoint and
credentials come from the AWS SDK's standard environment (AWS_PROFILE,
AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...).`;

export const DEFAULT_OUT_DIRECTORY = "log-delivery-adoption";

/** The services `discover` inventories, by their `--service` names. */
export const INVENTORY_SERVICES = ["cognito", "ivschat"] as const;
export type InventoryService = (typeof INVENTORY_SERVICES)[number];
export const DEFAULT_HISTORY_SINCE = "7d";

/** The languages `discover` writes adoption code in, by their `--language` names (adoptionLanguages.ts). */
export const ADOPTION_LANGUAGES = ["typescript", "python", "go", "yaml"] as const;
export type AdoptionLanguage = (typeof ADOPTION_LANGUAGES)[number];

/** What the user asked `discover` for. */
export interface DiscoverOptions {
  command: "discover";
  /** At least one, without repeats, in the order given. */
  regions: string[];
  services: InventoryService[];
  byDestination: boolean;
  json: boolean;
  failOnFlags: boolean;
  /** What to adopt: nothing, what is named (pool IDs; chat ARNs or IDs), or everything listed. */
  adopt:
    | { kind: "none" }
    | { kind: "chosen"; userPoolIds: string[]; chatIdentifiers: string[] }
    | { kind: "all" };
  outDirectory: string;
  /** The language of the adoption code for user pools. */
  language: AdoptionLanguage;
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
    region: { type: "string", multiple: true, example: "eu-west-1" },
    service: { type: "string", multiple: true, example: "ivschat" },
    "by-destination": { type: "boolean" },
    json: { type: "boolean" },
    "fail-on-flags": { type: "boolean" },
    adopt: { type: "string", multiple: true, example: "eu-west-1_AbC123" },
    pool: { type: "string", multiple: true, example: "eu-west-1_AbC123" },
    all: { type: "boolean" },
    out: { type: "string", example: "adopt" },
    language: { type: "string", example: "python" },
    help: { type: "boolean", short: "h" },
  },
  history: {
    region: { type: "string", multiple: true, example: "eu-west-1" },
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
  const regions = listValues(values["region"]);
  if (regions.length === 0) {
    const fromEnvironment = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"];
    if (!fromEnvironment) {
      throw new UsageError("no region: pass --region eu-west-1, or set AWS_REGION");
    }
    regions.push(fromEnvironment);
  }
  const userPoolIds = listValues(values["pool"]);
  const json = values["json"] === true;
  if (command === "history") {
    if (regions.length > 1) {
      throw new UsageError(
        `history looks in one region at a time, and --region names ${regions.length} (${regions.join(", ")}): run it once per region`,
      );
    }
    const since = parseSince((values["since"] as string | undefined) ?? DEFAULT_HISTORY_SINCE, now);
    return { command, region: regions[0]!, userPoolIds, since, json };
  }
  const services = parseServices(listValues(values["service"]));
  const named = listValues(values["adopt"]);
  const chatIdentifiers = named.filter(isChatIdentifier);
  const chosenPools = [
    ...new Set([...userPoolIds, ...named.filter((id) => !isChatIdentifier(id))]),
  ];
  if (values["all"] === true && (chosenPools.length > 0 || chatIdentifiers.length > 0)) {
    throw new UsageError(
      "--all excludes --pool and --adopt: adopt everything listed, or what is named",
    );
  }
  if (chosenPools.length > 0 && !services.includes("cognito")) {
    throw new UsageError(
      `--service ivschat lists no user pools, so ${chosenPools[0]} cannot be adopted: drop --service, or adopt IVS Chat logging configurations by ARN`,
    );
  }
  if (chatIdentifiers.length > 0 && !services.includes("ivschat")) {
    throw new UsageError(
      `--service cognito lists no IVS Chat logging configurations, so ${chatIdentifiers[0]} cannot be adopted: drop --service`,
    );
  }
  const adopt: DiscoverOptions["adopt"] =
    values["all"] === true
      ? { kind: "all" }
      : chosenPools.length > 0 || chatIdentifiers.length > 0
        ? { kind: "chosen", userPoolIds: chosenPools, chatIdentifiers }
        : { kind: "none" };
  return {
    command,
    regions,
    services,
    byDestination: values["by-destination"] === true,
    json,
    failOnFlags: values["fail-on-flags"] === true,
    adopt,
    outDirectory: (values["out"] as string | undefined) ?? DEFAULT_OUT_DIRECTORY,
    language: parseLanguage((values["language"] as string | undefined) ?? "typescript"),
  };
}

/** `--language`: the language of the adoption code (default: typescript). */
function parseLanguage(name: string): AdoptionLanguage {
  if (!(ADOPTION_LANGUAGES as readonly string[]).includes(name)) {
    const suggestion = closestName(name, ADOPTION_LANGUAGES);
    throw new UsageError(
      `unknown language "${name}": ${suggestion ? `did you mean ${suggestion}? ` : ""}write --language ${ADOPTION_LANGUAGES.join(", ")}`,
    );
  }
  return name as AdoptionLanguage;
}

/** A repeatable option's values, each of which may list several separated by commas; no repeats. */
function listValues(value: unknown): string[] {
  const given = Array.isArray(value) ? (value as string[]) : [];
  return [
    ...new Set(given.flatMap((item) => item.split(",").map((part) => part.trim())).filter(Boolean)),
  ];
}

/** `--service`: cognito, ivschat, or (none given) both. */
function parseServices(names: readonly string[]): InventoryService[] {
  for (const name of names) {
    if (!(INVENTORY_SERVICES as readonly string[]).includes(name)) {
      const suggestion = closestName(name, INVENTORY_SERVICES);
      throw new UsageError(
        `unknown service "${name}": ${suggestion ? `did you mean ${suggestion}? ` : ""}write --service cognito or --service ivschat, or leave it out for both`,
      );
    }
  }
  return names.length === 0 ? [...INVENTORY_SERVICES] : (names as InventoryService[]);
}

/**
 * An IVS Chat logging configuration's ARN, or its ID (12 letters and digits); user pool
 * IDs are `<region>_<letters and digits>`.
 */
function isChatIdentifier(identifier: string): boolean {
  return identifier.startsWith("arn:") || /^[A-Za-z0-9]{12}$/.test(identifier);
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
