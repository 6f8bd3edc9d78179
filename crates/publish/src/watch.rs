//! `publish --watch INCOMING DIST`: publishes what the editor uploads.
//!
//! The editor PUTs its checked bundle into INCOMING (nginx's WebDAV
//! module, which renames a finished upload into place, so only whole files
//! appear) as `<request>@<version>.json`, `<version>` being the live
//! version its copy was made from. Each upload, oldest first, under DIST's
//! lock (so two uploads, or an upload and a publish by hand, take turns):
//!
//! - made from another version than the live one: **stale**, nothing
//!   changes (the second of two editors is told, instead of silently
//!   replacing the first one's work; nginx's WebDAV module cannot check
//!   If-Match itself, nginx/nginx#561, so the version travels in the name);
//! - with faults: **refused** with every fault located, nothing changes;
//! - else **published** as `publish` does, into a new version kept for
//!   rollback.
//!
//! The outcome goes into `publish-status.json` under the request id, and
//! the upload is removed. An upload whose request already has an outcome
//! is only removed: a watcher killed after publishing but before removing
//! it does not handle it twice. The files the bundle names (the logo, the
//! easy-to-read pictures, the sign-language videos with their captions and
//! posters, the EU strips) are not uploaded: the bundle is published with
//! each file of its name found in INCOMING (put there by hand), else, for
//! a rollback (a kept version's bundle sent again), the file that version
//! had, else the live site's (`DIST/content/`, where the last publish put
//! them), else the newest kept version's ([`super::kept_media`]); with
//! none, it is refused, saying so.

use super::{
    beside, canonical, check_bundle, clock, history, io, kept_media, link_or_copy, lock,
    publish_held, IfBusy, Notice, Options, PublishError, SiteAddress,
};
use rops_app::status::{self, Outcome, Text, Verdict};
use std::collections::{BTreeMap, HashSet};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Larger uploads are refused unread (nginx's limit is 8 MiB; this holds
/// for files put into INCOMING by other means).
const MAX_UPLOAD: u64 = 16 << 20;
/// How often INCOMING is looked at.
const POLL: Duration = Duration::from_millis(500);
/// How long a watcher that cannot go on waits before it tries again.
const RETRY: Duration = Duration::from_secs(5);
/// How many times an upload is started before it is set aside. A start
/// is counted before the upload is touched, so a run that never ends
/// (a panic, the memory limit, the unit's time limit: SIGKILL) still
/// counts, and one such upload cannot hold every later one back.
pub const MAX_TRIES: u32 = 2;

/// Whether to keep watching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchMode {
    /// Handle what INCOMING holds, then return (a systemd `.path` unit
    /// starts the watcher when an upload lands).
    Once,
    /// Look again twice a second, until killed.
    Forever,
}

/// What the watcher tells its user as it goes.
#[derive(Debug)]
pub enum WatchNotice {
    Published {
        request: String,
        version: String,
    },
    Refused {
        request: String,
        faults: usize,
    },
    Stale {
        request: String,
        base: String,
        live: String,
    },
    Failed {
        request: String,
        error: String,
    },
    /// A file in INCOMING that is not an upload (told once).
    Ignored {
        name: String,
    },
    /// An upload whose runs stopped [`MAX_TRIES`] times before finishing,
    /// moved aside to `kept` for the administrator.
    SetAside {
        request: String,
        kept: PathBuf,
    },
    /// The upload could not be removed (it is not handled again).
    NotRemoved {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Watching goes on after an error, in a moment.
    Retrying {
        error: String,
    },
    Publish(Notice),
}

impl std::fmt::Display for WatchNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WatchNotice::Published { request, version } => {
                write!(f, "{request}: published as version {version}")
            }
            WatchNotice::Refused { request, faults } => {
                write!(
                    f,
                    "{request}: refused, {faults} fault(s); the site is unchanged"
                )
            }
            WatchNotice::Stale {
                request,
                base,
                live,
            } => write!(
                f,
                "{request}: made from version {base}, but {live} is live; the site is unchanged"
            ),
            WatchNotice::Failed { request, error } => {
                write!(f, "{request}: not published: {error}")
            }
            WatchNotice::Ignored { name } => {
                write!(
                    f,
                    "{name}: not an upload (<request>@<version>.json); left alone"
                )
            }
            WatchNotice::SetAside { request, kept } => write!(
                f,
                "{request}: not published: {MAX_TRIES} runs stopped before finishing it; moved to {}",
                kept.display()
            ),
            WatchNotice::NotRemoved { path, error } => {
                write!(f, "{}: handled, but not removed: {error}", path.display())
            }
            WatchNotice::Retrying { error } => {
                write!(f, "{error}; trying again in {} s", RETRY.as_secs())
            }
            WatchNotice::Publish(n) => n.fmt(f),
        }
    }
}

