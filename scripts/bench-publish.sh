#!/usr/bin/env bash
# Publishing at scale, measured: the generated 10 000-event bundle
# (gen-bundle, 40 019 pages) published onto a fresh copy of the built app
# (no page store beside it), three times; then, on the last of those
# sites, five one-event edits in a row (one event retitled, then put
# back, then retitled …), each a publish of its own. Each publish is timed
# by /usr/bin/time (wall, user and system seconds, peak resident memory);
# the script prints every run and min / median / max.
#
#   scripts/bench-publish.sh [PUBLISH_BINARY...]   (default: the shipped
#                                  publisher, target/release-tool/publish)
#
# Given several publishers (before and after a change), it takes turns:
# each round publishes with each of them, so that a slower hour of the
# disk falls on all of them alike.
#
# Needs a built dist/ (scripts/build.sh) and, beside the temporary folder,
# about 2.5 GB a publisher (8 GB for one that keeps `.gz` copies and
# inline styles on large sites, as before 2026-12-07).
#
# Each fresh publish goes to a folder of its own, and nothing is deleted
# until the end. On ext4 without a journal (this machine's disk) the kernel
# does not reuse an inode deleted in the last minute (six, while its
# table block is not written back, and making files next to it keeps it
# so) and scans past each such inode whenever it makes a file: a publish
# run just after `rm -rf` of the last one's 200 000 files spent most of
# its time there (perf: `recently_deleted` in `__ext4_new_inode`; 50-80 s
# of system time instead of 7). Run it at least six minutes after any
# large deletion on the disk. A publish on a server never follows one: it
# removes what it replaced only after its swap.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bins=("$@")
if [ ${#bins[@]} = 0 ]; then
  cargo build --quiet --offline --locked --profile release-tool -p rops-publish --bin publish
  bins=(target/release-tool/publish)
fi
for i in "${!bins[@]}"; do bins[i]=$(realpath "${bins[i]}"); done
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

# One publish by publisher N of BUNDLE onto SITE, timed: appends
# "seconds KB user system" to FILE.
timed() {
  /usr/bin/time -o "$work/t" -f "%e %M %U %S" "${bins[$1]}" --site-url https://example.org/ \
    "$2" "$3" >/dev/null
  cat "$work/t" >>"$4"
  sync
}
show() {
  tail -n1 "$1" | awk '{ print $1 " s (user " $3 " s, system " $4 " s), " $2 " KB" }'
}
# min / median / max of column COL of FILE.
summary() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

for n in "${!bins[@]}"; do : >"$work/fresh$n"; : >"$work/edit$n"; done
for round in 1 2 3; do
  for n in "${!bins[@]}"; do
    cp -a dist "$work/site$n-$round" && sync
    timed "$n" "$work/big/bundle.json" "$work/site$n-$round" "$work/fresh$n"
    echo "${bins[n]}: fresh $round: $(show "$work/fresh$n")"
  done
done
for round in 1 2 3 4 5; do
  if [ $((round % 2)) = 1 ]; then next=edit.json; else next=bundle.json; fi
  for n in "${!bins[@]}"; do
    timed "$n" "$work/big/$next" "$work/site$n-3" "$work/edit$n"
    echo "${bins[n]}: edit $round: $(show "$work/edit$n")"
  done
done
for n in "${!bins[@]}"; do
  echo "${bins[n]}:"
  for what in fresh edit; do
    f="$work/$what$n"
    echo "  $what ($(wc -l <"$f") runs), min / median / max: wall $(summary "$f" 1) s;" \
      "user $(summary "$f" 3) s; system $(summary "$f" 4) s; peak $(summary "$f" 2) KB"
  done
done
