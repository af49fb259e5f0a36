/**
 * How the plugin's refresh says who changed a drifted pool. The dynamic-provider host
 * forwards its process's stdout to the CLI (pulumi/pulumi#18253), but the engine keeps a
 * plugin's stdout for its own debug log, so the plugin sends the line to the engine's Log
 * service instead, as a program's `pulumi.log.info` does: the engine shows it with the
 * update's diagnostics. The engine's address is the one positional argument the engine
 * starts a resource plugin with, after its own flags.
 */
import { parseArgs } from "node:util";
import * as pulumi from "@pulumi/pulumi";

/** The engine's address among the plugin's arguments, if given. */
export function engineAddressOf(args: readonly string[]): string | undefined {
  const { positionals } = parseArgs({
    args: [...args],
    strict: false,
    allowPositionals: true,
    // The flags the engine passes to every plugin (`-v=N`, `--logtostderr`, `--tracing ADDR`).
    options: {
      logtostderr: { type: "boolean" },
      verbose: { type: "string", short: "v" },
      tracing: { type: "string" },
    },
  });
  return positionals[0];
}

/**
 * A report function that logs to the engine at `engineAddress`, or to stdout (where the
 * engine's debug log keeps it) when the plugin was started without one.
 */
export function engineReport(engineAddress: string | undefined): (line: string) => void {
  if (engineAddress === undefined) {
    return (line) => console.log(line);
  }
  // The runtime's settings are where `pulumi.log` finds the engine; nothing else of the
  // program runtime is used in a plugin process.
  pulumi.runtime.resetOptions("", "", 1, engineAddress, "", false, "");
  return (line) => {
    void pulumi.log.info(line);
  };
}
