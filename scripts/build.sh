#!/usr/bin/env bash
# Release build into dist/, then `publish` of the content bundle into it
# (every route's page, manifest, sitemap, service-worker stamp).
# Extra arguments go to trunk (e.g. --public-url /sub/ --dist dist-sub).
# ROPS_BUNDLE picks another bundle (default public/content/bundle.json);
# ROPS_SITE_URL is the public address written into canonical links, the
# sitemap and Open Graph tags; without it the build is a copy for this
# machine (`publish --local`: http://127.0.0.1:8080 + the public URL).
# ROPS_NO_PUBLISH=1 stops before the publish: the built app without content,
# as a release ships it (scripts/release.sh).
# ROPS_PUBLISH=BIN publishes with that publisher instead of `cargo run`
# (scripts/test.sh: the one its native tier has just built).
# ROPS_PREBUILT=DIR copies DIR instead of running trunk: DIR must be such a
# build without content, of this same tree and with the same trunk arguments
# (scripts/test.sh builds once for the site and the release package).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
dist=dist
public_url=/
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ ${args[i]} == --dist ]] && dist=${args[i + 1]}
  [[ ${args[i]} == --dist=* ]] && dist=${args[i]#--dist=}
  [[ ${args[i]} == --public-url ]] && public_url=${args[i + 1]}
  [[ ${args[i]} == --public-url=* ]] && public_url=${args[i]#--public-url=}
done
if [[ -n ${ROPS_PREBUILT:-} ]]; then
  [ -f "$ROPS_PREBUILT/app.template.html" ] \
    || { echo "build.sh: ROPS_PREBUILT=$ROPS_PREBUILT is not a build without content (no app.template.html)" >&2; exit 1; }
  rm -rf "$dist"
  mkdir -p "$(dirname "$dist")"
  cp -a "$ROPS_PREBUILT" "$dist"
else
  trunk build --release --offline "$@"
  # The content editor: its own wasm (src/editor/), built after the visitors'
  # app (whose build empties dist/) into dist/editor/, and the two pages that
  # load it, /edytor and /en/editor. publish keeps these files and leaves
  # them out of the service worker's precache.
  trunk --config Trunk.editor.toml build --release --offline \
    --public-url "${public_url%/}/editor/" --dist "$dist/editor"
  mkdir -p "$dist/edytor" "$dist/en/editor"
  cp "$dist/editor/index.html" "$dist/edytor/index.html"
  sed 's/<html lang="pl">/<html lang="en">/' "$dist/editor/index.html" >"$dist/en/editor/index.html"
  node scripts/precompress.mjs "$dist/editor" "$dist/edytor" "$dist/en/editor"
fi
if [[ -n ${ROPS_SITE_URL:-} ]]; then
  site=--site-url="$ROPS_SITE_URL"
else
  site=--local
fi
if [[ -z ${ROPS_NO_PUBLISH:-} ]]; then
  if [[ -n ${ROPS_PUBLISH:-} ]]; then
    publish=("$ROPS_PUBLISH")
  else
    publish=(cargo run --quiet --offline --locked -p rops-publish --bin publish --)
  fi
  "${publish[@]}" "$site" "${ROPS_BUNDLE:-public/content/bundle.json}" "$dist"
fi
