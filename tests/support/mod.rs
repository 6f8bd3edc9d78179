//! Test harness for the end-to-end tier: a small static server for `dist/`
//! whose answers a test can override (broken bundle, 503, slow), and a
//! WebDriver session in headless Chromium.
#![allow(dead_code)]
pub mod engines;

use fantoccini::{Client, ClientBuilder, Locator};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

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
        }
    }
}

impl Override {
    pub fn json(body: &str) -> Override {
        Override {
            body: body.as_bytes().to_vec(),
            ..Default::default()
        }
    }
    pub fn html(body: &str) -> Override {
        Override {
            content_type: "text/html; charset=utf-8",
            body: body.as_bytes().to_vec(),
            ..Default::default()
        }
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
}

/// The production policy (deploy/security-headers.conf), with loopback
/// portals allowed to frame the app.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self' http://127.0.0.1:*; base-uri 'self'; object-src 'none'; manifest-src 'self'; worker-src 'self'";

/// A server for one test, on its own loopback port.
pub struct Server {
    pub base: String,
    overrides: Arc<Mutex<HashMap<String, Override>>>,
    hits: Arc<Mutex<Vec<String>>>,
    down: Arc<std::sync::atomic::AtomicBool>,
}

pub fn dist_dir() -> PathBuf {
    let dir = std::env::var("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").exists(),
        "{} has no index.html: build first (scripts/build.sh)",
        dir.display()
    );
    dir
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
        let down: Arc<std::sync::atomic::AtomicBool> = Default::default();
        let is_down = down.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else {
                    return;
                };
                if is_down.load(std::sync::atomic::Ordering::SeqCst) {
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
                    let over = ov.lock().unwrap().get(&path).cloned();
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
                            } else if !rel.rsplit('/').next().unwrap_or("").contains('.') {
                                // SPA fallback: every app route is index.html.
                                (
                                    200,
                                    "text/html; charset=utf-8",
                                    std::fs::read(dist.join("index.html")).unwrap(),
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

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn set(&self, path: &str, o: Override) {
        self.overrides.lock().unwrap().insert(path.to_owned(), o);
    }

    pub fn clear(&self, path: &str) {
        self.overrides.lock().unwrap().remove(path);
    }

    /// Makes the server unreachable (true) or back (false).
    pub fn set_down(&self, down: bool) {
        self.down.store(down, std::sync::atomic::Ordering::SeqCst);
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

/// ChromeDriver's address: from WEBDRIVER_URL (scripts/test.sh starts one),
/// or a chromedriver this process starts on a free port.
fn webdriver_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(u) = std::env::var("WEBDRIVER_URL") {
            return u;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // Kept for the life of the test process; scripts/test.sh normally
        // provides WEBDRIVER_URL and owns the driver instead.
        static DRIVER: OnceLock<Mutex<std::process::Child>> = OnceLock::new();
        let child = std::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromedriver on PATH (scripts/setup.sh --browser)");
        let _ = DRIVER.set(Mutex::new(child));
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        format!("http://127.0.0.1:{port}")
    })
}

pub async fn browser(width: u32, height: u32) -> Client {
    browser_with(width, height, &[]).await
}

/// A browser whose `prefers-color-scheme` is dark.
pub async fn browser_dark(width: u32, height: u32) -> Client {
    browser_with(
        width,
        height,
        &[
            "--force-dark-mode",
            "--blink-settings=preferredColorScheme=0",
        ],
    )
    .await
}

pub async fn browser_with(width: u32, height: u32, extra: &[&str]) -> Client {
    let mut caps = serde_json::json!({
        "goog:loggingPrefs": {"browser": "ALL"},
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
                format!("--window-size={width},{height}")
            ]
        }
    });
    let args = caps["goog:chromeOptions"]["args"].as_array_mut().unwrap();
    args.extend(extra.iter().map(|a| serde_json::Value::from(*a)));
    let caps = match caps {
        serde_json::Value::Object(m) => m,
        _ => unreachable!(),
    };
    let mut last = None;
    // Chromium start-up on 2 busy cores is occasionally slow: try a few times.
    for _ in 0..3 {
        match ClientBuilder::rustls()
            .expect("rustls")
            .capabilities(caps.clone())
            .connect(webdriver_url())
            .await
        {
            Ok(c) => return c,
            Err(e) => {
                last = Some(e);
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
    panic!("cannot start Chromium through ChromeDriver: {last:?}");
}

pub const PHONE: (u32, u32) = (360, 740);
pub const DESKTOP: (u32, u32) = (1280, 900);

/// Waits (up to 20 s) for an element; the app renders after the wasm and the
/// bundle arrive, which on 2 busy cores can take a few seconds.
pub async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
}

/// Waits until `css` holds text containing `needle`.
pub async fn wait_for_text(c: &Client, css: &str, needle: &str) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            if let Ok(t) = el.text().await {
                if t.contains(needle) {
                    return t;
                }
                if std::time::Instant::now() > deadline {
                    panic!("{css} never contained {needle:?}; last text: {t:?}");
                }
            }
        }
        if std::time::Instant::now() > deadline {
            panic!("{css} never appeared (waiting for {needle:?})");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Runs axe-core (WCAG 2.1 A/AA rules) on the current page and returns a
/// readable list of violations; empty means none.
pub async fn axe_violations(c: &Client) -> Vec<String> {
    static AXE: OnceLock<String> = OnceLock::new();
    let src = AXE.get_or_init(|| {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&p)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup.sh)", p.display()))
    });
    c.execute(src, vec![]).await.expect("axe loads");
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})
                .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe runs");
    serde_json::from_value(result).unwrap()
}

