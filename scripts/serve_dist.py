#!/usr/bin/env python3
"""Serves dist/ on loopback like a production static host: SPA fallback to
index.html for app routes, precompressed .br/.gz files when the client
accepts them, and gzip on the fly for what has none (the content bundle, as
deploy/nginx.conf does). For local checks and benchmarks; production uses
deploy/."""
import gzip, http.server, io, os, sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "dist")
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 8081
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json",
         ".webmanifest": "application/manifest+json", ".css": "text/css", ".html": "text/html; charset=utf-8",
         ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
         ".csv": "text/csv; charset=utf-8", ".jsonld": "application/ld+json", ".vtt": "text/vtt; charset=utf-8",
         ".webm": "video/webm", ".mp4": "video/mp4"}

GZIPPED = {}


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        rel = os.path.normpath(path.lstrip("/")) if path != "/" else "index.html"
        full = os.path.join(ROOT, rel)
        status = 200
        if full.startswith(ROOT) and os.path.isfile(os.path.join(full, "index.html")):
            full = os.path.join(full, "index.html")  # a published page
        elif not full.startswith(ROOT) or not os.path.isfile(full):
            if "." in os.path.basename(path):
                self.send_error(404)
                return None
            full, status = os.path.join(ROOT, "404.html"), 404
        ext = os.path.splitext(full)[1]
        enc = None
        accept = self.headers.get("Accept-Encoding", "")
        for token, suffix in (("br", ".br"), ("gzip", ".gz")):
            if token in accept and os.path.isfile(full + suffix):
                full, enc = full + suffix, token
                break
        f = open(full, "rb")
        size = os.fstat(f.fileno()).st_size
        if not enc and ext == ".json" and "gzip" in accept:
            # Compressed once per version of the file, as a caching server
            # would: a benchmark must not time Python's gzip.
            key = (full, os.fstat(f.fileno()).st_mtime_ns)
            if key not in GZIPPED:
                GZIPPED[key] = gzip.compress(f.read(), 6)
            f.close()
            data = GZIPPED[key]
            f, enc, size = io.BytesIO(data), "gzip", len(data)
        self.send_response(status)
        self.send_header("Content-Type", TYPES.get(ext, "application/octet-stream"))
        if enc:
            self.send_header("Content-Encoding", enc)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        return f

    def log_message(self, *args):
        pass

if __name__ == "__main__":
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
