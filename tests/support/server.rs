//! The built app on a loopback port, with answers a test can override
//! (broken bundle, 503, slow, a portal's page), and the files of the build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The repository (this crate is `tests/support/` inside it).
pub fn repo_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/support sits two levels below the repository")
}

/// The publisher these tests run (a binary of `crates/publish`, so not
/// one `cargo test` builds for this package): ROPS_PUBLISH, which
/// scripts/test.sh sets to the one its native tier built, else this
/// tree's debug build.
pub fn publish_exe() -> PathBuf {
    if let Some(exe) = std::env::var_os("ROPS_PUBLISH") {
        return exe.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_dir().join("target"));
    let exe = target.join("debug/publish");
    assert!(
        exe.is_file(),
        "no publisher at {}: run `cargo build -p rops-publish` first, or set ROPS_PUBLISH",
        exe.display()
    );
    exe
}

/// The release build: DIST_DIR, or `dist/` (scripts/build.sh).
pub fn dist_dir() -> PathBuf {
    built("DIST_DIR", "dist", "scripts/build.sh")
}

/// The build for a sub-path: DIST_SUB_DIR, or `dist-sub/`.
pub fn dist_sub_dir() -> PathBuf {
    built(
        "DIST_SUB_DIR",
        "dist-sub",
        "scripts/build.sh --public-url /ekonomia/ --dist dist-sub",
    )
}

fn built(var: &str, default: &str, how: &str) -> PathBuf {
    let dir = std::env::var(var)
        .map(PathBuf::from)
        .unwrap_or_else(|_| repo_dir().join(default));
    assert!(
        dir.join("index.html").exists(),
        "{} has no index.html: build first ({how})",
        dir.display()
    );
    dir
}

/// The name of the built file in `dir` with this prefix and suffix (trunk
/// puts a hash between them, e.g. `rops-es-<hash>_bg.wasm`).
pub fn built_file(dir: &Path, prefix: &str, suffix: &str) -> String {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|f| f.starts_with(prefix) && f.ends_with(suffix))
        .unwrap_or_else(|| panic!("no {prefix}…{suffix} in {}", dir.display()))
}

/// The built content bundle, as the server sends it.
pub fn bundle() -> String {
    std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap()
}

/// What the server answers for one path, instead of the file.
#[derive(Clone)]
pub struct Override {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub delay: Duration,
    /// The Content-Length sent: the body's own length by default.
    pub length: Length,
    /// Keep the connection open after the body, as a stalled server does.
    pub hang: bool,
    /// Extra response headers (e.g. a host page's own CSP, a `Location`).
    pub headers: Vec<(&'static str, String)>,
    /// No answer until the test clears this path ([`Override::held`]).
    pub held: bool,
}

/// What an overridden answer says about its length.
#[derive(Clone, Copy, PartialEq)]
pub enum Length {
    Exact,
    /// Claims this many bytes, whatever follows.
    Declared(usize),
    /// No Content-Length: the body ends when the connection closes.
    Unknown,
}

impl Default for Override {
    fn default() -> Override {
        Override {
            status: 200,
            content_type: "application/json",
            body: vec![],
            delay: Duration::ZERO,
            length: Length::Exact,
            hang: false,
            headers: vec![],
            held: false,
        }
    }
}

impl Override {
    pub fn json(body: &str) -> Override {
        Override::bytes("application/json", body.as_bytes().to_vec())
    }
    pub fn html(body: &str) -> Override {
        Override::bytes("text/html; charset=utf-8", body.as_bytes().to_vec())
    }
    pub fn bytes(content_type: &'static str, body: Vec<u8>) -> Override {
        Override {
            content_type,
            body,
            ..Default::default()
        }
    }
    pub fn status(status: u16) -> Override {
        Override {
            status,
            content_type: "text/plain",
            body: b"error".to_vec(),
            ..Default::default()
        }
    }
    /// No answer until the test clears the path (`Server::clear`), then the
    /// file as without an override: a download the test lets go when it
    /// has seen what the page shows meanwhile, however long that took.
    pub fn held() -> Override {
        Override {
            held: true,
            ..Default::default()
        }
    }
    /// The same answer, sent only after `delay`.
    pub fn after(self, delay: Duration) -> Override {
        Override { delay, ..self }
    }
}

/// The offline shell (`shell.html`: the skeleton first screen, no content
/// in the HTML), as the service worker answers a navigation it has no page
/// for: where the app's own loading state shows. A published page shows its
/// content instead while the bundle loads.
pub fn shell_page() -> Override {
    Override::html(&std::fs::read_to_string(dist_dir().join("shell.html")).unwrap())
}

/// The built bundle with its first `from` replaced by `to`: a bundle an
/// editor changed.
pub fn bundle_with(from: &str, to: &str) -> String {
    let good = bundle();
    assert!(good.contains(from), "the bundle has no {from:?} to change");
    good.replacen(from, to, 1)
}

/// A portal's page on another site, with `body` in its main content: where
/// embeds are tested.
pub fn host_page(body: &str) -> Override {
    Override::html(&format!(
        "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Portal regionalny (test)</title></head>\
         <body><main><h1>Portal regionalny</h1>{body}</main></body></html>"
    ))
}

/// The production policy (deploy/security-headers.conf), with loopback
/// portals allowed to frame the app.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self' http://127.0.0.1:*; base-uri 'self'; form-action 'self'; object-src 'none'; manifest-src 'self'; worker-src 'self'";

/// Somewhere the app is served: this crate's [`Server`], or a test's own
/// (the real nginx in e2e/nginx.rs).
pub trait Site {
    /// The address of `path` (which starts with `/`) there.
    fn url(&self, path: &str) -> String;
}

/// A server for one test, on its own loopback port.
pub struct Server {
    pub base: String,
    overrides: Arc<Mutex<HashMap<String, Override>>>,
    hits: Arc<Mutex<Vec<String>>>,
    down: Arc<AtomicBool>,
}

impl Site for Server {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "jsonld" => "application/ld+json",
        "webm" => "video/webm",
        "mp4" => "video/mp4",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}

impl Server {
    pub async fn start() -> Server {
        Server::start_at(dist_dir(), "/").await
    }

