//! Sessions in the other two browser engines, for tests/e2e/engines.rs:
//! Firefox ESR (Gecko) through geckodriver, and WebKitGTK (the engine of
//! Safari) through WebKitWebDriver driving its MiniBrowser under Xvfb.
//!
//! This process starts each driver itself on a free loopback port, watched
//! by a small shell that ends it (and its Xvfb and browser) when the test
//! process is gone or when [`in_engine`] replaces a driver whose browser
//! hung; GECKODRIVER_URL / WEBKITDRIVER_URL name a driver to use instead
//! (one this process cannot replace). Each driver serves one session at a time, so sessions of one
//! engine take turns; the two engines may run side by side.

use fantoccini::Client;
use std::future::Future;
use std::time::Duration;

/// Where Debian's webkit2gtk-driver finds its browser (libwebkit2gtk-4.1-0).
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
/// Debian's firefox-esr.
const FIREFOX: &str = "/usr/bin/firefox-esr";
/// The virtual screen for WebKit: xvfb-run's default (640x480x8) is smaller
/// than the desktop window the tests ask for.
const XVFB_SCREEN: &str = "-screen 0 1920x1080x24";

/// Longest a single engine check may take before it counts as hung.
const CHECK_TIMEOUT: Duration = Duration::from_secs(240);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Firefox,
    WebKit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Firefox => "Firefox ESR",
            Engine::WebKit => "WebKitGTK",
        }
    }

    fn env_var(self) -> &'static str {
        match self {
            Engine::Firefox => "GECKODRIVER_URL",
            Engine::WebKit => "WEBKITDRIVER_URL",
        }
    }

    /// The command that runs this engine's driver on `port`.
    fn driver_command(self, port: u16) -> Vec<String> {
        match self {
            Engine::Firefox => vec!["geckodriver".into(), "--port".into(), port.to_string()],
            // MiniBrowser (GTK 3) has no headless mode: it draws on Xvfb.
            Engine::WebKit => vec![
                "xvfb-run".into(),
                "-a".into(),
                "-s".into(),
                XVFB_SCREEN.into(),
                "WebKitWebDriver".into(),
                format!("--port={port}"),
            ],
        }
    }

    fn capabilities(self) -> serde_json::Map<String, serde_json::Value> {
        let caps = match self {
            Engine::Firefox => serde_json::json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": FIREFOX,
                    "args": ["-headless"],
                    "prefs": {
                        // Service workers are on by default in Firefox ESR and
                        // geckodriver's profile leaves them on; said explicitly
                        // so the offline check never depends on a default.
                        "dom.serviceWorkers.enabled": true,
                        // Keep the browser quiet and local.
                        "browser.shell.checkDefaultBrowser": false,
                        "app.update.enabled": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false
                    },
                    "log": {"level": "error"}
                }
            }),
            Engine::WebKit => serde_json::json!({
                "webkitgtk:browserOptions": {
                    "binary": MINIBROWSER,
                    "args": ["--automation"]
                }
            }),
        };
        match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    fn lock(self) -> &'static tokio::sync::Mutex<()> {
        // tokio's Mutex works across the tests' separate runtimes.
        static FIREFOX_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        static WEBKIT_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        match self {
            Engine::Firefox => &FIREFOX_TURN,
            Engine::WebKit => &WEBKIT_TURN,
        }
    }

    /// This engine's driver: the one GECKODRIVER_URL / WEBKITDRIVER_URL
    /// names, else one this process starts (and may replace, see
    /// [`in_engine`]).
    fn driver(self) -> &'static std::sync::Mutex<Option<Driver>> {
        static FIREFOX: std::sync::Mutex<Option<Driver>> = std::sync::Mutex::new(None);
        static WEBKIT: std::sync::Mutex<Option<Driver>> = std::sync::Mutex::new(None);
        match self {
            Engine::Firefox => &FIREFOX,
            Engine::WebKit => &WEBKIT,
        }
    }

    fn driver_url(self) -> String {
        let mut d = self.driver().lock().unwrap();
        d.get_or_insert_with(|| match std::env::var(self.env_var()) {
            Ok(url) => Driver { url, own: None },
            Err(_) => start_driver(self),
        })
        .url
        .clone()
    }

    /// Ends a driver this process started, so the next session gets a new
    /// one: a driver whose browser hung keeps the hung session and refuses
    /// every later one ("Maximum number of active sessions"). Whether there
    /// was one to end (a driver from the environment is not ours to end).
    fn replace_driver(self) -> bool {
        let mut d = self.driver().lock().unwrap();
        match d.as_mut().and_then(|d| d.own.take()) {
            Some(watcher) => {
                end_watcher(watcher);
                *d = None;
                true
            }
            None => false,
        }
    }
}

