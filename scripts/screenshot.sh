#!/usr/bin/env bash
# Renders the HTML report of the examples and takes a screenshot of it with headless Chromium
# (the image shown in the README). Usage: scripts/screenshot.sh [OUTPUT_PNG] [PATHS...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/html-report.png}
shift || true
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(examples)
browser=${PALISADE_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ]; then echo "no Chromium found: install the chromium package or set PALISADE_CHROMIUM" >&2; exit 2; fi
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/palisade scan "${paths[@]}" --format html --output "$work/report.html" || [ $? -eq 1 ]
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1400,1500 \
  --virtual-time-budget=5000 --screenshot="$work/shot.png" "file://$work/report.html" 2>/dev/null
mkdir -p "$(dirname "$out")"
mv "$work/shot.png" "$out"
echo "wrote $out"
