#!/usr/bin/env bash
# Prints the image figures: size, and container start-to-healthy time with and without the CDS archive (median of
# RUNS starts each, measured from `docker run` until /_emulator/health first answers 200 on the mapped port).
# Usage: tools/docker/measure.sh [image] (default sfmcp/emulator:dev); RUNS=5 by default.
set -euo pipefail
IMAGE="${1:-sfmcp/emulator:dev}"
RUNS="${RUNS:-5}"

command -v curl >/dev/null || { echo "measure.sh needs curl" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null

now_ms() { date +%s%3N; }

start_to_healthy() { # $1 = SFMCP_CDS value; prints milliseconds
  local started id port ms
  started=$(now_ms)
  id=$(docker run -d -p 127.0.0.1::8080 -e SFMCP_CDS="$1" "$IMAGE")
  port=$(docker port "$id" 8080/tcp | head -1 | sed 's/.*://')
  ms=-1
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/_emulator/health"; then
      ms=$(( $(now_ms) - started ))
      break
    fi
    sleep 0.01
  done
  docker rm -f "$id" >/dev/null
  echo "$ms"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

size=$(docker image inspect "$IMAGE" --format '{{.Size}}')
echo "image $IMAGE: $(awk -v s="$size" 'BEGIN {printf "%.1f MB", s/1000/1000}')"
for cds in true false; do
  times=()
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(start_to_healthy "$cds")")
  done
  echo "start-to-healthy, CDS archive $( [[ $cds == true ]] && echo on || echo off): median $(printf '%s\n' "${times[@]}" | median) ms (runs: ${times[*]})"
done
