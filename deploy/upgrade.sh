#!/bin/sh
# Installs this release over a running one (DEPLOY.md, "9. Upgrading"):
#
#   /path/to/rops-es-NEW/deploy/upgrade.sh [--user rops] [--site-url URL] [--no-systemd] /srv/rops
#
# Run as root from the unpacked new release. It
#   1. puts the new bin/publish, deploy/, schema/, example/, DEPLOY.md and
#      VERSION in place, each file replaced by one rename (a running
#      watcher keeps the program it started with);
#   2. has the new publish republish the live content with the new app as
#      the service user (`publish --upgrade`): under the site's own lock
#      (an editor's publish waits, or lands first and is kept), the live
#      bundle, its media, kept versions and status carried over, and the
#      site swapped in one step as every publish does, so it answers
#      throughout, the old release or the new one, never a 404;
#   3. copies the security headers for nginx and reloads it, if systemd is
#      there and nginx accepts the configuration.
# The password file, incoming/ and the uploads waiting there are not
# touched. The site's address is ROPS_SITE_URL from the installed
# rops-publish.service unless --site-url gives it.
set -eu

say() { printf '[upgrade] %s\n' "$*"; }
fail() { echo "upgrade.sh: $*" >&2; exit 1; }

user=rops
site_url=${ROPS_SITE_URL:-}
systemd=yes
target=
while [ $# -gt 0 ]; do
  case $1 in
    --user) user=${2:?--user needs a name}; shift 2 ;;
    --site-url) site_url=${2:?--site-url needs an address}; shift 2 ;;
    --no-systemd) systemd=no; shift ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) fail "unknown option $1" ;;
    *) [ -z "$target" ] || fail "one installation folder only"; target=$1; shift ;;
  esac
done
[ -n "$target" ] || fail "which installation? e.g. upgrade.sh /srv/rops"

release=$(cd "$(dirname "$0")/.." && pwd)
target=$(cd "$target" && pwd)
[ "$release" != "$target" ] || fail "run the new release's upgrade.sh, not the installed one"
[ -x "$release/bin/publish" ] && [ -f "$release/dist/app.template.html" ] \
  || fail "$release is not an unpacked release (no bin/publish or dist/)"
[ -f "$target/dist/content/bundle.json" ] \
  || fail "$target/dist has no published content: install it first (DEPLOY.md, 1–2)"
id "$user" >/dev/null 2>&1 || fail "no user $user (--user names the service user)"
if [ -z "$site_url" ] && [ -f /etc/systemd/system/rops-publish.service ]; then
  site_url=$(sed -n 's/^Environment=ROPS_SITE_URL=//p' /etc/systemd/system/rops-publish.service | tail -n1)
fi
[ -n "$site_url" ] || fail "the site's address: --site-url https://… (or ROPS_SITE_URL)"

# The release's own check first: a damaged download installs nothing.
if [ -f "$release/SHA256SUMS" ]; then
  (cd "$release" && sha256sum -c --quiet SHA256SUMS) || fail "SHA256SUMS does not match the files"
fi

say "the program and the configuration into $target"
# Each file through a new name and one rename: never half a file in place.
install_file() { # from to mode
  install -m "$3" "$1" "$2.upgrade-new" && mv -f "$2.upgrade-new" "$2"
}
mkdir -p "$target/bin"
install_file "$release/bin/publish" "$target/bin/publish" 0755
for dir in deploy schema example; do
  (cd "$release/$dir" && find . -type f) | while read -r f; do
    mkdir -p "$(dirname "$target/$dir/$f")"
    mode=0644
    [ -x "$release/$dir/$f" ] && mode=0755
    install_file "$release/$dir/$f" "$target/$dir/$f" "$mode"
  done
done
install_file "$release/DEPLOY.md" "$target/DEPLOY.md" 0644
install_file "$release/VERSION" "$target/VERSION" 0644

say "the new app, as $user: republishing the live content"
# The new app beside the site, the service user's (publish links its files
# into the new tree, which needs them to be its own), removed afterwards.
app=$target/.dist.upgrade-app
rm -rf "$app"
cp -R "$release/dist" "$app"
chown -R "$user:$(id -gn "$user")" "$app"
status=0
runuser -u "$user" -- "$target/bin/publish" --site-url "$site_url" --upgrade "$app" "$target/dist" || status=$?
rm -rf "$app"
[ "$status" -eq 0 ] || fail "publish --upgrade failed (exit $status): the site is the old release, unchanged"

if [ "$systemd" = yes ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  cp "$target/deploy/security-headers.conf" /etc/nginx/rops-security-headers.conf
  if nginx -t 2>/dev/null; then
    systemctl reload nginx
  else
    say "nginx -t refuses the configuration: compare /etc/nginx/sites-available with $target/deploy/rops-site.conf"
  fi
fi
say "done: $(head -n1 "$target/VERSION"); if you changed deploy/upload.conf, rops-site.conf or the systemd units, compare them with the new ones (diff) and make your changes again"
