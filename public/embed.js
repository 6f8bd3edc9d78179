/* Embeds of the app: host-side script for the portal that shows them.
 *
 * Include once per page:  <script src="https://…/embed.js" defer></script>
 * It finds every <iframe data-rops-embed>, sets its height from the
 * `rops:height` messages the embedded page sends (no inner scrollbar), and
 * re-dispatches `rops:navigate` as a DOM event on the iframe:
 *
 *   iframe.addEventListener("rops:navigate", (e) => console.log(e.detail.event));
 *
 * Only messages from the iframe's own origin, sent by that iframe's window,
 * with the expected shape, are accepted; everything else is ignored.
 * `ROPSEmbed.open(iframe, eventId | null)` opens an event inside an embed.
 * No dependencies, no globals besides `ROPSEmbed`. (The `rops` names of the
 * messages, the attribute and the global are the embed protocol, kept
 * stable for host pages whatever organisation the bundle describes.)
 */
(function () {
  "use strict";
  if (window.ROPSEmbed) return;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-rops-embed]"));
  }

  // Size and frame through CSSOM, not a style attribute in the snippet: a
  // portal's strict CSP (style-src without 'unsafe-inline') blocks those.
  // The snippet's width/height attributes are the no-script fallback.
  function prepare(iframe) {
    if (iframe.dataset.ropsReady) return;
    iframe.dataset.ropsReady = "1";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    var h = parseInt(iframe.getAttribute("height"), 10);
    if (!iframe.style.height && isFinite(h) && h > 0) iframe.style.height = h + "px";
  }

  function prepareAll() {
    frames().forEach(prepare);
  }

  function originOf(iframe) {
    try {
      return new URL(iframe.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (!msg || typeof msg !== "object" || typeof msg.type !== "string") return;
    var iframe = frames().filter(function (f) { return f.contentWindow === event.source; })[0];
    if (!iframe || originOf(iframe) !== event.origin) return;
    prepare(iframe);
    if (msg.type === "rops:height") {
      var h = msg.height;
      if (typeof h !== "number" || !isFinite(h) || h < 0 || h > 100000) return;
      iframe.style.height = Math.ceil(h) + "px";
    } else if (msg.type === "rops:navigate") {
      if (msg.event !== null && typeof msg.event !== "string") return;
      iframe.dispatchEvent(new CustomEvent("rops:navigate", { detail: { id: String(msg.id || ""), event: msg.event } }));
    }
  });

  prepareAll();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepareAll);

  window.ROPSEmbed = {
    open: function (iframe, eventId) {
      var origin = originOf(iframe);
      if (!origin || !iframe.contentWindow) return;
      iframe.contentWindow.postMessage({ type: "rops:open", event: eventId === undefined ? null : eventId }, origin);
    },
  };
})();
