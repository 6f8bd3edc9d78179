//! Publishing a content bundle as the site, without recompiling the wasm:
//! validates the bundle, renders every route in both languages to HTML with
//! the app's own components (full site and embed views), and writes the
//! pages, `shell.html` (the offline fallback), the manifest, `sitemap.xml`,
//! `robots.txt`, the machine-readable text (`o-nas.txt`, `o-nas.html`,
//! `en/about.txt`, `en/about.html`, see `plain_text.rs`), the open data
//! (`dane/`, see `open_data.rs`), compressed copies of all of these, the
//! bundle itself with every file it names (`content/`), and the service
//! worker's precache stamp. Every page's head carries schema.org JSON-LD
//! (`jsonld.rs`) and the address of the accessibility declaration. Each page carries the app's
//! stylesheet and the bundle's accent inline, allowed by its hash (see
//! `Template::page`).
//!
//! DIST is a built app (`scripts/build.sh`; it holds `app.template.html`).
//! [`publish`] is the whole of it; `crates/publish/src/main.rs` is its command line,
//! and [`watch`] (`publish --watch`) calls it for each upload of the editor.
//!
//! What a publish promises about DIST, whatever else runs or dies:
//!
//! - **A faulty bundle changes nothing.** It is refused with the
//!   validator's located messages before DIST is locked or read (by
//!   `publish --watch`, under the lock, with its outcome in the status).
//! - **One publish per DIST at a time.** A run holds an advisory lock on
//!   `.DISTNAME.publish.lock` beside DIST (`lock.rs`) from before it reads
//!   DIST until DIST is replaced. Another run waits for it (after saying
//!   so once, [`Notice::Waiting`]) or, with [`IfBusy::Refuse`], is refused
//!   ([`PublishError::Busy`]). The kernel drops the lock of a killed run.
//! - **DIST is always whole.** Everything is written into a side folder of
//!   this run's own beside DIST, `.DISTNAME.publish-<pid>-<nonce>`
//!   (unchanged files hard-linked), every written file and every folder is
//!   fsync'ed, and one `renameat2(RENAME_EXCHANGE)` swaps it with DIST:
//!   at every instant DIST is the old tree or the new one, and a real
//!   directory. Where the file system cannot exchange, two renames, and a
//!   [`Notice::TwoRenames`] saying so. Side folders left by a killed run
//!   are removed by the next one (`stage.rs`).
//! - **No invented address.** The site's public address is required
//!   ([`SiteAddress`]).

mod address;
mod clock;
mod digest;
mod history;
mod html;
mod jsonld;
mod kept_media;
mod lock;
mod open_data;
mod plain_text;
mod site;
mod stage;
mod store;
mod template;
mod tree;
mod watch;

pub use address::SiteAddress;
pub use rops_app::site_url::{SiteUrl, SiteUrlError};
pub use watch::{watch, WatchError, WatchMode, WatchNotice};

use rops_content::{self as content, Bundle, ContentError, Lang};
use std::path::{Path, PathBuf};

/// What to publish, where, and for which address.
#[derive(Debug, Clone)]
pub struct Options {
    /// The bundle (the files it names, its logo and media, beside it).
    pub bundle: PathBuf,
    /// The built app, replaced by the published site.
    pub dist: PathBuf,
    pub address: SiteAddress,
    /// What to do when another publish is running on DIST.
    pub if_busy: IfBusy,
    /// How many published bundles DIST keeps for rollback, the new one
    /// included (`content/versions/`, listed in `publish-status.json`).
    pub keep: usize,
    /// The built app to publish with, when not DIST's own: an upgrade
    /// (`publish --upgrade NEW_DIST DIST`, deploy/upgrade.sh) publishes the
    /// live bundle with a new release's app, keeping DIST's versions,
    /// media and status, in the same one-step swap as any publish.
    pub app: Option<PathBuf>,
}

/// The versions kept for rollback when not told otherwise.
pub const KEEP_VERSIONS: usize = 10;

/// What to do when another publish holds DIST's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfBusy {
    /// Wait until it is done, then publish on what it published.
    Wait,
    /// Publish nothing: [`PublishError::Busy`].
    Refuse,
}

