#!/usr/bin/env bash
# The README's run command: install what is missing, build, serve on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "Serving the app at http://127.0.0.1:$PORT/ (Ctrl+C stops)"
exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT" --no-autoreload "$@"
