//! What a publish remembers: the last published bundles, kept in DIST for
//! rollback (`content/versions/<version>.json`), and `publish-status.json`,
//! which lists them with the outcome of the last uploads
//! ([`rops_app::status`]). Both are written with the site: a publish puts
//! them into its new tree, so they change in the same swap as the pages.
//! An upload that publishes nothing (refused, stale, failed) only adds its
//! outcome, replacing the status file in place ([`record`]).
//!
//! Only ever called under DIST's lock.

use super::clock::{now_secs, rfc3339};
use super::digest::{hex, sha256};
use super::tree::Output;
use super::{io, PublishError};
use rops_app::status::{self, Outcome, Status, Verdict, Version};
use rops_content::{self as content, Bundle};
use std::path::Path;

/// The status file, at DIST's top.
pub(super) const STATUS: &str = "publish-status.json";
/// Where the kept bundles are, below DIST.
const VERSIONS: &str = "content/versions/";

/// A new version's name and time.
pub(super) struct Stamp {
    /// `20261204T071500Z-1a2b3c4d`.
    pub(super) id: String,
    /// `2026-12-04T07:15:00Z`.
    pub(super) at: String,
}

impl Stamp {
    /// The version of `bytes`, published now.
    pub(super) fn now(bytes: &[u8]) -> Stamp {
        Stamp::at_time(now_secs(), bytes)
    }

    fn at_time(secs: i64, bytes: &[u8]) -> Stamp {
        let at = rfc3339(secs);
        let compact: String = at.chars().filter(|c| !matches!(c, '-' | ':')).collect();
        Stamp {
            id: format!("{compact}-{}", &hex(&sha256(bytes))[..8]),
            at,
        }
    }
}

/// The day the site of status `old` was first published: its record, or
/// this publish's for a first one. A site whose status the disk lost counts
/// from its oldest kept version.
pub(super) fn first_published(old: &Status, stamp: &Stamp) -> content::DateValue {
    let at = old.first_published_or(&stamp.at);
    content::DateValue::parse(at.get(..10).unwrap_or_default())
        .or_else(|_| content::DateValue::parse(&stamp.at[..10]))
        .unwrap_or(content::DateValue::NotGiven)
}

/// DIST's status; an empty one when there is none yet (a site published
/// before there were statuses).
///
/// A status that cannot be read (damaged by hand or by a disk) is copied
/// aside beside DIST for the administrator (`.DISTNAME.status-damaged-<time>`),
/// said on standard error, and rebuilt from the kept bundles in DIST: the
/// newest is the live version (every publish keeps its own). Treating it as
/// empty instead turned the stale check off and the next publish deleted
/// every kept version.
pub(super) fn read(dist: &Path) -> Status {
    let path = dist.join(STATUS);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Status::default(),
        Err(e) => {
            eprintln!(
                "publish: {}: {e}; rebuilt from the kept versions",
                path.display()
            );
            return rebuilt(dist);
        }
    };
    match serde_json::from_slice(&bytes) {
        Ok(st) => st,
        Err(e) => {
            let kept = super::beside(dist, &format!("status-damaged-{}", now_secs()));
            let saved = std::fs::write(&kept, &bytes).map_or_else(
                |e| format!("not kept ({e})"),
                |()| format!("kept as {}", kept.display()),
            );
            eprintln!(
                "publish: {} is damaged ({e}): {saved}; rebuilt from the kept versions",
                path.display()
            );
            rebuilt(dist)
        }
    }
}

/// A status rebuilt from the bundles kept in DIST, newest first; the
/// outcomes of uploads are lost (editors waiting on one are told to check
/// the site).
fn rebuilt(dist: &Path) -> Status {
    let mut names: Vec<String> = std::fs::read_dir(dist.join(VERSIONS))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".json")?;
            file_of(id).map(|_| id.to_owned())
        })
        .collect();
    // Versions begin with their time, so they sort by it.
    names.sort_unstable_by(|a, b| b.cmp(a));
    let versions: Vec<Version> = names
        .into_iter()
        .map(|id| {
            let published_at = id
                .get(..16)
                .map(|t| {
                    format!(
                        "{}-{}-{}T{}:{}:{}Z",
                        &t[..4],
                        &t[4..6],
                        &t[6..8],
                        &t[9..11],
                        &t[11..13],
                        &t[13..15]
                    )
                })
                .unwrap_or_default();
            Version {
                file: file_of(&id).expect("a token"),
                version: id,
                published_at,
                name: status::Text::default(),
                events: 0,
            }
        })
        .collect();
    Status {
        format: status::FORMAT,
        version: versions.first().map(|v| v.version.clone()),
        versions,
        requests: vec![],
        first_published: None,
    }
}

/// The file a kept version lives in, if `id` is a version's name.
fn file_of(id: &str) -> Option<String> {
    status::is_token(id).then(|| format!("{VERSIONS}{id}.json"))
}

