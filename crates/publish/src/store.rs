//! The page store beside DIST, `.DISTNAME.pages/`: every page a publish
//! writes, kept once by its content, so that the next publish neither
//! renders nor writes again what did not change.
//!
//! - `p/<hash>/index.html` (with `.br`, and `.gz` on sites of up to 1 000
//!   pages): one page, named by the sha256 of its HTML and its compression.
//!   Only a folder the live page list names is trusted (it was flushed
//!   whole before its swap); any other folder of that name is what a killed
//!   run left, maybe half-written, and is written again. Never changed
//!   once live.
//! - `s/<hash>/`: a *section*, a folder of DIST with at least
//!   [`SECTION_FROM`] page folders (the timeline's events, in each
//!   language and view): its own page's files (hard links into `p/`) and
//!   one relative symlink per page folder into `p/`, named by the hash of
//!   that listing. DIST holds the section as one symlink. A one-event edit
//!   of a 10 000-event site then makes two new sections of symbolic links
//!   instead of a tree of 40 000 folders and 120 000 files (which took this
//!   machine's file system about 30 s to make and remove).
//! - DIST's `.publish-pages` lists each page with the hash of its inputs
//!   (`site::Inputs`), its HTML's hash, and the sections: swapped in with
//!   the tree it describes, so it is never ahead of or behind DIST.
//!
//! Pages outside sections are hard links into `p/`: a small site (ROPS's
//! own has 15 events) is a self-contained tree of real files, as before.
//! What no page of the live tree names is removed after the swap.
//!
//! Only used under DIST's lock ([`super::lock`]).

use super::digest::{hex, sha256};
use super::{beside, io, sync_dir, PublishError};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// The list of DIST's pages and sections, in DIST (see the module's doc).
pub(super) const MANIFEST: &str = ".publish-pages";

/// A folder of DIST with this many page folders or more is a section.
/// Chosen well above a centre's usual count of events (ROPS has 15), so
/// that ordinary sites stay plain trees, and well below the thousands at
/// which making and removing the folders dominates a publish.
pub(super) const SECTION_FROM: usize = 64;

/// The suffixes of a page's files: the page, and its compressed copies
/// (a large site's pages have no `.gz`: `stage::Level`).
const COPIES: [&str; 3] = ["", ".br", ".gz"];

/// One page of the tree being written.
struct Placed {
    rel: String,
    inputs: String,
    hash: String,
}

pub(super) struct Store {
    root: PathBuf,
    /// `.DISTNAME.pages`, as the symlinks in DIST name it.
    name: String,
    /// From DIST's manifest: the HTML hash of each inputs hash, and of
    /// each page's file.
    old_by_inputs: HashMap<String, String>,
    old_by_rel: HashMap<String, String>,
    /// The HTML hashes DIST's manifest names.
    known: std::collections::HashSet<String>,
    placed: Vec<Placed>,
    /// The sections of the tree being written: the slot it uses, the slot
    /// to bring up to date after the swap, and the listing.
    sections: Vec<(PathBuf, PathBuf, String)>,
    /// Page folders written this run, by hash.
    pending: BTreeSet<String>,
}

impl Store {
    /// The store beside `dist` (canonical), made if missing.
    pub(super) fn open(dist: &Path) -> Result<Store, PublishError> {
        let root = beside(dist, "pages");
        for sub in ["p", "s"] {
            let dir = root.join(sub);
            io(fs::create_dir_all(&dir), &dir)?;
        }
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut store = Store {
            root,
            name,
            old_by_inputs: HashMap::new(),
            old_by_rel: HashMap::new(),
            known: Default::default(),
            placed: vec![],
            sections: vec![],
            pending: BTreeSet::new(),
        };
        // No manifest (a first publish, a copied DIST) or an unreadable
        // one: every page is rendered, which is always right.
        let text = fs::read_to_string(dist.join(MANIFEST)).unwrap_or_default();
        for line in text.lines() {
            if let ["page", rel, inputs, hash] = line.split('\t').collect::<Vec<_>>()[..] {
                store
                    .old_by_inputs
                    .insert(inputs.to_owned(), hash.to_owned());
                store.old_by_rel.insert(rel.to_owned(), hash.to_owned());
                store.known.insert(hash.to_owned());
            }
        }
        Ok(store)
    }

