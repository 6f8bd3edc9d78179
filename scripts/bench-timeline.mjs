// Timeline scale benchmark: for bundles of 10, 1 000 and 10 000 events, in
// headless Chromium at 360×740 with 4× CPU throttling, measures
//   - navigation → first event card in the DOM and painted (ms),
//   - a keystroke in search → the list updated and painted (ms),
//   - the JS heap after both (MB).
// Prints a table; it asserts nothing (targets: first card ≤ 1000 ms and a
// search update ≤ 100 ms at 10 000 events).
//
// usage: node scripts/bench-timeline.mjs http://127.0.0.1:PORT10 http://…1000 http://…10000
import puppeteer from "puppeteer-core";

const RUNS = Number(process.env.RUNS ?? 3);
const urls = process.argv.slice(2);
const sizes = (process.env.SIZES ?? "10,1000,10000").split(",").map(Number);

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(base) {
  // A fresh context per run: a first visit, with no service worker and no
  // saved bundle from the previous run.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.emulateCPUThrottling(4);
  // Record when the first card is inserted, then wait for the frame that paints it.
  await page.evaluateOnNewDocument(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector("[data-testid=event]")) {
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__firstCard = performance.now(); }, 0));
      }
    }).observe(document, { childList: true, subtree: true });
    // The published page is readable at once; the app takes it over when
    // its content is drawn (src/takeover.rs): from then on it is interactive.
    new MutationObserver((_, obs) => {
      if (document.body && !document.querySelector("#boot[data-prerendered]") && document.querySelector("#app, [data-testid=event]")) {
        obs.disconnect();
        window.__ready = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${base}/os-czasu`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__firstCard !== undefined, { timeout: 60000 });
  const firstCard = await page.evaluate(() => window.__firstCard);
  await page.waitForFunction(() => window.__ready !== undefined, { timeout: 60000 });
  const ready = await page.evaluate(() => window.__ready);

  // One keystroke that changes the result: type "a" into an empty search.
  const search = await page.evaluate(() => new Promise((resolve) => {
    const input = document.querySelector("[data-testid=search]");
    const status = document.querySelector("[data-testid=result-count]");
    const before = status.textContent;
    const t0 = performance.now();
    input.value = "2";
    input.dispatchEvent(new InputEvent("input", { bubbles: true, data: "2", inputType: "insertText" }));
    const check = () => {
      if (document.querySelector("[data-testid=result-count]").textContent !== before) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  }));
  const m = await page.metrics();
  await context.close();
  return { firstCard, ready, search, heapMB: m.JSHeapUsedSize / 1e6 };
}

console.log(`timeline scale, ${RUNS} runs each, median; 360×740, 4× CPU throttling, Chromium ${await browser.version()}`);
console.log("| events | first card (ms) | app interactive (ms) | search update (ms) | JS heap (MB) |");
console.log("|---:|---:|---:|---:|---:|");
for (let i = 0; i < urls.length; i++) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await once(urls[i]));
  const f = (k, d = 0) => median(runs.map((x) => x[k])).toFixed(d);
  console.log(`| ${sizes[i].toLocaleString("en").replace(/,/g, " ")} | ${f("firstCard")} | ${f("ready")} | ${f("search")} | ${f("heapMB", 1)} |`);
}
await browser.close();
