#!/usr/bin/env bash
# Installs Debian's Chromium and chromedriver for the web console's Selenium tests. Selenium Manager cannot download
# browsers here, so the tests use these two binaries (/usr/bin/chromium, /usr/bin/chromedriver) explicitly.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "chromium and chromedriver already installed: $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
echo "installed: $(chromium --version 2>/dev/null | head -1)"
