/**
 * What the SDK tests need from the machine, set up as the engine is: a Python virtual
 * environment with the `pulumi` package from PyPI (cached outside the clone, made once),
 * and commands run with their output kept for the failure message.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The newest `pulumi` on PyPI here (checked 2026-12-04); the generated SDK asks for
 * >= 3.269. The engine is 3.276, which PyPI does not serve yet.
 */
export const PYPI_PULUMI_VERSION = "3.272.0";

/** The engine's cache root, as ensure-engine.sh computes it. */
function cacheRoot(): string {
  const home = process.env["HOME"] ?? "/tmp";
  return (
    process.env["PULUMI_COGNITO_CACHE"] ??
    path.join(
      process.env["XDG_CACHE_HOME"] ?? path.join(home, ".cache"),
      "pulumi-cognito-log-delivery",
    )
  );
}

/** Runs a command; throws with its whole output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ""}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/**
 * The `python` of a virtual environment holding `pulumi` and `wheel` (to build the SDK
 * without fetching build tools each time), made on first use.
 */
export function pythonWithPulumi(): string {
  const directory = path.join(cacheRoot(), `python-venv-pulumi-${PYPI_PULUMI_VERSION}`);
  const python = path.join(directory, "bin", "python");
  if (!fs.existsSync(path.join(directory, ".complete"))) {
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(directory), { recursive: true });
    run("python3", ["-m", "venv", directory], { cwd: path.dirname(directory) });
    run(python, ["-m", "pip", "install", "--quiet", `pulumi==${PYPI_PULUMI_VERSION}`, "wheel"], {
      cwd: directory,
    });
    fs.writeFileSync(path.join(directory, ".complete"), "");
  }
  return python;
}

/**
 * Installs the generated Python SDK (sdk/python) into `target` for the `python` of
 * `pythonWithPulumi()`, from a copy (pip writes build/ and *.egg-info next to setup.py);
 * `target` then goes on PYTHONPATH.
 */
export function installPythonSdk(python: string, sdkDirectory: string, target: string): void {
  const copy = `${target}-source`;
  fs.cpSync(sdkDirectory, copy, { recursive: true });
  run(
    python,
    [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--no-deps",
      "--no-build-isolation",
      "--target",
      target,
      copy,
    ],
    {
      cwd: path.dirname(target),
    },
  );
  fs.rmSync(copy, { recursive: true, force: true });
}

/** A resource a Python program registered under the mocks. */
export interface PythonRegistration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** The script that runs a program under the mocks: argv program, project, config JSON. */
const PYTHON_MOCK_RUNNER = [
  "import json, runpy, sys",
  "import pulumi",
  "",
  "program, project, config = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])",
  "registered = []",
  "",
  "class Mocks(pulumi.runtime.Mocks):",
  "    def new_resource(self, args):",
  '        registered.append({"type": args.typ, "name": args.name, "inputs": args.inputs})',
  '        return [args.name + "-id", args.inputs]',
  "",
  "    def call(self, args):",
  "        return {}",
  "",
  'pulumi.runtime.set_mocks(Mocks(), project=project, stack="dev", preview=False)',
  "pulumi.runtime.set_all_config(config)",
  "runpy.run_path(program)",
  "",
  "@pulumi.runtime.test",
  "def registrations_done():",
  "    return pulumi.Output.from_input(None)",
  "",
  "registrations_done()",
  'print(json.dumps(sorted(registered, key=lambda r: r["name"])))',
  "",
].join("\n");

/**
 * Runs a Python program file under the `pulumi` package's mocks (no engine) with stack
 * config `config` (full keys, `project:key`), and returns what it registered, by name.
 */
export function registeredUnderPythonMocks(
  python: string,
  program: string,
  options: { project: string; config?: Record<string, string>; pythonPath: string },
): PythonRegistration[] {
  const runner = path.join(path.dirname(program), ".run-under-mocks.py");
  fs.writeFileSync(runner, PYTHON_MOCK_RUNNER);
  try {
    const output = run(
      python,
      [runner, program, options.project, JSON.stringify(options.config ?? {})],
      {
        cwd: path.dirname(program),
        env: { ...process.env, PYTHONPATH: options.pythonPath },
      },
    );
    return JSON.parse(output) as PythonRegistration[];
  } finally {
    fs.rmSync(runner, { force: true });
  }
}
