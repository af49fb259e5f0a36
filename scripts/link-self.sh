#!/usr/bin/env bash
# Links node_modules/pulumi-cognito-log-delivery to this repository, so that the
# repository resolves its own package by name, as a user's project does. The serialised
# provider in Pulumi state requires `pulumi-cognito-log-delivery/implementation` from the
# project directory: the root Pulumi project (the demo) needs this link to run in place.
set -euo pipefail
cd "$(dirname "$0")/.."
link=node_modules/pulumi-cognito-log-delivery
if [ ! -L "$link" ]; then
  ln -s .. "$link"
fi
