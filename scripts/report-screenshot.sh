#!/usr/bin/env bash
# Renders a report.html to a PNG with headless Chromium, for people to look at.
#
#   scripts/report-screenshot.sh [REPORT_OR_DIR] [OUT.png] [WIDTHxHEIGHT]
#
# Without arguments: runs the release binary on sample_corpus into a temporary folder and writes
# docs/report-sample.png at 1100x2900 (a laptop window, the whole page). Use 390x3800 for a
# phone. Needs Debian's `chromium` package (`apt-get install -y chromium`); nothing is fetched:
# the report is self-contained and Chromium's background networking is switched off.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
png="${2:-docs/report-sample.png}"
size="${3:-1100x2900}"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "report-screenshot: chromium not found; install it with: apt-get install -y chromium" >&2
    exit 1
fi

if [ -z "$target" ]; then
    cargo build --release --quiet
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    "${CARGO_TARGET_DIR:-target}/release/newsmine" run sample_corpus --output "$work/out" --quiet --threads 2 || [ $? -eq 3 ]
    target="$work/out/report.html"
elif [ -d "$target" ]; then
    "${CARGO_TARGET_DIR:-target}/release/newsmine" report "$target" >/dev/null 2>&1 || cargo run --release --quiet -- report "$target" >/dev/null
    target="$target/report.html"
fi
[ -f "$target" ] || { echo "report-screenshot: no report at $target" >&2; exit 1; }

mkdir -p "$(dirname "$png")"
profile="$(mktemp -d)"
sandbox=()
[ "$(id -u)" -eq 0 ] && sandbox=(--no-sandbox)
"$browser" --headless "${sandbox[@]}" --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --window-size="${size/x/,}" --screenshot="$(realpath -m "$png")" \
    "file://$(realpath "$target")" >/dev/null 2>&1
rm -rf "$profile"
# a palette of 128 colours keeps the picture small enough for git (ImageMagick, if present)
if command -v convert >/dev/null; then
    convert "$png" -dither None -colors 128 "PNG8:$png"
fi
echo "$png"
