//! The systemd units that publish the editor's uploads on a server
//! (`deploy/rops-publish.path`, `deploy/rops-publish.service`), checked
//! without a running systemd:
//!
//! - `systemd-analyze verify` accepts both, with not one warning (an
//!   unknown or misspelt key is only a warning to systemd, and is ignored);
//! - what verify cannot know: the path unit watches the upload names the
//!   editor makes and starts our service, neither can loop forever, the
//!   service can write where publish writes (beside DIST, not just in it)
//!   without making DIST a mount point, and its command line is one the
//!   `publish` of this tree accepts (run with the unit's environment).
//!
//! verify checks that ExecStart's program exists, so the units are checked
//! with `/srv/rops` replaced by a folder of the test's own holding
//! `bin/publish` (this tree's). Native and quick; needs systemd-analyze
//! (Debian's `systemd`, installed by `scripts/setup.sh --browser`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const PUBLISH: &str = env!("CARGO_BIN_EXE_publish");
/// Where the units expect the installation (DEPLOY.md).
const PREFIX: &str = "/srv/rops";
const PATH_UNIT: &str = "rops-publish.path";
const SERVICE_UNIT: &str = "rops-publish.service";

/// A unit file: section → key → every value given, in order.
struct Unit {
    name: &'static str,
    sections: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

impl Unit {
    fn read(name: &'static str) -> Unit {
        let file = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("deploy")
            .join(name);
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        Unit::parse(name, &text)
    }

    fn parse(name: &'static str, text: &str) -> Unit {
        let mut sections: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
        let mut section = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            assert!(
                !line.ends_with('\\'),
                "{name}:{}: keep settings on one line",
                n + 1
            );
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(s.to_owned());
                sections.entry(s.to_owned()).or_default();
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{name}:{}: not key=value: {line}", n + 1));
            let section = section
                .as_ref()
                .unwrap_or_else(|| panic!("{name}:{}: a setting before any section", n + 1));
            sections
                .get_mut(section)
                .unwrap()
                .entry(key.trim().to_owned())
                .or_default()
                .push(value.trim().to_owned());
        }
        Unit { name, sections }
    }

    /// Every value of `key` in `section`, space-separated lists split.
    fn all(&self, section: &str, key: &str) -> Vec<String> {
        self.sections
            .get(section)
            .and_then(|s| s.get(key))
            .into_iter()
            .flatten()
            .flat_map(|v| v.split_whitespace().map(str::to_owned))
            .collect()
    }

    /// The one value of `key` in `section` (the last, as systemd reads it).
    fn one(&self, section: &str, key: &str) -> String {
        self.sections
            .get(section)
            .and_then(|s| s.get(key))
            .and_then(|v| v.last())
            .cloned()
            .unwrap_or_else(|| panic!("{}: [{section}] has no {key}=", self.name))
    }

    fn number(&self, section: &str, key: &str) -> u64 {
        let v = self.one(section, key);
        v.parse()
            .unwrap_or_else(|_| panic!("{}: {key}={v} is not a number", self.name))
    }
}

/// `fnmatch` without flags, for the `*` the path unit uses: a `*` matches
/// any run of characters but `/`.
fn glob_matches(glob: &str, name: &str) -> bool {
    assert!(
        !glob.contains(['?', '[']),
        "this test knows only * in globs: {glob}"
    );
    fn go(g: &[u8], n: &[u8]) -> bool {
        match g.split_first() {
            None => n.is_empty(),
            Some((b'*', rest)) => (0..=n.len())
                .take_while(|&i| i == 0 || n[i - 1] != b'/')
                .any(|i| go(rest, &n[i..])),
            Some((c, rest)) => n.first() == Some(c) && go(rest, &n[1..]),
        }
    }
    go(glob.as_bytes(), name.as_bytes())
}

/// Whether `path` is `dir` or below it (whole components).
fn within(path: &str, dir: &str) -> bool {
    Path::new(path).starts_with(dir)
}

/// A settings' paths without systemd's "-" (ignore if missing) and "+"
/// prefixes.
fn bare(p: &str) -> &str {
    p.trim_start_matches(['-', '+'])
}