/// Why the watcher stopped.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("{}: {source} (the folder the editor's uploads land in)", path.display())]
    Incoming {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Dist(#[from] PublishError),
}

/// What every upload is published with: the same for a whole run.
struct Setup<'a> {
    /// The folder the editor's uploads land in.
    incoming: &'a Path,
    /// DIST as given (its name, not its target, is what is swapped).
    dist: &'a Path,
    address: SiteAddress,
    keep: usize,
}

/// One upload in `incoming`.
struct Upload {
    path: PathBuf,
    /// The editor's request id, which the outcome answers.
    request: String,
    /// The published version the editor's copy was opened from.
    base: String,
}

/// Watches `incoming` and publishes each upload into `dist` for `address`,
/// keeping `keep` versions.
pub fn watch(
    incoming: &Path,
    dist: &Path,
    address: SiteAddress,
    keep: usize,
    mode: WatchMode,
    mut notice: impl FnMut(&WatchNotice),
) -> Result<(), WatchError> {
    let setup = Setup {
        incoming,
        dist,
        address,
        keep,
    };
    let mut told = HashSet::new();
    // Uploads handled but not removable (the folder's permissions): never
    // handled again in this run, and not a reason to look again at once.
    let mut stuck = HashSet::new();
    loop {
        let round = pending(incoming, &mut told, &mut notice).and_then(|uploads| {
            let uploads: Vec<_> = uploads
                .into_iter()
                .filter(|upload| !stuck.contains(&upload.path))
                .collect();
            for upload in &uploads {
                if !setup.handle(upload, &mut notice)? {
                    stuck.insert(upload.path.clone());
                }
            }
            Ok(uploads.len())
        });
        match (round, mode) {
            (Ok(0), WatchMode::Once) => return Ok(()),
            (Ok(0), WatchMode::Forever) => std::thread::sleep(POLL),
            (Ok(_), _) => {}
            (Err(e), WatchMode::Once) => return Err(e),
            // A watcher left running must outlive a moment without DIST
            // (an upgrade renames it) or a full disk: it says so and tries
            // again.
            (Err(e), WatchMode::Forever) => {
                notice(&WatchNotice::Retrying {
                    error: e.to_string(),
                });
                std::thread::sleep(RETRY);
            }
        }
    }
}

/// The uploads in `incoming`, oldest first.
fn pending(
    incoming: &Path,
    told: &mut HashSet<String>,
    notice: &mut dyn FnMut(&WatchNotice),
) -> Result<Vec<Upload>, WatchError> {
    let err = |source| WatchError::Incoming {
        path: incoming.to_owned(),
        source,
    };
    let mut found = vec![];
    for entry in std::fs::read_dir(incoming).map_err(err)? {
        let entry = entry.map_err(err)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // nginx's unfinished bodies and hidden files are not uploads.
        if name.starts_with('.') {
            continue;
        }
        let upload = status::parse_upload_name(&name);
        // (file_type does not follow a symbolic link.)
        if !entry.file_type().map_err(err)?.is_file() {
            // A folder or link named like an upload would start a systemd
            // watcher (deploy/rops-publish.path) again and again: it is
            // set aside under a hidden name, like a stray file below.
            if upload.is_some() && told.insert(name.clone()) {
                let _ = std::fs::rename(entry.path(), incoming.join(format!(".{name}.not-a-file")));
                notice(&WatchNotice::Ignored { name });
            }
            continue;
        }
        let Some((request, base)) = upload else {
            // A JSON file that is not an upload is set aside under a hidden
            // name: left where it is, it would start a systemd watcher
            // (deploy/rops-publish.path) again and again.
            if name.ends_with(".json") && told.insert(name.clone()) {
                let _ = std::fs::rename(
                    entry.path(),
                    incoming.join(format!(".{name}.not-an-upload")),
                );
                notice(&WatchNotice::Ignored { name });
            }
            continue;
        };
        // The order uploads arrived in, by this server's clock: the
        // inode's change time, set when nginx renamed the finished body
        // into place. Not the modification time, which nginx's WebDAV
        // module takes from the client's Date header: an upload dated
        // 1990 would jump the queue.
        let arrived = entry
            .metadata()
            .map(|m| (m.ctime(), m.ctime_nsec()))
            .unwrap_or((0, 0));
        found.push((arrived, entry.path(), request.to_owned(), base.to_owned()));
    }
    found.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    Ok(found
        .into_iter()
        .map(|(_, path, request, base)| Upload {
            path,
            request,
            base,
        })
        .collect())
}

