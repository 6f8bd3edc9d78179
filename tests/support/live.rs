//! A live site as a server runs it: a published `dist/` served by
//! `deploy/serve.sh` (Debian's nginx with deploy/'s configuration: the app,
//! the editor's WebDAV upload location behind auth_basic) and `publish
//! --watch` publishing what the editor uploads (e2e::live_publish). And a
//! plain HTTP/1.1 client for what a browser cannot send (a body cut off
//! midway, two uploads at once).

use crate::nginx::copy_dir;
use crate::server::{repo_dir, Site};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The editors' user on test sites, and a password with letters beyond
/// ASCII (the editor must send it as UTF-8, as nginx compares bytes).
pub const EDITOR_USER: &str = "redakcja";
pub const EDITOR_PASSWORD: &str = "zażółć-gęślą-1";

/// A live site; everything stopped and removed when dropped.
pub struct Live {
    pub dir: PathBuf,
    pub port: u16,
    serve: Option<Child>,
    watcher: Option<Child>,
    publish: PathBuf,
}

impl Site for Live {
    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// A loopback port free at the time of asking.
/// A server started by `spawn(port)` (serve.sh and its nginx), once it
/// answers on `port` and still runs half a second later. The port was free
/// when picked, but another test may take it before nginx binds it: nginx
/// then exits, and what answers is that test's server; such a start is
/// tried again on another port (written back to `port`). `log` says why a
/// start failed.
pub fn start_serving(
    port: &mut u16,
    mut spawn: impl FnMut(u16) -> Child,
    log: impl Fn() -> String,
) -> Child {
    for attempt in 0..5 {
        if attempt > 0 {
            *port = free_port();
        }
        let mut child = spawn(*port);
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", *port)).is_err()
            && child.try_wait().unwrap().is_none()
        {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "nginx did not start: {}",
                log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(500));
        match child.try_wait().unwrap() {
            None => return child,
            Some(status) => eprintln!("port {port} was taken ({status}); another one: {}", log()),
        }
    }
    panic!("deploy/serve.sh did not start in five attempts");
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Live {
    /// A copy of `dist` (already published), served and watched. `publish`
    /// is the publisher binary ([`publish_exe`]).
    pub fn start(dist: &Path, publish: &Path) -> Live {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("rops-live-{port}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("incoming")).unwrap();
        copy_dir(dist, &dir.join("dist"));
        let hash = Command::new("openssl")
            .args(["passwd", "-5", EDITOR_PASSWORD])
            .output()
            .expect("openssl (scripts/setup.sh --browser installs it)");
        assert!(hash.status.success());
        std::fs::write(
            dir.join("htpasswd"),
            format!(
                "{EDITOR_USER}:{}",
                String::from_utf8(hash.stdout).unwrap().trim()
            ) + "\n",
        )
        .unwrap();
        let mut live = Live {
            dir,
            port,
            serve: None,
            watcher: None,
            publish: publish.to_owned(),
        };
        live.serve();
        live.watch();
        live
    }

    pub fn dist(&self) -> PathBuf {
        self.dir.join("dist")
    }

    pub fn incoming(&self) -> PathBuf {
        self.dir.join("incoming")
    }

    /// `deploy/serve.sh`, in a process group of its own (nginx included),
    /// on `self.port`, or on another free port if that one was taken
    /// meanwhile (another test's server, a browser's): a port that answers
    /// is ours only if our nginx is still running a moment later.
    pub fn serve(&mut self) {
        let (incoming, htpasswd, dist) = (self.incoming(), self.dir.join("htpasswd"), self.dist());
        let child = start_serving(
            &mut self.port,
            |port| {
                Command::new(repo_dir().join("deploy/serve.sh"))
                    .args(["--port", &port.to_string(), "--incoming"])
                    .arg(&incoming)
                    .arg("--htpasswd")
                    .arg(&htpasswd)
                    .arg(&dist)
                    .stdout(Stdio::null())
                    .process_group(0)
                    .spawn()
                    .expect("deploy/serve.sh")
            },
            String::new,
        );
        self.serve = Some(child);
    }

    /// Stops nginx: the site is unreachable.
    pub fn stop_serving(&mut self) {
        if let Some(mut c) = self.serve.take() {
            stop_group(&mut c);
        }
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(start.elapsed() < Duration::from_secs(10), "nginx stays up");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn watch(&mut self) {
        let child = Command::new(&self.publish)
            .arg("--site-url")
            .arg(self.url("/"))
            .arg("--watch")
            .arg(self.incoming())
            .arg(self.dist())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .expect("publish --watch");
        self.watcher = Some(child);
    }

    /// Publishes the site's own bundle once, as the watcher would, for this
    /// site's address: the page store beside the copy (`.dist.pages`) is
    /// then warm, as on a deployment that has published before. A copy of
    /// `dist/` has none, and its first publish renders and compresses
    /// every page (~5 s of CPU): a test that times an edit going live
    /// measures the edit, not a site's first publish.
    pub fn warm(&self) {
        let dist = self.dist();
        let status = Command::new(&self.publish)
            .arg("--site-url")
            .arg(self.url("/"))
            .arg(dist.join("content/bundle.json"))
            .arg(&dist)
            .stdout(Stdio::null())
            .status()
            .expect("publish");
        assert!(status.success(), "publish of the site's own bundle");
    }

    /// The status file as the site serves it.
    pub fn status(&self) -> serde_json::Value {
        let (code, _, body) = http(self.port, "GET", "/publish-status.json", None, &[]);
        assert_eq!(code, 200, "publish-status.json");
        serde_json::from_slice(&body).unwrap()
    }

    /// The live version.
    pub fn version(&self) -> String {
        self.status()["version"].as_str().unwrap().to_owned()
    }

    /// Waits until the status has an outcome for `request`, and returns it.
    pub fn outcome(&self, request: &str) -> serde_json::Value {
        let start = Instant::now();
        loop {
            let s = self.status();
            if let Some(o) = outcome_of(&s, request) {
                return o;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no outcome for {request}: {s}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// What INCOMING holds (uploads not yet handled), nginx's temporary
    /// folder aside.
    pub fn uploads(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.incoming())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".partial")
            .collect();
        v.sort();
        v
    }
}

/// DIST's `publish-status.json`, read from the disk.
pub fn status_in(dist: &Path) -> serde_json::Value {
    let path = dist.join("publish-status.json");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The outcome of upload `request` in `status`, if it has one.
pub fn outcome_of(status: &serde_json::Value, request: &str) -> Option<serde_json::Value> {
    status["requests"]
        .as_array()?
        .iter()
        .find(|o| o["request"] == request)
        .cloned()
}

/// SIGTERM to the child's whole process group (serve.sh and its nginx).
fn stop_group(c: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", c.id())])
        .status();
    let _ = c.wait();
}

impl Drop for Live {
    fn drop(&mut self) {
        for c in [self.serve.take(), self.watcher.take()]
            .iter_mut()
            .flatten()
        {
            stop_group(c);
        }
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// `Authorization: Basic …` for `user:password` (UTF-8).
pub fn basic(user: &str, password: &str) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let data = format!("{user}:{password}").into_bytes();
    let mut s = String::new();
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            s.push(if i <= c.len() {
                A[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    format!("Basic {s}")
}

/// One HTTP/1.1 request to 127.0.0.1:`port`: (status, head, body). The
/// body of a chunked answer is left as it came (the tests read JSON and
/// HTML that nginx sends whole, with no Accept-Encoding).
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    auth: Option<&str>,
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let auth = auth
        .map(|a| format!("Authorization: {a}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    // A refusal may come before the whole body is sent (413), and nginx
    // then closes: what could not be written is no error here.
    let _ = s.write_all(body);
    let mut buf = vec![];
    let _ = s.read_to_end(&mut buf);
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer to {method} {path}"));
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap();
    let mut body = buf[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = crate::nginx::dechunk(&body);
    }
    (code, head, body)
}

/// Starts a PUT that announces `announced` bytes, sends `sent` of them and
/// hangs up: a connection lost mid-upload.
pub fn put_cut_off(port: u16, path: &str, auth: &str, announced: usize, sent: usize) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let head = format!(
        "PUT {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {auth}\r\nContent-Length: {announced}\r\n\r\n"
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&vec![b' '; sent]).unwrap();
    s.flush().unwrap();
    drop(s);
}