/// What a publish did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Pages written: every route's, in both languages, full site and
    /// embed views, and the 404 page.
    pub pages: usize,
    /// DIST as the caller named it.
    pub dist: PathBuf,
    /// The address the pages carry, ending with `/`.
    pub site_url: String,
    /// The service worker's new version (it follows every precached file).
    pub worker_version: String,
    /// The content's new version (`publish-status.json`).
    pub version: String,
    /// Of the pages, those whose inputs are a page's the store has: not
    /// rendered, written or compressed again (`store.rs`).
    pub unchanged: usize,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "published {} pages (every language, full site and embed views, and 404) to {} for {}; version {}, service worker {}; {} of them not rendered again (their inputs unchanged)",
            self.pages,
            self.dist.display(),
            self.site_url,
            self.version,
            self.worker_version,
            self.unchanged
        )
    }
}

/// Something a caller should tell its user while a publish runs (it cannot
/// wait until the end: a run waiting for the lock must say why it stands
/// still). None of them stops the publish.
#[derive(Debug)]
pub enum Notice {
    /// Another publish holds DIST's lock; this one waits for it.
    Waiting { dist: PathBuf },
    /// The file system cannot exchange two folders in one step: DIST is
    /// replaced by two renames, and is missing for an instant between them.
    TwoRenames {
        dist: PathBuf,
        error: std::io::Error,
    },
    /// Published, but the old tree could not be removed; the next publish
    /// removes it.
    OldTreeLeft {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Waiting { dist } => {
                write!(
                    f,
                    "another publish is running on {}; waiting…",
                    dist.display()
                )
            }
            Notice::TwoRenames { dist, error } => write!(
                f,
                "{}: this file system cannot exchange two folders in one step ({error}); \
                 replacing it by two renames, between which it is missing for an instant",
                dist.display()
            ),
            Notice::OldTreeLeft { path, error } => write!(
                f,
                "{}: the old site could not be removed ({error}); the next publish removes it",
                path.display()
            ),
        }
    }
}

/// Why nothing (or, for [`PublishError::Io`] after the swap, not all) was
/// published. DIST is left whole in every case.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The bundle has faults; `lines` holds one per fault,
    /// `file:line:col: $.path: message`, as validate-bundle prints them,
    /// and `faults` the same in both languages, for `publish-status.json`.
    #[error("{}: {} fault(s); nothing was published, {} is unchanged", bundle.display(), lines.len(), dist.display())]
    Faults {
        bundle: PathBuf,
        dist: PathBuf,
        lines: Vec<String>,
        faults: Vec<rops_app::status::Fault>,
    },
    /// Another publish is running on DIST, and the caller would not wait.
    #[error("another publish is running on {}; nothing was published", dist.display())]
    Busy { dist: PathBuf },
    /// DIST is not a built app: no template (or no DIST).
    #[error("{}: {source} (build the app first: scripts/build.sh)", path.display())]
    NotBuilt {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file of the built app is not what a publish needs.
    #[error("{}: {problem}", path.display())]
    Build {
        path: PathBuf,
        problem: BuildProblem,
    },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A compression thread panicked.
    #[error("compressing the pages failed")]
    Compression,
}

