//! `publish` run twice at once and killed at random moments (#23 item 5):
//! DIST must be, after anything, exactly the tree of one undisturbed run,
//! never a mix of two and never missing.
//!
//! Native and quick: the binary `cargo test` builds (`CARGO_BIN_EXE_publish`)
//! on a built app as small as publish accepts, in a folder of each test's
//! own. The tests run one at a time (they time runs and kill them).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::os::unix::io::AsRawFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

const PUBLISH: &str = env!("CARGO_BIN_EXE_publish");

/// One day for every run: the sitemap's dates are then the same whichever
/// tree a run starts from, so each bundle has exactly one expected tree.
const EPOCH: &str = "1795651200";

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

// ------------------------------------------------------------ the folders

/// A folder of one test's own, holding `site` (DIST), the two bundles `a/`
/// and `b/`, and whatever publish puts beside DIST. Removed when the test
/// passes, kept (for a look) when it fails.
struct Work {
    dir: PathBuf,
}

impl Work {
    fn new(name: &str) -> Work {
        let dir =
            std::env::temp_dir().join(format!("rops-publish-kill-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        built_app(&dir.join("site"));
        bundles(&dir);
        Work { dir }
    }

    fn dist(&self) -> PathBuf {
        self.dir.join("site")
    }

    fn bundle(&self, which: Which) -> PathBuf {
        self.dir.join(which.dir()).join("bundle.json")
    }

    fn lock_file(&self) -> PathBuf {
        self.dir.join(".site.publish.lock")
    }

    /// What is beside DIST, other than the bundles' folders.
    fn beside(&self) -> BTreeSet<String> {
        std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            // The page store is publish's own, kept between runs; what
            // it holds is checked by `store_holds_only_the_live_pages`.
            .filter(|n| !matches!(n.as_str(), "site" | "a" | "b" | ".site.pages"))
            .collect()
    }

    /// The page store holds what the live site names, and nothing a
    /// killed run left: every page of DIST's page list, and no other.
    fn store_holds_only_the_live_pages(&self) {
        let list = std::fs::read_to_string(self.dist().join(".publish-pages")).unwrap();
        let live: BTreeSet<String> = list
            .lines()
            .filter_map(|l| l.strip_prefix("page\t"))
            .map(|l| l.rsplit('\t').next().unwrap().to_owned())
            .collect();
        let kept: BTreeSet<String> = std::fs::read_dir(self.dir.join(".site.pages/p"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            kept, live,
            "the page store holds other pages than the live site's"
        );
    }

    /// publish's side folders beside DIST.
    fn side_folders(&self) -> BTreeSet<String> {
        self.beside()
            .into_iter()
            .filter(|n| n.starts_with(".site.publish-"))
            .collect()
    }

    /// `publish --site-url https://example.org/ekonomia/ BUNDLE DIST`.
    fn command(&self, which: Which) -> Command {
        let mut cmd = self.without_address(which);
        cmd.arg("--site-url").arg("https://example.org/ekonomia/");
        cmd
    }

    /// `publish BUNDLE DIST`, `ROPS_SITE_URL` unset.
    fn without_address(&self, which: Which) -> Command {
        let mut cmd = Command::new(PUBLISH);
        cmd.arg(self.bundle(which))
            .arg(self.dist())
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env_remove("ROPS_SITE_URL");
        cmd
    }

    /// One undisturbed run, which must publish.
    fn publish(&self, which: Which) -> Output {
        let out = self.command(which).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
        out
    }
}

impl Drop for Work {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn write(dir: &Path, rel: &str, text: &str) {
    let to = dir.join(rel);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::write(to, text).unwrap();
}

/// A built app as small as publish accepts: the template with every marker
/// `Template::read` looks for and the stylesheet it links, a worker with
/// the two lines `stage` stamps, the manifest `manifest()` rewrites, and the
/// icon. Small on purpose: a run takes about a second in a debug build
/// (brotli's best quality on each page dominates, and the app's real
/// stylesheet, inlined in every page, would make it several).
fn built_app(dist: &Path) {
    write(
        dist,
        "app.template.html",
        r#"<!doctype html>
<html lang="pl">
<head>
  <meta charset="utf-8">
  <title></title>
  <base href="/ekonomia/">
  <!--rops:meta-->
  <link rel="preload" href="content/bundle.json" as="fetch" crossorigin>
  <link rel="stylesheet" href="/ekonomia/style-0123456789abcdef.css">
  <link rel="icon" href="icons/icon.svg" type="image/svg+xml">
  <script type="module" src="/ekonomia/boot.js"></script>
</head>
<body>
  <div id="boot">
    <header><a class="site-header__name" href="./" data-boot="org"></a></header>
    <main><h1 data-boot="title"></h1></main>
  </div><!--/boot-->
</body>
</html>
"#,
    );
    write(
        dist,
        "style-0123456789abcdef.css",
        "body { margin: 0; font: 16px/1.5 sans-serif; }\n",
    );
    write(
        dist,
        "sw.js",
        "// The worker (its two first lines are stamped by publish).\n\
         const VERSION = \"dev\";\n\
         const PRECACHE = [];\n\
         self.addEventListener(\"install\", () => self.skipWaiting());\n",
    );
    write(
        dist,
        "manifest.webmanifest",
        r##"{
  "name": "",
  "short_name": "",
  "description": "",
  "lang": "pl",
  "start_url": "./",
  "display": "standalone",
  "theme_color": "#0b5394",
  "icons": [{ "src": "icons/icon.svg", "sizes": "any", "type": "image/svg+xml" }]
}
"##,
    );
    write(
        dist,
        "icons/icon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\" fill=\"#0b5394\"/></svg>\n",
    );
    write(dist, "boot.js", "// the loader\n");
}

/// Which of the two bundles.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Which {
    A,
    B,
}

impl Which {
    fn dir(self) -> &'static str {
        match self {
            Which::A => "a",
            Which::B => "b",
        }
    }

    fn other(self) -> Which {
        match self {
            Which::A => Which::B,
            Which::B => Which::A,
        }
    }
}

/// The fictional bundle without its German (Polish and English, as the
/// page counts below assume): the store is under test, not the languages.
fn two_languages(b: &mut serde_json::Value) {
    use rops_app::content::{fields, Lang};
    fields::remove_language(b, Lang::De);
    assert_eq!(fields::languages_of(b), [Lang::Pl, Lang::En]);
}

/// `a/`: the fictional organisation's bundle with its first two events
/// only (fewer pages, a quicker run: more kills in the same time); `b/`:
/// the same with the first event retitled, so that its pages differ too.
fn bundles(work: &Path) {
    let fixture =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/fictional");
    let text = std::fs::read_to_string(fixture.join("bundle.json")).unwrap();
    let mut a: serde_json::Value = serde_json::from_str(&text).unwrap();
    a["events"].as_array_mut().unwrap().truncate(2);
    // Polish and English only: what is under test is the publish, not
    // the languages, and fewer pages make more kills in the same time.
    two_languages(&mut a);
    let mut b = a.clone();
    let title = &mut b["events"][0]["title"]["pl"];
    let retitled = format!("{} – poprawione", title.as_str().unwrap());
    *title = retitled.into();
    for (dir, bundle) in [("a", a), ("b", b)] {
        // Every file the bundle names (logo, pictures, video, captions,
        // strips) lies beside it: publish refuses a bundle missing one.
        rops_e2e::copy_dir(&fixture, &work.join(dir));
        let text = serde_json::to_string_pretty(&bundle).unwrap();
        write(&work.join(dir), "bundle.json", &text);
    }
}

// ------------------------------------------------------------ the trees

/// A tree: every file and folder below DIST, by relative path, with its
/// content's sha256 (`/` for a folder). What grows with every run is
/// summed up by what the tree must agree on: the kept versions
/// (`content/versions/`) are left out, and the status stands for the
/// bundle it says is live, which must be this tree's own.
type Tree = BTreeMap<String, String>;

/// DIST's tree, or `None` if DIST does not exist.
fn tree(dist: &Path) -> Option<Tree> {
    fn walk(root: &Path, dir: &Path, out: &mut Tree) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if rel == "content/versions" {
                continue;
            }
            if rel == "publish-status.json" {
                let status: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap();
                let live = &status["versions"][0];
                assert_eq!(status["version"], live["version"], "{status}");
                let bundle = std::fs::read(root.join(live["file"].as_str().unwrap()))
                    .expect("the live version's bundle is kept");
                use sha2::Digest;
                let hash = sha2::Sha256::digest(bundle);
                let hash: String = hash.iter().map(|b| format!("{b:02x}")).collect();
                out.insert(rel, format!("live bundle {hash}"));
            } else if e.file_type().unwrap().is_dir() {
                out.insert(rel, "/".into());
                walk(root, &e.path(), out);
            } else {
                use sha2::Digest;
                let hash = sha2::Sha256::digest(std::fs::read(e.path()).unwrap());
                out.insert(rel, hash.iter().map(|b| format!("{b:02x}")).collect());
            }
        }
    }
    if !std::fs::symlink_metadata(dist).ok()?.is_dir() {
        panic!("{} is not a directory", dist.display());
    }
    let mut out = Tree::new();
    walk(dist, dist, &mut out);
    Some(out)
}

