//! Writing a publish aside and swapping it in.
//!
//! The new tree is built in a side folder beside DIST,
//! `.DISTNAME.publish-<pid>-<nonce>` (the build's files and DIST's unchanged
//! pages hard-linked, the rest written, all of it flushed with one
//! `syncfs`), then
//! exchanged with DIST in one step, `renameat2(RENAME_EXCHANGE)`: DIST is at
//! every instant a whole tree, the old one or the new one, and stays a real
//! directory (nginx, trunk and the scripts treat it as one). The old tree,
//! now at the side path, is removed last.
//!
//! Only ever called under DIST's lock ([`super::lock`]): the side folders
//! are then nobody else's, which is what makes removing a killed run's
//! leftovers safe.

use super::digest::{hex, integrity, sha256};
use super::history::STATUS;
use super::kept_media::{self, Link};
use super::store::{Store, MANIFEST};
use super::template::TEMPLATE;
use super::tree::{Media, Output};
use super::{beside, io, link_or_copy, sync_dir, BuildProblem, Notice, PublishError};
use rops_content::Lang;
use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What every side folder's name starts with after `.DISTNAME.`.
const SIDE: &str = "publish-";

/// Files a publish owns: every page from the last run (so a removed
/// event's page goes), and the site files it writes (and `brand.css`,
/// which earlier versions wrote, so that it goes), the content with the
/// kept versions, and the status (a stray `.publish-status.json.<pid>`
/// of a killed in-place write too).
fn owned(rel: &str) -> bool {
    if editor_file(rel) {
        return false;
    }
    let plain = rel.trim_end_matches(".br").trim_end_matches(".gz");
    let name = plain.rsplit('/').next().unwrap_or(plain);
    (name.ends_with(".html") && name != TEMPLATE)
        // The root's, and each language's beside its pages (`en/…`).
        || name == "manifest.webmanifest"
        || matches!(
            plain,
            "sitemap.xml"
                | "robots.txt"
                | "brand.css"
                | "sw.js"
                | STATUS
                | MANIFEST
        )
        || (name.starts_with("site-") && name.ends_with(".css") && !plain.contains('/'))
        || plain.starts_with("content/")
        || plain.starts_with(super::open_data::FOLDER)
        || Lang::ALL
            .into_iter()
            .any(|l| plain == super::plain_text::files(l).0)
        || plain.starts_with(&format!(".{STATUS}."))
}

/// The content editor's files (scripts/build.sh builds them after the
/// app): not publish's to remove, and not the visitors' to precache.
fn editor_file(rel: &str) -> bool {
    rel.starts_with("editor/") || rel.starts_with("edytor/") || rel.starts_with("en/editor/")
}

/// A publish being written: the side folder beside DIST with the build's
/// files. Each page goes to the page store ([`super::store`]) as soon as
/// it is rendered (a site of 40 000 pages is never held in memory) and is
/// compressed on worker threads meanwhile; a page whose inputs are those
/// of a page the store has is not rendered, written or compressed again.
/// [`Staging::finish`] adds the rest, places the pages in the tree and
/// swaps it in; dropped before that, it leaves nothing beside DIST but
/// the store.
pub(super) struct Staging {
    /// Declared first: dropped first, so the workers stop (and are joined)
    /// before the side folder is removed.
    workers: Workers,
    side: Side,
    dist: PathBuf,
    app: PathBuf,
    sw_src: String,
    store: Store,
    /// How this site's pages are compressed ([`compression_of`]).
    compression: String,
    /// Pages not rendered again: the store had them for their inputs.
    pub(super) reused: usize,
}

/// Threads compressing what is sent to them, each file as it comes: its
/// `.br` and `.gz` beside it.
struct Workers {
    jobs: Option<std::sync::mpsc::SyncSender<(PathBuf, Vec<u8>)>>,
    handles: Vec<std::thread::JoinHandle<Result<(), PublishError>>>,
}

