// trunk post_build hook (see Trunk.toml), run in the staging directory:
//  0. stamp boot.js with the loader's table (`cargo run --bin boot-table`);
//  1. release builds: stamp sw.js with the precache list (every shell file
//     with its Subresource-Integrity hash, which the worker hands to fetch,
//     so a wrong or stale file fails the install) and a version derived
//     from all of them; other builds: remove sw.js, so development never
//     caches anything;
//  2. write precompressed .br and .gz beside every text asset of the shell,
//     for hosts that serve them (deploy/nginx.conf does). Never for content/:
//     the bundle is replaced on live sites without a build, and a stale
//     bundle.json.br beside a new bundle.json would be served instead of it
//     (nginx's *_static modules do not compare the two). The server
//     compresses content on the fly.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

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
// from the app's own route table (src/nav.rs) and UI strings (src/i18n/):
// generated, never kept in step by hand.
const table = execFileSync("cargo", ["run", "--quiet", "--offline", "--locked", "--bin", "boot-table"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
}).trim();
JSON.parse(table); // fail the build on anything but JSON
const bootPath = join(dir, "boot.js");
const bootSrc = readFileSync(bootPath, "utf8");
const bootStamped = bootSrc.replace("const TABLE = null;", `const TABLE = ${table};`);
if (bootStamped === bootSrc) throw new Error("boot.js TABLE placeholder not found");
writeFileSync(bootPath, bootStamped);

const sw = join(dir, "sw.js");
if (release) {
  const shell = files
    .filter((f) => !/\.(br|gz)$/.test(f) && f !== "sw.js" && !f.startsWith("content/"))
    .sort();
  const precache = shell.map((f) => [f, "sha256-" + createHash("sha256").update(readFileSync(join(dir, f))).digest("base64")]);
  const version = createHash("sha256").update(JSON.stringify(precache)).digest("hex").slice(0, 16);
  let src = readFileSync(sw, "utf8");
  const stamped = src
    .replace('const VERSION = "dev";', `const VERSION = "${version}";`)
    .replace("const PRECACHE = [];", `const PRECACHE = ${JSON.stringify(precache)};`);
  if (stamped === src) throw new Error("sw.js placeholders not found");
  writeFileSync(sw, stamped);
  console.log(`post-build: sw.js version ${version}, ${precache.length} files precached`);
} else {
  rmSync(sw, { force: true });
  files.splice(files.indexOf("sw.js"), files.includes("sw.js") ? 1 : 0);
  console.log("post-build: debug build, no service worker");
}

for (const f of files) {
  if (!/\.(html|js|wasm|css|json|webmanifest|svg)$/.test(f) || f.startsWith("content/")) continue;
  const data = readFileSync(join(dir, f));
  writeFileSync(join(dir, f + ".br"), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(dir, f + ".gz"), gzipSync(data, { level: 9 }));
}
