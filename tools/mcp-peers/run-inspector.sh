#!/usr/bin/env bash
# usage: run-inspector.sh <mcp-url> [token]
# MCP Inspector's CLI lists tools with a static bearer header. Without a token argument (or TOKEN in the
# environment) one is obtained first through the TypeScript SDK's OAuth flow (the emulator must run with --auto-login).
set -euo pipefail
source "$(dirname "$0")/env.sh"
URL="$1"
TOKEN="${2:-${TOKEN:-}}"
if [ -z "$TOKEN" ]; then
  TOKEN="$(node "$PEERS_DIR/get-token.mjs" "$URL")"
fi
export HOME="$(mktemp -d)" MCP_INSPECTOR_SECRET_STORE=memory MCP_AUTO_OPEN_ENABLED=false
trap 'rm -rf "$HOME"' EXIT
inspector --cli --transport http --server-url "$URL" --header "Authorization: Bearer $TOKEN" \
  --method tools/list --format json
