#!/usr/bin/env bash
# The cross-engine end-to-end tier: the release build in dist/ (build it
# first: scripts/build.sh) driven in Firefox ESR through geckodriver and in
# WebKitGTK through WebKitWebDriver + MiniBrowser under Xvfb
# (tests/e2e/engines.rs). Install the engines with scripts/setup.sh --browser.
# Extra arguments go to the test binary, e.g. `scripts/test-engines.sh webkit`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

[ -f dist/index.html ] || { echo "dist/index.html is missing: run scripts/build.sh first" >&2; exit 1; }
for tool in geckodriver firefox-esr WebKitWebDriver xvfb-run setsid; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/setup.sh --browser" >&2; exit 1; }
done

# The test binary starts each driver itself (tests/support/engines.rs), in
# its own process group, so that it can replace a driver whose browser hung.
echo "Firefox $(firefox-esr --version | grep -oE '[0-9][0-9.]+esr') via $(geckodriver --version 2>/dev/null | sed -n 1p)"
echo "WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0) via WebKitWebDriver"

# Two threads: one session of each engine at a time (each driver serves one).
cargo test --locked --test e2e -- --test-threads=2 engines:: "$@"
