#!/usr/bin/env bash
# Every repository path the contributor-facing docs name must exist: a doc
# that sends a reader to a moved or deleted file fails the lint tier.
# Checked: `backticked` names that begin with one of the repository's
# top-level folders or name one of its top-level files.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=(README.md ARCHITECTURE.md CONTRIBUTING.md CHANGELOG.md docs/*.md docs/facts/README.md)
status=0
for doc in "${docs[@]}"; do
  [ -f "$doc" ] || { echo "$doc is missing" >&2; status=1; continue; }
  while IFS= read -r path; do
    # A pattern (tests/e2e/*.rs) must match something.
    compgen -G "$path" >/dev/null || { echo "$doc names $path, which does not exist" >&2; status=1; }
  done < <(grep -o '`[^` ]*`' "$doc" | tr -d '`' \
    | grep -E '^(src|crates|tests|tools|scripts|deploy|public|docs|fuzz|\.ci)/|^(Cargo\.toml|Trunk(\.editor)?\.toml|index\.html|editor\.html|style\.css|editor\.css|README\.md|ARCHITECTURE\.md)$' \
    | sed -E 's/[:#].*$//; s/[.,;)]+$//' | sort -u)
done
[ "$status" = 0 ] && echo "every path named in ${docs[*]} exists"
exit "$status"
