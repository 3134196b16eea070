#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine, then the npm dependencies.
# Debian packages: python3-openstackclient (the real OpenStack CLI runs against our emulator),
# chromium (the HTML report is tested in a real headless browser), debootstrap (the host collector
# runs in a minimal Debian root: test/host/debootstrap.test.ts), postgresql (the history store's
# tests run against a real PostgreSQL: scripts/postgres.sh starts a throw-away cluster on
# 127.0.0.1:55432).
# Safe to run again: packages already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3-openstackclient chromium debootstrap postgresql)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: cannot install ${missing[*]} (not root, no sudo); tests that need them will fail" >&2
    SUDO="skip"
  fi
  if [ "$SUDO" != "skip" ]; then
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

npm ci --no-audit --no-fund

# The throw-away PostgreSQL cluster for the store's tests (reused when already running).
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  bash scripts/postgres.sh
else
  echo "setup: no PostgreSQL server binaries; the store's PostgreSQL tests will be skipped" >&2
fi