impl Workers {
    fn start(level: Level) -> Workers {
        // At most 8: the systemd unit bounds the service's tasks (TasksMax).
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        // A few pages queued per thread: rendering never runs far ahead of
        // compressing, so memory stays flat.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(PathBuf, Vec<u8>)>(threads * 4);
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        let handles = (0..threads)
            .map(|_| {
                let rx = rx.clone();
                std::thread::spawn(move || -> Result<(), PublishError> {
                    loop {
                        let job = rx.lock().map_err(|_| PublishError::Compression)?.recv();
                        let Ok((path, data)) = job else {
                            return Ok(());
                        };
                        let gz = level.gzip.map(|l| (".gz", gzip(&data, l)));
                        for (ext, packed) in
                            std::iter::once((".br", brotli(&data, level.brotli))).chain(gz)
                        {
                            let mut to = path.clone().into_os_string();
                            to.push(ext);
                            let to = PathBuf::from(to);
                            io(write_new(&to, &packed), &to)?;
                        }
                    }
                })
            })
            .collect();
        Workers {
            jobs: Some(tx),
            handles,
        }
    }

    fn send(&self, path: PathBuf, data: Vec<u8>) -> Result<(), PublishError> {
        let sent = self.jobs.as_ref().map(|tx| tx.send((path, data)).is_ok());
        // Every worker gone: one of them failed, and `join` says why.
        if sent == Some(true) {
            Ok(())
        } else {
            Err(PublishError::Compression)
        }
    }

    /// Waits for every file sent; the first error, if any.
    fn join(&mut self) -> Result<(), PublishError> {
        self.jobs = None;
        let mut result = Ok(());
        for h in self.handles.drain(..) {
            let r = h.join().unwrap_or(Err(PublishError::Compression));
            if result.is_ok() {
                result = r;
            }
        }
        result
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        let _ = self.join();
    }
}

impl Staging {
    /// A side folder beside `dist` (canonical, and locked by the caller)
    /// with the built app's files from `app` (DIST's own, or a new
    /// release's on an upgrade), for about `pages` pages.
    pub(super) fn begin(dist: &Path, app: &Path, pages: usize) -> Result<Staging, PublishError> {
        let side = Side::create(dist)?;
        let tmp = side.path();
        // Everything the build made, hard-linked (cheap, and never written
        // to: every file a publish writes is a new file, and `write_new`
        // refuses to open one that exists, so a link to DIST's file can
        // never be written through).
        let mut kept = vec![];
        walk(app, app, &mut kept)?;
        let sw_src = io(
            std::fs::read_to_string(app.join("sw.js")),
            &app.join("sw.js"),
        )?;
        for rel in kept.iter().filter(|r| !owned(r)) {
            link_or_copy(&app.join(rel), &tmp.join(rel))?;
        }
        Ok(Staging {
            workers: Workers::start(Level::for_pages(pages)),
            compression: compression_of(pages),
            side,
            dist: dist.to_owned(),
            app: app.to_owned(),
            sw_src,
            store: Store::open(dist)?,
            reused: 0,
        })
    }

    /// Page `rel`, whose inputs hash to `inputs` (`site::Inputs`): taken
    /// from the store if it has a page of these inputs, else rendered by
    /// `render`, written and compressed. Whether DIST already had it as it is.
    pub(super) fn page(
        &mut self,
        rel: &str,
        inputs: &str,
        render: &mut dyn FnMut() -> Vec<u8>,
    ) -> Result<bool, PublishError> {
        if let Some(same) = self.store.reuse(rel, inputs) {
            self.reused += 1;
            return Ok(same);
        }
        let html = render();
        let (same, new) = self.store.add(rel, inputs, &html, &self.compression)?;
        if let Some(path) = new {
            self.workers.send(path, html)?;
        }
        Ok(same)
    }

