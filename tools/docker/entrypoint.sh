#!/usr/bin/env bash
# Container entry point: the tuned JVM flags, the class-data-sharing archive when present and enabled
# (SFMCP_CDS=false turns it off, e.g. to measure its effect), JAVA_OPTS, then the emulator with any arguments.
set -euo pipefail
cds=()
if [[ "${SFMCP_CDS:-true}" == true && -f /opt/sfmcp/sfmcp-emulator.jsa ]]; then
  cds=(-XX:SharedArchiveFile=/opt/sfmcp/sfmcp-emulator.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# shellcheck disable=SC2086 # the flag variables are word lists on purpose
exec java ${SFMCP_JVM_FLAGS:-} "${cds[@]}" ${JAVA_OPTS:-} -jar /opt/sfmcp/sfmcp-emulator.jar "$@"
