#!/usr/bin/env bash
# usage: run-inspector-oauth.sh <mcp-url> [client-id]   (the emulator must run with --auto-login)
# MCP Inspector's CLI runs its own OAuth discovery and PKCE flow; curl plays the browser: it opens the authorize
# URL the CLI prints (with a login_hint for the emulator's auto-login), and follows the redirect to the CLI's
# loopback callback, which then exchanges the code and lists tools.
set -euo pipefail
source "$(dirname "$0")/env.sh"
URL="$1"
CLIENT_ID="${2:-sfmcp-demo-client}"
export HOME="$(mktemp -d)" MCP_INSPECTOR_SECRET_STORE=memory MCP_AUTO_OPEN_ENABLED=true BROWSER=/bin/true
ERR="$HOME/stderr"
trap 'rm -rf "$HOME"' EXIT
inspector --cli --transport http --server-url "$URL" --method tools/list --format json --client-id "$CLIENT_ID" 2>"$ERR" &
PID=$!
AUTHORIZE=""
for _ in $(seq 1 300); do
  AUTHORIZE="$(sed 's/\x1b\[[0-9;]*m//g' "$ERR" | grep -o 'http[^ "]*authorize?[^ "]*' | head -1 || true)"
  [ -n "$AUTHORIZE" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$AUTHORIZE" ]; then
  cat "$ERR" >&2
  wait "$PID" || exit $?
  exit 1
fi
curl -s -L -o /dev/null "$AUTHORIZE&login_hint=${LOGIN_HINT:-rep@acme.example}"
set +e
wait "$PID"
STATUS=$?
[ "$STATUS" -ne 0 ] && cat "$ERR" >&2
exit "$STATUS"
