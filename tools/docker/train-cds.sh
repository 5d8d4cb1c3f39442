#!/usr/bin/env bash
# Image build step: one training run of the emulator with -XX:ArchiveClassesAtExit, exercising start-up, the
# health route and an MCP initialize + tools/list, so that the dynamic CDS archive holds the classes a real start
# and first requests load. A failed training leaves no archive: the image still works, only slower to start.
set -uo pipefail
archive=/opt/sfmcp/sfmcp-emulator.jsa
port=18080

request() { # method path [body]: prints the status line and headers
  local body="${3:-}"
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%s %s HTTP/1.0\r\nHost: localhost\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n%s' \
    "$1" "$2" "${SESSION_HEADER:-}" "${#body}" "$body" >&3
  cat <&3
  exec 3<&-
}

# shellcheck disable=SC2086
SFMCP_PORT=$port SFMCP_HOST=127.0.0.1 SFMCP_NO_AUTH=true java $SFMCP_JVM_FLAGS -XX:ArchiveClassesAtExit="$archive" \
  -jar /opt/sfmcp/sfmcp-emulator.jar >/tmp/cds-training.log 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  request GET /_emulator/health 2>/dev/null | head -1 | grep -q ' 200' && break
  sleep 0.1
done
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"cds-training","version":"1"}}}'
for server in platform/sobject-reads platform/sobject-all; do
  answer=$(request POST "/platform/mcp/v1/$server" "$init")
  session=
  while IFS= read -r line; do
    line=${line%$'\r'}
    [[ "${line,,}" == mcp-session-id:* ]] && session=${line#*: }
  done <<<"$answer"
  SESSION_HEADER="Mcp-Session-Id: $session"$'\r\n'"MCP-Protocol-Version: 2025-06-18"$'\r\n'
  request POST "/platform/mcp/v1/$server" '{"jsonrpc":"2.0","method":"notifications/initialized"}' >/dev/null
  request POST "/platform/mcp/v1/$server" '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' >/dev/null
  request DELETE "/platform/mcp/v1/$server" >/dev/null
  SESSION_HEADER=
done
request GET /_emulator/clock >/dev/null
request GET /platform/mcp/v1/nowhere/none >/dev/null
kill -TERM "$pid"
wait "$pid"
if [[ -s "$archive" ]]; then
  echo "CDS archive: $(du -h "$archive" | cut -f1)"
else
  echo "CDS training produced no archive; the image starts without one" >&2
  cat /tmp/cds-training.log >&2
fi
rm -f /tmp/cds-training.log
exit 0
