#!/usr/bin/env bash
# Release build into dist/. Extra arguments go to trunk (e.g. --public-url /sub/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline "$@"
