#!/usr/bin/env bash
# Installs what the project needs, pinned, skipping whatever is already there.
# Safe to run again and again. `--serve` adds nginx (scripts/run.sh);
# `--browser` adds nginx, the browsers and their drivers (tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal wasm-bindgen in Cargo.lock

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_install() {
  # apt-get wants a package list first on a fresh machine.
  if [ ! -f /tmp/.rops-apt-updated ]; then
    say "apt-get update"
    apt-get update -qq && touch /tmp/.rops-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The developer tools are run, not shipped: built without their own fat LTO
# and single codegen unit (trunk's release profile), which cost most of
# their install time, and without an incremental cache.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_INCREMENTAL=0 \
    cargo install "$@"
}

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust (rustup) first" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (several minutes the first time)"
  tool_install trunk --locked --version "$TRUNK_VERSION"
fi

# No --locked: its lock file pins a crate version the registry no longer serves.
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION" \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  tool_install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm from Debian"
  apt_install nodejs npm
fi

# wasm-opt (binaryen 132) and axe-core, exactly as package-lock.json says.
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
  || [ ! -f node_modules/axe-core/axe.min.js ] \
  || ! cmp -s package-lock.json node_modules/.package-lock.json.copy; then
  say "installing node dev tools (npm ci)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.copy
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    apt_install chromium chromium-driver
  fi
  # systemd-analyze checks the publisher's units offline
  # (crates/publish/tests/deploy_units.rs); nothing here starts systemd itself.
  if ! command -v systemd-analyze >/dev/null; then
    say "installing systemd (systemd-analyze) from Debian"
    apt_install systemd
  fi
  # minisign signs the release package in the test command, with a key
  # made for the run, and checks it as an administrator does
  # (tests/e2e/release.rs).
  if ! command -v minisign >/dev/null; then
    say "installing minisign from Debian"
    apt_install minisign
  fi
  # ---- other engines (scripts/test-engines.sh, tests/e2e/engines.rs) ----
  # Firefox ESR (Gecko) and WebKitGTK (WebKit): Debian 12's packages, as for
  # Chromium; webkit2gtk-driver brings WebKitWebDriver and, through
  # libwebkit2gtk-4.1-0, MiniBrowser, which needs an X server: Xvfb.
  GECKODRIVER_VERSION=0.37.1
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null \
    || ! command -v xvfb-run >/dev/null \
    || [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; then
    say "installing Firefox ESR, WebKitGTK's WebDriver and MiniBrowser, and Xvfb from Debian"
    apt_install firefox-esr webkit2gtk-driver xvfb
  fi
  # (Read the whole output first: geckodriver panics on a closed pipe.)
  if ! grep -qF "geckodriver $GECKODRIVER_VERSION" <<<"$(geckodriver --version 2>/dev/null || true)"; then
    say "installing geckodriver $GECKODRIVER_VERSION (a few minutes the first time)"
    tool_install geckodriver --locked --version "=$GECKODRIVER_VERSION"
  fi
  # ---- end of other engines ----
fi

# A real nginx: scripts/run.sh serves the published site with it, as a
# server does (deploy/), and the deployment tests run their own instances on
# loopback ports. The package's own service is not started.
if [ "${1:-}" = "--serve" ] || [ "${1:-}" = "--browser" ]; then
  if ! command -v nginx >/dev/null || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
    || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]; then
    say "installing nginx and its brotli modules from Debian"
    no_start=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
    fi
    apt_install nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter
    [ -n "$no_start" ] && rm -f /usr/sbin/policy-rc.d
  fi
  # openssl makes the editors' password file (scripts/run.sh, DEPLOY.md).
  command -v openssl >/dev/null || apt_install openssl
fi

# The fuzz tier (scripts/fuzz.sh): cargo-fuzz, which builds libFuzzer from
# libfuzzer-sys's C++ (g++ is on the machine) on the stable toolchain.
if [ "${1:-}" = "--fuzz" ] || [ "${1:-}" = "--browser" ]; then
  CARGO_FUZZ_VERSION=0.13.2
  if ! cargo fuzz --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION"; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
    tool_install cargo-fuzz --locked --version "=$CARGO_FUZZ_VERSION"
  fi
fi

# trunk and the tests run cargo offline: fetch every crate now.
cargo fetch --locked -q
say "ready"
