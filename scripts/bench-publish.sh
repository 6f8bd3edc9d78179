#!/usr/bin/env bash
# Publishing at scale, measured: the generated 10 000-event bundle
# (gen-bundle, 40 019 pages) published onto a fresh copy of the built app
# (no page store beside it), three times; then, on the last of those
# sites, five one-event edits in a row (one event retitled, then put
# back, then retitled …), each a publish of its own. Each publish is timed
# by /usr/bin/time (wall seconds, peak resident memory); the script prints
# every run and min / median / max.
#
#   scripts/bench-publish.sh [PUBLISH_BINARY]   (default: the shipped
#                                                publisher, target/release-tool/publish)
#
# Needs a built dist/ (scripts/build.sh) and about 6 GB free beside the
# temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --quiet --offline --locked --profile release-tool -p rops-publish --bin publish
  bin=target/release-tool/publish
fi
bin=$(realpath "$bin")
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 1; }
[ -f dist/app.template.html ] || { echo "no built app in dist/: run scripts/build.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/big"
cp public/content/* "$work/big/"
cargo run --quiet --offline --locked -p rops-tools --bin gen-bundle -- 10000 >"$work/big/bundle.json"
python3 - "$work/big" <<'PY'
import json, sys
d = sys.argv[1]
b = json.load(open(f"{d}/bundle.json"))
b["events"][5000]["title"]["pl"] += " – poprawione"
json.dump(b, open(f"{d}/edit.json", "w"), ensure_ascii=False, indent=2)
PY

# One publish of BUNDLE onto $work/site, timed: appends "seconds KB" to FILE.
timed() {
  /usr/bin/time -o "$work/t" -f "%e %M" "$bin" --site-url https://example.org/ \
    "$1" "$work/site" >/dev/null
  cat "$work/t" >>"$2"
  sync
}
# min / median / max of column COL of FILE.
summary() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

: >"$work/fresh"
for round in 1 2 3; do
  rm -rf "$work/site" "$work/.site.pages" && cp -a dist "$work/site" && sync
  timed "$work/big/bundle.json" "$work/fresh"
  echo "fresh $round: $(tail -n1 "$work/fresh" | awk '{ print $1 " s, " $2 " KB" }')"
done
: >"$work/edit"
for round in 1 2 3 4 5; do
  if [ $((round % 2)) = 1 ]; then next=edit.json; else next=bundle.json; fi
  timed "$work/big/$next" "$work/edit"
  echo "edit $round: $(tail -n1 "$work/edit" | awk '{ print $1 " s, " $2 " KB" }')"
done
echo "fresh publish (3 runs), min / median / max: $(summary "$work/fresh" 1) s; peak $(summary "$work/fresh" 2) KB"
echo "one-event edit (5 runs), min / median / max: $(summary "$work/edit" 1) s; peak $(summary "$work/edit" 2) KB"
