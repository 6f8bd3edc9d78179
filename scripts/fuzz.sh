#!/usr/bin/env bash
# The fuzz tier: each libFuzzer target (fuzz/fuzz_targets/) runs for
# FUZZ_SECONDS (default 60; scripts/test.sh runs it with 30) from a corpus
# seeded with the real content (its bundle, its workbook from `content
# to-xlsx`, its sheets as CSV) and the crafted workbooks of
# tests/import_bounds.rs, under libFuzzer's memory limits: a single
# allocation over 1 GiB (-malloc_limit_mb) or a process over 1 GiB
# (-rss_limit_mb) is a failure, as are a panic, an abort and an input
# taking over 10 s. A failing input is written to fuzz/artifacts/TARGET/
# and the script exits non-zero.
#
# Targets run side by side, one per core (FUZZ_JOBS overrides).
#
#   scripts/fuzz.sh                       # every target, 60 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh read_workbook
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --fuzz >/dev/null
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_workbook csv_sheet parse_bundle)

corpus=fuzz/corpus
mkdir -p "$corpus"/{read_workbook,csv_sheet,parse_bundle}
cp public/content/bundle.json "$corpus/parse_bundle/real.json"
cp tests/fixtures/fictional/bundle.json "$corpus/parse_bundle/fictional.json"
cargo run --locked -q --bin content -- to-xlsx public/content/bundle.json "$corpus/read_workbook/real.xlsx" >/dev/null
cargo run --locked -q --bin content -- to-xlsx tests/fixtures/fictional/bundle.json "$corpus/read_workbook/fictional.xlsx" >/dev/null
# The crafted workbooks, as the CLI test writes them.
ROPS_CRAFTED_DIR="$corpus/read_workbook" cargo test --locked -q --test import_bounds write_the_crafted_workbooks -- --ignored >/dev/null
printf 'Tytuł (PL) / Title (PL);Data / Date\n"Akademia; =1+1";2004\n' >"$corpus/csv_sheet/seed.csv"

# One target per core at a time: each still fuzzes for its full time on a
# core of its own.
jobs=${FUZZ_JOBS:-$(nproc)}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
fuzz_one() { # target: its log in $logs/target, its exit status in $logs/target.status
  local t=$1 status=0
  cargo fuzz run --fuzz-dir fuzz -s none "$t" "$corpus/$t" -- \
    -max_total_time="$seconds" -malloc_limit_mb=1024 -rss_limit_mb=1024 -timeout=10 \
    -max_len=262144 -print_final_stats=1 >"$logs/$t" 2>&1 || status=$?
  echo "$status" >"$logs/$t.status"
}
# Built once for all the targets before any runs (cargo would otherwise
# build them side by side on the same lock).
cargo fuzz build --fuzz-dir fuzz -s none
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
  fuzz_one "$t" &
  running=$((running + 1))
done
wait
failed=0
for t in "${targets[@]}"; do
  echo "== fuzz $t: ${seconds} s"
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY)|panicked at|^Error" "$logs/$t" || true
  status=$(cat "$logs/$t.status" 2>/dev/null || echo 1)
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$logs/$t" >&2
    echo "fuzz $t failed (exit $status): the input is in fuzz/artifacts/$t/" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, no failure"
