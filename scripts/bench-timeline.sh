#!/usr/bin/env bash
# Timeline scale benchmark (prints a table; see scripts/bench-timeline.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
urls=()
port=18740
for n in 10 1000 10000; do
  mkdir -p "$work/$n"
  cp -r dist/. "$work/$n/"
  cargo run --locked -q -p rops-tools --bin gen-bundle -- "$n" > "$work/$n.json"
  # Published like any bundle: every event gets its pages (4 per event).
  start=$SECONDS
  cargo run --locked -q -p rops-publish --bin publish -- --local "$work/$n.json" "$work/$n" >/dev/null
  page="$work/$n/os-czasu/index.html"
  echo "$n events: published in $((SECONDS - start)) s; timeline page $(wc -c <"$page") B raw, $(wc -c <"$page.br") B brotli, $(grep -o 'class="event-card"' "$page" | wc -l) cards in the HTML"
  python3 scripts/serve_dist.py "$work/$n" "$port" &
  pids+=($!)
  urls+=("http://127.0.0.1:$port")
  port=$((port + 1))
done
sleep 1
node scripts/bench-timeline.mjs "${urls[@]}"
