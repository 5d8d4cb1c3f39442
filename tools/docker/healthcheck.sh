#!/usr/bin/env bash
# HEALTHCHECK probe without curl or wget (minimal bases have neither): an HTTP/1.0 GET of /_emulator/health over
# bash's /dev/tcp, healthy when the status line says 200.
exec 3<>"/dev/tcp/127.0.0.1/${SFMCP_PORT:-8080}" || exit 1
printf 'GET /_emulator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 2 status <&3 || exit 1
[[ "$status" == *" 200"* ]]
