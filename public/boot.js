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

const me = document.querySelector("script[data-rops-boot]");
const { default: init } = await import(me.dataset.js);
await init({ module_or_path: me.dataset.wasm });
