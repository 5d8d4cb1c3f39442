#!/usr/bin/env bash
# Prepares a fresh Debian machine to run the emulator's Docker image and its Testcontainers tests, with no
# container registry reachable: installs and starts a Docker engine from Debian's packages, builds a local Java 17
# JRE base image with debootstrap from the machine's own apt mirror, then builds sfmcp/emulator:dev from the jar
# that `mvn package` left in emulator/target. Idempotent: each step is skipped when its result already exists.
#
# Usage (as root): tools/docker/prepare.sh
# Environment:
#   SFMCP_BASE_IMAGE   base image tag to build/use       (default sfmcp/jre17-local:bookworm)
#   SFMCP_IMAGE        emulator image tag to build       (default sfmcp/emulator:dev)
#   SFMCP_SUITE        Debian suite for the base image   (default bookworm)
#   SFMCP_REBUILD_BASE=true  rebuild the base image even if it exists
set -euo pipefail
cd "$(dirname "$0")/../.."

BASE_IMAGE="${SFMCP_BASE_IMAGE:-sfmcp/jre17-local:bookworm}"
IMAGE="${SFMCP_IMAGE:-sfmcp/emulator:dev}"
SUITE="${SFMCP_SUITE:-bookworm}"
JAR=emulator/target/sfmcp-emulator.jar
DOCKERD_LOG=/var/log/sfmcp-dockerd.log

say() { echo "== docker/prepare: $*"; }

if [[ ! -f "$JAR" ]]; then
  echo "docker/prepare: $JAR is missing; run 'mvn -B -DskipTests package' first" >&2
  exit 1
fi

apt_updated=false
apt_install() {
  if [[ "$apt_updated" != true ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

# --- 1. a Docker engine ------------------------------------------------------------------------------------
if ! engine_answers; then
  if ! command -v dockerd >/dev/null 2>&1; then
    say "installing docker.io from Debian's packages"
    # iptables and the cgroup helpers come in as docker.io's dependencies; ca-certificates for debootstrap below.
    apt_install docker.io ca-certificates
  fi
  if ! engine_answers; then
    say "starting dockerd (log: $DOCKERD_LOG)"
    # No init system runs services in CI containers/VMs here: start the daemon in the background ourselves.
    nohup dockerd >"$DOCKERD_LOG" 2>&1 &
    for _ in $(seq 1 60); do
      engine_answers && break
      sleep 1
    done
  fi
  if ! engine_answers; then
    echo "docker/prepare: dockerd did not answer within 60 s; its log follows" >&2
    tail -40 "$DOCKERD_LOG" >&2 || true
    exit 1
  fi
fi
say "engine: $(docker version --format '{{.Server.Version}}' 2>/dev/null) ($(docker info --format '{{.Driver}}' 2>/dev/null) storage)"

# --- 2. a local Java 17 JRE base image (no registry can be pulled from) ----------------------------------------
# The first Debian mirror apt itself uses, from either the one-line or the deb822 sources format.
apt_mirror() {
  local files=() f
  [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] && files+=("$f")
  done
  local url
  for f in "${files[@]}"; do
    if [[ "$f" == *.sources ]]; then
      url=$(awk 'tolower($1)=="uris:" {for (i=2;i<=NF;i++) print $i}' "$f" | grep -v -- '-security' | head -1)
    else
      url=$(awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i ~ /^(https?|file):/) {print $i; break}}' "$f" \
            | grep -v -- '-security' | head -1)
    fi
    if [[ -n "$url" ]]; then
      echo "${url%/}"
      return 0
    fi
  done
  return 1
}

if [[ "${SFMCP_REBUILD_BASE:-false}" == true ]] || ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  MIRROR=$(apt_mirror) || { echo "docker/prepare: no Debian mirror found in apt's sources lists" >&2; exit 1; }
  command -v debootstrap >/dev/null 2>&1 || { say "installing debootstrap"; apt_install debootstrap; }
  ROOTFS=$(mktemp -d /tmp/sfmcp-rootfs.XXXXXX)
  trap 'rm -rf "$ROOTFS"' EXIT
  say "debootstrap $SUITE (minbase + openjdk-17-jre-headless) from $MIRROR"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless "$SUITE" "$ROOTFS" "$MIRROR" \
    >/tmp/sfmcp-debootstrap.log 2>&1 || { tail -30 /tmp/sfmcp-debootstrap.log >&2; exit 1; }
  # Trim what a runtime image never reads: apt lists and caches, docs, man pages, locales.
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/usr/share/doc/* \
         "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/*
  # The JRE's javac symbol table, the archive for heaps over 32 GB and glibc's iconv modules are never used here.
  rm -f "$ROOTFS"/usr/lib/jvm/java-17-openjdk-*/lib/ct.sym "$ROOTFS"/usr/lib/jvm/java-17-openjdk-*/lib/server/classes_nocoops.jsa
  rm -rf "$ROOTFS"/usr/lib/*/gconv
  find "$ROOTFS"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
  say "importing $BASE_IMAGE"
  tar -C "$ROOTFS" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$ROOTFS"
  trap - EXIT
else
  say "base image $BASE_IMAGE exists"
fi

# --- 3. the emulator image --------------------------------------------------------------------------------------
say "building $IMAGE from $JAR on $BASE_IMAGE"
DOCKER_BUILDKIT=0 docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . >/dev/null
say "$IMAGE: $(docker image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.1f MB", $1/1000/1000}')"
