#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the dashboard's browser tests (driven by playwright-core,
# which downloads no browser). Installs it with apt-get when missing; prints the path either way.
set -euo pipefail
BROWSER="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$BROWSER" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends chromium >&2
fi
echo "$BROWSER"