#[test]
fn the_path_unit_starts_the_service_on_uploads_and_cannot_loop_forever() {
    let path = Unit::read(PATH_UNIT);
    let glob = path.one("Path", "PathExistsGlob");
    let (dir, pattern) = glob.rsplit_once('/').unwrap();
    assert_eq!(
        dir,
        format!("{PREFIX}/incoming"),
        "the watched folder is the upload folder"
    );
    // The editor's names match; a stray file would start the service in a
    // loop (it is left alone, so it is still there when the service ends).
    let upload = rops_app::status::upload_name("k3x9", "20261204T071500Z-1a2b3c4d");
    assert!(glob_matches(pattern, &upload), "{pattern} misses {upload}");
    for stray in ["bundle.json", "logo.svg", "k3x9@v.json.tmp"] {
        assert!(!glob_matches(pattern, stray), "{pattern} matches {stray}");
    }
    assert_eq!(path.one("Path", "Unit"), SERVICE_UNIT);
    assert!(path.number("Path", "TriggerLimitBurst") > 0);
    let interval = path.one("Path", "TriggerLimitIntervalSec");
    assert!(!matches!(interval.as_str(), "0" | "infinity"), "{interval}");
    assert_eq!(path.one("Install", "WantedBy"), "paths.target");
}

#[test]
fn the_service_publishes_once_as_its_own_user_where_publish_writes() {
    let service = Unit::read(SERVICE_UNIT);
    // Inactive after each run, so the path unit can start it again.
    assert_eq!(service.one("Service", "Type"), "oneshot");
    assert!(service.all("Service", "RemainAfterExit").is_empty());
    // Started too often (failing, or an upload that stays), it is refused,
    // which stops the path unit too.
    assert!(service.number("Unit", "StartLimitBurst") > 0);
    let interval = service.one("Unit", "StartLimitIntervalSec");
    assert!(!matches!(interval.as_str(), "0" | "infinity"), "{interval}");

    let user = service.one("Service", "User");
    assert!(
        !user.is_empty() && user != "root" && user != "0",
        "User={user}"
    );
    assert_eq!(service.one("Service", "NoNewPrivileges"), "yes");
    // One upload cannot take the server with it: memory, tasks and file
    // size are bounded (docs/administrators.md, "Limits"), and a run past them is killed,
    // counted and, the second time, set aside by the watcher.
    assert!(service.one("Service", "MemoryMax").ends_with('G'));
    assert_eq!(service.one("Service", "MemorySwapMax"), "0");
    assert!(service.number("Service", "TasksMax") >= 8 + 4);
    assert_eq!(service.one("Service", "LimitFSIZE"), "128M");
    assert_eq!(service.one("Service", "ProtectSystem"), "strict");
    assert!(
        service
            .all("Service", "Environment")
            .iter()
            .any(|e| e.starts_with("ROPS_SITE_URL=https://")),
        "the site's address is set"
    );

    let exec = service.all("Service", "ExecStart");
    assert!(
        exec[0].starts_with(&format!("{PREFIX}/bin/")),
        "{}",
        exec[0]
    );
    assert!(exec.iter().any(|a| a == "--watch") && exec.iter().any(|a| a == "--once"));
    let [incoming, dist] = [&exec[exec.len() - 2], &exec[exec.len() - 1]];
    let path = Unit::read(PATH_UNIT);
    assert!(
        path.one("Path", "PathExistsGlob")
            .starts_with(&format!("{incoming}/")),
        "the service reads the folder the path unit watches"
    );

    // publish writes its side folders and its lock beside DIST and swaps
    // DIST by renaming it: DIST's parent must be writable, and neither
    // DIST nor anything in it a mount point of the sandbox (each listed
    // path is one, and a mount point cannot be renamed).
    let parent = Path::new(dist).parent().unwrap().to_str().unwrap();
    let writable = service.all("Service", "ReadWritePaths");
    for p in [dist.as_str(), incoming.as_str(), parent] {
        assert!(
            writable.iter().any(|w| within(p, bare(w))),
            "{p} is not writable: ReadWritePaths={writable:?}"
        );
    }
    for key in ["ReadWritePaths", "ReadOnlyPaths", "InaccessiblePaths"] {
        for p in service.all("Service", key) {
            assert!(
                !within(bare(&p), dist),
                "{key}={p} makes a mount point of DIST or inside it: publish could not swap DIST"
            );
        }
    }
    // The program itself is not writable by the service.
    assert!(
        service
            .all("Service", "ReadOnlyPaths")
            .iter()
            .any(|p| within(&exec[0], bare(p))),
        "{} is writable by the service",
        exec[0]
    );
}