/// How two trees differ, briefly.
fn difference(got: &Tree, want: &Tree) -> String {
    let keys: BTreeSet<&String> = got.keys().chain(want.keys()).collect();
    let diff: Vec<String> = keys
        .into_iter()
        .filter(|k| got.get(*k) != want.get(*k))
        .take(12)
        .map(|k| match (got.get(k), want.get(k)) {
            (Some(_), None) => format!("  + {k}"),
            (None, Some(_)) => format!("  - {k}"),
            _ => format!("  ~ {k}"),
        })
        .collect();
    diff.join("\n")
}

/// The two expected trees, from undisturbed runs: A, B, then A again,
/// which must give A's tree again (else "the old tree" would depend on
/// history and the kill test could not tell whole from mixed). And how
/// long a run takes (the median of the three).
fn expected_trees(work: &Work) -> (BTreeMap<&'static str, Tree>, Duration) {
    let mut times = vec![];
    let mut trees = BTreeMap::new();
    for which in [Which::A, Which::B, Which::A] {
        let start = Instant::now();
        work.publish(which);
        times.push(start.elapsed());
        let t = tree(&work.dist()).expect("DIST after an undisturbed run");
        if let Some(before) = trees.get(which.dir()) {
            assert!(
                before == &t,
                "publishing {which:?} again gave another tree:\n{}",
                difference(&t, before)
            );
        }
        trees.insert(which.dir(), t);
    }
    assert_ne!(
        trees["a"], trees["b"],
        "the two bundles publish the same tree: the test could not tell old from new"
    );
    assert!(
        trees["a"].keys().any(|k| k.ends_with("index.html")),
        "no pages published"
    );
    times.sort();
    (trees, times[1])
}