/// Adds to `out` (the new tree) the new version's bundle, the previous
/// versions still kept (at most `keep` in all, from `old`, DIST's status
/// as [`read`] gave it) and the status listing them, with `request`'s
/// outcome when the publish answers an upload.
/// Returns the previous versions kept, whose files
/// ([`super::kept_media`]) the new tree keeps too.
#[allow(clippy::too_many_arguments)]
pub(super) fn add(
    dist: &Path,
    out: &mut Output,
    stamp: &Stamp,
    bytes: &[u8],
    bundle: &Bundle,
    request: Option<&str>,
    keep: usize,
    old: Status,
) -> Result<Vec<String>, PublishError> {
    let first_published = Some(old.first_published_or(&stamp.at));
    let file = file_of(&stamp.id).expect("a stamp is a token");
    let mut versions = vec![Version {
        version: stamp.id.clone(),
        published_at: stamp.at.clone(),
        file: file.clone(),
        name: status::Text {
            pl: bundle
                .organisation
                .name
                .in_lang(content::Lang::Pl)
                .to_owned(),
            en: bundle
                .organisation
                .name
                .in_lang(content::Lang::En)
                .to_owned(),
        },
        events: bundle.events.len(),
    }];
    out.insert(file, bytes.to_vec());
    for v in old.versions {
        if versions.len() >= keep.max(1) {
            break;
        }
        // A version's file is what it names, or it is not kept (a status
        // edited by hand, a file removed): never a path of its own choosing.
        let Some(file) = file_of(&v.version).filter(|f| *f == v.file) else {
            continue;
        };
        if v.version == stamp.id {
            continue;
        }
        if let Ok(kept) = std::fs::read(dist.join(&file)) {
            out.insert(file, kept);
            versions.push(v);
        }
    }
    let mut requests = old.requests;
    if let Some(request) = request {
        requests.insert(
            0,
            Outcome {
                request: request.to_owned(),
                result: Verdict::Published,
                at: stamp.at.clone(),
                version: Some(stamp.id.clone()),
                faults: vec![],
                fault_count: 0,
                message: None,
            },
        );
    }
    requests.truncate(status::KEEP_REQUESTS);
    let new = Status {
        format: status::FORMAT,
        version: Some(stamp.id.clone()),
        versions,
        requests,
        first_published,
    };
    out.insert(STATUS.into(), to_json(&new));
    Ok(new.versions[1..]
        .iter()
        .map(|v| v.version.clone())
        .collect())
}

/// The one of `versions` (DIST's kept ones) whose bundle is `bytes`, if
/// any: an upload that is a rollback to it.
pub(super) fn kept_version(dist: &Path, versions: &[Version], bytes: &[u8]) -> Option<String> {
    // A version's name ends with its bundle's hash: only those are read.
    let hash = hex(&sha256(bytes));
    versions
        .iter()
        .filter(|v| v.version.ends_with(&hash[..8]))
        .filter_map(|v| file_of(&v.version).map(|f| (&v.version, f)))
        .find(|(_, file)| std::fs::read(dist.join(file)).is_ok_and(|b| b == bytes))
        .map(|(id, _)| id.clone())
}

fn to_json(s: &Status) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(s).expect("a status serialises");
    v.push(b'\n');
    v
}

/// Adds the outcome of an upload that changed nothing to DIST's status,
/// replacing the file in one rename (a reader sees the old file or the new
/// one). The site is untouched.
pub(super) fn record(dist: &Path, outcome: Outcome) -> Result<(), PublishError> {
    let mut st = read(dist);
    st.format = status::FORMAT;
    st.requests.insert(0, outcome.cut_faults());
    st.requests.truncate(status::KEEP_REQUESTS);
    let path = dist.join(STATUS);
    let tmp = dist.join(format!(".{STATUS}.{}", std::process::id()));
    io(
        super::replace_file(&path, &tmp, &to_json(&st))
            .and_then(|()| std::fs::File::open(dist)?.sync_all()),
        &path,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_and_versions_sort_by_time() {
        assert_eq!(rfc3339(1_795_651_200), "2026-11-26T00:00:00Z");
        assert_eq!(rfc3339(1_795_651_200 + 3_723), "2026-11-26T01:02:03Z");
        let s = Stamp::at_time(1_795_654_923, b"abc");
        // printf abc | sha256sum: ba7816bf…
        assert_eq!(s.id, "20261126T010203Z-ba7816bf");
        assert_eq!(s.at, "2026-11-26T01:02:03Z");
        assert!(status::is_token(&s.id));
    }

    #[test]
    fn a_version_file_is_only_ever_its_own_name() {
        assert_eq!(
            file_of("20261126T010203Z-ba7816bf").as_deref(),
            Some("content/versions/20261126T010203Z-ba7816bf.json")
        );
        assert_eq!(file_of("../../etc/passwd"), None);
        assert_eq!(file_of(""), None);
    }
}
