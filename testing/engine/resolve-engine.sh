#!/usr/bin/env bash
# Decides what to build for the Pulumi engine, from what the Go module proxy serves, and
# prints the decision as key=value lines on stdout (progress and warnings on stderr):
#
#     testing/engine/resolve-engine.sh WANTED_VERSION [--exact]
#
#   version=3.276.0                 the pulumi release to build (github.com/pulumi/pulumi/pkg/v3)
#   go_directive=1.26.6             the Go its go.mod asks for (the go command checks it)
#   cli_gomod=/…/v3.276.0.mod       its go.mod, whose module replaces the build repeats
#   commit=<40 hex>                 the release's commit, when the proxy says (may be empty)
#   langhost=module | in-tree       where the Node.js language host comes from
#   langhost_version=…              its module version (v3.0.0-<time>-<commit>, or v3.68.0 of sdk/v3)
#   langhost_gomod=/…               that module's go.mod
#   langhost_go_directive=…         the Go that go.mod asks for
#   langhost_reason=…               why in-tree (empty for module)
#
# With --exact the wanted version is required; otherwise, when the proxy does not serve it,
# the newest older release it serves is chosen (a warning says so).
#
# It downloads only what the build needs anyway (the modules' zips: a release whose .info
# and .mod are served but whose zip is refused, like pkg/v3 v3.270.0, cannot be built),
# and reads every fact through `go list -m -f`, never by parsing the proxy's JSON: the
# proxy's answers may lack optional fields such as Origin (issue 20).
#
# The go command's environment (GOPROXY, GOMODCACHE, GOSUMDB, GOFLAGS) applies as usual;
# the tests point GOPROXY at a file:// proxy of their own.
source "$(dirname "${BASH_SOURCE[0]}")/engine-lib.sh"

# The Node.js language host left sdk/v3 for its own module (which has no version tags)
# after sdk/v3 v3.68.0. When the proxy does not serve that module at the engine's
# commit, the host that v3.68.0 still carried in-tree is the only one we can build.
readonly LEGACY_LANGHOST_SDK_VERSION="v3.68.0"
# How many older minor releases to try when the proxy does not serve the wanted one.
readonly MAX_OLDER_RELEASES=30

usage="usage: resolve-engine.sh WANTED_VERSION [--exact]   (WANTED_VERSION of the form 3.X.Y)"
[ "$#" -ge 1 ] && [ "$#" -le 2 ] || die "$usage"
wanted="${1#v}"
exact=""
if [ "$#" -eq 2 ]; then
  [ "$2" = "--exact" ] || die "$usage"
  exact=1
fi
[[ "$wanted" =~ ^3\.[0-9]+\.[0-9]+$ ]] || die "engine version '$1' is not of the form 3.X.Y."

command -v go >/dev/null ||
  die "Go is not on PATH. The Pulumi CLI is built from the Go module proxy here: install Go (1.25 or newer) and retry."

scratch=$(mktemp -d "${TMPDIR:-/tmp}/resolve-engine-XXXXXX")
trap 'rm -rf "$scratch"; engine_cleanup_failure_file' EXIT

# fetch_module MODULE@VERSION: downloads the module (zip included) into the module cache.
# Returns 2 when the proxy does not serve that version; dies when the proxy cannot be
# reached or answers something else.
fetch_module() {
  local output
  if output=$(cd "$scratch" && go mod download -json "$1" 2>&1); then
    return 0
  fi
  case "$output" in
    *"not available"* | *"404 Not Found"* | *"410 Gone"* | *"403 Forbidden"* | *"unknown revision"* | \
      *"invalid version"* | *"no such file or directory"* | *"no matching versions"*)
      return 2
      ;;
    *"requires go >="* | *"requires go \\u003e="*)
      die "$1 needs a newer Go than this machine's: $(first_error_line "$output"). Install a newer Go, or export GOTOOLCHAIN=go<version> to let the go command fetch that toolchain from the proxy, and retry."
      ;;
    *"dial tcp"* | *"no such host"* | *"connection refused"* | *"i/o timeout"* | *"TLS handshake"* | \
      *"GOPROXY=off"* | *"lookup disabled"*)
      die "cannot reach the Go module proxy (GOPROXY=$(go env GOPROXY)) for $1: $(first_error_line "$output") Check the network and GOPROXY, then retry."
      ;;
    *) die "go mod download $1 failed: $(first_error_line "$output") Check GOPROXY ($(go env GOPROXY)) and the log above, then retry." ;;
  esac
}

