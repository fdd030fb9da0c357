#!/usr/bin/env bash
# Runs the test suite. The HTML report test opens a report in headless Chromium: when no
# Chromium is found (and PALISADE_CHROMIUM names none), the Debian package is installed first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PALISADE_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
  else
    echo "error: the HTML report test needs Chromium; install it or set PALISADE_CHROMIUM" >&2
    exit 2
  fi
fi
# The model's JSON schema describes every serialised type of the source.
if command -v python3 >/dev/null 2>&1; then
  python3 scripts/gen-model-schema.py --check
fi
exec cargo test --locked "$@"
