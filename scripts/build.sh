#!/usr/bin/env bash
# Release build into dist/, then `publish` of the content bundle into it
# (every route's page, manifest, sitemap, service-worker stamp).
# Extra arguments go to trunk (e.g. --public-url /sub/ --dist dist-sub).
# ROPS_BUNDLE picks another bundle (default public/content/bundle.json);
# ROPS_SITE_URL is the public address written into canonical links and
# the sitemap (default http://127.0.0.1:8080 + the public URL).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
dist=dist
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ ${args[i]} == --dist ]] && dist=${args[i + 1]}
  [[ ${args[i]} == --dist=* ]] && dist=${args[i]#--dist=}
done
trunk build --release --offline "$@"
cargo run --quiet --offline --locked --bin publish -- "${ROPS_BUNDLE:-public/content/bundle.json}" "$dist"
