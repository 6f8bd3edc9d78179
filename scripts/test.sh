#!/usr/bin/env bash
# The README's test command: install what is missing, then run every tier.
#   1. lint: rustfmt, clippy (native and wasm)
#   2. native: unit tests of the content model, the validator CLI on fixtures
#   3. component: wasm-bindgen-test in headless Chromium
#   4. end to end: the release build in Chromium through ChromeDriver, the
#      live site (nginx + publish --watch), and the release package
#   5. cross-engine: the release build in Firefox ESR and WebKitGTK
#   6. fuzz: libFuzzer on the importers, 30 s per target (scripts/fuzz.sh)
# Each step prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Every build here starts from nothing in CI: incremental compilation only
# writes its cache (thousands of small files) and slows the first build.
export CARGO_INCREMENTAL=0
# The browsers leave singleton sockets and profiles in TMPDIR when their
# drivers stop them: one folder for this run, removed however it ends.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/rops-test.XXXXXX")
# nginx's workers (another user) reach the live tests' folders through it.
chmod 755 "$TMPDIR"
export TMPDIR
driver=""
# A job still running when this script ends (a tier failed) is stopped
# with everything it started (cargo, rustc, trunk).
declare -A job_pid job_start
stop_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do stop_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  [ -n "$driver" ] && kill "$driver" 2>/dev/null
  local pid
  for pid in "${job_pid[@]}"; do stop_tree "$pid"; done
  wait 2>/dev/null
  rm -rf "$TMPDIR"
}
trap cleanup EXIT

last_step="" last_start=$SECONDS
end_step() {
  # Time, and disk: target/ is the suite's largest footprint, and a full
  # disk shows up only as a linker crash (see [profile.dev] in Cargo.toml).
  [ -n "$last_step" ] && printf '\033[1m== %s: %d s (target/ %s, %s free)\033[0m\n' \
    "$last_step" $((SECONDS - last_start)) \
    "$(du -sh target 2>/dev/null | cut -f1)" "$(df -h --output=avail . | tail -n1 | tr -d ' ')"
  last_step=""
}
step() {
  end_step
  last_step="$*" last_start=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$*"
}

# Jobs that run side by side: each writes its own log, printed whole when
# it is waited for, with its own time (its steps took longer than alone,
# as they shared the two cores; the total is what counts).
job() { # name command...
  local name=$1
  shift
  job_start[$name]=$SECONDS
  ( trap 'echo $SECONDS >"$TMPDIR/$name.end"' EXIT; set -e; "$@" ) >"$TMPDIR/$name.log" 2>&1 &
  job_pid[$name]=$!
}
finish() { # name title
  local name=$1 status=0
  wait "${job_pid[$name]}" || status=$?
  printf '\n\033[1m== %s\033[0m\n' "$2"
  cat "$TMPDIR/$name.log"
  local end
  end=$(cat "$TMPDIR/$name.end" 2>/dev/null || echo $SECONDS)
  printf '\033[1m== %s: %d s, alongside other jobs\033[0m\n' "$2" $((end - job_start[$name]))
  unset "job_pid[$name]"
  [ "$status" -eq 0 ] || { echo "$2 failed (exit $status)" >&2; exit "$status"; }
}

# What every later tier needs is compiled side by side: the two cores are
# never both busy in any one of these (fat LTO links the wasm on one core,
# tests wait on processes and browsers), and each job builds in its own
# part of target/ (cargo locks target/debug and the
# wasm32 folders apart), so none waits for another.
#  - the lint, native and component tiers (target/debug, wasm32 debug);
#  - the release build of the app, at the root and under a sub-path,
#    without content (wasm32 release): one build for the site, the
#    sub-path site and the package;
#  - the fuzz targets (fuzz/target).
bare=target/dist-bare
bare_sub=target/dist-sub-bare
release_builds() {
  ROPS_NO_PUBLISH=1 scripts/build.sh --dist "$bare"
  ROPS_NO_PUBLISH=1 scripts/build.sh --public-url /ekonomia/ --dist "$bare_sub"
}
job release release_builds
fuzz_build() {
  scripts/setup.sh --fuzz >/dev/null
  cargo fuzz build --fuzz-dir fuzz -s none
}
job fuzz_build fuzz_build

step "lint"
cargo fmt --check
# Every repository path the docs name exists.
scripts/check-doc-paths.sh
cargo clippy --workspace --all-targets --locked -q -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p rops-es -p rops-app -p rops-content -p rops-workbook --lib --bins --tests --locked -q -- -D warnings

