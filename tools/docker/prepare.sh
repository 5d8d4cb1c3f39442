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

# The Java modules of the runtime: all of Java SE plus the JDK modules libraries reach for at run time (Unsafe,
# EC and PKCS#11 crypto, zip file systems, locale data for Salesforce locales, management, DNS, extra charsets).
# Compilers, debuggers, jshell and the Graal JIT stay out; that is most of the JDK's size.
JAVA_MODULES="${SFMCP_JAVA_MODULES:-java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.localedata,jdk.management,jdk.net,jdk.httpserver,jdk.naming.dns,jdk.charsets}"

if [[ "${SFMCP_REBUILD_BASE:-false}" == true ]] || ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  MIRROR=$(apt_mirror) || { echo "docker/prepare: no Debian mirror found in apt's sources lists" >&2; exit 1; }
  command -v debootstrap >/dev/null 2>&1 || { say "installing debootstrap"; apt_install debootstrap; }
  WORK=$(mktemp -d /tmp/sfmcp-base.XXXXXX)
  cleanup() {
    umount "$WORK/jdk/proc" 2>/dev/null || true
    [[ "${SFMCP_KEEP_WORK:-false}" == true ]] || rm -rf "$WORK"
  }
  trap cleanup EXIT
  mkdir -p "$WORK/cache"

  # Debian's JRE package is the full 190 MB runtime; jlink on Debian's JDK (whose jmods it ships) makes a ~65 MB
  # one with the same build. The JDK lives only in a throw-away root; the image root gets just the linked runtime.
  # binutils: Debian's jlink strips native debug symbols with objcopy.
  say "debootstrap $SUITE (minbase + openjdk-17-jdk-headless, for jlink) from $MIRROR"
  debootstrap --variant=minbase --cache-dir="$WORK/cache" --include=openjdk-17-jdk-headless,binutils "$SUITE" "$WORK/jdk" "$MIRROR" \
    >"$WORK/debootstrap-jdk.log" 2>&1 || { tail -30 "$WORK/debootstrap-jdk.log" >&2; exit 1; }
  mount -t proc proc "$WORK/jdk/proc" 2>/dev/null || true
  say "jlink: $JAVA_MODULES"
  chroot "$WORK/jdk" /bin/sh -c "exec \$(dirname \$(readlink -f /usr/bin/javac))/jlink --add-modules $JAVA_MODULES \
      --strip-debug --no-header-files --no-man-pages --compress=2 --output /opt/java" >"$WORK/jlink.log" 2>&1 \
    || { cat "$WORK/jlink.log" >&2; exit 1; }
  # The default CDS archive of the JDK classes: the emulator's own archive is layered on top of it.
  chroot "$WORK/jdk" /opt/java/bin/java -Xshare:dump >"$WORK/cds.log" 2>&1 || { tail -20 "$WORK/cds.log" >&2; exit 1; }
  umount "$WORK/jdk/proc" 2>/dev/null || true

  say "debootstrap $SUITE (minbase) for the image root"
  debootstrap --variant=minbase --cache-dir="$WORK/cache" "$SUITE" "$WORK/root" "$MIRROR" \
    >"$WORK/debootstrap-root.log" 2>&1 || { tail -30 "$WORK/debootstrap-root.log" >&2; exit 1; }
  cp -a "$WORK/jdk/opt/java" "$WORK/root/opt/java"
  ln -s /opt/java/bin/java "$WORK/root/usr/bin/java"
  # Trim what a runtime image never reads: apt lists and caches, docs, man pages, locales, iconv modules.
  rm -rf "$WORK"/root/var/lib/apt/lists/* "$WORK"/root/var/cache/apt/* "$WORK"/root/usr/share/doc/* \
         "$WORK"/root/usr/share/man/* "$WORK"/root/usr/share/info/* "$WORK"/root/var/log/* "$WORK"/root/usr/lib/*/gconv
  find "$WORK"/root/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
  say "importing $BASE_IMAGE"
  tar -C "$WORK/root" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - "$BASE_IMAGE" >/dev/null
  cleanup
  trap - EXIT
else
  say "base image $BASE_IMAGE exists"
fi

# --- 3. the emulator image --------------------------------------------------------------------------------------
say "building $IMAGE from $JAR on $BASE_IMAGE"
# The classic builder: a docker.io engine may come without the buildx plugin. Its deprecation notice is noise here.
BUILD_LOG=$(mktemp /tmp/sfmcp-build.XXXXXX)
if ! DOCKER_BUILDKIT=0 docker build --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . >"$BUILD_LOG" 2>&1; then
  tail -40 "$BUILD_LOG" >&2
  rm -f "$BUILD_LOG"
  exit 1
fi
grep -a '^CDS' "$BUILD_LOG" | sed 's/^/== docker\/prepare: /' || true
rm -f "$BUILD_LOG"
say "$IMAGE: $(docker image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.1f MB", $1/1000/1000}')"
