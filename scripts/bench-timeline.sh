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
  cargo run --locked -q --bin gen-bundle -- "$n" > "$work/$n/content/bundle.json"
  python3 scripts/serve_dist.py "$work/$n" "$port" &
  pids+=($!)
  urls+=("http://127.0.0.1:$port")
  port=$((port + 1))
done
sleep 1
node scripts/bench-timeline.mjs "${urls[@]}"