# first_error_line TEXT: the error in go's output, for a message: the "Error" value of its
# JSON (go escapes < and > there) or its first "go: " line, else its first line.
first_error_line() {
  local line
  line=$(grep -m 1 -E '"Error"|^go: ' <<<"$1" || true)
  [ -n "$line" ] || line=$(head -n 1 <<<"$1")
  sed -e 's/^[[:space:]]*"Error": *"//' -e 's/",*$//' -e 's/\\u003e/>/g' -e 's/\\u003c/</g' -e 's/\\"/"/g' <<<"$line"
}

# module_fact MODULE@VERSION TEMPLATE: a fact of a downloaded module, read from the module
# cache through go's own types (a missing optional field gives an empty string).
module_fact() { go list -m -f "$2" "$1"; }

# --- The release: the wanted one, or the newest older one the proxy serves. ----------
version="$wanted"
IFS=. read -r major minor _ <<<"$wanted"
older=0
while :; do
  if fetch_module "$CLI_MODULE@v$version"; then break; else status=$?; fi
  [ "$status" -eq 2 ] || exit "$status"
  [ -z "$exact" ] ||
    die "the Go module proxy does not serve $CLI_MODULE@v$version; unset PULUMI_ENGINE_VERSION or pick another version."
  older=$((older + 1))
  if [ "$older" -gt "$MAX_OLDER_RELEASES" ] || [ "$minor" -eq 0 ]; then
    die "the Go module proxy serves no $CLI_MODULE release from v$wanted down to v$version; check GOPROXY ($(go env GOPROXY)) or set PULUMI_ENGINE_VERSION to a served version."
  fi
  minor=$((minor - 1))
  version="$major.$minor.0"
done
if [ "$version" != "$wanted" ]; then
  log "warning: the Go module proxy does not serve pulumi v$wanted; using v$version, the newest older release it serves (set PULUMI_ENGINE_VERSION to pin one)."
fi

# A release whose go.mod asks for a newer Go than this machine's never gets here: with
# GOTOOLCHAIN=local the go command refuses to download it ("requires go >= …", above).
go_directive=$(module_fact "$CLI_MODULE@v$version" '{{.GoVersion}}')
fetch_module "$SDK_MODULE@v$version" ||
  die "the Go module proxy does not serve $SDK_MODULE@v$version, which pulumi v$version is built with; set PULUMI_ENGINE_VERSION to another release."

# --- The Node.js language host. -------------------------------------------------------
# Its module has no tags: its version for the engine's commit is the pseudo-version
# v3.0.0-<commit time>-<12 hex of the commit>. Only an .info with Origin names the commit.
commit=$(module_fact "$CLI_MODULE@v$version" '{{with .Origin}}{{.Hash}}{{end}}')
commit_time=$(module_fact "$CLI_MODULE@v$version" '{{with .Time}}{{.UTC.Format "20060102150405"}}{{end}}')
langhost="in-tree"
langhost_version=""
if [ -z "$commit" ]; then
  langhost_reason="the proxy's answer for $CLI_MODULE@v$version names no commit (no Origin), so the version of $LANGHOST_MODULE that matches it is unknown"
else
  langhost_reason="the Go module proxy does not serve $LANGHOST_MODULE at commit ${commit:0:12} of pulumi v$version"
  for candidate in ${commit_time:+"v3.0.0-$commit_time-${commit:0:12}"} "$commit"; do
    if fetch_module "$LANGHOST_MODULE@$candidate"; then
      langhost="module"
      langhost_version=$(module_fact "$LANGHOST_MODULE@$candidate" '{{.Version}}')
      langhost_reason=""
      break
    else
      status=$?
      [ "$status" -eq 2 ] || exit "$status"
    fi
  done
fi

if [ "$langhost" = "module" ]; then
  langhost_module="$LANGHOST_MODULE"
else
  log "warning: $langhost_reason; building the Node.js language host that $SDK_MODULE $LEGACY_LANGHOST_SDK_VERSION still carried in-tree instead."
  langhost_module="$SDK_MODULE"
  langhost_version="$LEGACY_LANGHOST_SDK_VERSION"
  fetch_module "$SDK_MODULE@$LEGACY_LANGHOST_SDK_VERSION" ||
    die "the Go module proxy serves neither $LANGHOST_MODULE for pulumi v$version nor $SDK_MODULE@$LEGACY_LANGHOST_SDK_VERSION: no Node.js language host can be built. Check GOPROXY ($(go env GOPROXY))."
fi

printf '%s=%s\n' \
  version "$version" \
  go_directive "$go_directive" \
  cli_gomod "$(module_fact "$CLI_MODULE@v$version" '{{.GoMod}}')" \
  commit "$commit" \
  langhost "$langhost" \
  langhost_version "$langhost_version" \
  langhost_gomod "$(module_fact "$langhost_module@$langhost_version" '{{.GoMod}}')" \
  langhost_go_directive "$(module_fact "$langhost_module@$langhost_version" '{{.GoVersion}}')" \
  langhost_reason "$langhost_reason"
