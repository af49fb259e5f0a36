#!/usr/bin/env bash
# Runs the README's two commands as a newcomer would: each in a new clone of HEAD, with
# empty caches (the engine and Node caches, the Go module cache, XDG_CACHE_HOME, npm's
# cache), and prints each command's wall time and exit code. CI runs on warm caches and
# once hid that both commands failed on a fresh machine (issue 20); run this before any
# stop that touches testing/engine/, scripts/, package.json or .ci/.
#
#     scripts/cold-check.sh                 # GOCACHE (compiled packages) stays warm
#     scripts/cold-check.sh --cold-gocache  # a machine that never built Go: the slowest case
#
# The clones take committed work only. Logs are kept in the printed directory.
set -euo pipefail

cold_gocache=""
case "${1:-}" in
  "") ;;
  --cold-gocache) cold_gocache=1 ;;
  *)
    echo "usage: scripts/cold-check.sh [--cold-gocache]" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -z "$(git -C "$root" status --porcelain)" ] ||
  echo "cold-check: the checkout has uncommitted changes; the clones test HEAD ($(git -C "$root" rev-parse --short HEAD)) without them." >&2

# The README's two commands: the first two lines of its first ```sh block, comments removed.
mapfile -t commands < <(awk '/^```sh$/ { inside = 1; next } inside && /^```/ { exit } inside' "$root/README.md" |
  sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' | head -n 2)
[ "${#commands[@]}" -eq 2 ] || {
  echo "cold-check: README.md's first sh block does not start with two commands; fix the README or this script." >&2
  exit 1
}

warm_gocache=$(go env GOCACHE)
results=$(mktemp -d "${TMPDIR:-/tmp}/cold-check-XXXXXX")
failed=0
for index in 0 1; do
  command="${commands[$index]}"
  run="$results/$((index + 1))"
  mkdir -p "$run"
  git clone -q "$root" "$run/clone"
  echo "cold-check: [$((index + 1))/2] $command  (clone of $(git -C "$run/clone" rev-parse --short HEAD), log: $run/log)" >&2
  started=$(date +%s)
  if (
    cd "$run/clone"
    export PULUMI_COGNITO_CACHE="$run/cognito-cache" GOMODCACHE="$run/gomodcache" \
      XDG_CACHE_HOME="$run/xdg-cache" npm_config_cache="$run/npm-cache"
    if [ -n "$cold_gocache" ]; then export GOCACHE="$run/gocache"; else export GOCACHE="$warm_gocache"; fi
    # Module cache files are read-only; this lets the empty cache be deleted afterwards.
    export GOFLAGS="$(go env GOFLAGS) -modcacherw"
    bash -c "$command"
  ) >"$run/log" 2>&1; then status=0; else status=$?; fi
  seconds=$(($(date +%s) - started))
  printf 'cold-check: [%s/2] exit %s after %s s (%dm%02ds): %s\n' "$((index + 1))" "$status" "$seconds" \
    $((seconds / 60)) $((seconds % 60)) "$command"
  if [ "$status" -ne 0 ]; then
    failed=1
    tail -n 30 "$run/log" >&2
  else
    rm -rf "$run/clone" "$run/cognito-cache" "$run/gomodcache" "$run/xdg-cache" "$run/npm-cache" "$run/gocache"
  fi
done
echo "cold-check: logs in $results" >&2
exit "$failed"
