#!/usr/bin/env bash
# usage: run-ts-sdk.sh <mcp-url>   (the emulator must run with --auto-login)
# env: CLIENT_ID (default sfmcp-demo-client), CLIENT_SECRET, LOGIN_HINT (default rep@acme.example)
set -euo pipefail
source "$(dirname "$0")/env.sh"
exec node "$PEERS_DIR/ts-sdk-list-tools.mjs" "$1"
