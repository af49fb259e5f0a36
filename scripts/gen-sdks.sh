#!/usr/bin/env bash
# Writes the provider plugin's schema (sdk/schema.json, from src/plugin/packageSchema.ts)
# and the Python and Go SDKs generated from it (sdk/python, sdk/go) with the Pulumi
# engine's own code generators (sdk/generator). Run it after changing the resource's
# inputs or outputs; tests/e2e/sdks.test.ts fails while the committed SDKs differ from what
# this writes.
#
#     scripts/gen-sdks.sh [OUT_DIR]    # default: sdk/ of this checkout
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="${1:-$root/sdk}"
mkdir -p "$out"
out=$(cd "$out" && pwd)

"$root/scripts/with-node.sh" node -r ts-node/register/transpile-only -e '
  const { packageSchema } = require(process.argv[1]);
  process.stdout.write(JSON.stringify(packageSchema(), null, 2) + "\n");
' "$root/src/plugin/packageSchema.ts" >"$out/schema.json"

# The generated parts only: go.mod files and tests of ours stay.
rm -rf "$out/python/pulumi_cognito_log_delivery" "$out/go/cognitologdelivery"
(cd "$root/sdk/generator" && GOTOOLCHAIN="${GOTOOLCHAIN:-local}" go run . "$out/schema.json" "$out") || {
  echo "gen-sdks: the generator failed (above); with no network, check GOPROXY and that Go >= 1.26.6 is on PATH." >&2
  exit 1
}
