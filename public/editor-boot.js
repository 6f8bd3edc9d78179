// Starts the content editor (an external file, as boot.js is for the app,
// so the Content-Security-Policy needs no 'unsafe-inline'), then keeps the
// editor's files for offline use: the service worker (public/sw.js) answers
// the editor's pages and files from the "rops-editor@<site path>" cache, which only a
// visit to the editor fills, so visitors never download the editor.
const me = document.querySelector("script[data-rops-editor]");
try {
  const { default: init } = await import(me.dataset.js);
  await init({ module_or_path: me.dataset.wasm });
} catch (err) {
  console.error("The editor could not start:", err);
  const main = document.getElementById("editor-boot");
  if (main) main.querySelector("p").textContent = "Nie udało się uruchomić edytora. The editor could not start.";
}
const root = new URL("../", document.baseURI);
try {
  // The worker lives at the app's root (the app registers it too; a second
  // registration of the same script and scope changes nothing).
  await navigator.serviceWorker?.register(new URL("sw.js", root), { scope: root.href });
} catch (_) {
  // Development builds have no worker: nothing is kept offline.
}
try {
  const files = [
    new URL("edytor", root).href,
    new URL("en/editor", root).href,
    new URL(me.dataset.js, document.baseURI).href,
    new URL(me.dataset.wasm, document.baseURI).href,
    me.src,
    ...[...document.querySelectorAll("link[rel=stylesheet]")].map((l) => l.href),
  ];
  // Named after the site's path, as the worker's caches are (public/sw.js).
  const cache = await caches.open(`rops-editor@${root.pathname}`);
  await cache.addAll(files);
  // Older builds' files go.
  for (const req of await cache.keys()) if (!files.includes(req.url)) await cache.delete(req);
} catch (_) {
  // Storage refused: the editor works online as before.
}