/// A folder of the test's own, removed at the end (kept if the test fails).
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rops-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn systemd_accepts_both_units_and_publish_accepts_the_command() {
    let scratch = Scratch::new("deploy-units");
    let root = scratch.0.join("srv-rops");
    let prefix = root.to_str().unwrap();
    std::fs::create_dir_all(root.join("bin")).unwrap();
    std::fs::create_dir_all(root.join("incoming")).unwrap();
    std::os::unix::fs::symlink(PUBLISH, root.join("bin/publish")).unwrap();
    let units = scratch.0.join("units");
    std::fs::create_dir_all(&units).unwrap();
    for name in [PATH_UNIT, SERVICE_UNIT] {
        let text = std::fs::read_to_string(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
                .join("deploy")
                .join(name),
        )
        .unwrap();
        std::fs::write(units.join(name), text.replace(PREFIX, prefix)).unwrap();
    }

    let analyze = Command::new("systemd-analyze")
        .arg("verify")
        .arg("--man=no")
        .arg(units.join(PATH_UNIT))
        .arg(units.join(SERVICE_UNIT))
        .output()
        .unwrap_or_else(|e| {
            panic!("systemd-analyze: {e} (Debian's systemd package: scripts/setup.sh --browser)")
        });
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&analyze.stdout),
        String::from_utf8_lossy(&analyze.stderr)
    );
    assert!(
        analyze.status.success() && said.trim().is_empty(),
        "systemd-analyze verify ({}):\n{said}",
        analyze.status
    );

    // The service's own command line, with its environment, on an empty
    // upload folder: publish must accept every argument (and, with nothing
    // to publish, exit 0 without touching DIST).
    let service = Unit::parse(
        SERVICE_UNIT,
        &std::fs::read_to_string(units.join(SERVICE_UNIT)).unwrap(),
    );
    let exec = service.all("Service", "ExecStart");
    let mut cmd = Command::new(&exec[0]);
    cmd.args(&exec[1..]).env_remove("ROPS_SITE_URL");
    for e in service.all("Service", "Environment") {
        let (k, v) = e.split_once('=').unwrap();
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{exec:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !root.join("dist").exists(),
        "DIST made with nothing to publish"
    );
}

#[test]
fn the_glob_matcher_is_fnmatch() {
    assert!(glob_matches("*@*.json", "a@b.json"));
    assert!(glob_matches("*.json", ".json"));
    assert!(!glob_matches("*@*.json", "a.json"));
    assert!(!glob_matches("*.json", "a/b.json"));
    assert!(!glob_matches("*.json", "a.json.tmp"));
}

/// The directives of an nginx include file, comments left out.
fn directives(file: &str) -> Vec<String> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../deploy"));
    std::fs::read_to_string(dir.join(file))
        .unwrap()
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The editor's two upload locations, the bundles' (upload.conf) and the
/// files' (upload-files.conf), are alike but for their size: the files'
/// one is a copy, so that a site configuration written before it existed
/// keeps including upload.conf unchanged after an upgrade (the bundles'
/// limit staying 8 MiB), and a test keeps the copy from drifting. The
/// files' limit is the largest file a bundle may name.
#[test]
fn the_upload_locations_differ_only_in_their_size() {
    let size = |d: &[String]| -> Vec<String> {
        d.iter()
            .filter(|l| l.starts_with("client_max_body_size"))
            .cloned()
            .collect()
    };
    let (bundles, files) = (directives("upload.conf"), directives("upload-files.conf"));
    assert_eq!(size(&bundles), ["client_max_body_size 8m;"]);
    assert_eq!(
        size(&files),
        [format!(
            "client_max_body_size {}m;",
            rops_content::MAX_VIDEO_BYTES >> 20
        )]
    );
    let rest = |d: &[String]| -> Vec<String> {
        d.iter()
            .filter(|l| !l.starts_with("client_max_body_size"))
            .cloned()
            .collect()
    };
    assert_eq!(rest(&bundles), rest(&files));
}
