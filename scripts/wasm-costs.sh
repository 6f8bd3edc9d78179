#!/usr/bin/env bash
# What each crate costs in the release wasm (twiggy, grouped by crate).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if ! twiggy --version 2>/dev/null | grep -q "0.8.0"; then
  cargo install twiggy --locked --version 0.8.0
fi
scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
twiggy top -n 1000000 --format csv target/wasm32-unknown-unknown/release/rops-es.wasm | python3 scripts/wasm_costs.py