/// axe on the current page state in the light and then the dark theme.
pub async fn assert_axe_clean_in_both_themes(c: &Client, what: &str) {
    for theme in ["light", "dark"] {
        js(
            c,
            &format!("document.documentElement.dataset.theme = '{theme}'"),
        )
        .await;
        let v = axe_violations(c).await;
        assert!(v.is_empty(), "axe on {what} ({theme}): {v:#?}");
    }
}

/// True when the page scrolls sideways (a reflow failure at this width).
pub async fn has_horizontal_scroll(c: &Client) -> bool {
    js(
        c,
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
    )
    .await
    .as_bool()
    .unwrap()
}

/// Polls a JS expression (async allowed) until it is truthy, up to 20 s.
pub async fn wait_js(c: &Client, expr: &str) {
    let script = format!(
        "const done = arguments[arguments.length - 1]; Promise.resolve().then(async () => ({expr})).then(v => done(!!v), () => done(false));"
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        if c.execute_async(&script, vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
        {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "never true: {expr}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Forgets what the app saved on this "device": the service worker and every
/// cache, so the next load behaves like a first visit.
pub async fn forget_device(c: &Client) {
    c.execute_async(
        "const done = arguments[0]; \
         Promise.all([\
           navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))),\
           caches.keys().then(k => Promise.all(k.map(n => caches.delete(n)))),\
         ]).then(() => done(true), () => done(false));",
        vec![],
    )
    .await
    .expect("clearing the device");
}

/// Console messages since the last call (ChromeDriver's browser log).
pub async fn console(c: &Client) -> Vec<String> {
    let v = post(c, "se/log", serde_json::json!({"type": "browser"})).await;
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|e| format!("{} {}", e["level"], e["message"]))
                .collect()
        })
        .unwrap_or_default()
}

/// Content-Security-Policy violations reported in the console.
pub async fn csp_violations(c: &Client) -> Vec<String> {
    console(c)
        .await
        .into_iter()
        .filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .collect()
}

/// Runs `source` in every new document before the page's own scripts
/// (Chrome DevTools Protocol through ChromeDriver), for fault injection.
pub async fn on_new_document(c: &Client, source: &str) {
    post(
        c,
        "goog/cdp/execute",
        serde_json::json!({
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": {"source": source}
        }),
    )
    .await;
}

/// A ChromeDriver extension command: POST `session/{id}/{path}` with a body.
#[derive(Debug)]
struct Post(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Post {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.0
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.1.to_string()))
    }
}

async fn post(c: &Client, path: &'static str, body: serde_json::Value) -> serde_json::Value {
    c.issue_cmd(Post(path, body))
        .await
        .unwrap_or_else(|e| panic!("ChromeDriver {path}: {e}"))
}

/// ChromeDriver's network emulation for the page: `offline: true` also makes
/// `navigator.onLine` false. (The service worker's own requests are not
/// affected; tests also take the server down for those.)
pub async fn set_offline(c: &Client, offline: bool) {
    let conditions = serde_json::json!({"network_conditions": {
        "offline": offline, "latency": 0,
        "download_throughput": 100_000_000, "upload_throughput": 100_000_000
    }});
    post(c, "chromium/network_conditions", conditions).await;
}

/// One page of the app in both languages, and what shows it is drawn.
pub struct PageRoute {
    pub pl: &'static str,
    pub en: &'static str,
    pub ready: &'static str,
}

/// Every page (one event stands for all event pages): the end-to-end tests'
/// one route table.
pub const ROUTES: &[PageRoute] = &[
    PageRoute {
        pl: "/",
        en: "/en",
        ready: "[data-testid=org-summary]",
    },
    PageRoute {
        pl: "/os-czasu",
        en: "/en/timeline",
        ready: "[data-testid=event]",
    },
    PageRoute {
        pl: "/os-czasu/2015-mokes",
        en: "/en/timeline/2015-mokes",
        ready: "[data-testid=event-detail]",
    },
    PageRoute {
        pl: "/finansowanie",
        en: "/en/funding",
        ready: "[data-testid=funding-table]",
    },
    PageRoute {
        pl: "/deklaracja-dostepnosci",
        en: "/en/accessibility",
        ready: "#a11y-podmiot",
    },
    PageRoute {
        pl: "/osadz",
        en: "/en/embed-code",
        ready: "[data-testid=embed-snippet]",
    },
];

/// Goes to `path` on `s` and waits until `ready` is drawn.
pub async fn open(
    c: &Client,
    s: &Server,
    path: &str,
    ready: &str,
) -> fantoccini::elements::Element {
    c.goto(&s.url(path)).await.unwrap();
    wait_for(c, ready).await
}

/// Clicks the first element matching `css` (waiting for it first).
pub async fn click(c: &Client, css: &str) {
    wait_for(c, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// An attribute of the first element matching `css`.
pub async fn attr(c: &Client, css: &str, name: &str) -> Option<String> {
    wait_for(c, css).await.attr(name).await.unwrap()
}
