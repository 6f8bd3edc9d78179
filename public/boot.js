// Starts the app. trunk's default loader is an inline <script>; this file
// replaces it (Trunk.toml `pattern_script`) so that the Content-Security-Policy
// needs no 'unsafe-inline': script-src 'self' 'wasm-unsafe-eval' is enough.
//
// Before the wasm arrives it also makes the static first screen match the
// page the app will draw (heading, language, theme, current link), so the
// switch from one to the other moves nothing. TABLE is written by
// scripts/post-build.mjs from the app's own route table and UI strings
// (`cargo run -p rops-tools --bin boot-table`): the loader keeps no copy of its own.
const TABLE = null;
const base = new URL(document.baseURI).pathname.replace(/\/$/, "");
const full = location.pathname.startsWith(base) ? location.pathname.slice(base.length) || "/" : location.pathname;
const path = full.length > 1 ? full.replace(/\/$/, "") : full;
const route = TABLE?.pages[path] ?? TABLE?.events.find((e) => path.startsWith(e.prefix));
// The address's language: the table's, else its prefix (Polish has none).
const prefixed = Object.keys(TABLE?.strings ?? { en: 0 }).find((l) => path === `/${l}` || path.startsWith(`/${l}/`));
const lang = route?.lang ?? prefixed ?? "pl";
const t = TABLE?.strings[lang] ?? {};
const boot = document.getElementById("boot");
// A published page (`publish`) already is the page the app will draw; only
// the offline shell's skeleton is filled in here.
if (boot && !boot.hasAttribute("data-prerendered")) {
  document.documentElement.lang = lang;
  for (const el of boot.querySelectorAll("[data-boot]")) {
    const k = el.dataset.boot;
    if (k === "lang") {
      // One other language, as the app's list will show with the rest.
      if (t.langTo) {
        el.lang = el.hreflang = t.langTo;
        el.setAttribute("href", t.langTo === "pl" ? "./" : t.langTo);
      }
      el.textContent = t.lang ?? el.textContent;
    } else if (k === "langNav") {
      if (t.langNav) el.setAttribute("aria-label", t.langNav);
    } else if (k === "title") {
      if (route?.title) el.textContent = route.title;
      else el.remove(); // event pages and others: the app's heading comes with the content
    } else if (t[k]) {
      el.textContent = t[k];
    }
  }
  // The current page's nav link is bold in the app: the same here.
  if (route?.nav) boot.querySelector(`[data-boot=${route.nav}]`)?.setAttribute("aria-current", "page");
  // Embeds have no site chrome.
  if (route?.embed) boot.querySelector("[data-boot-chrome]")?.remove();
}
let theme = null;
try {
  theme = localStorage.getItem("rops.theme");
} catch (_) {
  // Storage refused (private mode): the system theme applies.
}
const root = document.documentElement;
// An embed's host picks theme and accent in the frame's address; the app
// checks them the same way (EmbedOptions::parse).
if (root.hasAttribute("data-embed") || route?.embed) {
  const q = new URLSearchParams(location.search);
  if (["dark", "light"].includes(q.get("theme"))) theme = q.get("theme");
  if (["blue", "green", "purple", "red"].includes(q.get("accent"))) root.dataset.accent = q.get("accent");
}
if (theme === "dark" || theme === "light") root.dataset.theme = theme;
const dark = theme === "dark" || (theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
// The theme switch shows the theme in force, as the app's will.
document.querySelector(".theme-switch")?.setAttribute("aria-pressed", String(dark));

// Start the app. If it cannot start (the js or wasm is missing or served as
// an HTML page after a broken deploy, an old browser), nobody must be left
// with a skeleton forever: once per browser session, retire the service
// worker and this app's shell caches (a stale or broken cached version is
// the usual cause) and reload; if it still fails, say so with a Reload
// button. The content cache (the last good bundle) is kept.
const RETRIED = "rops.boot-retried";
const me = document.querySelector("script[data-rops-boot]");
// The browser may offer installation before the app listens for it (the
// app starts late on published pages): keep the offer for the app (pwa.rs).
addEventListener("beforeinstallprompt", (e) => {
  e.preventDefault();
  window.__ropsInstallPrompt = e;
});
// A published page is readable without the app: it starts once the page
// is painted, so its download never delays the content (publish leaves out
// the js and wasm preloads there). The offline shell starts at once.
if (boot?.hasAttribute("data-prerendered")) {
  await afterFirstPaint();
  // The bundle downloads beside the wasm, as the shell's preload does
  // (the app's own request then reuses it).
  const preload = document.createElement("link");
  preload.rel = "preload";
  preload.as = "fetch";
  preload.crossOrigin = "anonymous";
  preload.href = "content/bundle.json";
  document.head.append(preload);
  // Installation needs the app, and so does the manifest (publish leaves
  // its link out of published pages so that nothing but the page is
  // fetched before the first paint).
  if (!document.querySelector("link[rel=manifest]")) {
    const manifest = document.createElement("link");
    manifest.rel = "manifest";
    document.head.append(manifest);
  }
}
// The manifest of the page's language: publish writes one per language of
// the bundle, beside its pages (`en/manifest.webmanifest`), so that an
// installed app has its name in it and opens at its home. The offline
// shell (one file for every address) links the root's until here.
document
  .querySelector("link[rel=manifest]")
  ?.setAttribute("href", lang === "pl" ? "manifest.webmanifest" : `${lang}/manifest.webmanifest`);
try {
  const { default: init } = await import(me.dataset.js);
  await init({ module_or_path: me.dataset.wasm });
  try {
    sessionStorage.removeItem(RETRIED);
  } catch (_) {}
} catch (err) {
  console.error("The app could not start:", err);
  if (!(await retireAndReload())) showBootFailure();
}

// Resolves once the browser reports the page's first contentful paint
// (a frame callback alone can run before that frame is on screen), after
// two frames where paint timing is not reported, and in any case within
// 3 s (a browser that never reports it must not keep the app from starting).
function afterFirstPaint() {
  return new Promise((resolve) => {
    let started = false;
    const done = () => {
      if (!started) setTimeout(resolve, 0);
      started = true;
    };
    setTimeout(done, 3000);
    const twoFrames = () => requestAnimationFrame(() => requestAnimationFrame(done));
    try {
      if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return twoFrames();
      if (performance.getEntriesByName("first-contentful-paint").length) return done();
      const seen = new PerformanceObserver((list) => {
        if (!list.getEntriesByName("first-contentful-paint").length) return;
        seen.disconnect();
        done();
      });
      seen.observe({ type: "paint", buffered: true });
    } catch (_) {
      twoFrames();
    }
  });
}

async function retireAndReload() {
  try {
    if (sessionStorage.getItem(RETRIED)) return false;
    sessionStorage.setItem(RETRIED, "1");
  } catch (_) {
    return false; // without storage a reload could loop: show the message
  }
  try {
    const regs = (await navigator.serviceWorker?.getRegistrations()) ?? [];
    await Promise.all(regs.filter((r) => r.scope.startsWith(new URL(".", document.baseURI).href)).map((r) => r.unregister()));
    const keys = (await self.caches?.keys()) ?? [];
    await Promise.all(keys.filter((k) => k.startsWith("rops-shell-")).map((k) => caches.delete(k)));
  } catch (_) {
    // Storage refused: a plain reload is still worth a try.
  }
  location.reload();
  return true;
}

function showBootFailure() {
  const s = {
    title: t.bootFailed ?? "Nie udało się uruchomić aplikacji / The app could not start",
    help: t.bootFailedHelp ?? "",
    reload: t.reload ?? "Odśwież / Reload",
  };
  const main = document.querySelector("#boot main") ?? document.body;
  main.querySelector(".skeleton")?.remove();
  const panel = document.createElement("section");
  panel.className = "error-panel";
  panel.setAttribute("role", "alert");
  panel.dataset.testid = "boot-failure";
  const h = document.createElement("h2");
  h.className = "error-panel__title";
  h.textContent = s.title;
  const p = document.createElement("p");
  p.textContent = s.help;
  const b = document.createElement("button");
  b.type = "button";
  b.className = "button";
  b.textContent = s.reload;
  b.addEventListener("click", () => location.reload());
  panel.append(h, p, b);
  main.append(panel);
}
