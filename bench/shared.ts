/** What the bench scripts share: their command line, timing, and how far below a limit they pace. */
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { EmulatorSession } from "../testing/emulatorSession";
import type { PulumiWorkspace } from "../testing/engine/pulumiWorkspace";

/** The provider is paced this far below the emulator's limit (client and server clocks differ). */
export const PACING_MARGIN = 0.95;

/**
 * A bench script's `--name value` options, read with util.parseArgs, each with its
 * default; `--out` resolved against the working directory. An unknown option or a
 * missing value fails with the usage, built from the defaults.
 */
export function benchArguments<Name extends string>(
  argv: string[],
  defaults: Record<Name | "out", string>,
): Record<Name | "out", string> {
  const names = Object.keys(defaults) as (Name | "out")[];
  try {
    const { values } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        names.map((name) => [name, { type: "string", default: defaults[name] }]),
      ),
      strict: true,
    });
    const read = values as unknown as Record<Name | "out", string>;
    return { ...read, out: path.resolve(read.out) };
  } catch (error) {
    const usage = names.map((name) => `--${name} ${defaults[name]}`).join(" ");
    throw new Error(`${(error as Error).message}; use ${usage}`, { cause: error });
  }
}

/** Whether every value is a whole number at least `minimum`. */
export const wholeNumbers = (values: readonly number[], minimum: number): boolean =>
  values.every((value) => Number.isInteger(value) && value >= minimum);

/** What `work` returned, and the seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

/** The median of three runs' seconds (previews are short, and a 2-core machine is noisy). */
export async function medianOfThree(work: () => Promise<unknown>): Promise<number> {
  const seconds: number[] = [];
  for (let run = 0; run < 3; run++) {
    seconds.push((await timed(work))[1]);
  }
  return seconds.sort((a, b) => a - b)[1] as number;
}

/**
 * `--size N --limit R --out FILE` of the scripts that time N pools under Cognito's rate
 * limits (R requests per second for reads and for writes).
 */
export function sizeAndLimitArguments(argv: string[], defaults: { size: string; out: string }) {
  const values = benchArguments(argv, { ...defaults, limit: "20" });
  const options = { ...values, size: Number(values.size), limit: Number(values.limit) };
  if (!wholeNumbers([options.size], 1) || !(options.limit > 0)) {
    throw new Error(
      "--size takes a positive integer, --limit a positive number of requests per second",
    );
  }
  return options;
}

/** One program's `up`, preview and destroy, and what they cost. */
export interface LifecycleTimings {
  label: string;
  up: number;
  /** The median of three previews with nothing changed. */
  preview: number;
  destroy: number;
  stateBytes: number;
  awsCalls: number;
  throttled: number;
}

/**
 * Times `up` (with its preview pass, as users run it), the median of three previews with
 * nothing changed, and `destroy` of the workspace's N-resource program, with the emulator
 * limiting reads and writes to `limit` per second; disposes of the workspace.
 */
export async function timeLifecycle(
  session: EmulatorSession,
  workspace: PulumiWorkspace,
  label: string,
  options: { size: number; limit: number },
): Promise<LifecycleTimings> {
  const { emulator } = session;
  emulator.setRateLimits({
    read: { requestsPerSecond: options.limit },
    write: { requestsPerSecond: options.limit },
  });
  try {
    emulator.clearRequests();
    const [, up] = await timed(() => workspace.pulumiOrThrow("up", "--yes"));
    const stateBytes = Buffer.byteLength(workspace.stateFileText()) / options.size;
    const preview = await medianOfThree(() =>
      workspace.pulumiOrThrow("preview", "--expect-no-changes"),
    );
    const [, destroy] = await timed(() =>
      workspace.pulumiOrThrow("destroy", "--yes", "--skip-preview"),
    );
    return {
      label,
      up,
      preview,
      destroy,
      stateBytes,
      awsCalls: emulator.requests.length,
      throttled: emulator.throttledCount(),
    };
  } finally {
    emulator.setRateLimits(undefined);
    workspace.dispose();
  }
}

/** The pacing settings that keep the provider `PACING_MARGIN` below the emulator's `limit`. */
export function pacingEnvironment(limit: number): Record<string, string> {
  const pacing = String(limit * PACING_MARGIN);
  return {
    COGNITO_LOG_DELIVERY_READS_PER_SECOND: pacing,
    COGNITO_LOG_DELIVERY_WRITES_PER_SECOND: pacing,
  };
}