fn shown(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A small xorshift generator; the seed is printed, and `PUBLISH_KILL_SEED`
/// replays a run.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("PUBLISH_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        println!("seed {seed} (PUBLISH_KILL_SEED={seed} replays it)");
        Rng(seed)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

// ------------------------------------------------------------ the tests

#[test]
fn a_killed_publish_leaves_dist_whole_old_or_new() {
    let _serial = serial();
    let work = Work::new("kill");
    let (trees, span) = expected_trees(&work);
    // Kills from the start of a run to past its end (a run may be slower
    // than the ones measured), about 40 s in all.
    let window = span.mul_f64(1.2);
    let rounds = ((40.0 / (0.6 * window.as_secs_f64() + 0.1)) as usize).clamp(30, 60);
    println!(
        "an undisturbed run takes {span:?}; {rounds} runs killed within {window:?} of their start"
    );
    let mut rng = Rng::new();
    // Where each kill landed, as DIST and what is beside it tell.
    let (mut before, mut during, mut after, mut finished) = (0, 0, 0, 0);
    let mut current = Which::A;
    for round in 0..rounds {
        let next = current.other();
        let delay = window.mul_f64(rng.unit());
        let mut child = work
            .command(next)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let killed = status.signal() == Some(libc::SIGKILL);
        assert!(
            killed || status.success(),
            "round {round}: publish failed on its own: {status:?}"
        );
        let got = tree(&work.dist())
            .unwrap_or_else(|| panic!("round {round}: DIST is missing after a kill at {delay:?}"));
        let is = if got == trees[next.dir()] {
            next
        } else if got == trees[current.dir()] {
            current
        } else {
            panic!(
                "round {round}: killed at {delay:?}, DIST is neither the old tree ({current:?}) nor the new one ({next:?}):\nagainst the new one:\n{}\nagainst the old one:\n{}",
                difference(&got, &trees[next.dir()]),
                difference(&got, &trees[current.dir()]),
            );
        };
        let side = work.side_folders();
        match (killed, is == next) {
            (false, _) => {
                assert!(
                    is == next,
                    "round {round}: a run that finished left the old tree"
                );
                assert!(
                    side.is_empty(),
                    "round {round}: a finished run left {side:?}"
                );
                finished += 1;
            }
            (true, false) => before += 1,
            // Swapped in, the old tree not yet removed.
            (true, true) if !side.is_empty() => during += 1,
            (true, true) => after += 1,
        }
        current = is;
    }
    println!(
        "{rounds} runs: {before} killed before the swap (DIST old), {during} during it \
         (DIST new, the old tree still beside it), {after} after it (DIST new, not yet exited), \
         {finished} finished before their kill"
    );
    assert!(
        before > 0,
        "no kill landed before the swap: the test did not test killing"
    );
    assert!(
        during + after + finished > 0,
        "no run got as far as the swap: the test did not see a new tree"
    );

    // The next run clears what the killed ones left, and the lock file goes too.
    work.publish(current.other());
    assert_eq!(
        tree(&work.dist()).as_ref(),
        Some(&trees[current.other().dir()])
    );
    assert_eq!(work.beside(), BTreeSet::new(), "left beside DIST");
    work.store_holds_only_the_live_pages();
}

/// Holds DIST's lock as a running publish would (`flock(LOCK_EX)` on the
/// lock file beside DIST) until dropped.
struct HeldLock(#[allow(dead_code)] std::fs::File);

fn hold_lock(path: &Path) -> HeldLock {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .unwrap();
    // SAFETY: the descriptor is open for as long as `file` lives.
    let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    assert_eq!(r, 0, "the lock is free before the test takes it");
    HeldLock(file)
}

/// Lines of a child's stderr as they come.
fn stderr_lines(child: &mut Child) -> std::sync::mpsc::Receiver<String> {
    let err = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(err).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    rx
}

#[test]
fn two_publishes_at_once_take_turns() {
    let _serial = serial();
    let work = Work::new("twice");
    let (trees, _) = expected_trees(&work);

    // Started together: both publish, one after the other, and DIST is
    // then one whole tree.
    let spawn = |which| {
        work.command(which)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(Which::A), spawn(Which::B));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_eq!(a.status.code(), Some(0), "{}", shown(&a));
    assert_eq!(b.status.code(), Some(0), "{}", shown(&b));
    let got = tree(&work.dist()).expect("DIST after two runs");
    assert!(
        got == trees["a"] || got == trees["b"],
        "two runs at once left a tree that is neither's:\n{}",
        difference(&got, &trees["a"])
    );
    assert_eq!(work.beside(), BTreeSet::new(), "left beside DIST");
    let waited = [&a, &b]
        .iter()
        .filter(|o| String::from_utf8_lossy(&o.stderr).contains("waiting…"))
        .count();
    println!("started together: {waited} of the two said it was waiting");

    // While another holds the lock, a run says so once and waits, DIST
    // untouched; once the lock is free it publishes.
    work.publish(Which::A);
    let held = hold_lock(&work.lock_file());
    let mut child = work
        .command(Which::B)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = stderr_lines(&mut child);
    let said = lines
        .recv_timeout(Duration::from_secs(60))
        .expect("a waiting run says so");
    let dist = work.dist();
    assert_eq!(
        said,
        format!(
            "publish: another publish is running on {}; waiting…",
            dist.display()
        )
    );
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.try_wait().unwrap().is_none(), "it did not wait");
    assert_eq!(
        tree(&dist).as_ref(),
        Some(&trees["a"]),
        "a waiting run changed DIST"
    );
    assert_eq!(
        work.side_folders(),
        BTreeSet::new(),
        "a waiting run wrote beside DIST"
    );
    drop(held);
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let rest: Vec<String> = lines.try_iter().collect();
    assert!(
        !rest.iter().any(|l| l.contains("waiting")),
        "said it was waiting more than once: {rest:?}"
    );
    assert_eq!(tree(&dist).as_ref(), Some(&trees["b"]));
    assert_eq!(work.beside(), BTreeSet::new(), "left beside DIST");

    // --no-wait: refused at once, exit 3, DIST untouched.
    let held = hold_lock(&work.lock_file());
    let out = work.command(Which::A).arg("--no-wait").output().unwrap();
    drop(held);
    assert_eq!(out.status.code(), Some(3), "{}", shown(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "another publish is running on {}; nothing was published",
            dist.display()
        )),
        "{stderr}"
    );
    assert_eq!(
        tree(&dist).as_ref(),
        Some(&trees["b"]),
        "a refused run changed DIST"
    );
    assert_eq!(
        work.side_folders(),
        BTreeSet::new(),
        "a refused run wrote beside DIST"
    );
}