fn now() -> String {
    clock::rfc3339(clock::now_secs())
}

impl Setup<'_> {
    /// One upload, start to end, under DIST's lock. Whether it was removed.
    fn handle(
        &self,
        upload: &Upload,
        notice: &mut dyn FnMut(&WatchNotice),
    ) -> Result<bool, WatchError> {
        let (request, incoming) = (upload.request.as_str(), self.incoming);
        let dist = canonical(self.dist)?;
        let _lock = lock::DistLock::acquire(&dist, self.dist, IfBusy::Wait, &mut |n: &Notice| {
            notice(&WatchNotice::Publish(clone_notice(n)))
        })?;
        let live = history::read(&dist);
        let name = file_name(&upload.path);
        if live.outcome(request).is_none() {
            let mut tries = Tries::read(&dist);
            if tries.of(&name) >= MAX_TRIES {
                return set_aside(&upload.path, request, &name, &dist, incoming, tries, notice);
            }
            tries.count(&name, incoming);
            tries.write()?;
            let outcome = self.decide(upload, &dist, &live, notice);
            match outcome {
                Ok(None) => {}
                Ok(Some(outcome)) => history::record(&dist, outcome)?,
                // An error after the swap (flushing the parent folder) leaves
                // the upload published: its outcome is already there.
                Err(_) if history::read(&dist).outcome(request).is_some() => {}
                Err(e) => {
                    // The details (paths, system errors) are for the log; the
                    // status, which anyone can read, says what to do.
                    notice(&WatchNotice::Failed {
                        request: request.into(),
                        error: e.to_string(),
                    });
                    history::record(&dist, failed(request, server_fault()))?
                }
            }
            // Finished, whatever the outcome: no longer a try that stopped.
            tries.forget(&name);
            tries.write()?;
        }
        remove(&upload.path, notice)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Removes a handled upload; whether it is gone.
fn remove(upload: &Path, notice: &mut dyn FnMut(&WatchNotice)) -> Result<bool, WatchError> {
    match std::fs::remove_file(upload) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            notice(&WatchNotice::NotRemoved {
                path: upload.to_owned(),
                error,
            });
            Ok(false)
        }
        _ => Ok(true),
    }
}

/// An upload that stopped [`MAX_TRIES`] runs: its outcome says so, and it
/// is moved aside (hidden, so neither the watcher nor systemd's path unit
/// sees it again) for the administrator to look at. Whether it is gone.
fn set_aside(
    upload: &Path,
    request: &str,
    name: &str,
    dist: &Path,
    incoming: &Path,
    mut tries: Tries,
    notice: &mut dyn FnMut(&WatchNotice),
) -> Result<bool, WatchError> {
    let outcome = failed(
        request,
        Text {
            pl: format!("serwer nie zdołał opracować tej wersji: publikowanie jej przerwano {MAX_TRIES} razy przed końcem (może być za duża na ograniczenia serwera). Odłożono ją, strona się nie zmieniła, a kolejne publikacje idą dalej. Powiedz administratorowi albo opublikuj wersję z mniejszą liczbą wydarzeń."),
            en: format!("the server could not process this version: publishing it was cut off {MAX_TRIES} times before the end (it may be too large for the server's limits). It was set aside, the site is unchanged and later publishes go ahead. Tell the administrator, or publish a version with fewer events."),
        },
    );
    history::record(dist, outcome)?;
    let kept = incoming.join(format!(".{name}.failed"));
    let moved = std::fs::rename(upload, &kept).is_ok();
    tries.forget(name);
    tries.write()?;
    if moved {
        notice(&WatchNotice::SetAside {
            request: request.into(),
            kept,
        });
        Ok(true)
    } else {
        remove(upload, notice)
    }
}

/// How many times each upload was started, beside DIST
/// (`.DISTNAME.watch-tries`, a JSON object of file names and counts).
/// Read and written under DIST's lock.
struct Tries {
    path: PathBuf,
    counts: BTreeMap<String, u32>,
}

impl Tries {
    fn read(dist: &Path) -> Tries {
        let path = beside(dist, "watch-tries");
        // Unreadable or corrupt: counted afresh (at worst one more try).
        let counts = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Tries { path, counts }
    }