/// Ends a driver through its watcher, which ends the driver's process
/// group on TERM.
fn end_watcher(mut watcher: std::process::Child) {
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &watcher.id().to_string()])
        .status();
    let _ = watcher.wait();
}

/// A running driver.
struct Driver {
    url: String,
    /// The shell watching a driver this process started.
    own: Option<std::process::Child>,
}

/// Starts the engine's driver for the life of this test process: a watcher
/// shell runs it in its own process group and kills that group when the
/// test process (the shell's parent) has exited.
fn start_driver(engine: Engine) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = std::env::temp_dir().join(format!(
        "rops-{}-{}.log",
        match engine {
            Engine::Firefox => "geckodriver",
            Engine::WebKit => "webkitdriver",
        },
        std::process::id()
    ));
    let script = "setsid \"$@\" & d=$!; \
                   trap 'kill -- \"-$d\" 2>/dev/null; exit 0' TERM; \
                   while kill -0 \"$PPID\" 2>/dev/null && kill -0 \"$d\" 2>/dev/null; do sleep 1; done; \
                   kill -- \"-$d\" 2>/dev/null";
    let out = std::fs::File::create(&log).unwrap();
    let watcher = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .args(engine.driver_command(port))
        .stdin(std::process::Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the {} driver: {e}", engine.name()));
    // Kept for the life of the test process (the watcher outlives it just
    // long enough to stop the driver), or until replace_driver ends it.
    for _ in 0..150 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Driver {
                url: format!("http://127.0.0.1:{port}"),
                own: Some(watcher),
            };
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    end_watcher(watcher);
    panic!(
        "the {} driver did not listen on port {port} within 15 s (is it installed? scripts/setup.sh --browser); log: {}",
        engine.name(),
        log.display()
    );
}

async fn connect(engine: Engine, (width, height): (u32, u32)) -> Client {
    let mut last = None;
    // Browser start-up on 2 busy cores is occasionally slow: try a few times.
    for _ in 0..3 {
        match crate::browser::driver_client()
            .capabilities(engine.capabilities())
            .connect(&engine.driver_url())
            .await
        {
            Ok(c) => {
                c.set_window_rect(0, 0, width, height)
                    .await
                    .unwrap_or_else(|e| panic!("{}: cannot size the window: {e}", engine.name()));
                return c;
            }
            Err(e) => {
                last = Some(e);
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
    panic!(
        "cannot start {} through {}: {last:?}",
        engine.name(),
        engine.driver_url()
    );
}

/// Runs `check` in a fresh session of `engine` (a fresh profile: no service
/// worker, no caches, no storage from earlier checks), then ends the session
/// whether the check passed, failed or hung, so the next check of the same
/// engine finds the driver free. A failure is re-raised with its message.
///
/// A check that hangs (the browser stops answering, which WebKitGTK under
/// Xvfb does now and then on 2 busy cores) leaves its session in the driver:
/// the driver is ended and a new one started, and the check runs once more
/// on it, saying so. A second hang, like any failure, fails the test.
pub async fn in_engine<F, Fut>(engine: Engine, size: (u32, u32), check: F)
where
    F: Fn(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _turn = engine.lock().lock().await;
    for attempt in 1..=2 {
        let c = connect(engine, size).await;
        let started = std::time::Instant::now();
        let task = tokio::spawn(check(c.clone()));
        let abort = task.abort_handle();
        let outcome = tokio::time::timeout(CHECK_TIMEOUT, task).await;
        if outcome.is_err() {
            abort.abort();
        }
        let closed = tokio::time::timeout(Duration::from_secs(30), c.close()).await;
        match outcome {
            Ok(Ok(())) => {
                eprintln!("{}: passed in {:.1?}", engine.name(), started.elapsed());
                return;
            }
            Ok(Err(e)) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Ok(Err(e)) => panic!("{}: the check did not finish: {e}", engine.name()),
            Err(_) => {
                let replaced = engine.replace_driver();
                if attempt == 1 && replaced {
                    eprintln!(
                        "{}: the check hung for more than {CHECK_TIMEOUT:?} (session closed: {}); \
                         the driver was replaced and the check runs once more",
                        engine.name(),
                        matches!(closed, Ok(Ok(_)))
                    );
                    continue;
                }
                panic!(
                    "{}: the check hung for more than {CHECK_TIMEOUT:?}",
                    engine.name()
                )
            }
        }
    }
}
