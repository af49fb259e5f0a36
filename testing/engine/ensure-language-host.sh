#!/usr/bin/env bash
# Makes a Pulumi language host other than Node.js available, built from the Go module proxy
# like the engine (ensure-engine.sh), and prints the directory to put on PATH beside the
# engine's:
#
#     PATH="$(testing/engine/ensure-language-host.sh yaml):$(testing/engine/ensure-engine.sh):$PATH"
#
# One row per language: where its host comes from, and which version the proxy serves.
#   yaml    github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml v1.25.0 (its own module,
#           no replace directives, so `go install` builds it; it brings pkg/v3 v3.206.0)
#   python  the host that github.com/pulumi/pulumi/sdk/v3 carried in-tree up to v3.79.0
#           (python/cmd/pulumi-language-python; its own module is not served), built in a
#           wrapper module that repeats its go.mod's replace, with the
#           `pulumi-language-python-exec` script it runs beside it. It runs programs of
#           PyPI's `pulumi` 3.272 with engine 3.276; it ignores `runtime.options.virtualenv`,
#           so the `python` with `pulumi` installed must come first on PATH.
#
# The build goes to <cache>/engine/language-<language>-<version>/ (the engine's cache root),
# atomically and under a lock; reused in under a second. Progress and failures as in
# ensure-engine.sh (engine-lib.sh).
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$script_dir/engine-lib.sh"
source "$script_dir/build-lib.sh"

[ "$#" -eq 1 ] || die "usage: ensure-language-host.sh yaml|python"
language="$1"
case "$language" in
  yaml)
    host_module="github.com/pulumi/pulumi-yaml"
    host_version="v1.25.0"
    host_package="$host_module/cmd/pulumi-language-yaml"
    build="install"
    ;;
  python)
    host_module="$SDK_MODULE"
    host_version="v3.79.0"
    host_package="$host_module/python/cmd/pulumi-language-python"
    build="wrapper"
    ;;
  *) die "no language host '$language' is known here (known: yaml, python)." ;;
esac
host_binary="pulumi-language-$language"

cache_root="${PULUMI_COGNITO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cognito-log-delivery}"
host_root="$cache_root/engine/language-$language-$host_version"

if [ -x "$host_root/bin/$host_binary" ]; then
  log "using $host_binary $host_version from $host_root"
  printf '%s\n' "$host_root/bin"
  exit 0
fi

mkdir -p "$cache_root/engine"
exec 9>"$cache_root/engine/.lock-$language"
if ! flock -n 9; then
  log "another build of $host_binary is under way; waiting for it..."
  flock 9
fi
if [ -x "$host_root/bin/$host_binary" ]; then
  printf '%s\n' "$host_root/bin"
  exit 0
fi

rm -rf "$cache_root/engine"/.build-"$language"-*
work=$(mktemp -d "$cache_root/engine/.build-$language-XXXXXX")
trap '[ -z "$child" ] || kill "$child" 2>/dev/null || true; rm -rf "$work"; engine_cleanup_failure_file' EXIT
build_log="$cache_root/engine/build-$language.log"
: >"$build_log"
stage="$work/stage"
mkdir -p "$stage/bin" "$work/empty"
COMPILE_ERROR_ADVICE="report it with the log"
log "building $host_binary $host_version from the Go module proxy (first time: a few minutes; log: $build_log)..."
started=$(date +%s)
if [ "$build" = "install" ]; then
  readonly STEPS=1
  run_step "download and compile $host_package@$host_version (go install)" "$work/empty" \
    env CGO_ENABLED=0 GOBIN="$stage/bin" go install -v -trimpath "$host_package@$host_version"
else
  readonly STEPS=2
  download=$(cd "$work/empty" && go mod download -json "$host_module@$host_version") ||
    die "the Go module proxy does not serve $host_module@$host_version: $(grep -m 1 '"Error"' <<<"$download" || true) Check GOPROXY ($(go env GOPROXY))."
  module_dir=$(cd "$work/empty" && go list -m -f '{{.Dir}}' "$host_module@$host_version")
  module_gomod=$(cd "$work/empty" && go list -m -f '{{.GoMod}}' "$host_module@$host_version")
  write_wrapper "$work/wrapper" "$(cd "$work/empty" && go list -m -f '{{.GoVersion}}' "$host_module@$host_version")" \
    "$host_package" -- "$host_module $host_version" -- "$module_gomod"
  tidy "$work/wrapper"
  compile "$work/wrapper" "$host_binary" "$host_package" "$host_version"
  # The script the host runs the program with, shipped beside the host in the release.
  install -m 0755 "$module_dir/python/cmd/pulumi-language-python-exec" "$stage/bin/"
fi
[ -x "$stage/bin/$host_binary" ] ||
  die "the build of $host_package@$host_version made no $host_binary; the full log is $build_log."
printf '%s: %s@%s\nbuilt: %s with %s\n' "$host_binary" "$host_package" "$host_version" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(go env GOVERSION)" >"$stage/BUILD-INFO"

rm -rf "$host_root"
mv "$stage" "$host_root"
log "$host_binary $host_version ready in $host_root/bin ($(($(date +%s) - started)) s)"
printf '%s\n' "$host_root/bin"
