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
# Environment:
#   PULUMI_ENGINE_VERSION  engine version to use (default: the installed @pulumi/pulumi's)
#   PULUMI_COGNITO_CACHE   cache root (default: ${XDG_CACHE_HOME:-~/.cache}/pulumi-cognito-log-delivery)
#
# Progress goes to stderr; stdout carries only the bin directory.
set -euo pipefail

readonly CLI_MODULE="github.com/pulumi/pulumi/pkg/v3"
readonly SDK_MODULE="github.com/pulumi/pulumi/sdk/v3"
readonly LANGHOST_MODULE="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
readonly VERSION_SYMBOL="github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"
# The Node.js language host left sdk/v3 for its own module (which has no version tags)
# after sdk/v3 v3.68.0. When the proxy does not serve that module at the engine's
# commit, the host that v3.68.0 still carried in-tree is the only one we can build.
readonly LEGACY_LANGHOST_SDK_VERSION="3.68.0"
# How many older minor releases to try when the proxy does not serve the wanted one.
readonly MAX_OLDER_RELEASES=30

log() { printf 'engine: %s\n' "$*" >&2; }
die() {
  printf 'engine: error: %s\n' "$*" >&2
  exit 1
}

# version_ge A B: A >= B, for dotted versions without a leading "v".
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
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

# The launcher the engine runs for the "pulumi-nodejs" resource plugin. Upstream ships
# it at the root of @pulumi/pulumi; this one does the same (resolve the dynamic provider
# from the current directory, which is the program's: the engine starts resource plugins
# there), but quotes the arguments, execs so signals reach node, and says what is wrong
# when @pulumi/pulumi cannot be found.
write_launcher() {
  local target="$1/pulumi-resource-pulumi-nodejs"
  cat >"$target.tmp" <<'EOF'
#!/bin/sh
# Written by testing/engine/ensure-engine.sh: runs a Node.js dynamic provider.
script=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || {
  echo "pulumi-resource-pulumi-nodejs: cannot resolve @pulumi/pulumi/cmd/dynamic-provider from $(pwd): install the program's dependencies there." >&2
  exit 1
}
exec node "$script" "$@"
EOF
  chmod +x "$target.tmp"
  mv -f "$target.tmp" "$target"
}

# engine_ready VERSION BIN_DIR: the directory holds a usable engine of that version.
engine_ready() {
  [ -x "$2/pulumi" ] && [ -x "$2/pulumi-language-nodejs" ] && [ -x "$2/pulumi-resource-pulumi-nodejs" ] &&
    [ "$(PULUMI_SKIP_UPDATE_CHECK=true "$2/pulumi" version 2>/dev/null)" = "v$1" ]
}

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

# --- Cold path: build from the Go module proxy. ---------------------------------------

command -v go >/dev/null ||
  die "Go is not on PATH. The Pulumi CLI is built from the Go module proxy here: install Go (1.25 or newer) and retry."
go_version=$(go env GOVERSION)
go_version="${go_version#go}"
# Never let go fetch a different toolchain behind our back: we check the version ourselves.
export GOTOOLCHAIN=local

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
trap 'rm -rf "$work"' EXIT
build_log="$engine_root/build.log"
: >"$build_log"

# go_download MODULE@VERSION: downloads the module; prints `go mod download -json`.
# Returns 2 when the proxy does not serve that version, dies when it cannot be reached.
go_download() {
  local out
  if out=$(cd "$work" && go mod download -json "$1" 2>>"$build_log"); then
    printf '%s\n' "$out"
    return 0
  fi
  case "$out" in
    *"not available"* | *"404 Not Found"* | *"410 Gone"* | *"403 Forbidden"* | *"unknown revision"* | *"invalid version"*)
      return 2
      ;;
    *"dial tcp"* | *"no such host"* | *"connection refused"* | *"i/o timeout"* | *"TLS handshake"* | *"GOPROXY=off"*)
      die "cannot reach the Go module proxy (GOPROXY=$(go env GOPROXY)): $(json_field Error <<<"$out"). Check the network and GOPROXY, then retry."
      ;;
    *) die "go mod download $1 failed: $(json_field Error <<<"$out")" ;;
  esac
}

