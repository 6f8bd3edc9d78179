//! The files the kept versions name (logo, pictures, videos, captions),
//! kept with them so that a rollback brings them back: each file once, by
//! its content, in `content/versions/media/<sha256>`, and each kept
//! version's list of its files (`content/versions/media/<version>.json`,
//! name → sha256). A publish carries into its new tree the files of every
//! version it keeps, hard-linked from the live tree (a 100 MiB video is
//! never copied again), and no others: a file goes when the last kept
//! version naming it goes. Behind the editors' password, like the versions
//! (nginx's `content/versions/` location).
//!
//! Only ever called under DIST's lock.

use super::digest::hex;
use super::tree::{Media, Output};
use super::{io, link_or_copy, PublishError};
use rops_app::status::Version;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the files and the lists are, below DIST.
pub(super) const STORE: &str = "content/versions/media/";

/// A file of the new tree that is another file's hard link (or copy).
pub(super) struct Link {
    /// Below the new tree.
    pub(super) rel: String,
    pub(super) from: LinkFrom,
}

pub(super) enum LinkFrom {
    /// A file this publish writes into its new tree (below it).
    Staged(String),
    /// A file of the live tree.
    Live(PathBuf),
}

/// The stored file with content `hash`.
fn stored(hash: &str) -> String {
    format!("{STORE}{hash}")
}

/// Version `id`'s list of files.
fn list_of(id: &str) -> String {
    format!("{STORE}{id}.json")
}

/// A file's sha256, read in pieces (a video is never held in memory).
fn hash_file(path: &Path) -> Result<String, PublishError> {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let mut f = io(std::fs::File::open(path), path)?;
    io(std::io::copy(&mut f, &mut h), path)?;
    Ok(hex(&h.finalize()))
}

/// Version `id`'s files in `dist`, by name, as the live tree has them
/// (none when it has no list: published before lists were kept, or its
/// list is damaged).
pub(super) fn of_version(dist: &Path, id: &str) -> BTreeMap<String, PathBuf> {
    std::fs::read(dist.join(list_of(id)))
        .map(|bytes| files(dist, &bytes))
        .unwrap_or_default()
}

/// The files a list (`bytes`) names that `dist` holds, by name.
fn files(dist: &Path, bytes: &[u8]) -> BTreeMap<String, PathBuf> {
    let list: BTreeMap<String, String> = serde_json::from_slice(bytes).unwrap_or_default();
    list.into_iter()
        // Names and hashes from a file on disk: only plain ones.
        .filter(|(name, hash)| plain(name) && plain(hash))
        .map(|(name, hash)| (name, dist.join(stored(&hash))))
        .filter(|(_, path)| path.is_file())
        .collect()
}

/// The newest of `versions` (DIST's kept ones, newest first) with a file
/// named `name`: a file taken off the site and named again.
pub(super) fn newest_named(dist: &Path, versions: &[Version], name: &str) -> Option<PathBuf> {
    versions
        .iter()
        .find_map(|v| of_version(dist, &v.version).remove(name))
}

/// A name with no folder in it (what the validator allows a bundle to name).
fn plain(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '\0'])
}

/// Adds the new version `id`'s list to `out`, and the lists of the
/// versions `kept` beside it; returns the stored files the new tree must
/// hold: the new version's files (`media`, linked to their copies in the
/// new tree) and the kept versions' (linked from the live tree).
pub(super) fn keep(
    dist: &Path,
    out: &mut Output,
    id: &str,
    media: &[Media],
    kept: &[String],
) -> Result<Vec<Link>, PublishError> {
    let mut links: BTreeMap<String, LinkFrom> = BTreeMap::new();
    let mut list = BTreeMap::new();
    for m in media {
        let hash = hash_file(&m.from)?;
        let name = m.rel.strip_prefix("content/").unwrap_or(&m.rel);
        list.insert(name.to_owned(), hash.clone());
        links.insert(stored(&hash), LinkFrom::Staged(m.rel.clone()));
    }
    out.insert(list_of(id), to_json(&list));
    for old in kept {
        let Ok(bytes) = std::fs::read(dist.join(list_of(old))) else {
            continue;
        };
        for path in files(dist, &bytes).into_values() {
            let rel = path
                .strip_prefix(dist)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            links.entry(rel).or_insert(LinkFrom::Live(path));
        }
        out.insert(list_of(old), bytes);
    }
    Ok(links
        .into_iter()
        .map(|(rel, from)| Link { rel, from })
        .collect())
}

fn to_json(list: &BTreeMap<String, String>) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(list).expect("a list serialises");
    v.push(b'\n');
    v
}

/// Makes `links` in the new tree `tmp` (hard links: the same file, no
/// second copy; a copy where the file system refuses).
pub(super) fn link(tmp: &Path, links: &[Link]) -> Result<(), PublishError> {
    for l in links {
        let from = match &l.from {
            LinkFrom::Staged(rel) => tmp.join(rel),
            LinkFrom::Live(path) => path.clone(),
        };
        link_or_copy(&from, &tmp.join(&l.rel))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_names_only_plain_files_in_the_store() {
        let dist = std::env::temp_dir().join(format!("rops-kept-media-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join(STORE)).unwrap();
        std::fs::write(dist.join(stored("abc")), b"video").unwrap();
        std::fs::write(dist.join("secret"), b"not media").unwrap();
        std::fs::write(
            dist.join(list_of("v1")),
            br#"{"film.webm": "abc", "../x": "abc", "y": "../../secret", "gone.svg": "def"}"#,
        )
        .unwrap();
        let files = of_version(&dist, "v1");
        // A name or hash with a folder in it is not followed; a file no
        // longer stored is not offered.
        assert_eq!(
            files.into_iter().collect::<Vec<_>>(),
            vec![("film.webm".to_owned(), dist.join(stored("abc")))]
        );
        assert!(of_version(&dist, "v2").is_empty());
        let _ = std::fs::remove_dir_all(&dist);
    }
}