    fn of(&self, name: &str) -> u32 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// One more start of `name`; entries of uploads no longer in
    /// `incoming` are dropped.
    fn count(&mut self, name: &str, incoming: &Path) {
        self.counts
            .retain(|n, _| n == name || incoming.join(n).is_file());
        *self.counts.entry(name.to_owned()).or_insert(0) += 1;
    }

    fn forget(&mut self, name: &str) {
        self.counts.remove(name);
    }

    /// Written through a new file renamed into place and flushed: a count
    /// lost to a kill right after this would let a jamming upload run for
    /// ever.
    fn write(&self) -> Result<(), PublishError> {
        if self.counts.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => io(Err(e), &self.path),
                _ => Ok(()),
            };
        }
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(".new");
        let text = serde_json::to_vec(&self.counts).unwrap_or_default();
        io(
            super::replace_file(&self.path, Path::new(&tmp), &text),
            &self.path,
        )
    }
}

/// Notices carry an io::Error, which does not clone: what is said is kept.
fn clone_notice(n: &Notice) -> Notice {
    match n {
        Notice::Waiting { dist } => Notice::Waiting { dist: dist.clone() },
        Notice::TwoRenames { dist, error } => Notice::TwoRenames {
            dist: dist.clone(),
            error: std::io::Error::new(error.kind(), error.to_string()),
        },
        Notice::OldTreeLeft { path, error } => Notice::OldTreeLeft {
            path: path.clone(),
            error: std::io::Error::new(error.kind(), error.to_string()),
        },
    }
}

/// The outcome of an upload the server could not publish, saying why.
fn failed(request: &str, message: Text) -> Outcome {
    Outcome {
        request: request.to_owned(),
        result: Verdict::Failed,
        at: now(),
        version: None,
        faults: vec![],
        fault_count: 0,
        message: Some(message),
    }
}

/// A publish that failed on the server's side (disk, permissions).
fn server_fault() -> Text {
    Text {
        pl: "to błąd serwera, nie treści: spróbuj ponownie za chwilę, a jeśli się powtórzy, powiedz administratorowi (szczegóły są w dzienniku programu publish)".into(),
        en: "this is a fault of the server, not of the content: try again in a moment, and if it happens again, tell the administrator (the details are in the publish program's log)".into(),
    }
}

