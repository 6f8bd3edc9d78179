#!/usr/bin/env bash
# Builds release and prints raw / gzip / brotli bytes of every file in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
node scripts/size-report.mjs dist
