// Which main-thread tasks Lighthouse counts as long on one page, and what
// each task over 8 ms is made of (trace events, real durations: Lighthouse
// multiplies them by 4 for its mobile CPU). usage: node scripts/bench-tasks.mjs URL
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
const url = process.argv[2];
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
await chrome.kill();
const a = r.lhr.audits;
console.log("TBT", a["total-blocking-time"].numericValue, "FCP", a["first-contentful-paint"].numericValue, "TTI", a["interactive"].numericValue);
for (const t of a["long-tasks"].details?.items ?? []) console.log("long task", Math.round(t.startTime), Math.round(t.duration), t.url);
const ev = r.artifacts.Trace.traceEvents;
const main = ev.find((e) => e.name === "TracingStartedInBrowser")?.args?.data?.frames?.[0];
// Top-level tasks on the renderer main thread.
const tasks = ev.filter((e) => e.name === "RunTask" && e.ph === "X" && e.dur > 8000);
const byThread = {};
for (const t of tasks) (byThread[`${t.pid}:${t.tid}`] ??= []).push(t);
const [tid, ts] = Object.entries(byThread).sort((x, y) => y[1].length - x[1].length)[0];
const [pid, th] = tid.split(":").map(Number);
const inThread = ev.filter((e) => e.pid === pid && e.tid === th && e.ph === "X");
for (const t of ts) {
  const kids = inThread.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
  const sum = {};
  for (const k of kids) sum[k.name] = (sum[k.name] ?? 0) + k.dur;
  const top = Object.entries(sum).sort((x, y) => y[1] - x[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`);
  console.log(`task ${(t.dur / 1000).toFixed(1)} ms: ${top.join(", ")}`);
}