# json_field NAME: the first string value of "NAME" in JSON on stdin (any layout),
# with escaped quotes (go's error texts have them) unescaped.
json_field() {
  grep -oE '"'"$1"'" *: *"([^"\\]|\\.)*"' | sed -n '1{s/^"[^"]*" *: *"//;s/"$//;s/\\"/"/g;p;}'
}

# go_directive GO_MOD_FILE: its `go` version.
go_directive() { sed -n 's/^go[[:space:]]\{1,\}\([0-9.]*\).*/\1/p' "$1"; }

# module_replaces GO_MOD_FILE: its replace directives whose target is a module version.
# Upstream's go.mod files also replace sibling modules by relative paths (../sdk);
# those cannot apply outside their repository, and the wrapper requires the matching
# released versions instead.
module_replaces() {
  awk '
    { sub(/\/\/.*/, "") }
    /^replace[[:space:]]*\(/ { block = 1; next }
    block && /^[[:space:]]*\)/ { block = 0; next }
    block || /^replace[[:space:]]/ {
      sub(/^replace[[:space:]]+/, "")
      if (split($0, side, "=>") != 2) next
      if (split(side[2], target, " ") != 2) next
      gsub(/^[[:space:]]+|[[:space:]]+$/, "", side[1])
      print side[1] " => " target[1] " " target[2]
    }
  ' "$1"
}

# Find the release to build: the wanted one, or (when the proxy does not serve it and
# no version was pinned) the newest older release it serves.
version="$wanted"
IFS=. read -r major minor _ <<<"$wanted"
older=0
while :; do
  if cli_json=$(go_download "$CLI_MODULE@v$version"); then break; else status=$?; fi
  [ "$status" -eq 2 ] || exit "$status"
  [ -z "${PULUMI_ENGINE_VERSION:-}" ] ||
    die "the Go module proxy does not serve $CLI_MODULE@v$version; unset PULUMI_ENGINE_VERSION or pick another version."
  older=$((older + 1))
  if [ "$older" -gt "$MAX_OLDER_RELEASES" ] || [ "$minor" -eq 0 ]; then
    die "the Go module proxy serves no $CLI_MODULE release from v$wanted down to v$version."
  fi
  minor=$((minor - 1))
  version="$major.$minor.0"
done
if [ "$version" != "$wanted" ]; then
  log "warning: the Go module proxy does not serve pulumi v$wanted; using v$version, the newest older release it serves (set PULUMI_ENGINE_VERSION to pin one)."
  # The older release may already be built (by another SDK version's run).
  if engine_ready "$version" "$engine_root/v$version/bin"; then
    printf '%s\n' "$version" >"$resolved_file"
    printf '%s\n' "$engine_root/v$version/bin"
    exit 0
  fi
fi

cli_gomod=$(json_field GoMod <<<"$cli_json")
cli_info=$(json_field Info <<<"$cli_json")
go_required=$(go_directive "$cli_gomod")
version_ge "$go_version" "$go_required" ||
  die "pulumi v$version needs Go $go_required or newer (its go.mod says so); this machine has Go $go_version. Install a newer Go and retry."
go_download "$SDK_MODULE@v$version" >/dev/null ||
  die "the Go module proxy does not serve $SDK_MODULE@v$version, which pulumi v$version is built with."

# The language host module has no tags: its version for the engine's commit is the
# pseudo-version v3.0.0-<commit time>-<12 hex of the commit>.
commit=$(json_field Hash <<<"$cli_json")
[ -n "$commit" ] || commit=$(json_field Hash <"$cli_info")
commit_time=$(json_field Time <"$cli_info" | tr -d 'TZ:-')
langhost_version=""
langhost_json=""
if [ -n "$commit" ]; then
  for candidate in "v3.0.0-$commit_time-${commit:0:12}" "$commit"; do
    if langhost_json=$(go_download "$LANGHOST_MODULE@$candidate"); then
      langhost_version=$(json_field Version <<<"$langhost_json")
      break
    fi
  done
fi

stage="$work/stage"
mkdir -p "$stage/bin"