    /// Writes `out`, the bundle's `media` and the files of the versions
    /// `kept` (links to them), stamps the worker, waits for
    /// the compression, flushes the tree to the disk and swaps it in.
    /// Returns the service worker's new version.
    pub(super) fn finish(
        mut self,
        out: &Output,
        media: &[Media],
        kept: &[Link],
        notice: &mut dyn FnMut(&Notice),
    ) -> Result<String, PublishError> {
        let tmp = self.side.path().to_owned();
        for (rel, data) in out {
            write_in(&tmp, rel, data)?;
        }
        // Copied, not linked: a file beside the bundle may be rewritten in
        // place later (`cp` over it), which must not change the live site
        // (a precached picture would then fail the worker's integrity check).
        for m in media {
            let to = tmp.join(&m.rel);
            if let Some(dir) = to.parent() {
                io(std::fs::create_dir_all(dir), dir)?;
            }
            io(fs::copy(&m.from, &to).map(|_| ()), &m.from)?;
        }
        kept_media::link(&tmp, kept)?;
        let precached_media: BTreeSet<&str> = media
            .iter()
            .filter(|m| m.precache)
            .map(|m| m.rel.as_str())
            .collect();
        // The worker's precache: the shell (not the pages, not the content
        // but its pictures, not the text files and open data, which are not
        // part of the app), each file with its integrity value; its version
        // follows them all.
        let mut all = vec![];
        walk(&tmp, &tmp, &mut all)?;
        let precache: BTreeSet<&String> = all
            .iter()
            .filter(|r| {
                let name = r.rsplit('/').next().unwrap_or(r);
                (!r.starts_with("content/") || precached_media.contains(r.as_str()))
                    && !editor_file(r)
                    && !owned_data(r)
                    && !r.ends_with(".br")
                    && !r.ends_with(".gz")
                    && !matches!(
                        r.as_str(),
                        "sw.js" | "sitemap.xml" | "robots.txt" | TEMPLATE | STATUS
                    )
                    && (!name.ends_with(".html") || r.as_str() == "shell.html")
            })
            .collect();
        let mut list = vec![];
        for rel in &precache {
            let data = io(std::fs::read(tmp.join(rel)), &tmp.join(rel))?;
            list.push(serde_json::json!([rel, integrity(&data)]));
        }
        let list = serde_json::to_string(&list).unwrap_or_default();
        let version = hex(&sha256(list.as_bytes()))[..16].to_owned();
        let sw =
            stamp_worker(&self.sw_src, &version, &list).ok_or_else(|| PublishError::Build {
                path: self.app.join("sw.js"),
                problem: BuildProblem::NoWorkerStamp,
            })?;
        write_in(&tmp, "sw.js", sw.as_bytes())?;
        // Compressed copies of what this run wrote (not the content: the
        // server compresses it, so a hand-replaced bundle is never shadowed).
        for (rel, data) in out
            .iter()
            .filter(|(rel, _)| !rel.starts_with("content/") && compressible(rel))
        {
            self.workers.send(tmp.join(rel), data.clone())?;
        }
        self.workers.send(tmp.join("sw.js"), sw.into_bytes())?;
        self.workers.join()?;
        // Every page compressed: into the store under its name, and into
        // the tree (not precached, so not walked above).
        self.store.place(&self.dist, &tmp)?;
        // Every file and folder on the disk, hard links included, in one
        // call for the whole file system (a flush per file cost more than
        // the writing), so that the tree swapped in is the tree a power
        // cut leaves.
        io(sync_fs(&tmp), &tmp)?;
        let old = swap(&self.dist, &tmp, notice)?;
        let parent = self.dist.parent().unwrap_or(Path::new("/"));
        io(sync_dir(parent), parent)?;
        // Published: a failure from here on is only litter, which the next
        // run removes (under the lock, see `remove_leftovers`).
        if let Err(error) = fs::remove_dir_all(&old) {
            notice(&Notice::OldTreeLeft { path: old, error });
        }
        // The pages only the old tree named. A failure leaves them to the
        // next run.
        if self.store.collect().is_ok() {
            let _ = self.store.mirror();
        }
        Ok(version)
    }
}

