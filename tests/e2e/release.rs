//! The release tarball as an administrator meets it (DEPLOY.md): unpacked
//! into an empty folder and used with the system's PATH only, no Rust
//! toolchain, the fictional organisation's bundle published with the
//! shipped `bin/publish`, served by the shipped `deploy/serve.sh` (Debian's
//! nginx with the shipped configuration), then an editor's upload over
//! HTTP published by the shipped `publish --watch --once` (what
//! deploy/rops-publish.service runs).
//!
//! Needs the tarball: `scripts/release.sh` builds it into
//! `target/release-pkg/`; `ROPS_RELEASE=path` tests another one. It must
//! be signed (`ROPS_SIGNING_KEY`), and `ROPS_RELEASE_PUBKEY` name the
//! public key: scripts/test.sh makes a pair for its run. Needs nginx with
//! its brotli modules, openssl and minisign (`scripts/setup.sh --browser`).

use rops_e2e::{
    basic, free_port, http, outcome_of, start_serving, status_in, EDITOR_PASSWORD, EDITOR_USER,
};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
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

impl Site {
    /// Serves `dist` with the package's `serve.sh`, in a process group of
    /// its own (nginx included), with the editors' upload location; waits
    /// until it answers.
    fn serve(
        &mut self,
        serve_sh: &Path,
        port: &mut u16,
        incoming: &Path,
        htpasswd: &Path,
        dist: &Path,
    ) {
        let log_file = self.dir.join("serve.log");
        let child = start_serving(
            port,
            |port| {
                let log = std::fs::File::create(&log_file).unwrap();
                sys(serve_sh, &self.dir)
                    .args(["--port", &port.to_string(), "--incoming"])
                    .arg(incoming)
                    .arg("--htpasswd")
                    .arg(htpasswd)
                    .arg(dist)
                    .stdout(Stdio::from(log.try_clone().unwrap()))
                    .stderr(Stdio::from(log))
                    .process_group(0)
                    .spawn()
                    .expect("deploy/serve.sh")
            },
            || std::fs::read_to_string(&log_file).unwrap_or_default(),
        );
        self.serve = Some(child);
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

    // Whose it is: the signature beside the tarball, checked as DEPLOY.md's
    // step 1 does, against the public key of the pair that signed it
    // (scripts/test.sh makes one for the run); a changed tarball fails.
    let pubkey = std::env::var_os("ROPS_RELEASE_PUBKEY").expect(
        "ROPS_RELEASE_PUBKEY: the public key the package was signed with \
         (scripts/test.sh makes the pair and has scripts/release.sh sign)",
    );
    let mut signature = tarball.clone().into_os_string();
    signature.push(".minisig");
    let verify = |file: &Path| {
        sys("minisign", &dir)
            .arg("-V")
            .arg("-p")
            .arg(&pubkey)
            .arg("-x")
            .arg(&signature)
            .arg("-m")
            .arg(file)
            .output()
            .unwrap()
    };
    let checked = verify(&tarball);
    assert!(
        checked.status.success(),
        "the signature: {}",
        shown(&checked)
    );
    let mut bytes = std::fs::read(&tarball).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    let changed = dir.join("changed.tar.gz");
    std::fs::write(&changed, bytes).unwrap();
    let refused = verify(&changed);
    assert!(
        !refused.status.success(),
        "a changed tarball passed its signature check"
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
    let mut port = free_port();
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
    site.serve(
        &rel.join("deploy/serve.sh"),
        &mut port,
        &incoming,
        &htpasswd,
        &dist,
    );

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
    // For the editors only (an old bundle may hold what was taken down).
    assert_eq!(get(port, &format!("/{file}")).0, 401, "{file}");
    let (code, _, old) = http(port, "GET", &format!("/{file}"), Some(&auth), &[]);
    let old = String::from_utf8_lossy(&old);
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

/// The unit's service user in this test: not root, as on a server.
const NOBODY: u32 = 65534;

/// `program` as the service user.
fn as_service(program: impl AsRef<std::ffi::OsStr>, home: &Path) -> Command {
    let mut cmd = sys(program, home);
    cmd.uid(NOBODY).gid(NOBODY);
    cmd
}

/// The outcome of `request` in the site's status, read from the disk.
fn outcome_in(dist: &Path, request: &str) -> serde_json::Value {
    let status = status_in(dist);
    outcome_of(&status, request).unwrap_or_else(|| panic!("no outcome for {request}: {status}"))
}

/// deploy/upgrade.sh installs a release over a running one: five kept
/// versions, a media file the administrator put in for an upload, the
/// status, the password file and a waiting upload all carried over, the
/// site answering 200 all the while (no 404 between two `mv`s), and then
/// publishing and rolling back work as before.
#[test]
fn the_upgrade_command_installs_a_release_over_a_running_one_keeping_everything() {
    let tarball = tarball();
    assert!(
        tarball.is_file(),
        "{}: run scripts/release.sh first",
        tarball.display()
    );
    let dir = std::env::temp_dir().join(format!("rops-e2e-upgrade-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut site = Site {
        dir: dir.clone(),
        serve: None,
    };
    // Release N (installed) and N+1 (the same package: what matters is the
    // procedure), each unpacked into a folder of its own.
    for which in ["n", "n1"] {
        std::fs::create_dir_all(dir.join(which)).unwrap();
        run_ok(
            sys("tar", &dir)
                .arg("-xzf")
                .arg(&tarball)
                .arg("-C")
                .arg(dir.join(which)),
        );
    }
    let old = dir.join("n").join(format!("rops-es-{VERSION}"));
    let new = dir.join("n1").join(format!("rops-es-{VERSION}"));
    // /srv/rops as DEPLOY.md lays it out: sticky, the site the service
    // user's, the program and configuration root's.
    let srv = dir.join("srv");
    std::fs::create_dir_all(&srv).unwrap();
    for part in ["bin", "deploy", "schema", "example", "dist"] {
        run_ok(
            sys("cp", &dir)
                .arg("-R")
                .arg(old.join(part))
                .arg(srv.join(part)),
        );
    }
    run_ok(
        sys("chown", &dir)
            .args(["-R", &format!("{NOBODY}:{NOBODY}")])
            .arg(srv.join("dist")),
    );
    std::fs::set_permissions(&srv, std::os::unix::fs::PermissionsExt::from_mode(0o1777)).unwrap();
    // (the test's own folder must let the service user through)
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let incoming = srv.join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    run_ok(
        sys("chown", &dir)
            .arg(format!("{NOBODY}:{NOBODY}"))
            .arg(&incoming),
    );
    let dist = srv.join("dist");
    let mut port = free_port();
    let site_url = format!("http://127.0.0.1:{port}/");

    // Five versions: the example, then four editors' uploads.
    run_ok(
        as_service(srv.join("bin/publish"), &dir)
            .arg("--site-url")
            .arg(&site_url)
            .arg("example/bundle.json")
            .arg("dist")
            .current_dir(&srv),
    );
    let bundle: serde_json::Value =
        serde_json::from_slice(&std::fs::read(srv.join("example/bundle.json")).unwrap()).unwrap();
    let title = bundle["events"][0]["title"]["pl"]
        .as_str()
        .unwrap()
        .to_owned();
    let live_of =
        |dist: &Path| -> String { status_in(dist)["version"].as_str().unwrap().to_owned() };
    let watch_once = |bin: &Path| {
        run_ok(
            as_service(bin, &dir)
                .arg("--site-url")
                .arg(&site_url)
                .args(["--watch", "--once"])
                .arg(&incoming)
                .arg(&dist),
        )
    };
    // An uploaded media file: the easy-to-read picture, replaced by the
    // administrator in the upload folder for the fourth version.
    let picture = b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><circle cx=\"4\" cy=\"4\" r=\"3\" fill=\"#0b5394\"/></svg>\n";
    for n in 2..=5 {
        let mut edited = bundle.clone();
        edited["events"][0]["title"]["pl"] = format!("{title} – wersja {n}").into();
        if n == 4 {
            std::fs::write(incoming.join("etr-pomoc.svg"), picture).unwrap();
        }
        let upload = incoming.join(format!("v{n}@{}.json", live_of(&dist)));
        std::fs::write(&upload, serde_json::to_vec_pretty(&edited).unwrap()).unwrap();
        watch_once(&srv.join("bin/publish"));
        assert_eq!(outcome_in(&dist, &format!("v{n}"))["result"], "published");
        if n == 4 {
            // Published and kept with the version: the watcher removed it.
            assert!(!incoming.join("etr-pomoc.svg").exists());
        }
    }
    let before = status_in(&dist);
    let kept_before: Vec<String> = before["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kept_before.len(), 5, "{before}");
    assert_eq!(
        std::fs::read(dist.join("content/etr-pomoc.svg")).unwrap(),
        picture
    );

    // Served, with a password file and an upload waiting (an editor who
    // published while the administrator upgraded).
    let hash = run_ok(sys("openssl", &dir).args(["passwd", "-5", EDITOR_PASSWORD])).stdout;
    let htpasswd = srv.join("htpasswd");
    let users = format!(
        "{EDITOR_USER}:{}\n",
        String::from_utf8(hash).unwrap().trim()
    );
    std::fs::write(&htpasswd, &users).unwrap();
    site.serve(
        &srv.join("deploy/serve.sh"),
        &mut port,
        &incoming,
        &htpasswd,
        &dist,
    );
    // A version is named by its second and its content: the upgrade's
    // republish of the same content must fall in a later second to be a
    // version of its own (as it always does on a server).
    std::thread::sleep(Duration::from_millis(1100));
    let waiting = incoming.join(format!("waiting@{}.json", live_of(&dist)));
    std::fs::write(&waiting, serde_json::to_vec(&bundle).unwrap()).unwrap();

    // The site is asked for a page every few milliseconds throughout.
    let stop = Arc::new(AtomicBool::new(false));
    let poller = std::thread::spawn({
        let stop = stop.clone();
        move || {
            let mut answers = std::collections::BTreeMap::<u16, usize>::new();
            while !stop.load(Ordering::Relaxed) {
                for path in ["/", "/os-czasu"] {
                    *answers
                        .entry(http(port, "GET", path, None, &[]).0)
                        .or_default() += 1;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            answers
        }
    });
    let upgrade = run_ok(
        sys(new.join("deploy/upgrade.sh"), &dir)
            .args(["--user", "nobody", "--no-systemd", "--site-url", &site_url])
            .arg(&srv),
    );
    stop.store(true, Ordering::Relaxed);
    let answers = poller.join().unwrap();
    assert_eq!(
        answers.keys().copied().collect::<Vec<u16>>(),
        [200],
        "answers during the upgrade: {answers:?}\n{}",
        shown(&upgrade)
    );
    assert!(answers[&200] > 4, "{answers:?}");

    // Everything carried over: the kept versions (and one more, the
    // upgrade's own), the uploaded picture, the outcomes, the passwords,
    // the waiting upload; the new program in place.
    let after = status_in(&dist);
    let kept_after: Vec<String> = after["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kept_after.len(), 6, "{after}");
    assert_eq!(&kept_after[1..], &kept_before[..], "{after}");
    for v in &kept_after {
        assert!(
            dist.join(format!("content/versions/{v}.json")).is_file(),
            "{v}"
        );
    }
    assert_eq!(after["requests"].as_array().unwrap().len(), 4, "{after}");
    assert_eq!(
        std::fs::read(dist.join("content/etr-pomoc.svg")).unwrap(),
        picture
    );
    assert_eq!(std::fs::read_to_string(&htpasswd).unwrap(), users);
    assert!(waiting.is_file(), "the waiting upload was touched");
    assert_eq!(
        std::fs::read(srv.join("bin/publish")).unwrap(),
        std::fs::read(new.join("bin/publish")).unwrap()
    );
    let leftovers: Vec<String> = std::fs::read_dir(&srv)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The lock and the page store (crates/publish/src/store.rs) are publish's own.
        .filter(|n| n.starts_with('.') && !n.ends_with(".publish.lock") && n != ".dist.pages")
        .collect();
    assert_eq!(leftovers, Vec::<String>::new(), "left beside dist/");
    let (code, page) = get(port, "/os-czasu");
    assert_eq!(code, 200);
    assert!(
        page.contains(&format!("{title} – wersja 5")),
        "the live content changed"
    );

    // Publishing goes on: the waiting upload, made before the upgrade, is
    // told it is stale; a new one is published; an old version rolls back.
    watch_once(&srv.join("bin/publish"));
    assert_eq!(outcome_in(&dist, "waiting")["result"], "stale");
    let mut edited = bundle.clone();
    edited["events"][0]["title"]["pl"] = format!("{title} – po aktualizacji").into();
    std::fs::write(
        incoming.join(format!("after@{}.json", live_of(&dist))),
        serde_json::to_vec(&edited).unwrap(),
    )
    .unwrap();
    watch_once(&srv.join("bin/publish"));
    assert_eq!(outcome_in(&dist, "after")["result"], "published");
    let second = &kept_before[kept_before.len() - 2];
    let old_bundle = std::fs::read(dist.join(format!("content/versions/{second}.json"))).unwrap();
    std::fs::write(
        incoming.join(format!("back@{}.json", live_of(&dist))),
        &old_bundle,
    )
    .unwrap();
    watch_once(&srv.join("bin/publish"));
    assert_eq!(outcome_in(&dist, "back")["result"], "published");
    let (_, page) = get(port, "/os-czasu");
    assert!(
        page.contains(&format!("{title} – wersja 2")),
        "the rollback is not live"
    );
    // …with the picture version 2 had, before the administrator replaced
    // it for version 4: kept with the versions through the upgrade.
    let original =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fictional/etr-pomoc.svg");
    assert_eq!(
        std::fs::read(dist.join("content/etr-pomoc.svg")).unwrap(),
        std::fs::read(original).unwrap()
    );
}
