#!/usr/bin/env bash
# Rewrites tests/a11y-snapshots/ from the current release build: what a
# screen reader is given on every route and state (tests/e2e/accessibility_tree.rs).
# Review the diff before committing it: it is what visitors will hear.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/build.sh
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
chromedriver --port="$port" >/tmp/rops-chromedriver-a11y.log 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true' EXIT
export WEBDRIVER_URL="http://127.0.0.1:$port"
UPDATE_A11Y_SNAPSHOTS=1 cargo test --locked --test e2e -- --test-threads=2 accessibility_tree::
git status --short tests/a11y-snapshots/
