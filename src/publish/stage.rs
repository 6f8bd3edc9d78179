//! Writing a publish into a copy of DIST beside it (unchanged files
//! hard-linked) and swapping the copy in by two renames.

use super::digest::{hex, integrity, sha256};
use super::site::Output;
use super::template::TEMPLATE;
use super::{beside, io, BuildProblem, PublishError};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

/// Files a publish owns: every page from the last run (so a removed
/// event's page goes), and the site files it writes (and `brand.css`,
/// which earlier versions wrote, so that it goes).
fn owned(rel: &str) -> bool {
    if editor_file(rel) {
        return false;
    }
    let plain = rel.trim_end_matches(".br").trim_end_matches(".gz");
    let name = plain.rsplit('/').next().unwrap_or(plain);
    (name.ends_with(".html") && name != TEMPLATE)
        || matches!(
            plain,
            "sitemap.xml" | "robots.txt" | "manifest.webmanifest" | "brand.css" | "sw.js"
        )
        || plain.starts_with("content/")
}

/// The content editor's files (scripts/build.sh builds them after the
/// app): not publish's to remove, and not the visitors' to precache.
fn editor_file(rel: &str) -> bool {
    rel.starts_with("editor/") || rel.starts_with("edytor/") || rel.starts_with("en/editor/")
}

/// Writes `out` into a copy of DIST beside it and swaps the copy in.
/// Returns the service worker's new version.
pub(super) fn stage(dist: &Path, out: &Output, logo: Option<&str>) -> Result<String, PublishError> {
    let tmp = beside(dist, "publish-new");
    let old = beside(dist, "publish-old");
    for d in [&tmp, &old] {
        if d.exists() {
            io(std::fs::remove_dir_all(d), d)?;
        }
    }
    let tmp = tmp.as_path();
    // Everything the build made, hard-linked (cheap, and never written to:
    // every file of `out` is a new file).
    let mut kept = vec![];
    walk(dist, dist, &mut kept)?;
    let sw_src = io(
        std::fs::read_to_string(dist.join("sw.js")),
        &dist.join("sw.js"),
    )?;
    for rel in kept.iter().filter(|r| !owned(r)) {
        let to = tmp.join(rel);
        if let Some(dir) = to.parent() {
            io(std::fs::create_dir_all(dir), dir)?;
        }
        let from = dist.join(rel);
        if std::fs::hard_link(&from, &to).is_err() {
            io(std::fs::copy(&from, &to), &from)?;
        }
    }
    let write = |rel: &str, data: &[u8]| -> Result<(), PublishError> {
        let to = tmp.join(rel);
        if let Some(dir) = to.parent() {
            io(std::fs::create_dir_all(dir), dir)?;
        }
        io(std::fs::write(&to, data), &to)
    };
    for (rel, data) in out {
        write(rel, data)?;
    }
    // The worker's precache: the shell (not the pages, not the content),
    // each file with its integrity value; its version follows them all.
    let mut all = vec![];
    walk(tmp, tmp, &mut all)?;
    let precache: BTreeSet<&String> = all
        .iter()
        .filter(|r| {
            let name = r.rsplit('/').next().unwrap_or(r);
            (!r.starts_with("content/") || Some(r.as_str()) == logo)
                && !editor_file(r)
                && !r.ends_with(".br")
                && !r.ends_with(".gz")
                && !matches!(
                    r.as_str(),
                    "sw.js" | "sitemap.xml" | "robots.txt" | TEMPLATE
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
    let sw = stamp_worker(&sw_src, &version, &list).ok_or_else(|| PublishError::Build {
        path: dist.join("sw.js"),
        problem: BuildProblem::NoWorkerStamp,
    })?;
    write("sw.js", sw.as_bytes())?;
    // Compressed copies of what this run wrote (not the content: the
    // server compresses it, so a hand-replaced bundle is never shadowed),
    // on every core. Brotli's best quality costs ~20 ms a page: fine for
    // a site of hundreds of pages, not for tens of thousands, which get
    // a fast quality (a few per cent larger).
    let sw = sw.into_bytes();
    let jobs: Vec<(&String, &Vec<u8>)> = out
        .iter()
        .filter(|(rel, _)| !rel.starts_with("content/") && compressible(rel))
        .collect();
    let sw_name = "sw.js".to_owned();
    let jobs: Vec<(&String, &Vec<u8>)> = jobs.into_iter().chain([(&sw_name, &sw)]).collect();
    let quality = if jobs.len() <= 1000 { 11 } else { 5 };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = jobs.len().div_ceil(threads).max(1);
    let results: Vec<Result<(), PublishError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(per)
            .map(|chunk| {
                let write = &write;
                scope.spawn(move || -> Result<(), PublishError> {
                    for (rel, data) in chunk {
                        write(&format!("{rel}.br"), &brotli(data, quality))?;
                        write(&format!("{rel}.gz"), &gzip(data))?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err(PublishError::Compression)))
            .collect()
    });
    results.into_iter().collect::<Result<(), PublishError>>()?;
    io(std::fs::rename(dist, &old), dist)?;
    if let Err(source) = std::fs::rename(tmp, dist) {
        // Put the old site back rather than leave none.
        let _ = std::fs::rename(&old, dist);
        return Err(PublishError::Io {
            path: dist.to_owned(),
            source,
        });
    }
    io(std::fs::remove_dir_all(&old), &old)?;
    Ok(version)
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

fn compressible(rel: &str) -> bool {
    [
        ".html",
        ".xml",
        ".txt",
        ".webmanifest",
        ".css",
        ".js",
        ".json",
        ".svg",
    ]
    .iter()
    .any(|e| rel.ends_with(e))
}

fn brotli(data: &[u8], quality: u32) -> Vec<u8> {
    let mut out = vec![];
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
        let _ = w.write_all(data);
    }
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::best());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), PublishError> {
    for entry in io(std::fs::read_dir(dir), dir)? {
        let entry = io(entry, dir)?;
        let p = entry.path();
        if io(entry.file_type(), &p)?.is_dir() {
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
}
