#!/usr/bin/env bash
# Makes the real Pulumi engine available to this project's end-to-end tests and demo,
# and prints the one directory to put first on PATH:
#
#     PATH="$(testing/engine/ensure-engine.sh):$PATH"
#
# That directory holds `pulumi`, `pulumi-language-nodejs` and the launcher
# `pulumi-resource-pulumi-nodejs`, which the engine needs to run dynamic providers
# (without it the engine tries to download a "pulumi-nodejs" plugin and fails).
#
# Why it builds from source: the vendor's binary downloads (the npm package `pulumi`,
# PulumiCommand.install) do not work on our machines, but the Go module proxy does,
# and the CLI and the Node.js language host are Go modules. The result goes into a
# cache outside the clone, so a fresh clone on the same machine reuses it; Go's own
# module and build caches stay at their defaults, so a rebuild is incremental.
#
# In order: a suitable `pulumi` on PATH; the cached build; else, under a lock,
# resolve-engine.sh decides what to build from what the proxy serves and
# build-engine.sh builds it (progress every 30 s), published atomically.
#
# Environment:
#   PULUMI_ENGINE_VERSION  engine version to use (default: the installed @pulumi/pulumi's)
#   PULUMI_COGNITO_CACHE   cache root (default: ${XDG_CACHE_HOME:-~/.cache}/pulumi-cognito-log-delivery)
#
# Progress goes to stderr; stdout carries only the bin directory. Every failure prints one
# "engine: error: …" line that says what failed and what to do (engine-lib.sh), also
# written to $ENGINE_FAILURE_FILE when the caller sets it.

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$script_dir/engine-lib.sh"
trap engine_cleanup_failure_file EXIT

project_root=$(cd "$script_dir/../.." && pwd)
sdk_package_json="$project_root/node_modules/@pulumi/pulumi/package.json"

[ -f "$sdk_package_json" ] ||
  die "@pulumi/pulumi is not installed in $project_root/node_modules: run 'npm ci' there first."
# The first "version" key of package.json is the package's own.
sdk_version=$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$sdk_package_json" | sed -n 1p)
wanted="${PULUMI_ENGINE_VERSION:-$sdk_version}"
wanted="${wanted#v}"
[[ "$wanted" =~ ^3\.[0-9]+\.[0-9]+$ ]] ||
  die "engine version '$wanted' is not of the form 3.X.Y (from PULUMI_ENGINE_VERSION or $sdk_package_json)."

cache_root="${PULUMI_COGNITO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cognito-log-delivery}"
engine_root="$cache_root/engine"

# A pulumi already on PATH is used as is when it is the wanted version or not older
# than the SDK, and has a Node.js language host beside it on PATH.
use_ambient_engine() {
  local pulumi_bin langhost_bin ambient_version bin_dir
  pulumi_bin=$(command -v pulumi) || return 1
  langhost_bin=$(command -v pulumi-language-nodejs) || return 1
  ambient_version=$(PULUMI_SKIP_UPDATE_CHECK=true pulumi version 2>/dev/null) || return 1
  ambient_version="${ambient_version#v}"
  [ "$ambient_version" = "$wanted" ] || version_ge "$ambient_version" "$sdk_version" || return 1
  # One directory with all three, so callers need a single PATH entry.
  bin_dir="$engine_root/ambient/bin"
  mkdir -p "$bin_dir"
  ln -sfn "$pulumi_bin" "$bin_dir/pulumi"
  ln -sfn "$langhost_bin" "$bin_dir/pulumi-language-nodejs"
  write_launcher "$bin_dir"
  log "using pulumi v$ambient_version from $pulumi_bin"
  printf '%s\n' "$bin_dir"
}

# When the proxy does not serve the wanted release, the release built instead is
# recorded here, so the warm path needs no network.
resolved_file="$engine_root/v$wanted.resolved"

cached_bin_dir() {
  local version="$wanted"
  [ -f "$resolved_file" ] && version=$(cat "$resolved_file")
  engine_ready "$version" "$engine_root/v$version/bin" || return 1
  if [ "$version" = "$wanted" ]; then
    log "using pulumi v$version from $engine_root/v$version"
  else
    log "using pulumi v$version from $engine_root/v$version (v$wanted is not served by the Go module proxy)"
  fi
  printf '%s\n' "$engine_root/v$version/bin"
}

use_ambient_engine && exit 0
cached_bin_dir && exit 0

# --- Cold path: resolve, then build from the Go module proxy. -------------------------

mkdir -p "$engine_root"
# One build at a time per cache (parallel test runs would otherwise build twice).
exec 9>"$engine_root/.lock"
if ! flock -n 9; then
  log "another build is under way in $engine_root; waiting for it..."
  flock 9
  cached_bin_dir && exit 0
fi

# Leftovers of interrupted builds: never a half-populated cache, just garbage.
rm -rf "$engine_root"/.build-*
work=$(mktemp -d "$engine_root/.build-XXXXXX")
trap 'rm -rf "$work"; engine_cleanup_failure_file' EXIT
build_log="$engine_root/build.log"
: >"$build_log"

log "resolving pulumi v$wanted against the Go module proxy ($(go env GOPROXY 2>/dev/null || echo 'Go not found'))..."
bash "$script_dir/resolve-engine.sh" "$wanted" ${PULUMI_ENGINE_VERSION:+--exact} >"$work/resolution"
version=$(sed -n 's/^version=//p' "$work/resolution")

if [ "$version" != "$wanted" ] && engine_ready "$version" "$engine_root/v$version/bin"; then
  # The older release is already built (by another SDK version's run).
  printf '%s\n' "$version" >"$resolved_file"
  log "using pulumi v$version from $engine_root/v$version"
  printf '%s\n' "$engine_root/v$version/bin"
  exit 0
fi

log "building pulumi v$version from the Go module proxy (first time: about 10 minutes on 2 cores; log: $build_log)..."
started=$(date +%s)
bash "$script_dir/build-engine.sh" "$work/resolution" "$work/stage" "$build_log"

# Publish atomically: readers see either no directory or a complete one.
dest="$engine_root/v$version"
[ ! -e "$dest" ] || mv "$dest" "$work/replaced"
mv "$work/stage" "$dest"
[ "$version" = "$wanted" ] || printf '%s\n' "$version" >"$resolved_file"
log "pulumi v$version ready in $dest/bin ($(($(date +%s) - started)) s)"
printf '%s\n' "$dest/bin"
