#!/usr/bin/env bash
# The README's run command: install what is missing, build, publish, and
# serve the site on loopback as a server does (deploy/serve.sh: Debian's
# nginx with deploy/'s configuration), with the editor's publishing wired
# up: uploads from /edytor land in target/run/incoming and `publish
# --watch` publishes them. The editor's user and password are printed.
#
#   scripts/run.sh          the real product (release build, about 5 min the first time)
#   scripts/run.sh --dev    trunk's watch loop instead: rebuilds on every
#                           change, but serves the bare template (no
#                           published pages, no editor, no publishing)
# PORT picks the port (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
if [ "${1:-}" = "--dev" ]; then
  shift
  scripts/setup.sh
  export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  echo "Serving trunk's development build at http://127.0.0.1:$PORT/ (Ctrl+C stops)"
  exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT" --no-autoreload "$@"
fi
scripts/setup.sh --serve
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
ROPS_SITE_URL="http://127.0.0.1:$PORT/" scripts/build.sh

# The editor's login for this copy: made once, kept in target/run/.
run=target/run
mkdir -p "$run/incoming"
if [ ! -s "$run/password" ]; then
  (umask 077 && openssl rand -hex 8 >"$run/password")
fi
password=$(cat "$run/password")
printf 'redakcja:%s\n' "$(openssl passwd -5 "$password")" >"$run/htpasswd"

# The watcher and the server, both stopped however this script is (Ctrl+C,
# kill): in the background, so that a signal is handled at once rather
# than after a foreground child ends.
cargo build --quiet --offline --locked -p rops-publish --bin publish
target/debug/publish --site-url "http://127.0.0.1:$PORT/" --watch "$run/incoming" dist &
watcher=$!
deploy/serve.sh --port "$PORT" --incoming "$run/incoming" --htpasswd "$run/htpasswd" dist &
server=$!
stop() {
  kill "$watcher" "$server" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 143' INT TERM
echo "Editor: http://127.0.0.1:$PORT/edytor (user: redakcja, password: $password)"
wait "$server"