    fn page_dir(&self, hash: &str) -> PathBuf {
        self.root.join("p").join(hash)
    }

    /// Page `rel` as the store has it for these `inputs`, if it does:
    /// then whether DIST had it as it is.
    pub(super) fn reuse(&mut self, rel: &str, inputs: &str) -> Option<bool> {
        let hash = self.old_by_inputs.get(inputs)?.clone();
        if !self.page_dir(&hash).is_dir() {
            return None;
        }
        let same = self.old_by_rel.get(rel) == Some(&hash);
        self.placed.push(Placed {
            rel: rel.to_owned(),
            inputs: inputs.to_owned(),
            hash,
        });
        Some(same)
    }

    /// Page `rel`, rendered from `inputs` as `html` and compressed as
    /// `compression` says (`stage::compression_of`): whether DIST had it
    /// as it is, and where its HTML was written if the store did not have
    /// it yet (its compressed copies go beside it). The same HTML
    /// compressed otherwise (a site grown past 1 000 pages: other levels,
    /// no `.gz`) is another page of the store, so a page's copies are
    /// always those a fresh publish would make.
    pub(super) fn add(
        &mut self,
        rel: &str,
        inputs: &str,
        html: &[u8],
        compression: &str,
    ) -> Result<(bool, Option<PathBuf>), PublishError> {
        let mut keyed = html.to_vec();
        keyed.extend_from_slice(compression.as_bytes());
        let hash = hex(&sha256(&keyed))[..32].to_owned();
        let same = self.old_by_rel.get(rel) == Some(&hash);
        let dir = self.page_dir(&hash);
        // Only a page the live tree names was flushed whole to the disk
        // (before its swap): any other folder of that name is what a
        // killed run left, maybe half-written, and is written again.
        let trusted = self.pending.contains(&hash) || (self.known.contains(&hash) && dir.is_dir());
        let new = if trusted {
            None
        } else {
            if dir.exists() {
                io(fs::remove_dir_all(&dir), &dir)?;
            }
            io(fs::create_dir(&dir), &dir)?;
            let file = dir.join("index.html");
            io(fs::write(&file, html), &file)?;
            self.pending.insert(hash.clone());
            Some(file)
        };
        self.placed.push(Placed {
            rel: rel.to_owned(),
            inputs: inputs.to_owned(),
            hash,
        });
        Ok((same, new))
    }

    /// Puts every page (their compressed copies done) into the tree at
    /// `side`: sections as symlinks, the rest as hard links, and the
    /// manifest.
    pub(super) fn place(&mut self, dist: &Path, side: &Path) -> Result<(), PublishError> {
        let sections = self.shared_folders(side);
        let mut manifest = String::new();
        let mut in_section = BTreeSet::new();
        for (dir, own, children) in &sections {
            let slot = self.section(dist, dir, own.as_deref(), children)?;
            let link = side.join(dir);
            if let Some(parent) = link.parent() {
                io(fs::create_dir_all(parent), parent)?;
            }
            let up = "../".repeat(dir.split('/').count());
            let target = format!("{up}{}/s/{slot}", self.name);
            io(std::os::unix::fs::symlink(&target, &link), &link)?;
            manifest.push_str(&format!("section\t{dir}\t{slot}\n"));
            in_section.insert(dir.as_str());
        }
        for p in &self.placed {
            let section = in_section.iter().any(|d| {
                p.rel
                    .strip_prefix(d)
                    .is_some_and(|rest| rest.starts_with('/'))
            });
            if !section {
                for suffix in COPIES {
                    let from = self.page_dir(&p.hash).join(format!("index.html{suffix}"));
                    if suffix.is_empty() || fs::symlink_metadata(&from).is_ok() {
                        super::link_or_copy(&from, &side.join(format!("{}{suffix}", p.rel)))?;
                    }
                }
            }
            manifest.push_str(&format!("page\t{}\t{}\t{}\n", p.rel, p.inputs, p.hash));
        }
        let path = side.join(MANIFEST);
        io(fs::write(&path, manifest), &path)
    }

