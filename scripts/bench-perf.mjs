// Lighthouse (mobile preset: simulated slow 4G, 4× CPU) on the app's main
// routes and on a zero-JavaScript page generated from the same bundle, plus
// the first-load byte budget. Prints tables; asserts nothing.
//
// usage: node scripts/bench-perf.mjs APP_URL STATIC_URL DIST_DIR
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [app, staticUrl, dist] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS ?? 3);
const routes = ["/", "/os-czasu", "/os-czasu/2015-mokes", "/finansowanie", "/en/timeline", "/uk", "/uk/timeline"];

const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    const a = r.lhr.audits;
    runs.push({
      perf: r.lhr.categories.performance.score * 100,
      a11y: r.lhr.categories.accessibility.score * 100,
      fcp: a["first-contentful-paint"].numericValue,
      lcp: a["largest-contentful-paint"].numericValue,
      tbt: a["total-blocking-time"].numericValue,
      cls: a["cumulative-layout-shift"].numericValue,
      bytes: a["total-byte-weight"].numericValue,
      tti: a["interactive"].numericValue,
    });
  }
  const m = (k) => median(runs.map((x) => x[k]));
  return { perf: m("perf"), a11y: m("a11y"), fcp: m("fcp"), lcp: m("lcp"), tbt: m("tbt"), cls: m("cls"), bytes: m("bytes"), tti: m("tti") };
}

const base = await measure(`${staticUrl}/`);
const rows = [["zero-JS page (same bundle)", base]];
for (const r of routes) rows.push([`app ${r}`, await measure(`${app}${r}`)]);
await chrome.kill();

const f0 = (x) => Math.round(x).toLocaleString("en").replace(/,/g, " ");
console.log(`Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile preset (simulated slow 4G, 4× CPU), median of ${RUNS}; compressed serving on loopback`);
console.log("| page | perf | a11y | FCP (ms) | LCP (ms) | TBT (ms) | CLS | TTI (ms) | bytes | LCP × zero-JS | bytes × zero-JS |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, x] of rows) {
  console.log(`| ${name} | ${f0(x.perf)} | ${f0(x.a11y)} | ${f0(x.fcp)} | ${f0(x.lcp)} | ${f0(x.tbt)} | ${x.cls.toFixed(3)} | ${f0(x.tti)} | ${f0(x.bytes)} | ${(x.lcp / base.lcp).toFixed(2)} | ${(x.bytes / base.bytes).toFixed(1)} |`);
}

const br = (p) => brotliCompressSync(readFileSync(p), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const built = readdirSync(dist);
// Before the content is readable: the route's HTML and the stylesheets it
// links outside <noscript> (published pages carry theirs inline: none).
const linked = (html) =>
  [...html.replace(/<noscript>[\s\S]*?<\/noscript>/g, "").matchAll(/<link rel="stylesheet" href="([^"]+)"/g)]
    .map((m) => m[1].replace(/^\//, ""));
const pageOf = (r) => (r === "/" ? "index.html" : `${r.slice(1)}/index.html`);
const readable = routes.map((r) => {
  const html = readFileSync(join(dist, pageOf(r)), "utf8");
  return [r, linked(html).reduce((n, f) => n + br(join(dist, f)), br(join(dist, pageOf(r))))];
});
// Everything a first visit downloads before the app is interactive.
const files = built.filter((f) => /^(boot\.js|rops-es-.*\.(js|wasm))$/.test(f));
files.push(...linked(readFileSync(join(dist, "index.html"), "utf8")));
files.push("index.html", "content/bundle.json");
let total = 0;
const parts = [];
for (const f of files) {
  const n = br(join(dist, f));
  total += n;
  parts.push(`${f.replace(/-[0-9a-f]{16}/, "-…")} ${f0(n)}`);
}
const appRows = rows.slice(1).map(([, x]) => x);
const budget = [
  ["readable ≤ 100 KB brotli per route (HTML + CSS)", readable.every(([, n]) => n <= 100 * 1024), readable.map(([r, n]) => `${r} ${(n / 1024).toFixed(1)} KB`).join(", ")],
  ["Lighthouse performance 100 on every route", appRows.every((x) => x.perf >= 100), appRows.map((x) => f0(x.perf)).join(" / ")],
  ["Lighthouse accessibility 100 on every route", appRows.every((x) => x.a11y >= 100), appRows.map((x) => f0(x.a11y)).join(" / ")],
  ["LCP ≤ 1.3× the zero-JS page", appRows.every((x) => x.lcp <= 1.3 * base.lcp), appRows.map((x) => (x.lcp / base.lcp).toFixed(2)).join(" / ")],
  ["CLS ≤ 0.01", appRows.every((x) => x.cls <= 0.01), appRows.map((x) => x.cls.toFixed(3)).join(" / ")],
  ["TBT ≤ 50 ms", appRows.every((x) => x.tbt <= 50), appRows.map((x) => f0(x.tbt)).join(" / ")],
];
console.log("\n| budget | met | measured |\n|---|---|---|");
for (const [b, ok, v] of budget) console.log(`| ${b} | ${ok ? "yes" : "**no**"} | ${v} |`);
console.log(`\nUntil interactive (first visit, brotli): ${(total / 1024).toFixed(1)} KB (${parts.join(", ")})`);
