//! Headless Chromium through ChromeDriver, and the ChromeDriver extensions
//! the tests use: the console, network emulation, scripts before the page's.

use crate::server::Server;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

pub const PHONE: (u32, u32) = (360, 740);
pub const DESKTOP: (u32, u32) = (1280, 900);

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

/// A WebDriver client over plain HTTP: every driver these tests start
/// listens on loopback, so no TLS stack is compiled for them.
pub(crate) fn driver_client() -> ClientBuilder<HttpConnector> {
    ClientBuilder::new(HttpConnector::new())
}

/// The built app on a fresh server, and a browser of `size` to visit it.
pub async fn app_and_browser(size: (u32, u32)) -> (Server, Client) {
    (Server::start().await, browser(size).await)
}

pub async fn browser((width, height): (u32, u32)) -> Client {
    browser_with((width, height), &[], None).await
}

/// A browser with JavaScript turned off (Chromium's content setting): what
/// a visitor without scripts, or a crawler that runs none, gets.
pub async fn browser_without_js(size: (u32, u32)) -> Client {
    let prefs = serde_json::json!({"profile.managed_default_content_settings.javascript": 2});
    browser_with(size, &[], Some(prefs)).await
}

/// A browser whose system preference (`prefers-color-scheme`) is dark.
pub async fn browser_dark(size: (u32, u32)) -> Client {
    browser_with(
        size,
        &[
            "--force-dark-mode",
            "--blink-settings=preferredColorScheme=0",
        ],
        None,
    )
    .await
}

async fn browser_with(
    (width, height): (u32, u32),
    extra: &[&str],
    prefs: Option<serde_json::Value>,
) -> Client {
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
    // Headless Chromium will not make a window narrower than 500 px: below
    // that, `--window-size` silently gives a 500 px viewport. Phone widths
    // are emulated instead, so 320 and 360 px tests really are.
    if width < 500 {
        caps["goog:chromeOptions"]["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": false}
        });
    }
    let args = caps["goog:chromeOptions"]["args"].as_array_mut().unwrap();
    args.extend(extra.iter().map(|a| serde_json::Value::from(*a)));
    if let Some(prefs) = prefs {
        caps["goog:chromeOptions"]["prefs"] = prefs;
    }
    let caps = match caps {
        serde_json::Value::Object(m) => m,
        _ => unreachable!(),
    };
    let mut last = None;
    // Chromium start-up on 2 busy cores is occasionally slow: try a few times.
    for _ in 0..3 {
        match driver_client()
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

pub(crate) async fn post(
    c: &Client,
    path: &'static str,
    body: serde_json::Value,
) -> serde_json::Value {
    c.issue_cmd(Post(path, body))
        .await
        .unwrap_or_else(|e| panic!("ChromeDriver {path}: {e}"))
}