#[test]
fn side_folders_of_killed_runs_are_removed_by_the_next_run() {
    let _serial = serial();
    let work = Work::new("leftovers");
    // What killed runs leave: a half-written tree of this version, and the
    // fixed folders of earlier versions. And what is not publish's to remove.
    let ours = [
        ".site.publish-4242-18c3f0a1b2c3d4e5",
        ".site.publish-4242-18c3f0a1b2c3d4e5-old",
        ".site.publish-new",
        ".site.publish-old",
    ];
    let theirs = [".site.publishing", ".other.publish-4242-1", "site-copy"];
    for name in ours.iter().chain(&theirs) {
        write(&work.dir.join(name), "en/index.html", "half a page");
    }
    work.publish(Which::A);
    let left = work.beside();
    assert_eq!(
        left,
        theirs.iter().map(|s| s.to_string()).collect(),
        "after a run, beside DIST"
    );
}

/// The `content` of `<meta name="rops-public-url">` in a page.
fn public_url(page: &Path) -> String {
    let html = std::fs::read_to_string(page).unwrap();
    let (_, rest) = html
        .split_once("<meta name=\"rops-public-url\" content=\"")
        .expect("the site's address in the page");
    rest.split_once('"').unwrap().0.to_owned()
}

#[test]
fn the_site_address_is_required_and_checked() {
    let _serial = serial();
    let work = Work::new("address");
    let dist = work.dist();
    let built = tree(&dist).unwrap();
    let refused = |cmd: &mut Command, why: &str| {
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", shown(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(why), "no {why:?} in:\n{stderr}");
        assert_eq!(
            tree(&dist).as_ref(),
            Some(&built),
            "a refused run changed DIST"
        );
        assert_eq!(
            work.beside(),
            BTreeSet::new(),
            "a refused run left something beside DIST"
        );
    };

    // None given: refused, with the reason and the two ways forward.
    refused(
        &mut work.without_address(Which::A),
        "publish: the public address of the site is needed for canonical links, the sitemap \
         and Open Graph; pass --site-url https://host/path/ or --local for a copy served on \
         this machine",
    );
    // Not a site's address: refused with what is wrong with it.
    for (url, why) in [
        ("example.org/ekonomia/", "it must start with https://"),
        ("ftp://example.org/", "it must start with https://"),
        ("https:///ekonomia/", "no host after the scheme"),
        (
            "https://exa mple.org/",
            "spaces, quotes and control characters",
        ),
        (
            "https://example.org/?lang=pl",
            "a query (?) or fragment (#)",
        ),
        ("https://user@example.org/", "is not a host name"),
    ] {
        refused(
            work.without_address(Which::A).arg("--site-url").arg(url),
            why,
        );
        refused(
            work.without_address(Which::A).env("ROPS_SITE_URL", url),
            why,
        );
    }
    refused(
        work.without_address(Which::A)
            .args(["--local", "--site-url", "https://example.org/"]),
        "--site-url and --local exclude each other",
    );

    // --local: this machine's address, with the app's base.
    let out = work
        .without_address(Which::A)
        .arg("--local")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    assert_eq!(
        public_url(&dist.join("index.html")),
        "http://127.0.0.1:8080/ekonomia/"
    );
    // ROPS_SITE_URL stands for --site-url (and --local wins over it).
    let out = work
        .without_address(Which::B)
        .env("ROPS_SITE_URL", "https://example.org/ekonomia")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    assert_eq!(
        public_url(&dist.join("index.html")),
        "https://example.org/ekonomia/"
    );
    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://example.org/ekonomia/os-czasu</loc>"),
        "{sitemap}"
    );
    let out = work
        .without_address(Which::A)
        .arg("--local")
        .env("ROPS_SITE_URL", "https://example.org/ekonomia/")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    assert_eq!(
        public_url(&dist.join("index.html")),
        "http://127.0.0.1:8080/ekonomia/"
    );
}