/// Writes `rel` below `tmp` as a new file, making its folders.
fn write_in(tmp: &Path, rel: &str, data: &[u8]) -> Result<(), PublishError> {
    let to = tmp.join(rel);
    if let Some(dir) = to.parent() {
        io(std::fs::create_dir_all(dir), dir)?;
    }
    io(write_new(&to, data), &to)
}

/// Flushes everything written to the file system holding `path`.
fn sync_fs(path: &Path) -> std::io::Result<()> {
    let dir = File::open(path)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: the descriptor is open for as long as `dir` lives.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        sync_dirs_of(path)?;
        dir.sync_all()
    }
}

/// A side folder of this run, `.DISTNAME.publish-<pid>-<nonce>`: removed
/// when dropped, so that a run that fails half-way leaves nothing beside
/// DIST. (A killed run leaves it to the next one, see [`remove_leftovers`].)
struct Side(PathBuf);

impl Side {
    fn create(dist: &Path) -> Result<Side, PublishError> {
        // The pid tells whose it is in a listing; the clock, which run of
        // that pid (pids are reused).
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = beside(dist, &format!("{SIDE}{}-{nanos:x}", std::process::id()));
        io(fs::create_dir(&path), &path)?;
        Ok(Side(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Side {
    fn drop(&mut self) {
        // After a swap the old tree is here, already removed (or noticed).
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Whether `name`, beside DIST `dist_name`, is one of publish's side
/// folders: `.DISTNAME.publish-<pid>-<nonce>` (and `…-old`, see [`swap`]),
/// or `.DISTNAME.publish-new` / `-old`, which earlier versions used. The
/// shape is checked, not only the prefix, so that `.a.publish-1.publish-…`
/// (a side folder of a DIST named `a.publish-1`) is not taken for `a`'s.
fn is_side_folder(name: &str, dist_name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_prefix(dist_name))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_prefix(SIDE))
    else {
        return false;
    };
    matches!(rest, "new" | "old")
        || rest.split_once('-').is_some_and(|(pid, nonce)| {
            !pid.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && !nonce.is_empty()
                && nonce
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Removes the side folders of earlier runs that were killed before they
/// could (their lock died with them). Only under DIST's lock: then no
/// running publish is using them.
pub(super) fn remove_leftovers(dist: &Path) -> Result<(), PublishError> {
    let parent = dist.parent().unwrap_or(Path::new("/"));
    let Some(name) = dist.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    for entry in io(fs::read_dir(parent), parent)? {
        let entry = io(entry, parent)?;
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| is_side_folder(n, name))
        {
            io(fs::remove_dir_all(entry.path()), &entry.path())?;
        }
    }
    Ok(())
}

/// Puts the tree at `side` in `dist`'s place; returns where the old tree is now.
fn swap(
    dist: &Path,
    side: &Path,
    notice: &mut dyn FnMut(&Notice),
) -> Result<PathBuf, PublishError> {
    let error = match exchange(side, dist) {
        Ok(()) => return Ok(side.to_owned()),
        Err(e) => e,
    };
    if !matches!(error.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
        return Err(PublishError::Io {
            path: dist.to_owned(),
            source: error,
        });
    }
    // A file system (or kernel) without RENAME_EXCHANGE: the two renames
    // of earlier versions, with DIST missing between them.
    notice(&Notice::TwoRenames {
        dist: dist.to_owned(),
        error,
    });
    let mut old = side.as_os_str().to_owned();
    old.push("-old");
    let old = PathBuf::from(old);
    io(fs::rename(dist, &old), dist)?;
    if let Err(source) = fs::rename(side, dist) {
        // Put the old site back rather than leave none.
        let _ = fs::rename(&old, dist);
        return Err(PublishError::Io {
            path: dist.to_owned(),
            source,
        });
    }
    Ok(old)
}

/// Exchanges two paths in one step (Linux ≥ 3.15; the file system must
/// support it: ext4, xfs, btrfs, tmpfs and overlayfs do).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are NUL-terminated strings that outlive the call, and
    // AT_FDCWD makes relative paths relative to the working directory.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Elsewhere there is no exchange: [`swap`] falls back to two renames.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from_raw_os_error(libc::ENOSYS))
}

/// Writes a new file. New, never truncated: a file that exists in the
/// side folder is one of DIST's, hard-linked. Flushed with the whole tree
/// before the swap ([`sync_fs`]).
fn write_new(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(data)
}

/// Flushes every file and folder below `dir` (where there is no syncfs).
#[cfg(not(target_os = "linux"))]
fn sync_dirs_of(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        File::open(entry.path())?.sync_all()?;
        if entry.file_type()?.is_dir() {
            sync_dirs_of(&entry.path())?;
        }
    }
    Ok(())
}

fn stamp_worker(src: &str, version: &str, list: &str) -> Option<String> {
    let mut found = 0;
    let lines: Vec<String> = src
        .lines()
        .map(|l| {
            if l.starts_with("const VERSION = ") {
                found += 1;
                format!("const VERSION = \"{version}\";")
            } else if l.starts_with("const PRECACHE = ") {
                found += 1;
                format!("const PRECACHE = {list};")
            } else {
                l.to_owned()
            }
        })
        .collect();
    (found == 2).then(|| lines.join("\n") + "\n")
}

/// The machine-readable text and the open data (`.txt` and `dane/`):
/// published for people and programs, never precached.
fn owned_data(rel: &str) -> bool {
    rel.ends_with(".txt")
        || rel.starts_with(super::open_data::FOLDER)
        || Lang::ALL
            .into_iter()
            .any(|l| rel == super::plain_text::files(l).1)
}

fn compressible(rel: &str) -> bool {
    // The status is rewritten in place between publishes (an upload that
    // changed nothing): a precompressed copy would be served stale in its
    // place, as nginx's *_static modules do not compare the two.
    if rel == STATUS {
        return false;
    }
    [
        ".html",
        ".xml",
        ".txt",
        ".csv",
        ".jsonld",
        ".webmanifest",
        ".css",
        ".js",
        ".json",
        ".svg",
    ]
    .iter()
    .any(|e| rel.ends_with(e))
}

/// How hard the compressed copies are squeezed, and whether there is a
/// `.gz` copy at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Level {
    brotli: u32,
    gzip: Option<u32>,
}

impl Level {
    /// Brotli's best quality costs ~20 ms a page: fine for a site of
    /// hundreds of pages, not for tens of thousands, where compressing
    /// was most of a publish (a profile of the 10 000-event site: brotli
    /// and gzip -9 about 70 % of the time), which get fast levels (a few
    /// per cent larger; nginx's own gzip and brotli filters are there for
    /// anything not precompressed anyway). Large sites get no `.gz`
    /// copies either: every browser of the last decade takes brotli, and
    /// nginx gzips the rare page asked for by a client that does not
    /// (`gzip on`; text/html is always in its types); on a fresh
    /// 10 000-event publish gzip was about a third of the publisher's CPU
    /// (user time 31 → 22 s) and `.gz` a fifth of the files written.
    /// Chosen by the site's size alone, so that the same content always
    /// compresses to the same bytes.
    fn for_pages(pages: usize) -> Level {
        if !large_site(pages) {
            Level {
                brotli: 11,
                gzip: Some(9),
            }
        } else {
            Level {
                brotli: 4,
                gzip: None,
            }
        }
    }
}

/// A site past 1 000 pages: its pages are compressed fast and get no
/// `.gz` ([`Level`]), and link the stylesheet instead of carrying it
/// (`Template::link_style`). A few hundred events: any centre's real site
/// is far below it.
pub(super) fn large_site(pages: usize) -> bool {
    pages > 1000
}

/// How a site of `pages` pages is compressed, for the hash of a page's
/// inputs (`site::Inputs`): a page kept from a site of another size would
/// otherwise keep its other compression.
pub(super) fn compression_of(pages: usize) -> String {
    format!("{:?}", Level::for_pages(pages))
}

fn brotli(data: &[u8], quality: u32) -> Vec<u8> {
    // A window no larger than the file (at least 1 KiB, at most 4 MiB): a
    // 40 KB page needs no 4 MiB window, whose tables were set up (and
    // zeroed) for every page.
    let lgwin = (usize::BITS - data.len().max(1024).leading_zeros()).clamp(10, 22);
    let mut out = vec![];
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, quality, lgwin);
        let _ = w.write_all(data);
    }
    out
}

fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::new(level));
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Every file below `dir`, relative to `root`. Symbolic links are not
/// followed nor listed: the only ones are the page store's sections
/// ([`super::store`]), pages, which are neither the app's files nor
/// precached.
fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), PublishError> {
    for entry in io(std::fs::read_dir(dir), dir)? {
        let entry = io(entry, dir)?;
        let p = entry.path();
        let kind = io(entry.file_type(), &p)?;
        if kind.is_symlink() {
            continue;
        }
        if kind.is_dir() {
            walk(root, &p, out)?;
        } else if let Ok(rel) = p.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_is_never_precompressed() {
        // It is replaced in place; a stale .br would be served instead.
        assert!(!compressible(STATUS));
        assert!(compressible("index.html") && compressible("sitemap.xml"));
    }

    #[test]
    fn the_editors_files_are_neither_removed_nor_precached() {
        for f in [
            "editor/index.html",
            "editor/rops-editor-0123456789abcdef_bg.wasm",
            "edytor/index.html",
            "en/editor/index.html",
        ] {
            assert!(editor_file(f) && !owned(f), "{f}");
        }
        for f in [
            "index.html",
            "en/index.html",
            "os-czasu/2015-mokes/index.html",
        ] {
            assert!(owned(f) && !editor_file(f), "{f}");
        }
    }

    #[test]
    fn a_publish_owns_pages_and_site_files_only() {
        assert!(owned("os-czasu/index.html.br"));
        assert!(owned("sitemap.xml"));
        assert!(!owned(TEMPLATE));
        assert!(!owned("rops-es-1234abcd_bg.wasm"));
        assert!(!owned("boot.js"));
    }

    #[test]
    fn a_publish_owns_its_text_files_and_open_data() {
        for f in [
            "o-nas.txt",
            "o-nas.txt.br",
            "o-nas.html",
            "en/about.txt",
            "en/about.html.gz",
            "dane/projekty.csv",
            "dane/wydarzenia.csv.br",
            "dane/dataset.jsonld",
            "content/pjm-o-centrum.webm",
        ] {
            assert!(owned(f), "{f}");
        }
        for f in [
            "o-nas.txt",
            "en/about.html",
            "dane/projekty.csv",
            "dane/dataset.jsonld",
        ] {
            assert!(owned_data(f) && compressible(f), "{f}");
        }
        assert!(!owned_data("shell.html") && !owned_data("content/logo.svg"));
        // Media live in content/, which is never precompressed.
        assert!(!compressible("content/pjm-o-centrum.webm"));
    }

    #[test]
    fn side_folders_are_told_by_their_whole_name() {
        for n in [
            ".dist.publish-4242-18c3f0a1b2",
            ".dist.publish-4242-18c3f0a1b2-old",
            ".dist.publish-new",
            ".dist.publish-old",
        ] {
            assert!(is_side_folder(n, "dist"), "{n}");
        }
        for n in [
            "dist",
            ".dist.publish.lock",
            ".dist.publish-",
            ".dist.publish-4242",
            ".dist.publish-4242-",
            ".dist.publish-x-1",
            ".dist-sub.publish-4242-1",
            ".dist.publish-1.publish-4242-1",
            "dist.publish-4242-1",
        ] {
            assert!(!is_side_folder(n, "dist"), "{n}");
        }
        // Another DIST whose name starts with this one's.
        assert!(!is_side_folder(".a.publish-1.publish-4242-1", "a"));
        assert!(is_side_folder(".a.publish-1.publish-4242-1", "a.publish-1"));
    }
}
