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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Each driver runs in its own process group (setsid), so stopping it also
# stops what it started: Firefox, or Xvfb and MiniBrowser.
groups=()
stop_drivers() {
  for g in "${groups[@]}"; do kill -- "-$g" 2>/dev/null || true; done
}
trap stop_drivers EXIT

wait_listening() { # port name log
  for _ in $(seq 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "$2 did not start; its log ($3):" >&2
  cat "$3" >&2
  exit 1
}

gecko_port=$(free_port)
setsid geckodriver --port "$gecko_port" >/tmp/rops-geckodriver.log 2>&1 &
groups+=($!)
wait_listening "$gecko_port" geckodriver /tmp/rops-geckodriver.log

webkit_port=$(free_port)
# xvfb-run's default screen (640x480x8) is smaller than the tests' windows.
setsid xvfb-run -a -s "-screen 0 1920x1080x24" WebKitWebDriver --port="$webkit_port" >/tmp/rops-webkitdriver.log 2>&1 &
groups+=($!)
wait_listening "$webkit_port" WebKitWebDriver /tmp/rops-webkitdriver.log

export GECKODRIVER_URL="http://127.0.0.1:$gecko_port"
export WEBKITDRIVER_URL="http://127.0.0.1:$webkit_port"
echo "Firefox $(firefox-esr --version | grep -oE '[0-9][0-9.]+esr') via $(geckodriver --version 2>/dev/null | sed -n 1p) at $GECKODRIVER_URL"
echo "WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0) via WebKitWebDriver at $WEBKITDRIVER_URL"

# Two threads: one session of each engine at a time (each driver serves one).
cargo test --locked --test e2e -- --test-threads=2 engines:: "$@"