    /// The folders to share: each holding [`SECTION_FROM`] page folders or
    /// more, nothing deeper and nothing else (nothing of the app's or the
    /// site's other files is in it yet at `side`). Each with its own page's
    /// hash, if it is a page, and its page folders' names and hashes.
    #[allow(clippy::type_complexity)]
    fn shared_folders(&self, side: &Path) -> Vec<(String, Option<String>, Vec<(String, String)>)> {
        let mut own: BTreeMap<&str, &str> = BTreeMap::new();
        let mut children: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
        for p in &self.placed {
            let Some(folder) = p.rel.strip_suffix("/index.html") else {
                continue;
            };
            own.insert(folder, &p.hash);
            if let Some((dir, name)) = folder.rsplit_once('/') {
                children
                    .entry(dir)
                    .or_default()
                    .push((name.to_owned(), p.hash.clone()));
            }
        }
        // Below a section there is nothing but its own page and its page
        // folders' pages: a page anywhere deeper keeps it a plain folder.
        let only_leaves = |dir: &str| {
            self.placed.iter().all(|p| {
                let Some(rest) = p.rel.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) else {
                    return true;
                };
                rest == "index.html"
                    || rest
                        .strip_suffix("/index.html")
                        .is_some_and(|name| !name.contains('/'))
            })
        };
        children
            .into_iter()
            .filter(|(dir, kids)| {
                kids.len() >= SECTION_FROM
                    && std::fs::symlink_metadata(side.join(dir)).is_err()
                    && only_leaves(dir)
            })
            .map(|(dir, mut kids)| {
                kids.sort();
                (dir.to_owned(), own.get(dir).map(|h| h.to_string()), kids)
            })
            .collect()
    }

    /// Section `dir` with this listing, in the slot of `s/<key>/` that the
    /// live DIST does not use (the other is live and never touched while
    /// it is). Returns the slot, `<key>/<0|1>`.
    fn section(
        &mut self,
        dist: &Path,
        dir: &str,
        own: Option<&str>,
        children: &[(String, String)],
    ) -> Result<String, PublishError> {
        let key = hex(&sha256(dir.as_bytes()))[..16].to_owned();
        let live = fs::read_link(dist.join(dir)).ok();
        let live_is_0 = live.is_some_and(|l| {
            let l = l.to_string_lossy();
            l.contains(&format!("/s/{key}/")) && l.ends_with("/0")
        });
        let (slot, other) = if live_is_0 { (1, 0) } else { (0, 1) };
        let mut listing = format!("index\t{}\n", own.unwrap_or("-"));
        for (name, hash) in children {
            listing.push_str(&format!("{name}\t{hash}\n"));
        }
        let keyed = self.root.join("s").join(&key);
        let path = keyed.join(slot.to_string());
        self.fill(&path, &listing)?;
        self.sections
            .push((path, keyed.join(other.to_string()), listing));
        Ok(format!("{key}/{slot}"))
    }

    /// After the swap, each section's other slot (no longer live) made
    /// like the live one, so that the next publish changes only what it
    /// changes (a first edit of a fresh 10 000-event site would otherwise
    /// make its sections' 20 000 links anew).
    pub(super) fn mirror(&self) -> Result<(), PublishError> {
        for (_, other, listing) in &self.sections {
            self.fill(other, listing)?;
        }
        Ok(())
    }

    /// Makes the slot at `path` hold `listing` by changing only the entries
    /// that differ from what it held, as its `.listing` says. A slot
    /// without `.listing` (being changed when a run was killed) is made
    /// afresh.
    fn fill(&self, path: &Path, listing: &str) -> Result<(), PublishError> {
        let state = path.join(".listing");
        // A listing cut short by a power cut (empty) says nothing.
        let had = fs::read_to_string(&state)
            .ok()
            .filter(|h| h.starts_with("index\t"));
        if had.as_deref() == Some(listing) {
            return Ok(());
        }
        // From here until the new listing is written, the slot does not
        // vouch for what it holds.
        if had.is_some() {
            io(fs::remove_file(&state), &state)?;
            io(sync_dir(path), path)?;
        } else if fs::symlink_metadata(path).is_ok() {
            io(fs::remove_dir_all(path), path)?;
        }
        io(fs::create_dir_all(path), path)?;
        let parse = |text: &str| -> BTreeMap<String, String> {
            text.lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(n, h)| (n.to_owned(), h.to_owned()))
                .collect()
        };
        let old = parse(had.as_deref().unwrap_or(""));
        let new = parse(listing);
        // Each entry replaced in one rename: a link or file made under a
        // temporary name first.
        let tmp = path.join(".tmp");
        for (name, hash) in &new {
            if old.get(name) == Some(hash) {
                continue;
            }
            if name == "index" {
                for suffix in COPIES {
                    let file = path.join(format!("index.html{suffix}"));
                    let from = self.page_dir(hash).join(format!("index.html{suffix}"));
                    // A copy the new page has not (no page, or no `.gz` on
                    // a large site) goes: nginx must never serve the old
                    // page's `.gz` for the new page.
                    if hash == "-" || (!suffix.is_empty() && fs::symlink_metadata(&from).is_err()) {
                        remove_if_there(&file)?;
                    } else {
                        let _ = fs::remove_file(&tmp);
                        super::link_or_copy(&from, &tmp)?;
                        io(fs::rename(&tmp, &file), &file)?;
                    }
                }
            } else {
                let _ = fs::remove_file(&tmp);
                io(
                    std::os::unix::fs::symlink(format!("../../../p/{hash}"), &tmp),
                    &tmp,
                )?;
                let link = path.join(name);
                io(fs::rename(&tmp, &link), &link)?;
            }
        }
        for name in old.keys().filter(|n| !new.contains_key(*n)) {
            remove_if_there(&path.join(name))?;
        }
        let next = path.join(".listing.new");
        io(fs::write(&next, listing), &next)?;
        io(fs::rename(&next, &state), &state)
    }

    /// After the swap: removes every page and section the live tree (the
    /// one this run placed and swapped in) does not name.
    pub(super) fn collect(&self) -> Result<(), PublishError> {
        let pages: BTreeSet<&str> = self.placed.iter().map(|p| p.hash.as_str()).collect();
        // A section's key is the folder above its slots.
        let sections: BTreeSet<&str> = self
            .sections
            .iter()
            .filter_map(|(slot, _, _)| slot.parent()?.file_name()?.to_str())
            .collect();
        for (sub, keep) in [("p", &pages), ("s", &sections)] {
            let dir = self.root.join(sub);
            for entry in io(fs::read_dir(&dir), &dir)? {
                let entry = io(entry, &dir)?;
                let name = entry.file_name();
                if !keep.contains(name.to_string_lossy().as_ref()) {
                    io(fs::remove_dir_all(entry.path()), &entry.path())?;
                }
            }
        }
        Ok(())
    }
}

