// Prints raw / gzip / brotli bytes of every file in dist/ (max compression,
// as a static host precompressing would). Node's zlib: no extra install.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (!/\.(br|gz)$/.test(name)) files.push(p);
  }
})(dist);
files.sort();

const rows = files.map((p) => {
  const data = readFileSync(p);
  return {
    file: relative(dist, p),
    raw: data.length,
    gz: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const w = Math.max(...rows.map((r) => r.file.length), 5);
const n = (x) => String(x).padStart(10);
console.log(`${"file".padEnd(w)} ${n("raw B")} ${n("gzip B")} ${n("brotli B")}`);
for (const r of rows) console.log(`${r.file.padEnd(w)} ${n(r.raw)} ${n(r.gz)} ${n(r.br)}`);
const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log(`${"total".padEnd(w)} ${n(sum("raw"))} ${n(sum("gz"))} ${n(sum("br"))}`);
// What a first visit downloads: the shell plus the bundle (schema is for editors only).
const first = rows.filter((r) => /^(index\.html|boot\.js|rops-es-.*\.(js|wasm)|style-.*\.css|content\/bundle\.json)$/.test(r.file));
const fb = first.reduce((a, r) => a + r.br, 0);
console.log(`\nfirst load (index.html, boot.js, app js + wasm, css, bundle), brotli: ${fb} B (${(fb / 1024).toFixed(1)} KiB)`);
// The content editor (scripts/build.sh: dist/editor/ and the pages /edytor,
// /en/editor) is its own download, for editors only: counted apart, and no
// first-load file may name one of its files.
const editor = rows.filter((r) => /^(editor|edytor|en\/editor)\//.test(r.file));
const eb = editor.reduce((a, r) => a + r.br, 0);
const named = first.filter((r) => /editor-boot\.js|rops-editor-/.test(readFileSync(join(dist, r.file), "latin1")));
console.log(`content editor (${editor.length} files, not part of a visit), brotli: ${eb} B (${(eb / 1024).toFixed(1)} KiB)`);
console.log(`first-load files naming an editor file: ${named.length ? named.map((r) => r.file).join(", ") : "none"}`);
