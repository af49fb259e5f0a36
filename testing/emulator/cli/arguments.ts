/**
 * The command line of `npm run emulator`, parsed into options without side effects so
 * that every mistake becomes one line saying what to write instead.
 */
import { parseArgs } from "node:util";
import type { ParseArgsOptionDescriptor } from "node:util";
import type { EmulatedPrincipal } from "../cloudtrail/principals";
import type { FaultRule } from "../faults";
import type { RateLimits } from "../rateLimits";
import { DEFAULT_ACCOUNT_ID, DEFAULT_HOST } from "../server";
import { parseFaultSpec } from "./faultSpec";
import { parseCloudTrailDelay, parsePrincipalSpec } from "./principalSpec";
import { parseRateLimitSpecs } from "./rateLimitSpec";
import { CliUsageError, DEFAULT_CLI_PORT } from "./usage";

export interface CliOptions {
  port: number;
  host: string;
  accountId: string;
  faults: FaultRule[];
  /** Present only when `--rate-limit` was given. */
  rateLimits?: RateLimits;
  /** Present only when `--principal` was given. */
  principals?: Record<string, EmulatedPrincipal>;
  /** Present only when `--cloudtrail-delay` was given. */
  cloudTrail?: { deliveryDelayMs: number };
  /** Present only when `--ivschat-delay` or `--ivschat-fail` was given. */
  ivsChat?: { activationDelayMs?: number; failingNames?: RegExp };
  help: boolean;
}

/** The options of `npm run emulator`, as `util.parseArgs` reads them. */
const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  "account-id": { type: "string" },
  fault: { type: "string", multiple: true },
  "rate-limit": { type: "string", multiple: true },
  principal: { type: "string", multiple: true },
  "cloudtrail-delay": { type: "string" },
  "ivschat-delay": { type: "string" },
  "ivschat-fail": { type: "string" },
  help: { type: "boolean" },
} as const satisfies Record<string, ParseArgsOptionDescriptor>;

export function parseCliArguments(argv: readonly string[]): CliOptions {
  const { values } = readOptions(argv);
  const accountId = values["account-id"] ?? DEFAULT_ACCOUNT_ID;
  if (!/^\d{12}$/.test(accountId)) {
    throw new CliUsageError(`--account-id must be 12 digits; got "${accountId}"`);
  }
  const rateLimitSpecs = values["rate-limit"];
  const principalSpecs = values.principal;
  const delay = values["cloudtrail-delay"];
  const chatDelay = values["ivschat-delay"];
  const chatFail = values["ivschat-fail"];
  return {
    port: parsePort(values.port),
    host: values.host ?? DEFAULT_HOST,
    accountId,
    faults: (values.fault ?? []).map(parseFaultSpec),
    ...(rateLimitSpecs && { rateLimits: parseRateLimitSpecs(rateLimitSpecs) }),
    ...(principalSpecs && {
      principals: Object.fromEntries(principalSpecs.map(parsePrincipalSpec)),
    }),
    ...(delay !== undefined && { cloudTrail: { deliveryDelayMs: parseCloudTrailDelay(delay) } }),
    ...((chatDelay !== undefined || chatFail !== undefined) && {
      ivsChat: {
        ...(chatDelay !== undefined && { activationDelayMs: parseChatDelay(chatDelay) }),
        ...(chatFail !== undefined && { failingNames: parseFailingNames(chatFail) }),
      },
    }),
    help: values.help ?? false,
  };
}

function parseChatDelay(text: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new CliUsageError(
      `--ivschat-delay must be a number of seconds, 0 or more; got "${text}"`,
    );
  }
  return seconds * 1000;
}

function parseFailingNames(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new CliUsageError(
      `--ivschat-fail must be a regular expression over names, e.g. ^broken-; ${(error as Error).message}`,
    );
  }
}

/**
 * The options, by `util.parseArgs` in strict mode. Its errors speak of its own API (how to
 * pass a positional that starts with a dash), so a refused command line is explained
 * instead from its tokens, in this command's words.
 */
function readOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true });
  } catch (error) {
    const { tokens } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: false,
      tokens: true,
    });
    const mistake = tokens.map(mistakeIn).find((found) => found !== undefined);
    // A refusal this file does not know yet still makes one line: Node's first.
    throw new CliUsageError(mistake ?? (error as Error).message.split("\n")[0] ?? "");
  }
}

/** An argument as `util.parseArgs` reads it when not strict. */
type ArgumentToken =
  | { kind: "option"; name: string; rawName: string; value?: string; inlineValue?: boolean }
  | { kind: "positional"; value: string }
  | { kind: "option-terminator" };

const OPTION_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

/** What strict mode refuses in one argument, and what to write instead. */
function mistakeIn(token: ArgumentToken): string | undefined {
  if (token.kind === "positional") {
    return `unexpected argument "${token.value}"; the emulator takes only options: ${OPTION_NAMES.join(", ")}`;
  }
  if (token.kind === "option-terminator") {
    return undefined;
  }
  const { rawName, value } = token;
  // Own keys only: `--constructor` is no option, though every object has a `constructor`.
  const option: ParseArgsOptionDescriptor | undefined = Object.hasOwn(OPTIONS, token.name)
    ? OPTIONS[token.name as keyof typeof OPTIONS]
    : undefined;
  if (option === undefined) {
    return `unknown option "${rawName}"; use ${OPTION_NAMES.join(", ")}`;
  }
  if (option.type === "boolean") {
    return value === undefined ? undefined : `${rawName} takes no value; write ${rawName} alone`;
  }
  if (value === undefined) {
    return `${rawName} needs a value`;
  }
  if (!token.inlineValue && value.startsWith("-")) {
    return `${rawName} needs a value, and "${value}" is taken for an option; to give a value that starts with a dash, write ${rawName}=${value}`;
  }
  return undefined;
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