fn remove_if_there(path: &Path) -> Result<(), PublishError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => io(Err(e), path),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(rels: &[&str]) -> Store {
        Store {
            root: PathBuf::from("/nonexistent/.dist.pages"),
            name: ".dist.pages".into(),
            old_by_inputs: HashMap::new(),
            old_by_rel: HashMap::new(),
            known: Default::default(),
            sections: vec![],
            placed: rels
                .iter()
                .map(|r| Placed {
                    rel: r.to_string(),
                    inputs: String::new(),
                    hash: format!("h-{r}"),
                })
                .collect(),
            pending: BTreeSet::new(),
        }
    }

    #[test]
    fn only_folders_of_many_leaf_pages_are_sections() {
        let mut rels = vec!["index.html".to_owned(), "os-czasu/index.html".to_owned()];
        for i in 0..SECTION_FROM {
            rels.push(format!("os-czasu/e{i}/index.html"));
            rels.push(format!("embed/os-czasu/e{i}/index.html"));
        }
        // One short of a section.
        for i in 0..SECTION_FROM - 1 {
            rels.push(format!("en/timeline/e{i}/index.html"));
        }
        // Many pages, but one of them has pages below it.
        for i in 0..SECTION_FROM {
            rels.push(format!("deep/e{i}/index.html"));
        }
        rels.push("deep/e0/more/index.html".to_owned());
        let refs: Vec<&str> = rels.iter().map(String::as_str).collect();
        let store = placed(&refs);
        let got: Vec<(String, Option<String>, usize)> = store
            .shared_folders(Path::new("/nonexistent/side"))
            .into_iter()
            .map(|(d, own, kids)| (d, own, kids.len()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("embed/os-czasu".to_owned(), None, SECTION_FROM),
                (
                    "os-czasu".to_owned(),
                    Some("h-os-czasu/index.html".to_owned()),
                    SECTION_FROM
                ),
            ]
        );
    }
}
