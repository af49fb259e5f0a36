/** What the bench scripts share: their command line, timing, and how far below a limit they pace. */
import * as path from "node:path";
import { parseArgs } from "node:util";

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
