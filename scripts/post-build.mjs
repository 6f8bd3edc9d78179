// trunk post_build hook (see Trunk.toml), run in the staging directory:
//  0. stamp boot.js with the loader's table (public/boot-table.json, which
//     `cargo run -p rops-tools --bin boot-table -- --write` writes and a test keeps current);
//  1. keep index.html as app.template.html, the page template of `publish`
//     (which also stamps sw.js: scripts/build.sh runs it after trunk);
//     debug builds: remove sw.js, so development never caches anything;
//  2. write precompressed .br and .gz beside every built asset,
//     for hosts that serve them (deploy/nginx.conf does). Never for content/:
//     the bundle is replaced on live sites without a build, and a stale
//     bundle.json.br beside a new bundle.json would be served instead of it
//     (nginx's *_static modules do not compare the two). The server
//     compresses content on the fly.
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { precompress } from "./precompress.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run through trunk");
const release = process.env.TRUNK_PROFILE === "release";

const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(dir, p).split("\\").join("/"));
  }
})(dir);

// The loader's table of addresses, headings and first-screen strings comes
// from the app's own route table and UI strings (crates/app/src/boot_table.rs):
// generated, never kept in step by hand. Read from the file the generator
// writes rather than by running it: a build then compiles nothing native.
const table = readFileSync(new URL("../public/boot-table.json", import.meta.url), "utf8").trim();
JSON.parse(table); // fail the build on anything but JSON
const bootPath = join(dir, "boot.js");
const bootSrc = readFileSync(bootPath, "utf8");
const bootStamped = bootSrc.replace("const TABLE = null;", `const TABLE = ${table};`);
if (bootStamped === bootSrc) throw new Error("boot.js TABLE placeholder not found");
writeFileSync(bootPath, bootStamped);

// The page template: `publish` (src/publish/) renders every route into
// a copy of it, so it must survive the index.html that publish writes.
writeFileSync(join(dir, "app.template.html"), readFileSync(join(dir, "index.html")));

if (!release) {
  // Development never caches anything.
  rmSync(join(dir, "sw.js"), { force: true });
  console.log("post-build: debug build, no service worker");
}

// Precompressed copies of the built assets, for hosts that serve them
// (deploy/nginx.conf does). Pages, the manifest, sw.js and brand.css are
// written (and compressed) by publish; content/ never is (see above).
for (const f of files) {
  if (!/\.(js|wasm|css|svg)$/.test(f) || f.startsWith("content/") || f === "sw.js") continue;
  precompress(join(dir, f));
}
