# Shared by build-engine.sh and ensure-language-host.sh (sourced after engine-lib.sh):
# wrapper modules for Go binaries whose go.mod holds replace directives, and build steps
# that report progress.
#
# Globals the caller sets: `build_log` (the go command's output goes there), `STEPS` (how
# many steps, for "step N/STEPS"), `stage` (compile's output goes to $stage/bin),
# optionally `COMPILE_ERROR_ADVICE` (what to do when a step fails for another reason); `child` is the running step's process, which the
# caller's EXIT trap kills (an interrupted build must not go on in the background).

readonly PROGRESS_INTERVAL_SECONDS=30
step=0
child=""

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

# write_wrapper DIR GO_DIRECTIVE PACKAGE... -- REQUIREMENT... -- GO_MOD_FILE...
write_wrapper() {
  local wrapper="$1" directive="$2"
  shift 2
  mkdir -p "$wrapper"
  # Names the main packages so `go mod tidy` resolves everything they import.
  {
    printf '//go:build tools\n\npackage tools\n\n'
    while [ "$1" != "--" ]; do
      printf 'import _ "%s"\n' "$1"
      shift
    done
  } >"$wrapper/tools.go"
  shift
  {
    printf 'module pulumi-engine-build\n\ngo %s\n\nrequire (\n' "${directive:-1.21}"
    while [ "$1" != "--" ]; do
      printf '\t%s\n' "$1"
      shift
    done
    shift
    printf ')\n'
    for gomod in "$@"; do module_replaces "$gomod"; done | sort -u | sed 's/^/replace /'
  } >"$wrapper/go.mod"
}

# run_step DESCRIPTION DIR COMMAND...: runs COMMAND in DIR, output to the build log, and
# reports progress every PROGRESS_INTERVAL_SECONDS until it ends.
run_step() {
  local description="$1" dir="$2" started last_report now last_line status
  shift 2
  step=$((step + 1))
  log "step $step/$STEPS: $description"
  printf '\n=== step %s/%s: %s\n' "$step" "$STEPS" "$description" >>"$build_log"
  started=$(date +%s)
  last_report=$started
  (cd "$dir" && exec "$@") >>"$build_log" 2>&1 &
  child=$!
  while kill -0 "$child" 2>/dev/null; do
    sleep 1
    now=$(date +%s)
    if [ $((now - last_report)) -ge "$PROGRESS_INTERVAL_SECONDS" ]; then
      last_report=$now
      last_line=$(tail -n 1 "$build_log" | cut -c 1-120)
      log "step $step/$STEPS still running, $((now - started)) s: $last_line"
    fi
  done
  if wait "$child"; then status=0; else status=$?; fi
  child=""
  if [ "$status" -ne 0 ]; then
    tail -n 30 "$build_log" >&2
    die "step $step/$STEPS ($description) failed with exit $status; the last lines of the log are above, the full log is $build_log. A network error: check GOPROXY ($(go env GOPROXY)) and retry; a compile error: ${COMPILE_ERROR_ADVICE:-report it with the log}."
  fi
  log "step $step/$STEPS done in $(($(date +%s) - started)) s"
}

# tidy WRAPPER: downloads and resolves what the wrapper module's main packages import.
tidy() { run_step "download and resolve the dependencies (go mod tidy in $(basename "$1"))" "$1" go mod tidy; }

# compile WRAPPER NAME PACKAGE VERSION_STAMP: builds PACKAGE of the wrapper module into
# $stage/bin/NAME, as upstream builds its releases, stamped with the version the
# Automation API and `pulumi version` read. -trimpath keeps the module cache's location out
# of the binary and of Go's build cache keys, so a warm GOCACHE serves a build whose
# GOMODCACHE is elsewhere (a new clone with its own caches, scripts/cold-check.sh).
compile() {
  run_step "compile $2 $4 (go build)" "$1" env CGO_ENABLED=0 go build -v -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-X $VERSION_SYMBOL=$4" -o "$stage/bin/$2" "$3"
}