    /// Serves `dist` under the path `prefix` (e.g. "/ekonomia/"), as a
    /// portal serving the app under a sub-path would.
    pub async fn start_at(dist: PathBuf, prefix: &'static str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let overrides: Arc<Mutex<HashMap<String, Override>>> = Default::default();
        let hits: Arc<Mutex<Vec<String>>> = Default::default();
        let (ov, h) = (overrides.clone(), hits.clone());
        let down: Arc<AtomicBool> = Default::default();
        let is_down = down.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else {
                    return;
                };
                if is_down.load(Ordering::SeqCst) {
                    // "The network is gone": the connection is dropped unanswered.
                    drop(sock);
                    continue;
                }
                let (ov, h, dist) = (ov.clone(), h.clone(), dist.clone());
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 16 * 1024];
                    let mut n = 0;
                    // Read until the end of the request head (GET only: no bodies).
                    while !buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
                        match sock.read(&mut buf[n..]).await {
                            Ok(0) | Err(_) => return,
                            Ok(k) => n += k,
                        }
                        if n == buf.len() {
                            return;
                        }
                    }
                    let head = String::from_utf8_lossy(&buf[..n]).to_string();
                    let target = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
                    h.lock().unwrap().push(path.clone());
                    let mut over = ov.lock().unwrap().get(&path).cloned();
                    // A held answer waits for the test (a minute at most, so
                    // that a failed test leaves no task behind for long).
                    let mut waited = 0;
                    while over.as_ref().is_some_and(|o| o.held) && waited < 3000 {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        waited += 1;
                        over = ov.lock().unwrap().get(&path).cloned();
                    }
                    // The app's own files carry the production CSP, so every
                    // end-to-end test also proves the app runs under it.
                    let csp = over.is_none();
                    let mut length = Length::Exact;
                    let mut hang = false;
                    let mut extra = String::new();
                    let (status, ctype, body) = match over {
                        Some(o) => {
                            tokio::time::sleep(o.delay).await;
                            (length, hang) = (o.length, o.hang);
                            for (k, v) in &o.headers {
                                extra.push_str(&format!("{k}: {v}\r\n"));
                            }
                            (o.status, o.content_type, o.body)
                        }
                        None => {
                            // Outside the sub-path nothing is served.
                            let inside =
                                path.strip_prefix(prefix).or((path.len() + 1 == prefix.len()
                                    && prefix.starts_with(path.as_str()))
                                .then_some(""));
                            let rel = inside.unwrap_or_default();
                            let file = dist.join(rel);
                            if inside.is_none() {
                                (404, "text/plain", b"outside the app".to_vec())
                            } else if !rel.contains("..") && file.is_file() {
                                (200, content_type(rel), std::fs::read(file).unwrap())
                            } else if !rel.contains("..") && file.join("index.html").is_file() {
                                // A published page: its folder's index.html (as nginx's try_files).
                                (
                                    200,
                                    "text/html; charset=utf-8",
                                    std::fs::read(file.join("index.html")).unwrap(),
                                )
                            } else if !rel.rsplit('/').next().unwrap_or("").contains('.') {
                                // Any other address: the app's "not found" page, with 404.
                                (
                                    404,
                                    "text/html; charset=utf-8",
                                    std::fs::read(dist.join("404.html")).unwrap(),
                                )
                            } else {
                                (404, "text/plain", b"not found".to_vec())
                            }
                        }
                    };
                    let csp = if csp {
                        format!("Content-Security-Policy: {CSP}\r\n")
                    } else {
                        String::new()
                    };
                    let length = match length {
                        Length::Exact => format!("Content-Length: {}\r\n", body.len()),
                        Length::Declared(n) => format!("Content-Length: {n}\r\n"),
                        Length::Unknown => String::new(),
                    };
                    let head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\n{length}Cache-Control: no-store\r\n{csp}{extra}Connection: close\r\n\r\n",
                    );
                    let _ = sock.write_all(head.as_bytes()).await;
                    let _ = sock.write_all(&body).await;
                    if hang {
                        tokio::time::sleep(Duration::from_secs(60)).await;
                    }
                    let _ = sock.shutdown().await;
                });
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}"),
            overrides,
            hits,
            down,
        }
    }

    pub fn set(&self, path: &str, o: Override) {
        self.overrides.lock().unwrap().insert(path.to_owned(), o);
    }

    pub fn clear(&self, path: &str) {
        self.overrides.lock().unwrap().remove(path);
    }

    /// Makes the server unreachable (true) or back (false).
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    pub fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|p| *p == path)
            .count()
    }
}
