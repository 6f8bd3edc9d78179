// Service worker: a versioned, precached app shell.
//
// - VERSION and PRECACHE are stamped by `publish` (src/publish/) after
//   every release build and content change (each shell file with its sha256
//   integrity value, and a version derived from all of them; the pages are
//   not precached, shell.html stands in for them); a new stamp is a new worker, which
//   waits until the visitor chooses "Reload" (no surprise reloads), then
//   deletes the caches of older versions.
// - Install stores only what it expects: every file is fetched past the HTTP
//   cache with its integrity value, and a redirect, an error status, a
//   Content-Type that does not fit the file (an HTML error page where wasm
//   belongs) or a failed integrity check fails the whole install, so the
//   previous version keeps working.
// - Navigations go to the network first (so changed pages and security
//   headers reach returning visitors); after NAV_TIMEOUT_MS, on a network
//   failure or a server error, the cached shell.html of this worker's own
//   version answers instead (the app then draws the route from its last good
//   bundle): deep links work offline, and old HTML never meets new wasm.
// - The content editor (/edytor, /en/editor and its files in editor/) is
//   not part of the shell: the editor's page puts its own files in the
//   "rops-editor@<site path>" cache when it is visited (public/editor-boot.js), and
//   they are answered from there (its pages network-first, its hashed
//   files cache-first), so it works offline after one visit while
//   visitors never download it.
// - The content bundle is not touched here: the app validates it (with the
//   same Rust validator as the CLI) and keeps the last good copy itself, so
//   an invalid bundle can never replace a good one.
const VERSION = "dev";
const PRECACHE = [];
const NAV_TIMEOUT_MS = 3000;
const scope = self.registration.scope;
// Cache names carry the site's path: two deployments on one origin (two
// sub-paths of a portal) keep, and clean up, only their own.
const SITE = new URL(scope).pathname;
const SHELL = `rops-shell-${VERSION}@${SITE}`;
const at = (path) => new URL(path, scope).href;

// What each kind of file must be served as.
const TYPES = {
  html: "text/html",
  js: "javascript",
  wasm: "application/wasm",
  css: "text/css",
  webmanifest: "application/manifest+json",
  svg: "image/svg+xml",
  png: "image/png",
};

async function fetchChecked(path, integrity) {
  const res = await fetch(new Request(at(path), { cache: "reload", integrity, redirect: "error" }));
  const ext = path.slice(path.lastIndexOf(".") + 1);
  const type = res.headers.get("Content-Type") || "";
  if (!res.ok || res.redirected || res.type !== "basic") throw new Error(`${path}: HTTP ${res.status} ${res.type}`);
  if (TYPES[ext] && !type.includes(TYPES[ext])) throw new Error(`${path}: served as ${type}`);
  return res;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // All or nothing: every file is fetched and checked before any is stored.
      const responses = await Promise.all(PRECACHE.map(([path, integrity]) => fetchChecked(path, integrity)));
      const cache = await caches.open(SHELL);
      try {
        await Promise.all(PRECACHE.map(([path], i) => cache.put(at(path), responses[i])));
      } catch (e) {
        await caches.delete(SHELL);
        throw e;
      }
    })(),
  );
});

// This site's caches of other versions go; so does a cache named before
// names carried the site's path ("rops-shell-<version>", "rops-editor"),
// when it holds this site's files (another site's stays for its own worker).
async function ownedBefore(name, probe) {
  if (!/^rops-shell-[^@]*$/.test(name) && name !== "rops-editor") return false;
  return !!(await (await caches.open(name)).match(at(probe)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const k of await caches.keys()) {
        const old = (k.startsWith("rops-shell-") && k.endsWith(`@${SITE}`) && k !== SHELL)
          || (await ownedBefore(k, k === "rops-editor" ? "edytor" : "shell.html"));
        if (old) await caches.delete(k);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const msg = event.data || {};
  if (msg.type === "skip-waiting") self.skipWaiting();
  if (msg.type === "version" && event.source) event.source.postMessage({ type: "version", version: VERSION });
});

const shellPage = () => caches.open(SHELL).then((c) => c.match(at("shell.html")));

async function navigate(req) {
  const network = fetch(req);
  network.catch(() => {}); // a late failure after the fallback answered is no error
  const timeout = new Promise((resolve) => setTimeout(resolve, NAV_TIMEOUT_MS, "timeout"));
  try {
    const res = await Promise.race([network, timeout]);
    if (res !== "timeout" && res.status < 500) return res;
  } catch (_) {
    // Offline or refused: the cached page below.
  }
  const cached = await shellPage();
  if (cached) return cached;
  // Nothing cached (yet): wait for whatever the network says.
  return network;
}

const EDITOR = `rops-editor@${SITE}`;
const editorPages = ["edytor", "en/editor"].map((p) => new URL(p, scope).pathname);
const editorFiles = new URL("editor/", scope).pathname;

async function fromEditorCache(req, networkFirst) {
  const cache = await caches.open(EDITOR);
  if (!networkFirst) return (await cache.match(req, { ignoreSearch: true })) || fetch(req);
  try {
    return await fetch(req);
  } catch (e) {
    const hit = await cache.match(req.url.replace(/\/?([?#].*)?$/, ""));
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !req.url.startsWith(scope)) return;
  const path = new URL(req.url).pathname;
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (editorPages.includes(path.replace(/\/$/, ""))) {
    event.respondWith(fromEditorCache(req, true));
    return;
  }
  if (path.startsWith(editorFiles)) {
    // Hashed files never change: the cache first. The rest (editor-boot.js,
    // the folder's index.html) keep their names across builds: the network
    // first, so an editor that has been updated is not held back.
    event.respondWith(fromEditorCache(req, !/-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(path)));
    return;
  }
  if (req.mode === "navigate" && !last.includes(".")) {
    event.respondWith(navigate(req));
    return;
  }
  // The bundle is the app's business (it validates it); the logo beside it
  // is precached with the shell by publish and answered below.
  if (path.includes("/content/") && path.endsWith(".json")) return;
  // Recordings and their captions are never precached (publish leaves them
  // out): the browser fetches them itself. Passed through a worker, a
  // player's range requests fail in some engines (WebKit among them).
  if (req.headers.has("range") || /\/content\/[^/]+\.(webm|mp4|vtt)$/.test(path)) return;
  event.respondWith(
    caches.open(SHELL).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req)),
  );
});
