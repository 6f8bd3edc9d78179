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
const routes = ["/", "/os-czasu", "/finansowanie", "/en/timeline"];

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
    });
  }
  const m = (k) => median(runs.map((x) => x[k]));
  return { perf: m("perf"), a11y: m("a11y"), fcp: m("fcp"), lcp: m("lcp"), tbt: m("tbt"), cls: m("cls"), bytes: m("bytes") };
}

const base = await measure(`${staticUrl}/`);
const rows = [["zero-JS page (same bundle)", base]];
for (const r of routes) rows.push([`app ${r}`, await measure(`${app}${r}`)]);
await chrome.kill();

const f0 = (x) => Math.round(x).toLocaleString("en").replace(/,/g, " ");
console.log(`Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile preset (simulated slow 4G, 4× CPU), median of ${RUNS}; compressed serving on loopback`);
console.log("| page | perf | a11y | FCP (ms) | LCP (ms) | TBT (ms) | CLS | bytes | LCP × zero-JS | bytes × zero-JS |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, x] of rows) {
  console.log(`| ${name} | ${f0(x.perf)} | ${f0(x.a11y)} | ${f0(x.fcp)} | ${f0(x.lcp)} | ${f0(x.tbt)} | ${x.cls.toFixed(3)} | ${f0(x.bytes)} | ${(x.lcp / base.lcp).toFixed(2)} | ${(x.bytes / base.bytes).toFixed(1)} |`);
}

// First load in brotli: what a first visit to any route downloads.
const files = readdirSync(dist).filter((f) => /^(index\.html|boot\.js|rops-es-.*\.(js|wasm)|style-.*\.css)$/.test(f) && !/\.(br|gz)$/.test(f));
files.push("content/bundle.json");
let total = 0;
const parts = [];
for (const f of files) {
  const n = brotliCompressSync(readFileSync(join(dist, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += n;
  parts.push(`${f.replace(/-[0-9a-f]{16}/, "-…")} ${f0(n)}`);
}
const appRows = rows.slice(1).map(([, x]) => x);
const budget = [
  ["first load ≤ 100 KB brotli", total <= 100 * 1024, `${(total / 1024).toFixed(1)} KB (${parts.join(", ")})`],
  ["Lighthouse performance 100 on every route", appRows.every((x) => x.perf >= 100), appRows.map((x) => f0(x.perf)).join(" / ")],
  ["Lighthouse accessibility 100 on every route", appRows.every((x) => x.a11y >= 100), appRows.map((x) => f0(x.a11y)).join(" / ")],
  ["LCP ≤ 1.3× the zero-JS page", appRows.every((x) => x.lcp <= 1.3 * base.lcp), appRows.map((x) => (x.lcp / base.lcp).toFixed(2)).join(" / ")],
  ["CLS 0", appRows.every((x) => x.cls < 0.001), appRows.map((x) => x.cls.toFixed(3)).join(" / ")],
];
console.log("\n| budget | met | measured |\n|---|---|---|");
for (const [b, ok, v] of budget) console.log(`| ${b} | ${ok ? "yes" : "**no**"} | ${v} |`);
