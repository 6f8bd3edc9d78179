#!/usr/bin/env bash
# Publishing at scale, measured: the generated 10 000-event bundle
# (gen-bundle, 40 019 pages) published onto a copy of the built app, then
# the same bundle with one event retitled published onto that site, three
# rounds; the publish alone is timed by /usr/bin/time (wall seconds, peak
# resident KB). Needs a built dist/ (scripts/build.sh).
#
#   scripts/bench-publish.sh [PUBLISH_BINARY]   (default: the shipped
#                                                publisher, target/release-tool/publish)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --quiet --offline --locked --profile release-tool --bin publish
  bin=target/release-tool/publish
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
[ -f dist/app.template.html ] || { echo "no built app in dist/: run scripts/build.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/big"
cp public/content/* "$work/big/"
cargo run --quiet --offline --locked --bin gen-bundle -- 10000 >"$work/big/bundle.json"
python3 - "$work/big" <<'PY'
import json, sys
d = sys.argv[1]
b = json.load(open(f"{d}/bundle.json"))
b["events"][5000]["title"]["pl"] += " – poprawione"
json.dump(b, open(f"{d}/edit.json", "w"), ensure_ascii=False, indent=2)
PY
for round in 1 2 3; do
  rm -rf "$work/site" && cp -a dist "$work/site" && sync
  /usr/bin/time -f "fresh $round: %e s, %M KB" "$bin" --site-url https://example.org/ \
    "$work/big/bundle.json" "$work/site" >/dev/null
  sync
  /usr/bin/time -f "edit $round: %e s, %M KB" "$bin" --site-url https://example.org/ \
    "$work/big/edit.json" "$work/site" >/dev/null
done
