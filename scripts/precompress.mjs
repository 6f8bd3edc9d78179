// Writes .br and .gz beside every .js, .wasm, .css and .html file below
// the given folders, as post-build.mjs does for the app's assets and
// publish for its pages: scripts/build.sh runs it on the content editor's
// files (dist/editor/, and its pages /edytor and /en/editor), which
// neither of those writes. For hosts that serve precompressed files
// (deploy/nginx.conf does). usage: node scripts/precompress.mjs DIR...
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

for (const root of process.argv.slice(2)) {
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|wasm|css|html)$/.test(name)) {
        const data = readFileSync(p);
        writeFileSync(p + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(p + ".gz", gzipSync(data, { level: 9 }));
      }
    }
  })(root);
}
