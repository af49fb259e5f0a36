#!/usr/bin/env bash
# Builds the Pulumi engine that resolve-engine.sh chose into a stage directory:
#
#     testing/engine/build-engine.sh RESOLUTION_FILE STAGE_DIR BUILD_LOG
#
# STAGE_DIR/bin gets `pulumi`, `pulumi-language-nodejs` and the launcher
# `pulumi-resource-pulumi-nodejs`; STAGE_DIR/BUILD-INFO says what was built from what.
# The go command's output goes to BUILD_LOG; every 30 s a progress line (step, elapsed
# time, the log's last line) goes to stderr, because a cold build takes about 10 minutes
# on 2 cores and a newcomer must not think it hung (issue 20).
#
# Why wrapper modules: upstream's go.mod files hold replace directives, so
# `go install pkg@version` refuses them. A throw-away module that requires the released
# versions and repeats the replaces whose target is a module version builds them.
source "$(dirname "${BASH_SOURCE[0]}")/engine-lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/build-lib.sh"

[ "$#" -eq 3 ] || die "usage: build-engine.sh RESOLUTION_FILE STAGE_DIR BUILD_LOG"
resolution_file="$1" stage="$2" build_log="$3"
[ -f "$resolution_file" ] || die "no resolution file at $resolution_file: run resolve-engine.sh first."

# resolved KEY: a value of the resolution (key=value lines; values may contain '=').
resolved() {
  local value
  value=$(sed -n "s/^$1=//p" "$resolution_file" | head -n 1)
  printf '%s' "$value"
}

version=$(resolved version)
go_directive=$(resolved go_directive)
cli_gomod=$(resolved cli_gomod)
langhost=$(resolved langhost)
langhost_version=$(resolved langhost_version)
langhost_gomod=$(resolved langhost_gomod)
commit=$(resolved commit)
[ -n "$version" ] && [ -n "$cli_gomod" ] && [ -n "$langhost_version" ] && [ -n "$langhost_gomod" ] ||
  die "the resolution in $resolution_file is incomplete (version, cli_gomod, langhost_version and langhost_gomod are required); delete it and rerun ensure-engine.sh."
go_version=$(go env GOVERSION)
COMPILE_ERROR_ADVICE="set PULUMI_ENGINE_VERSION to another release"

case "$langhost" in
  module) readonly STEPS=3 ;; # tidy once, compile both
  in-tree) readonly STEPS=4 ;;
  *) die "the resolution in $resolution_file has langhost '$langhost' (expected module or in-tree); delete it and rerun ensure-engine.sh." ;;
esac
trap '[ -z "$child" ] || kill "$child" 2>/dev/null || true; engine_cleanup_failure_file' EXIT

mkdir -p "$stage/bin"
: >>"$build_log"
work="$stage/.wrappers"
if [ "$langhost" = "module" ]; then
  # Both from the same commit, in one module.
  write_wrapper "$work/engine" "$go_directive" "$CLI_MODULE/cmd/pulumi" "$LANGHOST_MODULE" -- \
    "$CLI_MODULE v$version" "$SDK_MODULE v$version" "$LANGHOST_MODULE $langhost_version" -- \
    "$cli_gomod" "$langhost_gomod"
  tidy "$work/engine"
  compile "$work/engine" pulumi "$CLI_MODULE/cmd/pulumi" "v$version"
  compile "$work/engine" pulumi-language-nodejs "$LANGHOST_MODULE" "v$version"
  langhost_source="$LANGHOST_MODULE@$langhost_version"
else
  write_wrapper "$work/engine" "$go_directive" "$CLI_MODULE/cmd/pulumi" -- \
    "$CLI_MODULE v$version" "$SDK_MODULE v$version" -- "$cli_gomod"
  # A separate module: one module graph holds one version of sdk/v3.
  legacy_package="$SDK_MODULE/nodejs/cmd/pulumi-language-nodejs"
  write_wrapper "$work/langhost" "$(resolved langhost_go_directive)" "$legacy_package" -- \
    "$SDK_MODULE $langhost_version" -- "$langhost_gomod"
  tidy "$work/engine"
  compile "$work/engine" pulumi "$CLI_MODULE/cmd/pulumi" "v$version"
  tidy "$work/langhost"
  compile "$work/langhost" pulumi-language-nodejs "$legacy_package" "$langhost_version"
  langhost_source="$SDK_MODULE@$langhost_version (in-tree nodejs/cmd/pulumi-language-nodejs)"
fi
rm -rf "$work"
write_launcher "$stage/bin"
printf 'pulumi: %s@v%s (commit %s)\npulumi-language-nodejs: %s\nbuilt: %s with Go %s\n' \
  "$CLI_MODULE" "$version" "${commit:-unknown}" "$langhost_source" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${go_version#go}" >"$stage/BUILD-INFO"
engine_ready "$version" "$stage/bin" ||
  die "the freshly built pulumi does not report v$version; the full log is $build_log."
