// Service worker: a versioned, precached app shell.
//
// - VERSION and PRECACHE are stamped by scripts/post-build.mjs after every
//   release build (file list with content hashes); a new build is a new
//   worker, which waits until the visitor chooses "Reload" (no surprise
//   reloads), then deletes the caches of older versions.
// - Every navigation to an app route is answered with index.html from the
//   same versioned cache as its js/wasm: old HTML never meets new wasm.
// - The content bundle is not touched here: the app validates it (with the
//   same Rust validator as the CLI) and keeps the last good copy itself, so
//   an invalid bundle can never replace a good one.
const VERSION = "dev";
const PRECACHE = [];
const SHELL = `rops-shell-${VERSION}`;
const scope = self.registration.scope;
const at = (path) => new URL(path, scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) =>
      cache.addAll(PRECACHE.map(([path]) => new Request(at(path), { cache: "reload" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rops-shell-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const msg = event.data || {};
  if (msg.type === "skip-waiting") self.skipWaiting();
  if (msg.type === "version" && event.source) event.source.postMessage({ type: "version", version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !req.url.startsWith(scope)) return;
  const path = new URL(req.url).pathname;
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (req.mode === "navigate" && !last.includes(".")) {
    event.respondWith(
      caches.open(SHELL).then((c) => c.match(at("index.html"))).then((hit) => hit || fetch(req)),
    );
    return;
  }
  if (path.includes("/content/")) return;
  event.respondWith(
    caches.open(SHELL).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req)),
  );
});
