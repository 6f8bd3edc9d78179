//! The release tarball as an administrator meets it (DEPLOY.md): unpacked
//! into an empty folder and used with the system's PATH only, no Rust
//! toolchain, the fictional organisation's bundle published with the
//! shipped `bin/publish`, served by the shipped `deploy/serve.sh` (Debian's
//! nginx with the shipped configuration), then an editor's upload over
//! HTTP published by the shipped `publish --watch --once` (what
//! deploy/rops-publish.service runs).
//!
//! Needs the tarball: `scripts/release.sh` builds it into
//! `target/release-pkg/`; `ROPS_RELEASE=path` tests another one. Needs
//! nginx with its brotli modules and openssl (`scripts/setup.sh --browser`).
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::{basic, free_port, http, EDITOR_PASSWORD, EDITOR_USER};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const VERSION: &str = env!("CARGO_PKG_VERSION");
/// A server's PATH: nothing of this machine's Rust toolchain on it.
const SYSTEM_PATH: &str = "/usr/sbin:/usr/bin:/sbin:/bin";

fn tarball() -> PathBuf {
    std::env::var_os("ROPS_RELEASE").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
                "target/release-pkg/rops-es-{VERSION}-x86_64-linux.tar.gz"
            ))
        },
        PathBuf::from,
    )
}