step "native tier: content model and validator"
# One cargo run, so that everything it compiles shares both cores: every
# library's unit tests; the binaries with tests of their own (the others
# are `test = false`); publish run twice at once and killed at random
# points; deploy/'s systemd units through systemd-analyze verify; crafted
# workbooks under a 1 GiB memory limit (the content CLI).
cargo test --locked --workspace --lib --bin content --bin rops-editor \
  --test publish_kill --test deploy_units --test import_bounds
# The validator CLI, built once (a `cargo run` per fixture re-checks the
# whole workspace each time).
cargo build --locked -q --bin validate-bundle
validate="${CARGO_TARGET_DIR:-target}/debug/validate-bundle"
"$validate" public/content/bundle.json
# The CLI must fail, with path and position, on every broken fixture.
for f in tests/fixtures/invalid-*.json; do
  if out=$("$validate" "$f" 2>&1); then
    echo "validator accepted $f" >&2; exit 1
  fi
  grep -qE "^$f:[0-9]+:[0-9]+: " <<<"$out" || { echo "no located fault for $f: $out" >&2; exit 1; }
  echo "rejected as expected: $(head -n1 <<<"$out")"
done

# The icons are generated, not hand-made: the script must reproduce them exactly.
icons=$(mktemp -d)
python3 scripts/make_icons.py "$icons" >/dev/null
diff -r "$icons" public/icons && echo "icons reproduce from scripts/make_icons.py"
rm -rf "$icons"

step "component tier: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30 \
  cargo test --locked --target wasm32-unknown-unknown --test wasm_components
end_step

finish release "release build (the app and the editor, at the root and under a sub-path)"
finish fuzz_build "fuzz targets (cargo fuzz build)"

step "the sites (publish, at the root and under a sub-path) and the release package"
# Published by the publisher the native tier built: a `cargo run -p
# rops-publish` alone resolves other features (the workspace's tests turn
# on more of quick-xml, getrandom, …) and compiles the app again.
publisher="${CARGO_TARGET_DIR:-target}/debug/publish"
ROPS_PREBUILT="$bare" ROPS_PUBLISH="$publisher" scripts/build.sh
ROPS_PREBUILT="$bare_sub" ROPS_PUBLISH="$publisher" scripts/build.sh --public-url /ekonomia/ --dist dist-sub
# scripts/release.sh: the tarball another centre deploys, signed as a
# release is (minisign) with a key made for this run, whose public half
# the release tests check it against. It packs this same debug publisher
# (ROPS_PUBLISH_BIN) rather than building the release-tool one: that build
# was the command's largest job (~600 s of CPU beside the lint), and a
# publish spends its time in brotli and sha2, which the dev profile
# optimises too (Cargo.toml): 100 pages in ~5 s either way.
minisign -G -W -p "$TMPDIR/release.pub" -s "$TMPDIR/release.key" >/dev/null
ROPS_PREBUILT="$bare" ROPS_PUBLISH_BIN="$publisher" ROPS_SIGNING_KEY="$TMPDIR/release.key" \
  scripts/release.sh
export ROPS_RELEASE_PUBKEY="$TMPDIR/release.pub"
# The watcher in the live-publishing tests (tests/e2e/live_publish.rs).
export ROPS_PUBLISH="$(realpath "$publisher")"

step "end-to-end tier: Chromium through ChromeDriver"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
chromedriver --port="$port" >/tmp/rops-chromedriver.log 2>&1 &
driver=$!
export WEBDRIVER_URL="http://127.0.0.1:$port"
# The suite (tests/e2e/, one binary) but its cross-engine module, which
# has its own step. Three tests at a time on two cores: each spends part of
# its time waiting on the browser, nginx or a publish (94 tests: 306 s with
# two, 285 s with three, 2026-12-07).
cargo test --locked --no-fail-fast --test e2e -- --test-threads=3 --skip engines::
kill "$driver" 2>/dev/null || true
driver=""

step "cross-engine tier: Firefox ESR and WebKitGTK (Safari's engine)"
scripts/test-engines.sh

step "fuzz tier: libFuzzer on the workbook, CSV and bundle readers (30 s each)"
# The three side by side on the two cores (each fuzzes for 30 s of wall
# time at two thirds of a core): 30 s instead of 60 of the command's 20
# minutes. Longer runs: scripts/fuzz.sh on its own.
FUZZ_SECONDS=30 FUZZ_JOBS=3 scripts/fuzz.sh

step "all tiers passed"
printf '\033[1m== total: %d s (%d min %d s)\033[0m\n' "$SECONDS" $((SECONDS / 60)) $((SECONDS % 60))
