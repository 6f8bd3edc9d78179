#!/usr/bin/env python3
"""Groups `twiggy top` output by crate: what each dependency costs in the
release wasm (code and data attributed by symbol name, before wasm-bindgen and
wasm-opt; the proportions carry over). Usage: scripts/wasm-costs.sh"""
import csv, re, sys, collections

rows = csv.DictReader(sys.stdin)
by_crate = collections.Counter()
total = 0
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if name.startswith(("custom section", '"function names"', "\"", "type[", "import", "export", "elem", "table", "memory", "global")):
        continue
    if name.startswith("data segment"):
        crate = "(static data)"
    else:
        # First path segment of the symbol, looking through <impl ...> and generics.
        m = re.search(r"([a-z_][a-z0-9_]*)::", name.lstrip("<&* "))
        crate = m.group(1) if m else "(other)"
    by_crate[crate] += size
    total += size
print(f"{'crate':28} {'bytes':>9} {'share':>7}")
for crate, size in by_crate.most_common(18):
    print(f"{crate:28} {size:9d} {100 * size / total:6.1f}%")
print(f"{'total code + data':28} {total:9d}")
