#!/usr/bin/env bash
# Serves a published dist/ on this machine with Debian's nginx, configured
# exactly as a server is (rops-site.conf + nginx.conf + upload.conf +
# security-headers.conf), in the foreground until Ctrl+C:
#
#   deploy/serve.sh [--port 8080] [--base /] [--incoming DIR --htpasswd FILE] DIST
#
# --base: the app's path ("/ekonomia/" for a build made with that public URL).
# --incoming/--htpasswd: where the editor's uploads land and who may send
#   them (without them, uploads land in a temporary folder nobody watches
#   and every password is wrong).
# Needs nginx with the brotli modules (Debian: nginx,
# libnginx-mod-http-brotli-static, libnginx-mod-http-brotli-filter).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=8080 base=/ incoming="" htpasswd="" dist=""
while [ $# -gt 0 ]; do
  case $1 in
    --port) port=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    --incoming) incoming=$2; shift 2 ;;
    --htpasswd) htpasswd=$2; shift 2 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "serve.sh: unknown option $1" >&2; exit 2 ;;
    *) dist=$1; shift ;;
  esac
done
if [ -z "$dist" ] || [ ! -f "$dist/index.html" ]; then
  echo "serve.sh: give a published dist/ (it has no index.html: ${dist:-none given})" >&2
  exit 2
fi
case $base in /*/ | /) ;; *) echo "serve.sh: --base must start and end with / ($base)" >&2; exit 2 ;; esac
dist=$(cd "$dist" && pwd)

# Everything nginx needs besides the site lives in a folder of this run's,
# removed on exit. nginx's workers (nobody, when started as root) must be
# able to enter it.
run=$(mktemp -d /tmp/rops-serve.XXXXXX)
chmod 755 "$run"
trap 'rm -rf "$run"' EXIT
if [ -z "$incoming" ]; then
  incoming=$run/incoming
  mkdir -p "$incoming"
fi
mkdir -p "$incoming"
incoming=$(cd "$incoming" && pwd)
if [ -z "$htpasswd" ]; then
  htpasswd=$run/htpasswd
  : >"$htpasswd"
fi
htpasswd=$(cd "$(dirname "$htpasswd")" && pwd)/$(basename "$htpasswd")
workers=""
if [ "$(id -u)" = 0 ]; then
  # Started as root, nginx's workers run as nobody: the upload folder is
  # theirs (root's watcher reads it as root), not everyone's, and the user
  # file is readable by their group only.
  workers="user nobody nogroup;"
  chown nobody:nogroup "$incoming"
  chmod 0770 "$incoming"
  chgrp nogroup "$htpasswd"
  chmod 0640 "$htpasswd"
fi

if [ "$base" = / ]; then
  root=$dist location=/
else
  # Under a sub-path, the root holds dist/ under the sub-path's name.
  root=$run/www location="^~ $base"
  mkdir -p "$(dirname "$root/${base%/}")"
  ln -s "$dist" "$root/${base%/}"
fi

cp "$here/security-headers.conf" "$run/rops-security-headers.conf"
sed -e "s|@LISTEN@|127.0.0.1:$port|" -e "s|@SERVER_NAME@|localhost|" \
  -e "s|@ROOT@|$root|" -e "s|@BASE@|$base|g" -e "s|@LOCATION@|$location|" \
  -e "s|@INCOMING@|$incoming|g" -e "s|@HTPASSWD@|$htpasswd|" -e "s|@DEPLOY@|$here|g" \
  -e "s|@FRAME_ANCESTORS@|'self' http://127.0.0.1:*|" \
  "$here/rops-site.conf" >"$run/site.conf"
modules=/usr/lib/nginx/modules
cat >"$run/nginx.conf" <<CONF
$workers
worker_processes 1;
daemon off;
pid $run/nginx.pid;
error_log stderr warn;
load_module $modules/ngx_http_brotli_static_module.so;
load_module $modules/ngx_http_brotli_filter_module.so;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $run/body;
  proxy_temp_path $run/proxy; fastcgi_temp_path $run/fcgi;
  uwsgi_temp_path $run/uwsgi; scgi_temp_path $run/scgi;
  include $run/site.conf;
}
CONF
nginx -q -t -p "$run" -c "$run/nginx.conf"
echo "Serving $dist at http://127.0.0.1:$port$base (Ctrl+C stops)"
# Not exec: the trap removes the folder when nginx stops.
nginx -p "$run" -c "$run/nginx.conf" &
nginx_pid=$!
# Every step may fail (nginx already gone with its process group): under
# `set -e` a failing step would end the shell before the folder is removed.
cleanup() {
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 143' INT TERM
wait $nginx_pid