/// What is wrong with a file of the built app.
#[derive(Debug, thiserror::Error)]
pub enum BuildProblem {
    #[error("no {0}")]
    NoMarker(&'static str),
    #[error("no <base href>")]
    NoBase,
    /// `--local` serves the copy at http://127.0.0.1:8080 and this base.
    #[error("<base href> cannot follow http://127.0.0.1:8080: {0}")]
    Base(SiteUrlError),
    #[error("no stylesheet link")]
    NoStylesheet,
    #[error("holds </style and cannot be inlined")]
    ClosesStyle,
    #[error("VERSION/PRECACHE lines not found")]
    NoWorkerStamp,
    #[error("{0}")]
    Manifest(serde_json::Error),
}

fn io<T>(r: std::io::Result<T>, path: &Path) -> Result<T, PublishError> {
    r.map_err(|source| PublishError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Replaces `path` with `data` in one rename, through `tmp` (flushed
/// first, removed if anything fails): a reader or a kill sees the old file
/// or the new one, never half of one.
fn replace_file(path: &Path, tmp: &Path, data: &[u8]) -> std::io::Result<()> {
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(tmp)?;
        std::io::Write::write_all(&mut f, data)?;
        f.sync_all()?;
        std::fs::rename(tmp, path)
    };
    let r = write();
    if r.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    r
}

/// `to` as a hard link to `from`, or a copy where links are refused. A
/// publish never writes a file in place (only new files, in a new tree), so
/// a link is as good as a copy, and a 100 MiB video is not copied again.
fn link_or_copy(from: &Path, to: &Path) -> Result<(), PublishError> {
    if let Some(dir) = to.parent() {
        io(std::fs::create_dir_all(dir), dir)?;
    }
    if std::fs::hard_link(from, to).is_err() {
        io(std::fs::copy(from, to).map(|_| ()), from)?;
    }
    Ok(())
}

/// Flushes a folder's entries (on Linux a directory opened read-only can be).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// `.DISTNAME.<what>` in DIST's parent folder, for a canonical `dist`.
fn beside(dist: &Path, what: &str) -> PathBuf {
    let name = dist.file_name().and_then(|n| n.to_str()).unwrap_or("dist");
    dist.parent()
        .unwrap_or(Path::new("/"))
        .join(format!(".{name}.{what}"))
}

/// Publishes `opts.bundle` into `opts.dist`; `notice` hears what the user
/// should know while it runs (see [`Notice`]).
pub fn publish(opts: &Options, mut notice: impl FnMut(&Notice)) -> Result<Report, PublishError> {
    // A bundle is checked before the lock, so a faulty one is refused
    // without waiting. Not on an upgrade, which republishes the live
    // bundle: read under the lock, an editor's publish landing meanwhile
    // is not undone.
    let checked = match opts.app {
        None => Some(load_bundle(&opts.bundle, &opts.dist)?),
        Some(_) => None,
    };
    let dist = canonical(&opts.dist)?;
    // From here until the swap, DIST is read (its template, worker, pages,
    // sitemap dates and status) and its side folders written: all under
    // the lock.
    let _lock = lock::DistLock::acquire(&dist, &opts.dist, opts.if_busy, &mut notice)?;
    let (bytes, bundle) = match checked {
        Some(checked) => checked,
        None => load_bundle(&opts.bundle, &opts.dist)?,
    };
    publish_held(opts, &dist, bytes, &bundle, None, &mut notice)
}

/// DIST, canonical, or why it is not a built app.
fn canonical(dist: &Path) -> Result<PathBuf, PublishError> {
    dist.canonicalize()
        .map_err(|source| PublishError::NotBuilt {
            path: dist.to_owned(),
            source,
        })
}

/// The publish itself, for a caller holding DIST's lock (`dist`
/// canonical): `request` is the upload it answers, if any, recorded in
/// the status with the outcome.
fn publish_held(
    opts: &Options,
    dist: &Path,
    bytes: Vec<u8>,
    bundle: &Bundle,
    request: Option<&str>,
    notice: &mut dyn FnMut(&Notice),
) -> Result<Report, PublishError> {
    stage::remove_leftovers(dist)?;
    // The app's files come from the new release on an upgrade.
    let app = match &opts.app {
        Some(app) => canonical(app)?,
        None => dist.to_owned(),
    };
    let template = template::Template::read(&app)?;
    let site_url = match &opts.address {
        SiteAddress::Public(url) => url.clone(),
        SiteAddress::Local => SiteUrl::parse(&format!("http://127.0.0.1:8080{}", template.base()))
            .map_err(|e| PublishError::Build {
                path: app.join("index.html"),
                problem: BuildProblem::Base(e),
            })?,
    };
    let bundle_dir = opts.bundle.parent().unwrap_or(Path::new("."));
    let version = history::Stamp::now(&bytes);
    // DIST's status, read once: the versions kept so far and the first
    // publication (the declaration's date when the bundle gives none). A
    // damaged one is reported and set aside once.
    let old_status = history::read(dist);
    let first_published = history::first_published(&old_status, &version);
    // Pages are written (and compressed) as they are rendered; the 404
    // page is one more.
    let specs = site::pages(bundle);
    let mut staging = stage::Staging::begin(dist, &app, specs.len() + 1)?;
    let mut site = site::render(
        bundle,
        bytes.clone(),
        bundle_dir,
        &app,
        dist,
        template,
        &site_url,
        first_published,
        &specs,
        &mut |rel, inputs, html| staging.page(rel, inputs, html),
    )?;
    let kept = history::add(
        dist,
        &mut site.out,
        &version,
        &bytes,
        bundle,
        request,
        opts.keep,
        old_status,
    )?;
    let links = kept_media::keep(dist, &mut site.out, &version.id, &site.media, &kept)?;
    let reused = staging.reused;
    let worker_version = staging.finish(&site.out, &site.media, &links, notice)?;
    Ok(Report {
        pages: site.pages,
        dist: opts.dist.clone(),
        site_url: site_url.as_str().to_owned(),
        worker_version,
        version: version.id,
        unchanged: reused,
    })
}

/// The bundle's bytes and its checked content, its logo included.
fn load_bundle(path: &Path, dist: &Path) -> Result<(Vec<u8>, Bundle), PublishError> {
    let bytes = io(std::fs::read(path), path)?;
    check_bundle(path, dist, bytes)
}

/// The checked content of `bytes`, read from `path` (its logo beside it).
fn check_bundle(
    path: &Path,
    dist: &Path,
    bytes: Vec<u8>,
) -> Result<(Vec<u8>, Bundle), PublishError> {
    let faults = |list: &[content::Fault]| PublishError::Faults {
        bundle: path.to_owned(),
        dist: dist.to_owned(),
        lines: list.iter().map(|f| fault_line(path, f)).collect(),
        faults: list.iter().map(status_fault).collect(),
    };
    let bundle = match content::parse_bytes(&bytes) {
        Ok(b) => b,
        Err(ContentError::Invalid(list)) => return Err(faults(&list)),
        Err(e) => {
            let at = match &e {
                ContentError::NotUtf8 { at } | ContentError::Syntax { at, .. } => Some(*at),
                _ => None,
            };
            return Err(PublishError::Faults {
                bundle: path.to_owned(),
                dist: dist.to_owned(),
                lines: vec![format!("{}: {e}", path.display())],
                faults: vec![rops_app::status::Fault {
                    path: "$".into(),
                    line: at.map(|a| a.line),
                    column: at.map(|a| a.column),
                    message: whole_file_text(&e),
                }],
            });
        }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let logo_faults = content::check_logo(&bundle, dir);
    if !logo_faults.is_empty() {
        return Err(faults(&logo_faults));
    }
    Ok((bytes, bundle))
}

/// What is wrong with a bundle as a whole, in both languages.
fn whole_file_text(e: &ContentError) -> rops_app::status::Text {
    let pl = match e {
        ContentError::TooLarge { size, limit } => {
            format!("plik treści ma {size} bajtów, więcej niż dopuszczalne {limit}")
        }
        ContentError::Empty => "plik treści jest pusty".to_owned(),
        ContentError::NewerSchema { found, supported } => format!(
            "plik treści ma wersję schematu {found}; ta wersja aplikacji czyta wersję {supported}: zaktualizuj aplikację"
        ),
        ContentError::NotUtf8 { at } => format!("plik treści nie jest tekstem UTF-8 (w {at})"),
        ContentError::Syntax { message, at } => {
            format!("plik treści nie jest poprawnym JSON-em w {at}: {message}")
        }
        ContentError::Invalid(list) => format!("plik treści ma błędy: {}", list.len()),
    };
    rops_app::status::Text {
        pl,
        en: e.to_string(),
    }
}

/// A fault as `publish-status.json` carries it: in both languages.
fn status_fault(f: &content::Fault) -> rops_app::status::Fault {
    rops_app::status::Fault {
        path: f.path.to_string(),
        line: f.at.map(|a| a.line),
        column: f.at.map(|a| a.column),
        // Anyone can read the status: no value of the file in it.
        message: rops_app::status::Text {
            pl: f.kind.without_values().message(Lang::Pl),
            en: f.kind.without_values().message(Lang::En),
        },
    }
}

/// `file:line:col: $.path: message`, as validate-bundle prints a fault.
fn fault_line(path: &Path, f: &content::Fault) -> String {
    let msg = f.kind.message(Lang::En);
    match f.at {
        Some(at) => format!(
            "{}:{}:{}: {}: {msg}",
            path.display(),
            at.line,
            at.column,
            f.path
        ),
        None => format!("{}: {}: {msg}", path.display(), f.path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A built app's few files a publish reads, in a fresh folder.
    fn fake_build(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("rops-publish-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dist = root.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        let files = [
            (
                template::TEMPLATE,
                "<!doctype html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n<title></title>\n<base href=\"/\">\n<!--rops:meta-->\n<link rel=\"stylesheet\" href=\"/style-0123456789abcdef.css\"/>\n</head>\n<body>\n<div id=\"boot\"><a data-boot=\"org\"></a></div><!--/boot-->\n</body>\n</html>\n",
            ),
            ("style-0123456789abcdef.css", "body{margin:0}\n"),
            ("manifest.webmanifest", "{\"icons\":[]}\n"),
            ("sw.js", "const VERSION = \"dev\";\nconst PRECACHE = [];\n"),
        ];
        for (f, text) in files {
            std::fs::write(dist.join(f), text).unwrap();
        }
        dist
    }

    fn read(dist: &Path, rel: &str) -> String {
        std::fs::read_to_string(dist.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    #[test]
    fn a_publish_writes_the_text_files_the_open_data_and_the_media() {
        let dist = fake_build("media");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fictional");
        let opts = Options {
            app: None,
            bundle: fixture.join("bundle.json"),
            dist: dist.clone(),
            address: SiteAddress::Public(SiteUrl::parse("https://example.org/ekonomia/").unwrap()),
            if_busy: IfBusy::Refuse,
            keep: 2,
        };
        publish(&opts, |_| {}).unwrap();
        // Every file the bundle names, as it is, flat in content/.
        for f in [
            "logo.svg",
            "etr-pomoc.svg",
            "pjm-o-centrum.webm",
            "pjm-o-centrum.pl.vtt",
            "pjm-o-centrum.en.vtt",
            "pjm-plakat.svg",
            "pasek-programu.svg",
        ] {
            let published = std::fs::read(dist.join("content").join(f)).unwrap();
            assert_eq!(published, std::fs::read(fixture.join(f)).unwrap(), "{f}");
            // Never precompressed (the content location serves no .br/.gz).
            assert!(!dist.join(format!("content/{f}.br")).exists(), "{f}");
        }
        // The worker precaches the pictures, never the video or captions,
        // nor the text files and open data.
        let sw = read(&dist, "sw.js");
        for f in [
            "content/logo.svg",
            "content/etr-pomoc.svg",
            "content/pjm-plakat.svg",
            "content/pasek-programu.svg",
        ] {
            assert!(sw.contains(&format!("[\"{f}\"")), "{f}: {sw}");
        }
        // (`.webm"`: the manifest's name holds `.webm`.)
        for f in [".webm\"", ".vtt\"", "o-nas", "en/about", "dane/", ".jsonld"] {
            assert!(!sw.contains(f), "{f}: {sw}");
        }
        // The text files, the open data, their compressed copies.
        for f in [
            "o-nas.txt",
            "o-nas.html",
            "en/about.txt",
            "en/about.html",
            "dane/projekty.csv",
            "dane/wydarzenia.csv",
            "dane/dataset.jsonld",
        ] {
            assert!(
                dist.join(f).is_file() && dist.join(format!("{f}.br")).is_file(),
                "{f}"
            );
        }
        assert!(!read(&dist, "sitemap.xml").contains("dane/"));
        // Every page's head: the declaration's address and structured data.
        let page = read(&dist, "en/timeline/index.html");
        assert!(page.contains(
            "<meta name=\"deklaracja-dostępności\" content=\"https://example.org/ekonomia/en/accessibility\">"
        ));
        assert!(page.contains(
            "<script type=\"application/ld+json\">{\"@context\":[\"https://schema.org\",{\"@language\":\"en\"}]"
        ));
        let pl = read(&dist, "finansowanie/index.html");
        assert!(pl.contains("content=\"https://example.org/ekonomia/deklaracja-dostepnosci\""));
        assert!(pl.contains("\"@type\":\"MonetaryGrant\""));
        // A second publish over the first: its own files are replaced, not
        // refused as existing ones.
        publish(&opts, |_| {}).unwrap();
        assert!(dist.join("dane/projekty.csv").is_file());
        let _ = std::fs::remove_dir_all(dist.parent().unwrap());
    }
}