/// The live version, as DIST's status says.
fn live_version(work: &Work) -> String {
    rops_e2e::status_in(&work.dist())["version"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// `publish --watch` killed at random moments while it publishes an
/// upload: started again, it publishes the upload, and only once (a kill
/// after the swap but before the upload is removed must not publish it a
/// second time, nor record a second outcome).
#[test]
fn a_killed_watcher_publishes_its_upload_once_when_started_again() {
    let _serial = serial();
    let work = Work::new("watch");
    let (trees, span) = expected_trees(&work);
    let incoming = work.dir.join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    let mut rng = Rng::new();
    let mut current = Which::A;
    for round in 0..6 {
        let next = current.other();
        let request = format!("round{round}");
        let upload = incoming.join(format!("{request}@{}.json", live_version(&work)));
        std::fs::copy(work.bundle(next), &upload).unwrap();
        let mut child = watcher(&work, &incoming, false)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The watcher looks every 0.5 s, then publishes for about `span`.
        std::thread::sleep(Duration::from_millis(500) + span.mul_f64(1.5 * rng.unit()));
        let _ = child.kill();
        let _ = child.wait();
        let out = watcher(&work, &incoming, true).output().unwrap();
        assert!(out.status.success(), "round {round}: {}", shown(&out));
        assert_eq!(
            tree(&work.dist()).as_ref(),
            Some(&trees[next.dir()]),
            "round {round}: the upload is not what is live"
        );
        assert!(!upload.exists(), "round {round}: the upload was left");
        let status = rops_e2e::status_in(&work.dist());
        let outcomes: Vec<&serde_json::Value> = status["requests"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["request"] == request.as_str())
            .collect();
        assert_eq!(outcomes.len(), 1, "round {round}: {status}");
        assert_eq!(outcomes[0]["result"], "published", "round {round}");
        current = next;
    }
}

/// `publish --watch` on `incoming` for `work`, once or for ever.
fn watcher(work: &Work, incoming: &Path, once: bool) -> Command {
    let mut cmd = Command::new(PUBLISH);
    cmd.args(["--site-url", "https://example.org/ekonomia/", "--watch"]);
    if once {
        cmd.arg("--once");
    }
    cmd.arg(incoming)
        .arg(work.dist())
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdout(Stdio::null());
    cmd
}

/// The status's outcome of `request`.
fn outcome(work: &Work, request: &str) -> Option<serde_json::Value> {
    rops_e2e::outcome_of(&rops_e2e::status_in(&work.dist()), request)
}

/// An upload that never finishes (killed every time, as a panic, the
/// memory limit or the unit's time limit ends a run) is set aside after
/// `MAX_TRIES` runs with an outcome the editor shows, and the upload
/// behind it is published: one upload cannot hold the queue for ever.
/// Before, it stayed first in INCOMING and every later upload waited.
#[test]
fn an_upload_that_never_finishes_is_set_aside_and_the_next_one_published() {
    let _serial = serial();
    let work = Work::new("jam");
    work.publish(Which::A);
    let incoming = work.dir.join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    let live = live_version(&work);
    let jam = incoming.join(format!("jam@{live}.json"));
    std::fs::copy(work.bundle(Which::B), &jam).unwrap();
    // The good upload arrives later by this server's clock, but with an
    // older modification time (nginx's WebDAV module takes it from the
    // client's Date header): the queue still takes the jam first.
    std::thread::sleep(Duration::from_millis(20));
    let good = incoming.join(format!("good@{live}.json"));
    std::fs::copy(work.bundle(Which::B), &good).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&good)
        .unwrap()
        .set_modified(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(631_152_000))
        .unwrap();

    let tries = work.dir.join(".site.watch-tries");
    // Each run is killed once it has counted its start of `jam`.
    for run in 1..=2u32 {
        let mut child = watcher(&work, &incoming, true)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        loop {
            let counted = std::fs::read(&tries)
                .ok()
                .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
                .and_then(|v| v[jam.file_name().unwrap().to_str().unwrap()].as_u64());
            if counted == Some(run as u64) {
                break;
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "run {run} ended before the test killed it"
            );
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "run {run} never counted"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(jam.exists() && good.exists(), "run {run}");
        assert!(
            outcome(&work, "good").is_none(),
            "the later upload went first"
        );
    }
    // The third run sets it aside and publishes the next one.
    let out = watcher(&work, &incoming, true).output().unwrap();
    assert!(out.status.success(), "{}", shown(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jam: not published: 2 runs stopped before finishing it"),
        "{stderr}"
    );
    let jammed = outcome(&work, "jam").expect("the set-aside upload has an outcome");
    assert_eq!(jammed["result"], "failed", "{jammed}");
    let said = jammed["message"]["pl"].as_str().unwrap();
    assert!(
        said.starts_with("serwer nie zdołał opracować tej wersji"),
        "{said}"
    );
    assert!(jammed["message"]["en"]
        .as_str()
        .unwrap()
        .starts_with("the server could not process this version"));
    assert_eq!(outcome(&work, "good").unwrap()["result"], "published");
    assert!(!jam.exists() && !good.exists());
    assert!(
        incoming.join(format!(".jam@{live}.json.failed")).is_file(),
        "kept for the administrator"
    );
    assert!(!tries.exists(), "no count left once the queue is empty");
}

/// A folder or a link named like an upload is set aside (hidden), so the
/// path unit, which matches `*@*.json`, is not started again and again.
#[test]
fn entries_named_like_uploads_that_are_not_files_are_set_aside() {
    let _serial = serial();
    let work = Work::new("notfile");
    work.publish(Which::A);
    let incoming = work.dir.join("incoming");
    std::fs::create_dir_all(incoming.join("dir@v1.json")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", incoming.join("link@v1.json")).unwrap();
    let out = watcher(&work, &incoming, true).output().unwrap();
    assert!(out.status.success(), "{}", shown(&out));
    let left: BTreeSet<String> = std::fs::read_dir(&incoming)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        BTreeSet::from([
            ".dir@v1.json.not-a-file".to_owned(),
            ".link@v1.json.not-a-file".to_owned()
        ]),
        "{}",
        shown(&out)
    );
}

/// A lock file another user left (root's `flock` during an upgrade makes
/// it `root:root 0644`) does not stop the service user's publish: flock
/// needs no write access. Before, every publish failed with "Permission
/// denied" and the editor only ever said "no answer".
#[test]
fn a_lock_file_left_by_root_does_not_stop_publishing() {
    let _serial = serial();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        println!("not root: the test needs to publish as another user");
        return;
    }
    let work = Work::new("rootlock");
    // As DEPLOY.md lays it out: the folder beside DIST is sticky and
    // writable by the service user, DIST is the service user's.
    let nobody = 65534;
    let chown = Command::new("chown")
        .args(["-R", &format!("{nobody}:{nobody}")])
        .arg(work.dist())
        .status()
        .unwrap();
    assert!(chown.success());
    std::fs::set_permissions(
        &work.dir,
        std::os::unix::fs::PermissionsExt::from_mode(0o1777),
    )
    .unwrap();
    std::fs::write(work.lock_file(), b"").unwrap();
    std::fs::set_permissions(
        work.lock_file(),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let out = work
        .command(Which::B)
        .uid(nobody)
        .gid(nobody)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    assert_eq!(
        std::fs::read(work.dist().join("content/bundle.json")).unwrap(),
        std::fs::read(work.bundle(Which::B)).unwrap(),
        "B is live"
    );
    // The root-owned file stays (not the service user's to remove).
    assert!(work.lock_file().exists());
}

/// A damaged status is kept aside for the administrator and rebuilt from
/// the kept bundles: the next publish keeps every version. Before, it was
/// read as empty: the stale check was off and every kept version deleted.
#[test]
fn a_damaged_status_is_kept_aside_and_no_version_is_lost() {
    let _serial = serial();
    let work = Work::new("damaged");
    for which in [Which::A, Which::B, Which::A] {
        // Kept versions are named by time and content: a second apart.
        work.command(which)
            .env(
                "SOURCE_DATE_EPOCH",
                (EPOCH.parse::<u64>().unwrap() + tick()).to_string(),
            )
            .output()
            .unwrap();
    }
    let versions = |work: &Work| -> BTreeSet<String> {
        std::fs::read_dir(work.dist().join("content/versions"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let before = versions(&work);
    assert!(before.len() >= 2, "{before:?}");
    let status = work.dist().join("publish-status.json");
    std::fs::write(&status, b"{\"version\": \"20261126T000000Z-").unwrap();
    let out = work
        .command(Which::B)
        .env(
            "SOURCE_DATE_EPOCH",
            (EPOCH.parse::<u64>().unwrap() + tick()).to_string(),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is damaged"), "{stderr}");
    let after = versions(&work);
    assert!(
        before.is_subset(&after) && after.len() == before.len() + 1,
        "before {before:?}, after {after:?}"
    );
    let aside: Vec<String> = work
        .beside()
        .into_iter()
        .filter(|n| n.starts_with(".site.status-damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", work.beside());
    assert_eq!(
        std::fs::read(work.dir.join(&aside[0])).unwrap(),
        b"{\"version\": \"20261126T000000Z-"
    );
}

/// 1, 2, 3…: seconds to add to the fixed clock, one more each call.
fn tick() -> u64 {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A rollback brings back the files of the version it restores: a video
/// the next version left out (and so took off the site), and a logo
/// replaced since, as it was. A file goes only when no kept version names
/// it any more. Before, the files lived only in the live tree: the
/// rollback was refused ("the server has no file pjm-o-centrum.webm").
#[test]
fn a_rollback_restores_the_files_of_its_version() {
    let _serial = serial();
    let work = Work::new("media");
    let incoming = work.dir.join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    let fixture =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/fictional");
    let original = |f: &str| std::fs::read(fixture.join(f)).unwrap();
    let on_site = |f: &str| std::fs::read(work.dist().join("content").join(f)).ok();
    // Each upload through the watcher, keeping two versions, a second apart.
    let upload = |request: &str, bundle: &[u8]| {
        let name = format!("{request}@{}.json", live_version(&work));
        std::fs::write(incoming.join(name), bundle).unwrap();
        let out = watcher(&work, &incoming, true)
            .args(["--keep", "2"])
            .env(
                "SOURCE_DATE_EPOCH",
                (EPOCH.parse::<u64>().unwrap() + tick()).to_string(),
            )
            .output()
            .unwrap();
        assert!(out.status.success(), "{request}: {}", shown(&out));
        let o = outcome(&work, request).unwrap_or_else(|| panic!("{request}: no outcome"));
        assert_eq!(o["result"], "published", "{request}: {o}");
    };
    work.publish(Which::A);
    let first = live_version(&work);
    let first_bundle =
        std::fs::read(work.dist().join(format!("content/versions/{first}.json"))).unwrap();
    assert_eq!(
        on_site("pjm-o-centrum.webm"),
        Some(original("pjm-o-centrum.webm"))
    );

    // The next version leaves the video out, and the administrator puts a
    // new logo in the upload folder with it.
    let mut without_video: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(work.bundle(Which::A)).unwrap()).unwrap();
    without_video
        .as_object_mut()
        .unwrap()
        .remove("sign_language");
    let without_video = serde_json::to_vec(&without_video).unwrap();
    let new_logo = b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>\n";
    std::fs::write(incoming.join("logo.svg"), new_logo).unwrap();
    // As nginx's WebDAV writes it (dav_access user:rw group:rw).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        incoming.join("logo.svg"),
        std::fs::Permissions::from_mode(0o660),
    )
    .unwrap();
    upload("drop", &without_video);
    let mode = std::fs::metadata(work.dist().join("content/logo.svg"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o444,
        0o444,
        "logo.svg on the site is {mode:o}: nginx answers 403"
    );
    // Published, and kept with its version: gone from the upload folder.
    assert!(
        !incoming.join("logo.svg").exists(),
        "logo.svg left in INCOMING"
    );
    for f in [
        "pjm-o-centrum.webm",
        "pjm-o-centrum.pl.vtt",
        "pjm-plakat.svg",
    ] {
        assert_eq!(on_site(f), None, "{f} is still on the site");
    }
    assert_eq!(on_site("logo.svg").as_deref(), Some(&new_logo[..]));

    // The rollback, as the editor sends it: the kept bundle, unchanged.
    upload("back", &first_bundle);
    for f in [
        "pjm-o-centrum.webm",
        "pjm-o-centrum.pl.vtt",
        "pjm-o-centrum.en.vtt",
        "pjm-plakat.svg",
        "logo.svg",
    ] {
        assert_eq!(on_site(f), Some(original(f)), "{f} after the rollback");
    }

    // Two more versions without the video: no kept version names it, and
    // the kept files hold no copy of it any more.
    upload("again1", &without_video);
    upload("again2", &without_video);
    let store = work.dist().join("content/versions/media");
    let video = original("pjm-o-centrum.webm");
    let stored: Vec<Vec<u8>> = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert!(!stored.contains(&video), "the video is still kept");
    // …while the files the kept versions name are (the logo the two name).
    assert!(stored.contains(&new_logo.to_vec()));
}

/// Files sent with an upload that the server's checks refuse (a "video"
/// that is an HTML page, captions with a script, an SVG with a script, a
/// PNG 40 000 px wide) refuse the upload, each at its field with its
/// reason; each is removed from the upload folder and the live site is
/// unchanged. A good file sent with a refused upload waits for the next.
#[test]
fn media_the_checks_refuse_leave_the_site_unchanged() {
    let _serial = serial();
    let work = Work::new("bad-media");
    let incoming = work.dir.join("incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    work.publish(Which::A);
    let before = served(&work.dist());
    let bundle = std::fs::read(work.bundle(Which::A)).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&40_000u32.to_be_bytes());
    png.extend_from_slice(&100u32.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let bad: [(&str, &[u8], &str, &str); 4] = [
        (
            "pjm-o-centrum.webm",
            b"<!doctype html><script>alert(1)</script>",
            "$.sign_language.videos[0].file",
            "WebM",
        ),
        (
            "pjm-o-centrum.pl.vtt",
            b"WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>\n",
            "$.sign_language.videos[0].captions.pl",
            "<script>",
        ),
        (
            "logo.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "$.organisation.logo.file",
            "<script>",
        ),
        (
            "pjm-plakat.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
            "",
            "",
        ),
    ];
    for (name, bytes, _, _) in &bad {
        std::fs::write(incoming.join(name), bytes).unwrap();
    }
    let strip = "pasek-programu.png";
    std::fs::write(incoming.join(strip), &png).unwrap();
    let mut with_png: serde_json::Value = serde_json::from_slice(&bundle).unwrap();
    let projects = with_png["projects"].as_array_mut().unwrap();
    let (i, p) = projects
        .iter_mut()
        .enumerate()
        .find(|(_, p)| p.get("eu_visibility").is_some())
        .unwrap();
    p["eu_visibility"]["strip"]["file"] = strip.into();
    let name = format!("bad@{}.json", live_version(&work));
    std::fs::write(incoming.join(name), serde_json::to_vec(&with_png).unwrap()).unwrap();
    let out = watcher(&work, &incoming, true).output().unwrap();
    assert!(out.status.success(), "{}", shown(&out));
    let o = outcome(&work, "bad").unwrap();
    assert_eq!(o["result"], "refused", "{o}");
    let fault = |path: &str| {
        o["faults"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("no fault at {path}: {o}"))["message"]
            .clone()
    };
    let strip_path = format!("$.projects[{i}].eu_visibility.strip.file");
    for (path, says) in bad
        .iter()
        .filter(|b| !b.2.is_empty())
        .map(|b| (b.2.to_owned(), b.3))
        .chain([(strip_path, "40000 × 100")])
    {
        let m = fault(&path);
        let pl = m["pl"].as_str().unwrap();
        assert!(pl.contains(says), "{path}: {pl}");
        assert!(pl.contains("usunięto go z serwera"), "{path}: {pl}");
        assert!(m["en"].as_str().unwrap().contains("send a corrected one"));
    }
    // The refused files are gone; the good poster waits for the next upload.
    let left: Vec<String> = std::fs::read_dir(&incoming)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(left, ["pjm-plakat.svg"]);
    assert_serves(&served(&work.dist()), &before, "after the refused files");
}

// ------------------------------------------------------------ the page store

/// Every file below `dir`, symbolic links followed (as a web server
/// follows them), by path, with its content's sha256; the kept versions,
/// the status and the page list, which tell runs apart, left out.
fn served(dir: &Path) -> Tree {
    fn walk(root: &Path, dir: &Path, out: &mut Tree) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            if matches!(
                rel.as_str(),
                "content/versions" | "publish-status.json" | ".publish-pages"
            ) {
                continue;
            }
            if std::fs::metadata(&p).unwrap().is_dir() {
                walk(root, &p, out);
            } else {
                use sha2::Digest;
                let hash = sha2::Sha256::digest(std::fs::read(&p).unwrap());
                out.insert(rel, hash.iter().map(|b| format!("{b:02x}")).collect());
            }
        }
    }
    let mut out = Tree::new();
    walk(dir, dir, &mut out);
    out
}

fn assert_serves(got: &Tree, want: &Tree, what: &str) {
    assert!(got == want, "{what}:\n{}", difference(got, want));
}

/// The fictional bundle with `n` events (copies of its first, each its own
/// id, year and title), beside all its files in `dir`.
fn many_events(dir: &Path, n: usize, edit: impl FnOnce(&mut Vec<serde_json::Value>)) {
    let fixture =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/fictional");
    rops_e2e::copy_dir(&fixture, dir);
    let text = std::fs::read_to_string(fixture.join("bundle.json")).unwrap();
    let mut b: serde_json::Value = serde_json::from_str(&text).unwrap();
    two_languages(&mut b);
    let first = b["events"][0].clone();
    let mut events: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut e = first.clone();
            e["id"] = format!("zdarzenie-{i:03}").into();
            e["date"] = format!("{}", 1950 + i).into();
            e["title"]["pl"] = format!("Zdarzenie {i}").into();
            e
        })
        .collect();
    edit(&mut events);
    b["events"] = events.into();
    write(
        dir,
        "bundle.json",
        &serde_json::to_string_pretty(&b).unwrap(),
    );
}

fn publish_into(bundle: &Path, dist: &Path) -> String {
    let out = Command::new(PUBLISH)
        .arg("--site-url")
        .arg("https://example.org/ekonomia/")
        .arg(bundle)
        .arg(dist)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Of a publish's report, how many pages were not rendered again.
fn not_rendered(report: &str) -> usize {
    report
        .split("; ")
        .find_map(|part| {
            part.trim()
                .strip_suffix(" of them not rendered again (their inputs unchanged)")
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {report}"))
}

/// A site whose timeline has enough events for its event folders to be
/// shared from the page store (`store::SECTION_FROM`, 64): an edit that
/// renames one event, drops one and adds one renders only the pages whose
/// inputs changed, and serves exactly what a fresh publish of the edit
/// serves, byte for byte; publishing the first bundle again gives its site
/// back. What a reused page would get wrong (a neighbour's link, a count,
/// a title) shows here as a difference.
#[test]
fn an_edit_serves_what_a_fresh_publish_serves() {
    let _serial = serial();
    let work = Work::new("store");
    let (a, b) = (work.dir.join("many-a"), work.dir.join("many-b"));
    many_events(&a, 70, |_| {});
    many_events(&b, 70, |events| {
        events[30]["title"]["pl"] = "Zdarzenie 30 – poprawione".into();
        events.remove(40);
        let mut added = events[0].clone();
        added["id"] = "zdarzenie-nowe".into();
        added["date"] = "1985".into();
        events.push(added);
    });
    let (a, b) = (a.join("bundle.json"), b.join("bundle.json"));
    let site = work.dist();
    publish_into(&a, &site);
    let first = served(&site);
    for folder in [
        "os-czasu",
        "embed/os-czasu",
        "en/timeline",
        "en/embed/timeline",
    ] {
        let meta = std::fs::symlink_metadata(site.join(folder)).unwrap();
        assert!(meta.file_type().is_symlink(), "{folder} is not shared");
    }
    // What a run killed while it changed the shared folders' other slot
    // leaves: the slot no longer vouching for itself, a link gone, a
    // stray one. The next run makes that slot afresh.
    let store = work.dir.join(".site.pages");
    for key in std::fs::read_dir(store.join("s")).unwrap() {
        let other = key.unwrap().path().join("1");
        std::fs::remove_file(other.join(".listing")).unwrap();
        std::fs::remove_file(other.join("zdarzenie-010")).unwrap();
        std::os::unix::fs::symlink("../../../p/nothing", other.join("stray")).unwrap();
    }
    let report = publish_into(&b, &site);
    let edited = served(&site);

    let fresh = work.dir.join("fresh");
    built_app(&fresh);
    publish_into(&b, &fresh);
    let want = served(&fresh);
    assert_serves(
        &edited,
        &want,
        "the edit serves other files than a fresh publish",
    );
    assert_ne!(first, edited, "the edit changed nothing");
    // 4 views of each event: the renamed one, the added one, the two
    // beside the dropped one and the added one: at most 6 events' pages,
    // and the pages that list every event (timeline, about, funding,
    // the 404 page …), rendered again; every other event page is not.
    let pages = want.keys().filter(|k| k.ends_with("index.html")).count() + 1;
    let reused = not_rendered(&report);
    assert!(
        reused >= pages - 6 * 4 - 40 && reused < pages,
        "{reused} of {pages} pages not rendered again"
    );
    publish_into(&a, &site);
    let again = served(&site);
    assert_serves(
        &again,
        &first,
        "publishing the first bundle again serves other files",
    );
    work.store_holds_only_the_live_pages();
}

/// A site past 1 000 pages has no `.gz` copies of its pages (nginx gzips
/// the rare request without brotli), and its pages link one stylesheet
/// instead of each carrying it: when a site grows past that size, no
/// page keeps the `.gz` of its smaller self, which nginx's `gzip_static`
/// would otherwise serve for the new page; and when it shrinks again, the
/// copies and the inline style come back and the stylesheet goes. Each
/// time it serves what a fresh publish serves.
#[test]
fn a_site_that_grows_past_a_thousand_pages_keeps_no_old_gz_copy() {
    let _serial = serial();
    let work = Work::new("gz");
    let (small, large) = (work.dir.join("small"), work.dir.join("large"));
    many_events(&small, 70, |_| {});
    // 4 pages an event (Polish, English, each in full and embed view).
    many_events(&large, 260, |_| {});
    let (small, large) = (small.join("bundle.json"), large.join("bundle.json"));
    let gz = |tree: &Tree| tree.keys().filter(|k| k.ends_with(".html.gz")).count();
    let site = work.dist();
    publish_into(&small, &site);
    let first = served(&site);
    assert!(
        first.contains_key("os-czasu/zdarzenie-010/index.html.gz"),
        "a small site's pages have .gz copies"
    );
    let small_page =
        std::fs::read_to_string(site.join("os-czasu/zdarzenie-010/index.html")).unwrap();
    assert!(
        small_page.contains("<style>") && !small_page.contains("/site-"),
        "a small site's pages do not carry their style"
    );

    publish_into(&large, &site);
    let grown = served(&site);
    let fresh = work.dir.join("fresh");
    built_app(&fresh);
    publish_into(&large, &fresh);
    let want = served(&fresh);
    let pages = want.keys().filter(|k| k.ends_with("index.html")).count();
    assert!(pages > 1000, "only {pages} pages");
    assert_eq!(gz(&want), 0, "a fresh large site has .gz pages");
    // One stylesheet, named by its content, with its brotli copy, in the
    // worker's precache (the shell links it too), linked by every page
    // under a policy that allows no inline style.
    let sheets: Vec<&String> = want
        .keys()
        .filter(|k| k.starts_with("site-") && k.ends_with(".css"))
        .collect();
    assert_eq!(sheets.len(), 1, "stylesheets of the large site: {sheets:?}");
    let sheet = sheets[0].clone();
    assert!(want.contains_key(&format!("{sheet}.br")), "no {sheet}.br");
    let read = |rel: &str| std::fs::read_to_string(fresh.join(rel)).unwrap();
    assert!(
        read(&sheet).starts_with("body { margin: 0; font: 16px/1.5 sans-serif; }"),
        "{sheet} is not the app's stylesheet"
    );
    assert!(
        read(&sheet).contains("--c-accent"),
        "{sheet} lacks the bundle's accent"
    );
    assert!(
        read("sw.js").contains(&format!("\"{sheet}\"")),
        "the worker does not precache {sheet}"
    );
    for rel in [
        "os-czasu/zdarzenie-200/index.html",
        "en/index.html",
        "404.html",
        "shell.html",
    ] {
        let page = read(rel);
        assert!(
            page.contains(&format!(
                "<link rel=\"stylesheet\" href=\"/ekonomia/{sheet}\">"
            )),
            "{rel} does not link {sheet}"
        );
        assert!(!page.contains("<style>"), "{rel} carries its style inline");
        assert!(
            page.contains("content=\"style-src 'self'\""),
            "{rel}'s policy allows inline style"
        );
    }
    assert_serves(
        &grown,
        &want,
        "the grown site serves other files than a fresh publish",
    );

    publish_into(&small, &site);
    assert_serves(
        &served(&site),
        &first,
        "the site shrunk again serves other files",
    );
    work.store_holds_only_the_live_pages();
}
