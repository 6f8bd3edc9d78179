// Precompressed copies (.br and .gz beside a file), for hosts that serve
// them (deploy/nginx.conf does). One routine for every built file:
// post-build.mjs imports `precompress` for the app's assets; run as a
// script, it compresses every .js, .wasm, .css and .html file below the
// given folders, which scripts/build.sh does for the content editor's
// files (dist/editor/, and its pages /edytor and /en/editor), written
// after trunk's hook and publish have run.
// usage: node scripts/precompress.mjs DIR...
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

/** Writes `path`.br and `path`.gz at the best compression. */
export function precompress(path) {
  const data = readFileSync(path);
  writeFileSync(path + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(path + ".gz", gzipSync(data, { level: 9 }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const root of process.argv.slice(2)) {
    (function walk(d) {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(js|wasm|css|html)$/.test(name)) precompress(p);
      }
    })(root);
  }
}
