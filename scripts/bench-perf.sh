#!/usr/bin/env bash
# Performance benchmark: builds release, serves dist/ compressed on loopback,
# and runs Lighthouse (mobile preset) on the app's main routes and on a
# zero-JavaScript page generated from the same bundle, then the timeline
# scale benchmark (scripts/bench-timeline.sh). Prints tables.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/static"
cargo run --locked -q -p rops-tools --bin static-page -- public/content/bundle.json > "$work/static/index.html"
node -e 'const z=require("zlib"),f=require("fs"),p=process.argv[1];const d=f.readFileSync(p);f.writeFileSync(p+".br",z.brotliCompressSync(d));f.writeFileSync(p+".gz",z.gzipSync(d,{level:9}));' "$work/static/index.html"
python3 scripts/serve_dist.py dist 18801 & pids+=($!)
python3 scripts/serve_dist.py "$work/static" 18802 & pids+=($!)
sleep 1
node scripts/bench-perf.mjs http://127.0.0.1:18801 http://127.0.0.1:18802 dist
echo
# The timeline's scale figures belong to the same picture.
scripts/bench-timeline.sh | tail -n 8
