# Shared by ensure-engine.sh, resolve-engine.sh and build-engine.sh (sourced, not run).
#
# Every way these scripts can fail prints one line on stderr that says what failed and
# what to do: `die` for the failures we foresee, the ERR trap (which names the script,
# the line and the command) for the rest. A newcomer once saw only "exited 1" when a
# Go module proxy answer lacked an optional field (issue 20); this is the floor that
# keeps that from happening again.
#
# The first failure line is also written to $ENGINE_FAILURE_FILE when it is set, so that
# a caller can repeat it in its own error (testing/engine/engine.ts does) while stderr
# stays live for progress. The file also keeps a failure from being reported twice when
# a command substitution fails inside a function and the caller's line fails with it.

set -Eeuo pipefail
shopt -s inherit_errexit

readonly CLI_MODULE="github.com/pulumi/pulumi/pkg/v3"
readonly SDK_MODULE="github.com/pulumi/pulumi/sdk/v3"
readonly LANGHOST_MODULE="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
readonly VERSION_SYMBOL="github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"

# Never let go fetch a different toolchain behind our back (the resolver checks the version
# against the engine's go.mod itself), unless the user chose one: GOTOOLCHAIN=go1.X.Y in
# the environment is how a machine whose Go is too old gets a newer one from the proxy.
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

if [ -z "${ENGINE_FAILURE_FILE:-}" ]; then
  ENGINE_FAILURE_FILE=$(mktemp "${TMPDIR:-/tmp}/engine-failure-XXXXXX")
  engine_owns_failure_file=1
fi
export ENGINE_FAILURE_FILE

log() { printf 'engine: %s\n' "$*" >&2; }

# report_failure MESSAGE: prints the failure line once per run (the first one wins).
report_failure() {
  if [ ! -s "$ENGINE_FAILURE_FILE" ]; then
    printf '%s\n' "$*" >"$ENGINE_FAILURE_FILE"
    printf 'engine: error: %s\n' "$*" >&2
  fi
}

die() {
  report_failure "$*"
  exit 1
}

on_unexpected_failure() {
  local status="$1" line="$2" command="$3"
  report_failure "'$command' exited $status ($(basename "$0") line $line); the lines above say why." \
    "If they do not, run 'bash -x testing/engine/ensure-engine.sh' to see where, and report it."
  exit "$status"
}
trap 'on_unexpected_failure $? $LINENO "$BASH_COMMAND"' ERR

# engine_cleanup_failure_file: for the top-level script, at exit.
engine_cleanup_failure_file() {
  if [ -n "${engine_owns_failure_file:-}" ]; then rm -f "$ENGINE_FAILURE_FILE"; fi
}

# version_ge A B: A >= B, for dotted versions without a leading "v".
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]; }

# write_launcher DIR: the launcher the engine runs for the "pulumi-nodejs" resource plugin.
# Upstream ships it at the root of @pulumi/pulumi; this one does the same (resolve the
# dynamic provider from the current directory, which is the program's: the engine starts
# resource plugins there), but quotes the arguments, execs so signals reach node, and says
# what is wrong when @pulumi/pulumi cannot be found.
write_launcher() {
  local target="$1/pulumi-resource-pulumi-nodejs"
  cat >"$target.tmp" <<'LAUNCHER'
#!/bin/sh
# Written by testing/engine/ensure-engine.sh: runs a Node.js dynamic provider.
script=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || {
  echo "pulumi-resource-pulumi-nodejs: cannot resolve @pulumi/pulumi/cmd/dynamic-provider from $(pwd): install the program's dependencies there." >&2
  exit 1
}
exec node "$script" "$@"
LAUNCHER
  chmod +x "$target.tmp"
  mv -f "$target.tmp" "$target"
}

# engine_ready VERSION BIN_DIR: the directory holds a usable engine of that version.
engine_ready() {
  [ -x "$2/pulumi" ] && [ -x "$2/pulumi-language-nodejs" ] && [ -x "$2/pulumi-resource-pulumi-nodejs" ] &&
    [ "$(PULUMI_SKIP_UPDATE_CHECK=true "$2/pulumi" version 2>/dev/null)" = "v$1" ]
}
