// Starts the app. trunk's default loader is an inline <script>; this file
// replaces it (Trunk.toml `pattern_script`) so that the Content-Security-Policy
// needs no 'unsafe-inline': script-src 'self' 'wasm-unsafe-eval' is enough.
//
// Before the wasm arrives it also makes the static first screen match the
// page the app will draw (heading, language, theme), so the switch from one
// to the other moves nothing. Keep the titles in step with src/i18n.rs.
const base = new URL(document.baseURI).pathname.replace(/\/$/, "");
const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) || "/" : location.pathname;
const en = path === "/en" || path.startsWith("/en/");
const t = en
  ? { org: "Regional Social Policy Centre in Kraków", theme: "Dark theme", lang: "Polski", about: "About",
      timeline: "Timeline", funding: "Funding", loading: "Loading content…" }
  : { org: "Regionalny Ośrodek Polityki Społecznej w Krakowie", theme: "Ciemny motyw", lang: "English",
      about: "O nas", timeline: "Oś czasu", funding: "Finansowanie", loading: "Wczytywanie treści…" };
const titles = {
  "/": "O nas", "/os-czasu": "Oś czasu", "/finansowanie": "Finansowanie",
  "/deklaracja-dostepnosci": "Deklaracja dostępności", "/osadz": "Osadź na swojej stronie",
  "/en": "About", "/en/timeline": "Timeline", "/en/funding": "Funding",
  "/en/accessibility": "Accessibility statement", "/en/embed-code": "Embed on your site",
};
const boot = document.getElementById("boot");
if (boot) {
  document.documentElement.lang = en ? "en" : "pl";
  for (const el of boot.querySelectorAll("[data-boot]")) {
    const k = el.dataset.boot;
    if (k === "lang") {
      el.lang = el.hreflang = en ? "pl" : "en";
    } else if (k === "title") {
      const title = titles[path.replace(/\/$/, "") || "/"];
      if (title) el.textContent = title;
      else el.remove(); // event pages and others: the app's heading comes with the content
    } else if (t[k]) {
      el.textContent = t[k];
    }
  }
  // The current page's nav link is bold in the app: the same here.
  const current = { "/": "about", "/en": "about" }[path] ??
    (/^(\/en)?\/(os-czasu|timeline)(\/|$)/.test(path) ? "timeline" : /^(\/en)?\/(finansowanie|funding)$/.test(path) ? "funding" : null);
  if (current) boot.querySelector(`[data-boot=${current}]`)?.setAttribute("aria-current", "page");
  // Embeds have no site chrome.
  if (/^(\/en)?\/embed(\/|$)/.test(path)) boot.querySelector("[data-boot-chrome]")?.remove();
}
let theme = null;
try {
  theme = localStorage.getItem("rops.theme");
} catch (_) {
  // Storage refused (private mode): the system theme applies.
}
if (theme === "dark" || theme === "light") document.documentElement.dataset.theme = theme;
const dark = theme === "dark" || (theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
boot?.querySelector("[data-boot=theme]")?.setAttribute("aria-pressed", String(dark));

// Start the app. If it cannot start (the js or wasm is missing or served as
// an HTML page after a broken deploy, an old browser), nobody must be left
// with a skeleton forever: once per browser session, retire the service
// worker and this app's shell caches (a stale or broken cached version is
// the usual cause) and reload; if it still fails, say so with a Reload
// button. The content cache (the last good bundle) is kept.
const RETRIED = "rops.boot-retried";
const me = document.querySelector("script[data-rops-boot]");
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
  const s = en
    ? { title: "The app could not start", help: "Your browser could not load this site's program. Reload the page; if that does not help, try again later or use another browser.", reload: "Reload" }
    : { title: "Nie udało się uruchomić aplikacji", help: "Przeglądarka nie mogła wczytać programu tej strony. Odśwież stronę; jeśli to nie pomoże, spróbuj później lub użyj innej przeglądarki.", reload: "Odśwież" };
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