/// The test's folder and the server it started; both gone when dropped,
/// also when the test fails.
struct Site {
    dir: PathBuf,
    serve: Option<Child>,
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(mut serve) = self.serve.take() {
            stop_group(&mut serve);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// SIGTERM to serve.sh's process group (the script and its nginx), which
/// stops nginx and removes serve.sh's own folder; SIGKILL if that hangs.
fn stop_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
    let _ = child.wait();
}

/// `program` with nothing of this process's environment but a server's
/// PATH (and HOME in the test's folder).
fn sys(program: impl AsRef<std::ffi::OsStr>, home: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear()
        .env("PATH", SYSTEM_PATH)
        .env("HOME", home)
        .env("LANG", "C.UTF-8");
    cmd
}

fn shown(out: &Output) -> String {
    format!(
        "{}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", shown(&out));
    out
}

/// GET `path`: the status and the body as text (nginx sends it whole:
/// no Accept-Encoding).
fn get(port: u16, path: &str) -> (u16, String) {
    let (code, _, body) = http(port, "GET", path, None, &[]);
    (code, String::from_utf8_lossy(&body).into_owned())
}

fn title(html: &str) -> &str {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    &html[start..start + html[start..].find("</title>").unwrap()]
}

fn status(port: u16) -> serde_json::Value {
    let (code, body) = get(port, "/publish-status.json");
    assert_eq!(code, 200, "/publish-status.json: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("publish-status.json: {e}: {body}"))
}

/// What INCOMING holds, nginx's unfinished bodies (hidden) aside.
fn uploads(incoming: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(incoming)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn the_release_publishes_serves_and_takes_an_editors_upload_without_a_toolchain() {
    let tarball = tarball();
    assert!(
        tarball.is_file(),
        "{}: no release tarball: run scripts/release.sh first",
        tarball.display()
    );
    let dir = std::env::temp_dir().join(format!("rops-e2e-release-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("unpacked")).unwrap();
    let mut site = Site {
        dir: dir.clone(),
        serve: None,
    };

    // No cargo, no rustc: the package must not need them.
    let which = sys("sh", &dir)
        .args(["-c", "command -v cargo || command -v rustc"])
        .output()
        .unwrap();
    assert!(
        !which.status.success(),
        "a Rust toolchain is on {SYSTEM_PATH}: {}",
        shown(&which)
    );

    // One top folder, whose files match their sums.
    run_ok(
        sys("tar", &dir)
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(dir.join("unpacked")),
    );
    let top: Vec<String> = std::fs::read_dir(dir.join("unpacked"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(top, [format!("rops-es-{VERSION}")], "the tarball's top");
    let rel = dir.join("unpacked").join(&top[0]);
    run_ok(
        sys("sha256sum", &dir)
            .args(["-c", "--quiet", "SHA256SUMS"])
            .current_dir(&rel),
    );
    for f in [
        "DEPLOY.md",
        "VERSION",
        "schema/bundle.schema.json",
        "deploy/rops-site.conf",
    ] {
        assert!(rel.join(f).is_file(), "{f} is missing");
    }
    assert!(
        rel.join("dist/app.template.html").is_file(),
        "dist/ is not a built app"
    );
    // Without content: no other centre's bundle until the first publish.
    assert!(
        !rel.join("dist/content").exists(),
        "dist/content/ is in the release"
    );

    // The example, published as DEPLOY.md says, for this test's address.
    let port = free_port();
    let site_url = format!("http://127.0.0.1:{port}/");
    let dist = rel.join("dist");
    run_ok(
        sys(rel.join("bin/publish"), &dir)
            .arg("--site-url")
            .arg(&site_url)
            .arg("example/bundle.json")
            .arg("dist")
            .current_dir(&rel),
    );
    let bundle: serde_json::Value =
        serde_json::from_slice(&std::fs::read(rel.join("example/bundle.json")).unwrap()).unwrap();
    let name = bundle["organisation"]["name"]["pl"].as_str().unwrap();
    let short_name = bundle["organisation"]["short_name"]["pl"].as_str().unwrap();
    let event = &bundle["events"][0];
    let event_id = event["id"].as_str().unwrap();
    let event_title = event["title"]["pl"].as_str().unwrap();
    let event_path = format!("/os-czasu/{event_id}/");
    assert!(
        dist.join(&event_path[1..]).join("index.html").is_file(),
        "no page for event {event_id} in dist/"
    );

    // The editors' password file, made as DEPLOY.md says.
    let hash = run_ok(sys("openssl", &dir).args(["passwd", "-5", EDITOR_PASSWORD])).stdout;
    let htpasswd = dir.join("htpasswd");
    std::fs::write(
        &htpasswd,
        format!(
            "{EDITOR_USER}:{}\n",
            String::from_utf8(hash).unwrap().trim()
        ),
    )
    .unwrap();
    let incoming = dir.join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();

    // Served by the package's own serve.sh, in a process group of its own.
    let log = std::fs::File::create(dir.join("serve.log")).unwrap();
    site.serve = Some(
        sys(rel.join("deploy/serve.sh"), &dir)
            .args(["--port", &port.to_string(), "--incoming"])
            .arg(&incoming)
            .arg("--htpasswd")
            .arg(&htpasswd)
            .arg(&dist)
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .process_group(0)
            .spawn()
            .expect("deploy/serve.sh"),
    );
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        let exited = site.serve.as_mut().unwrap().try_wait().unwrap();
        if exited.is_some() || start.elapsed() > Duration::from_secs(20) {
            panic!(
                "nginx did not start ({exited:?}): {}",
                std::fs::read_to_string(dir.join("serve.log")).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }

    // The pages hold their content in the HTML itself: no script runs here.
    let (code, home) = get(port, "/");
    assert_eq!(code, 200, "/");
    assert!(
        title(&home).contains(short_name),
        "/: <title>{}</title>",
        title(&home)
    );
    assert!(home.contains(name), "/ does not name {name}");
    let (code, page) = get(port, &event_path);
    assert_eq!(code, 200, "{event_path}");
    assert!(
        title(&page).contains(event_title) && title(&page).contains(short_name),
        "{event_path}: <title>{}</title>",
        title(&page)
    );
    for path in ["/edytor", "/edytor/"] {
        let (code, head, body) = http(port, "GET", path, None, &[]);
        let body = String::from_utf8_lossy(&body);
        match code {
            200 => assert_eq!(title(&body), "Edytor treści / Content editor", "{path}"),
            301 | 302 | 308 => assert!(head.contains("/edytor/"), "{path}: {head}"),
            _ => panic!("{path}: {code}\n{head}"),
        }
    }

    // An editor's upload: the live version in its name, as the editor sends it.
    let live = status(port)["version"]
        .as_str()
        .expect("a live version in publish-status.json")
        .to_owned();
    let new_title = format!("{event_title} – tytuł zmieniony w edytorze");
    let mut edited = bundle.clone();
    edited["events"][0]["title"]["pl"] = serde_json::Value::from(new_title.clone());
    let body = serde_json::to_vec_pretty(&edited).unwrap();
    let request = "e2e-release-1";
    let upload = format!("/upload/{request}@{live}.json");

    // A wrong password is refused, and nothing lands.
    for auth in [
        basic(EDITOR_USER, "nie-to-haslo"),
        basic("ktos-inny", EDITOR_PASSWORD),
    ] {
        let (code, head, _) = http(port, "PUT", &upload, Some(&auth), &body);
        assert_eq!(code, 401, "PUT with {auth}: {head}");
    }
    let (code, head, _) = http(port, "PUT", &upload, None, &body);
    assert_eq!(code, 401, "PUT without a password: {head}");
    assert_eq!(
        uploads(&incoming),
        Vec::<String>::new(),
        "a refused upload landed"
    );

    let auth = basic(EDITOR_USER, EDITOR_PASSWORD);
    let (code, head, _) = http(port, "PUT", &upload, Some(&auth), &body);
    assert!(matches!(code, 201 | 204), "PUT {upload}: {head}");
    assert_eq!(uploads(&incoming), [format!("{request}@{live}.json")]);

    // What rops-publish.service runs when an upload lands.
    run_ok(
        sys(rel.join("bin/publish"), &dir)
            .arg("--site-url")
            .arg(&site_url)
            .args(["--watch", "--once"])
            .arg(&incoming)
            .arg(&dist),
    );
    assert_eq!(uploads(&incoming), Vec::<String>::new(), "the upload stays");

    let (code, page) = get(port, &event_path);
    assert_eq!(code, 200, "{event_path} after the upload");
    assert!(
        title(&page).contains(&new_title),
        "{event_path} after the upload: <title>{}</title>",
        title(&page)
    );
    let status = status(port);
    let outcome = status["requests"]
        .as_array()
        .expect("requests in publish-status.json")
        .iter()
        .find(|o| o["request"] == request)
        .unwrap_or_else(|| panic!("no outcome for {request}: {status}"));
    assert_eq!(outcome["result"], "published", "{outcome}");
    let now = status["version"].as_str().unwrap();
    assert_ne!(now, live, "the live version did not change");
    assert_eq!(outcome["version"], now, "{outcome}");
    // The version it replaced is kept for rollback, and served.
    let kept = status["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["version"] == live.as_str())
        .unwrap_or_else(|| panic!("{live} is not kept: {status}"));
    let file = kept["file"].as_str().unwrap();
    let (code, old) = get(port, &format!("/{file}"));
    assert_eq!(code, 200, "{file}");
    assert!(
        old.contains(event_title) && !old.contains(&new_title),
        "{file}"
    );

    // Stopping serve.sh stops nginx.
    if let Some(mut serve) = site.serve.take() {
        stop_group(&mut serve);
    }
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "nginx still answers after serve.sh was stopped"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