# build_binary NAME PACKAGE VERSION_STAMP WRAPPER_DIR GO_VERSION REQUIREMENT... -- GO_MOD_FILE...
# Builds PACKAGE in a throw-away module that requires the given module versions and
# repeats the module replaces of the given go.mod files: `go install pkg@version`
# refuses modules whose go.mod holds replace directives.
build_binary() {
  local name="$1" package="$2" stamp="$3" wrapper="$4" go_version="$5" started
  shift 5
  mkdir -p "$wrapper"
  {
    printf 'module pulumi-engine-build\n\ngo %s\n\nrequire (\n' "$go_version"
    while [ "$1" != "--" ]; do
      printf '\t%s\n' "$1"
      shift
    done
    shift
    printf ')\n'
    for gomod in "$@"; do module_replaces "$gomod"; done | sort -u | sed 's/^/replace /'
  } >"$wrapper/go.mod"
  # Names the main package so `go mod tidy` resolves everything it imports.
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$package" >"$wrapper/tools.go"
  started=$(date +%s)
  if ! (cd "$wrapper" && go mod tidy && CGO_ENABLED=0 go build -tags osusergo,grpcnotrace \
    -ldflags "-X $VERSION_SYMBOL=$stamp" -o "$stage/bin/$name" "$package") >>"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    die "building $name failed; the full log is $build_log."
  fi
  log "built $name $stamp in $(($(date +%s) - started)) s"
}

log "building pulumi v$version from the Go module proxy (first time, several minutes; log: $build_log)..."
started_all=$(date +%s)
if [ -n "$langhost_version" ]; then
  # Both from the same commit, in one module.
  build_binary pulumi "$CLI_MODULE/cmd/pulumi" "v$version" "$work/wrapper" "$go_required" \
    "$CLI_MODULE v$version" "$SDK_MODULE v$version" "$LANGHOST_MODULE $langhost_version" -- \
    "$cli_gomod" "$(json_field GoMod <<<"$langhost_json")"
  build_binary pulumi-language-nodejs "$LANGHOST_MODULE" "v$version" "$work/wrapper" "$go_required" \
    "$CLI_MODULE v$version" "$SDK_MODULE v$version" "$LANGHOST_MODULE $langhost_version" -- \
    "$cli_gomod" "$(json_field GoMod <<<"$langhost_json")"
  langhost_source="$LANGHOST_MODULE@$langhost_version"
else
  log "warning: the Go module proxy does not serve $LANGHOST_MODULE at commit ${commit:-unknown} (pulumi v$version);" \
    "building the Node.js language host that $SDK_MODULE v$LEGACY_LANGHOST_SDK_VERSION still carried in-tree instead."
  build_binary pulumi "$CLI_MODULE/cmd/pulumi" "v$version" "$work/wrapper" "$go_required" \
    "$CLI_MODULE v$version" "$SDK_MODULE v$version" -- "$cli_gomod"
  legacy_json=$(go_download "$SDK_MODULE@v$LEGACY_LANGHOST_SDK_VERSION") ||
    die "the Go module proxy serves neither $LANGHOST_MODULE for v$version nor $SDK_MODULE@v$LEGACY_LANGHOST_SDK_VERSION: no Node.js language host can be built."
  legacy_gomod=$(json_field GoMod <<<"$legacy_json")
  # A separate module: one module graph holds one version of sdk/v3.
  build_binary pulumi-language-nodejs "$SDK_MODULE/nodejs/cmd/pulumi-language-nodejs" \
    "v$LEGACY_LANGHOST_SDK_VERSION" "$work/wrapper-langhost" "$(go_directive "$legacy_gomod")" \
    "$SDK_MODULE v$LEGACY_LANGHOST_SDK_VERSION" -- "$legacy_gomod"
  langhost_source="$SDK_MODULE@v$LEGACY_LANGHOST_SDK_VERSION (in-tree nodejs/cmd/pulumi-language-nodejs)"
fi
write_launcher "$stage/bin"
printf 'pulumi: %s@v%s (commit %s)\npulumi-language-nodejs: %s\nbuilt: %s with Go %s\n' \
  "$CLI_MODULE" "$version" "${commit:-unknown}" "$langhost_source" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$go_version" \
  >"$stage/BUILD-INFO"
engine_ready "$version" "$stage/bin" ||
  die "the freshly built pulumi does not report v$version; the full log is $build_log."

# Publish atomically: readers see either no directory or a complete one.
dest="$engine_root/v$version"
[ ! -e "$dest" ] || mv "$dest" "$work/replaced"
mv "$stage" "$dest"
[ "$version" = "$wanted" ] || printf '%s\n' "$version" >"$resolved_file"
log "pulumi v$version ready in $dest/bin ($(($(date +%s) - started_all)) s)"
printf '%s\n' "$dest/bin"
