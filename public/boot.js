// Starts the app. trunk's default loader is an inline <script>; this file
// replaces it (Trunk.toml `pattern_script`) so that the Content-Security-Policy
// needs no 'unsafe-inline': script-src 'self' 'wasm-unsafe-eval' is enough.
const me = document.querySelector("script[data-rops-boot]");
const { default: init } = await import(me.dataset.js);
await init({ module_or_path: me.dataset.wasm });
