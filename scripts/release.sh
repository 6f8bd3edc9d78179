#!/usr/bin/env bash
# Builds the release tarball, target/release-pkg/rops-es-VERSION-x86_64-linux.tar.gz
# (VERSION: Cargo.toml's), and prints its path and size. Its one top folder,
# rops-es-VERSION/, holds:
#   dist/      the built app without content (scripts/build.sh before its
#              publish step: the app, the editor, app.template.html)
#   bin/publish  the publisher, native, optimised ([profile.release-tool])
#   deploy/    nginx configuration, serve.sh and the systemd units
#   schema/bundle.schema.json, example/ (the fictional test organisation)
#   DEPLOY.md  (deploy/DEPLOY.md), VERSION, SHA256SUMS
#
# ROPS_SIGNING_KEY=FILE signs the tarball with that minisign secret key
# (Debian's minisign): TARBALL.minisig beside it, which an administrator
# checks against the centre's public key (deploy/DEPLOY.md, step 1).
#
# ROPS_PREBUILT=DIR packs DIR, the app from `ROPS_NO_PUBLISH=1
# scripts/build.sh --dist DIR` of this same tree, instead of building it
# again (scripts/test.sh).
# ROPS_PUBLISH_BIN=FILE packs FILE, a `publish` of this same tree, stripped,
# instead of building the release-tool one (scripts/test.sh packs the debug
# build its native tier made: ~600 s of CPU saved; a publish's time is
# brotli's, optimised in both builds). A release is made without it.
#
# Offline and reusing target/: run scripts/setup.sh once first. Safe to run
# again; the same sources give the same tarball byte for byte (names sorted,
# owner 0, every mtime the last commit's time or SOURCE_DATE_EPOCH, gzip
# without a timestamp).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[release]\033[0m %s\n' "$*"; }
fail() { echo "release.sh: $*" >&2; exit 1; }

[ "$(uname -m)" = x86_64 ] || fail "builds the x86_64 package only (this is $(uname -m))"
for tool in cargo trunk wasm-bindgen node wasm-opt; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/setup.sh first"
done

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
[ -n "$version" ] || fail "no version in Cargo.toml"
name=rops-es-$version
out=target/release-pkg
stage=$out/$name
tarball=$out/$name-x86_64-linux.tar.gz
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
commit=$(git rev-parse HEAD)
[ -z "$(git status --porcelain)" ] || commit="$commit (with uncommitted changes)"

rm -rf "$stage"
mkdir -p "$stage"

say "the app and the editor, without content (scripts/build.sh)"
ROPS_NO_PUBLISH=1 scripts/build.sh --dist "$stage/dist"
[ -f "$stage/dist/app.template.html" ] || fail "the build left no app.template.html"
# trunk copies public/content/ (ROPS Kraków's bundle) into the build: not
# another centre's content. Their first publish writes content/.
rm -rf "$stage/dist/content"

mkdir -p "$stage/bin"
if [ -n "${ROPS_PUBLISH_BIN:-}" ]; then
  say "the publisher: $ROPS_PUBLISH_BIN (ROPS_PUBLISH_BIN), stripped"
  [ -x "$ROPS_PUBLISH_BIN" ] || fail "ROPS_PUBLISH_BIN=$ROPS_PUBLISH_BIN is not an executable"
  strip -o "$stage/bin/publish" "$ROPS_PUBLISH_BIN"
else
  say "the publisher (cargo build --profile release-tool)"
  cargo build --quiet --offline --locked --profile release-tool -p rops-publish --bin publish
  cp target/release-tool/publish "$stage/bin/publish"
fi
# DEPLOY.md promises Debian 12 (glibc 2.36): refuse a binary that needs more.
glibc=$(objdump -T "$stage/bin/publish" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
[ "$(printf '%s\n' "$glibc" 2.36 | sort -V | tail -n1)" = 2.36 ] \
  || fail "bin/publish needs glibc $glibc, newer than Debian 12's 2.36"

cp -R deploy "$stage/deploy"
mv "$stage/deploy/DEPLOY.md" "$stage/DEPLOY.md"
mkdir -p "$stage/schema" "$stage/example"
cp public/content/bundle.schema.json "$stage/schema/"
# Every file the example names beside it: the logo, pictures, the
# sign-language recording with its captions and poster, the EU strip.
find tests/fixtures/fictional -maxdepth 1 -type f ! -name bundle.json \
  -exec cp {} "$stage/example/" \;
# The example's $schema points into this repository; in the package the
# schema is at ../schema/ from it.
sed 's|"\$schema": "[^"]*"|"$schema": "../schema/bundle.schema.json"|' \
  tests/fixtures/fictional/bundle.json >"$stage/example/bundle.json"
grep -q '"\$schema": "../schema/bundle.schema.json"' "$stage/example/bundle.json" \
  || fail "example/bundle.json: \$schema not rewritten"
printf 'rops-es %s\ncommit %s\nbin/publish: x86_64 Linux, glibc %s or newer\n' \
  "$version" "$commit" "$glibc" >"$stage/VERSION"

# Links would need their targets in the package: there are none, keep it so.
links=$(find "$stage" -type l)
[ -z "$links" ] || fail "symbolic links in the package: $links"
(cd "$stage" && find . -type f ! -name SHA256SUMS -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 sha256sum >SHA256SUMS)

say "packing"
rm -f "$tarball" "$tarball.tmp"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  --mode='u+rwX,go+rX,go-w' --format=gnu -C "$out" -cf - "$name" \
  | gzip -9 -n >"$tarball.tmp"
# Every entry inside the one top folder, none absolute or climbing out.
if tar -tzf "$tarball.tmp" | grep -v "^$name/" | grep -q .; then
  fail "entries outside $name/: $(tar -tzf "$tarball.tmp" | grep -v "^$name/" | head -n3)"
fi
mv "$tarball.tmp" "$tarball"
rm -rf "$stage"
# The tarball's own checksum, published beside it: SHA256SUMS inside
# vouches for the files only once the tarball itself is trusted.
(cd "$out" && sha256sum "$(basename "$tarball")" >"$(basename "$tarball").sha256")
# A sum proves the download whole, not whose it is: the signature does,
# for whoever has the centre's public key from elsewhere (its website).
rm -f "$tarball.minisig"
if [ -n "${ROPS_SIGNING_KEY:-}" ]; then
  command -v minisign >/dev/null || fail "ROPS_SIGNING_KEY is set, but minisign is missing: apt-get install minisign"
  minisign -S -s "$ROPS_SIGNING_KEY" -m "$tarball" -t "rops-es $version, commit $commit" >/dev/null \
    || fail "could not sign with $ROPS_SIGNING_KEY (minisign -S)"
  say "signed: $(basename "$tarball").minisig"
fi

bytes=$(stat -c %s "$tarball")
echo "$tarball ($bytes bytes, $(numfmt --to=iec "$bytes"))"
