#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/browser), when it is missing.
# Idempotent and quiet: does nothing when `chromium` is already on PATH.
# The tests drive this system browser through the Python playwright package;
# `playwright install` (a browser download) is never needed.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser.sh: chromium is missing and apt-get is not available;" \
         "install a Chromium browser so that \`chromium\` is on PATH" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install_browser.sh: chromium is missing; run as root or install sudo" >&2
    exit 1
fi

echo "install_browser.sh: installing Debian's chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null

if ! command -v chromium >/dev/null 2>&1; then
    echo "install_browser.sh: apt-get finished but \`chromium\` is still not on PATH" >&2
    exit 1
fi