impl Setup<'_> {
    /// The outcome of one upload that must not be published (`Some`), or
    /// `None` when it was published (the publish wrote its outcome). `dist`
    /// is DIST's target, whose `live` status was read under its lock.
    fn decide(
        &self,
        upload: &Upload,
        dist: &Path,
        live: &status::Status,
        notice: &mut dyn FnMut(&WatchNotice),
    ) -> Result<Option<Outcome>, PublishError> {
        let Upload {
            path: upload,
            request,
            base,
        } = upload;
        let (incoming, dist_arg) = (self.incoming, self.dist);
        if let Some(live) = live.version.as_deref().filter(|v| *v != base) {
            notice(&WatchNotice::Stale {
                request: request.into(),
                base: base.into(),
                live: live.into(),
            });
            return Ok(Some(Outcome {
            request: request.to_owned(),
            result: Verdict::Stale,
            at: now(),
            version: Some(live.to_owned()),
            faults: vec![],
            fault_count: 0,
            message: Some(Text {
                pl: format!(
                    "od otwarcia tej kopii opublikowano inną wersję ({live}); nic nie zmieniono"
                ),
                en: format!(
                    "another version ({live}) was published after this copy was opened; nothing was changed"
                ),
            }),
        }));
        }
        let size = io(std::fs::metadata(upload), upload)?.len();
        if size > MAX_UPLOAD {
            return Err(PublishError::Io {
                path: upload.to_owned(),
                source: std::io::Error::other(format!(
                    "{size} bytes, more than the {MAX_UPLOAD} an upload may have"
                )),
            });
        }
        let bytes = io(std::fs::read(upload), upload)?;
        // The bundle is published from a folder of the watcher's own beside
        // DIST, with the files it names.
        let work = Work::create(&beside(dist, "watch"))?;
        let bundle_path = work.0.join("bundle.json");
        io(std::fs::write(&bundle_path, &bytes), &bundle_path)?;
        let mut missing = vec![];
        // The files taken from INCOMING (sent from the editor's file list,
        // or put there by hand), to remove once this upload is decided.
        let mut taken: Vec<Taken> = vec![];
        // A rollback sends a kept version's bundle as it was: its files are
        // the ones it had, even where the live site has another file of that
        // name since.
        let kept = history::kept_version(dist, &live.versions, &bytes)
            .map(|id| kept_media::of_version(dist, &id))
            .unwrap_or_default();
        for (path, name) in media_names(&bytes) {
            let to = work.0.join(&name);
            if to.exists() {
                continue;
            }
            let fresh = incoming.join(&name);
            if fresh.is_file() {
                let seen = Taken::of(&fresh, &path);
                // Copied: the administrator may later write over it in place.
                io(std::fs::copy(&fresh, &to), &fresh)?;
                // Readable by the web server: nginx's WebDAV writes uploads
                // for its user and group only (deploy/upload.conf,
                // dav_access), and a copy keeps that mode, which on the site
                // answers 403.
                use std::os::unix::fs::PermissionsExt;
                let readable = std::fs::Permissions::from_mode(0o644);
                io(std::fs::set_permissions(&to, readable), &to)?;
                taken.extend(seen);
                continue;
            }
            // Then the rollback's own file, the live site's, or the newest
            // kept version's of that name (a file taken off and named again).
            let on_site = dist.join("content").join(&name);
            let found = kept
                .get(&name)
                .cloned()
                .or_else(|| on_site.is_file().then_some(on_site))
                .or_else(|| kept_media::newest_named(dist, &live.versions, &name));
            match found {
                Some(from) => link_or_copy(&from, &to)?,
                None => missing.push((path, name)),
            }
        }
        let (bytes, bundle) = match check_bundle(&bundle_path, dist_arg, bytes) {
            Ok(ok) => ok,
            Err(PublishError::Faults { mut faults, .. }) => {
                // The validator says a file is not beside the bundle; said
                // here in the words of the person who sent the bundle: send
                // the file from the editor's file list.
                for (path, name) in &missing {
                    let message = missing_file(path, name);
                    for f in faults.iter_mut().filter(|f| f.path.starts_with(path)) {
                        f.message = message.clone();
                    }
                }
                // A file sent with this upload that the checks refuse is
                // removed, so that the next publish does not meet it again:
                // the live site keeps its own file of that name, and the
                // editor is told to send a corrected one. Files the checks
                // passed wait for the next upload.
                for t in &taken {
                    let mut refused = false;
                    for f in faults.iter_mut().filter(|f| f.path == t.path) {
                        f.message.pl.push_str(REFUSED_FILE.0);
                        f.message.en.push_str(REFUSED_FILE.1);
                        refused = true;
                    }
                    if refused {
                        t.remove(incoming);
                    }
                }
                notice(&WatchNotice::Refused {
                    request: request.into(),
                    faults: faults.len(),
                });
                return Ok(Some(Outcome {
                    request: request.to_owned(),
                    result: Verdict::Refused,
                    at: now(),
                    version: None,
                    faults,
                    fault_count: 0,
                    message: None,
                }));
            }
            Err(e) => return Err(e),
        };
        let opts = Options {
            app: None,
            bundle: bundle_path,
            dist: dist_arg.to_owned(),
            address: self.address.clone(),
            if_busy: IfBusy::Wait,
            keep: self.keep,
        };
        let report = publish_held(&opts, dist, bytes, &bundle, Some(request), &mut |n| {
            notice(&WatchNotice::Publish(clone_notice(n)))
        })?;
        notice(&WatchNotice::Published {
            request: request.into(),
            version: report.version,
        });
        // Live now, and kept with this version for rollback: the copies in
        // INCOMING have done their work.
        for t in &taken {
            t.remove(incoming);
        }
        Ok(None)
    }
}

/// What is added to the checker's message of a file sent with an upload
/// and refused (the file was removed from the server).
const REFUSED_FILE: (&str, &str) = (
    ". Przesłanego pliku nie przyjęto i usunięto go z serwera; na stronie został poprzedni plik: wyślij poprawiony",
    ". The file sent was not taken and was removed from the server; the site keeps the previous file: send a corrected one",
);

/// A file an upload took from INCOMING, as it was when taken.
struct Taken {
    /// Its name in INCOMING.
    name: String,
    /// The bundle field that names it (`$.sign_language.videos[0].file`).
    path: String,
    /// The file's identity when taken: device, inode, change time, size.
    /// nginx writes each upload to a new file and renames it into place,
    /// so a file sent again while this upload was being published (a new
    /// strip during a publish) is another inode and is left for the next.
    id: (u64, u64, i64, i64, u64),
}

impl Taken {
    fn of(file: &Path, path: &str) -> Option<Taken> {
        let m = std::fs::symlink_metadata(file).ok()?;
        Some(Taken {
            name: file_name(file),
            path: path.to_owned(),
            id: identity(&m),
        })
    }

    /// Removes the file from INCOMING if it is still the one taken.
    fn remove(&self, incoming: &Path) {
        let file = incoming.join(&self.name);
        if std::fs::symlink_metadata(&file).is_ok_and(|m| identity(&m) == self.id) {
            let _ = std::fs::remove_file(&file);
        }
    }
}

fn identity(m: &std::fs::Metadata) -> (u64, u64, i64, i64, u64) {
    (m.dev(), m.ino(), m.ctime(), m.ctime_nsec(), m.len())
}

/// The files a bundle names, as (JSON path, name), each name once; none
/// when the bundle does not parse (the check that follows says why). The
/// names are plain (the parser refuses any other), so they cannot leave
/// the folders they are looked for in.
fn media_names(bytes: &[u8]) -> Vec<(String, String)> {
    let Ok(bundle) = rops_content::parse_bytes(bytes) else {
        return vec![];
    };
    let mut seen = HashSet::new();
    rops_content::media_files(&bundle)
        .into_iter()
        .filter(|(_, name, _)| seen.insert(name.to_string()))
        .map(|(path, name, _)| (path.to_string(), name.to_owned()))
        .collect()
}

/// What an editor is told of a file the server does not have.
fn missing_file(path: &str, name: &str) -> Text {
    if path.starts_with("$.organisation.logo") {
        return Text {
            pl: format!("na serwerze nie ma pliku logo „{name}”: wyślij go z listy plików edytora („Pliki na stronie”) albo usuń logo z treści"),
            en: format!("the server has no logo file “{name}”: send it from the editor's file list (\"Files on the site\") or leave the logo out"),
        };
    }
    Text {
        pl: format!("na serwerze nie ma pliku „{name}”: wyślij go z listy plików edytora („Pliki na stronie”) albo usuń go z treści"),
        en: format!("the server has no file “{name}”: send it from the editor's file list (\"Files on the site\") or leave it out"),
    }
}

/// The watcher's folder for one upload, removed when dropped.
struct Work(PathBuf);

impl Work {
    fn create(path: &Path) -> Result<Work, PublishError> {
        let _ = std::fs::remove_dir_all(path);
        io(std::fs::create_dir_all(path), path)?;
        Ok(Work(path.to_owned()))
    }
}

impl Drop for Work {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_sent_again_while_publishing_is_left_for_the_next_upload() {
        let dir = std::env::temp_dir().join(format!("rops-taken-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let strip = dir.join("pasek.svg");
        std::fs::write(&strip, "old").unwrap();
        let taken = super::Taken::of(&strip, "$.projects[0].eu_visibility.strip.file").unwrap();
        // nginx writes the new upload beside and renames it into place.
        std::fs::write(dir.join(".partial"), "new").unwrap();
        std::fs::rename(dir.join(".partial"), &strip).unwrap();
        taken.remove(&dir);
        assert_eq!(std::fs::read_to_string(&strip).unwrap(), "new");
        // The file taken, unchanged, is removed.
        let taken = super::Taken::of(&strip, "$").unwrap();
        taken.remove(&dir);
        assert!(!strip.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    use super::*;

    #[test]
    fn every_file_the_bundle_names_is_looked_for_once() {
        let bytes = include_bytes!("../../../tests/fixtures/fictional/bundle.json");
        let names: Vec<(String, String)> = media_names(bytes);
        let files: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
        for f in [
            "logo.svg",
            "etr-pomoc.svg",
            "pjm-o-centrum.webm",
            "pjm-o-centrum.pl.vtt",
            "pjm-o-centrum.en.vtt",
            "pjm-plakat.svg",
            "pasek-programu.svg",
        ] {
            assert!(files.contains(&f), "{f}: {files:?}");
        }
        let mut unique = files.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), files.len(), "{files:?}");
        assert_eq!(names[0].0, "$.organisation.logo.file");
        assert!(media_names(b"{not json").is_empty());
    }

    #[test]
    fn a_missing_file_is_named_for_the_editor() {
        let logo = missing_file("$.organisation.logo.file", "a.svg");
        assert!(logo.pl.contains("pliku logo „a.svg”"), "{}", logo.pl);
        let video = missing_file("$.sign_language.videos[0].file", "v.webm");
        assert!(video.en.contains("no file “v.webm”"), "{}", video.en);
    }
}
