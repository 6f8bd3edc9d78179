//! The organisation's logo: which names a bundle may give (pure, part of
//! parsing) and what the file beside the bundle must be (read by the
//! validator, natively). The app shows it as an `<img>`, where a browser
//! runs no script and loads nothing an SVG refers to; the checks keep the
//! file harmless when opened on its own too.

use super::error::{CaptionProblem, MediaProblem};
use super::error::{JsonPath, LogoProblem};
use super::model::Bundle;

/// Logos are small; a larger file is an export accident.
pub const MAX_LOGO_BYTES: u64 = 100 * 1024;

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// A plain file name beside the bundle, safe in a URL path as it is:
/// ASCII letters, digits, `-`, `_` and `.`, no `..`, not hidden, ending in
/// `.svg` or `.png`.
pub fn is_logo_name(name: &str) -> bool {
    is_plain_name(name, &[".svg", ".png"])
}

/// Sign-language recordings are the largest files a bundle names; a longer
/// or sharper recording than this is better split into several.
pub const MAX_VIDEO_BYTES: u64 = 100 * 1024 * 1024;

/// Caption files are text; this is hours of captions.
pub const MAX_CAPTION_BYTES: u64 = 512 * 1024;

/// Names Windows keeps for its devices (`CON.png` opens the console, not
/// a file, on a Windows machine the site or a backup is copied to): never
/// a file's name, whatever its ending or case.
const DEVICE_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether `name` (before its first `.`) is a Windows device name.
pub fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    DEVICE_NAMES.iter().any(|d| stem.eq_ignore_ascii_case(d))
}

/// A plain file name beside the bundle, safe in a URL path as it is
/// (the rules above) and on any file system, with one of `endings`.
fn is_plain_name(name: &str, endings: &[&str]) -> bool {
    name.len() <= 80
        && !name.starts_with('.')
        && !name.contains("..")
        && !is_device_name(name)
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && endings
            .iter()
            .any(|e| name.ends_with(e) && name.len() > e.len())
}

/// A sign-language recording's name: a plain file name ending in .webm or .mp4.
pub fn is_video_name(name: &str) -> bool {
    is_plain_name(name, &[".webm", ".mp4"])
}

/// A caption file's name: a plain file name ending in .vtt.
pub fn is_caption_name(name: &str) -> bool {
    is_plain_name(name, &[".vtt"])
}

/// What a file the bundle names is, which decides its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Logo,
    Picture,
    Video,
    Captions,
}

/// Every file beside the bundle that the bundle names, with its JSON path
/// (as segments) and kind, in bundle order: the logo, the easy-to-read
/// pictures, the sign-language videos, captions and posters, the EU strips.
/// The validator checks them and `publish` copies them.
pub fn media_files(b: &Bundle) -> Vec<(JsonPath, &str, MediaKind)> {
    let root = JsonPath::default();
    let mut out = vec![];
    if let Some(l) = &b.organisation.logo {
        out.push((
            root.key("organisation").key("logo").key("file"),
            l.file.as_str(),
            MediaKind::Logo,
        ));
    }
    if let Some(er) = &b.easy_read {
        for (i, s) in er.sections.iter().enumerate() {
            if let Some(p) = &s.picture {
                let path = root.key("easy_read").key("sections").index(i);
                out.push((
                    path.key("picture").key("file"),
                    p.file.as_str(),
                    MediaKind::Picture,
                ));
            }
        }
    }
    if let Some(sl) = &b.sign_language {
        for (i, v) in sl.videos.iter().enumerate() {
            let path = root.key("sign_language").key("videos").index(i);
            out.push((path.key("file"), v.file.as_str(), MediaKind::Video));
            out.push((
                path.key("captions").key("pl"),
                v.captions.pl.as_str(),
                MediaKind::Captions,
            ));
            if let Some(en) = &v.captions.en {
                out.push((
                    path.key("captions").key("en"),
                    en.as_str(),
                    MediaKind::Captions,
                ));
            }
            if let Some(p) = &v.poster {
                out.push((path.key("poster"), p.as_str(), MediaKind::Picture));
            }
        }
    }
    for (i, p) in b.projects.iter().enumerate() {
        if let Some(v) = &p.eu_visibility {
            out.push((
                root.key("projects")
                    .index(i)
                    .key("eu_visibility")
                    .key("strip")
                    .key("file"),
                v.strip.file.as_str(),
                MediaKind::Picture,
            ));
        }
    }
    out
}

impl MediaKind {
    /// Whether `name` is a name this kind of file may have.
    pub fn allows(self, name: &str) -> bool {
        match self {
            MediaKind::Logo | MediaKind::Picture => is_logo_name(name),
            MediaKind::Video => is_video_name(name),
            MediaKind::Captions => is_caption_name(name),
        }
    }

    /// The endings a name may have, for the fault's message.
    pub fn endings(self) -> &'static str {
        match self {
            MediaKind::Logo | MediaKind::Picture => ".svg, .png",
            MediaKind::Video => ".webm, .mp4",
            MediaKind::Captions => ".vtt",
        }
    }

    /// A file of `bytes` against this kind's limit: a larger one is
    /// refused unread (the server's checks and the editor's alike).
    pub fn size_problem(self, bytes: u64) -> Option<MediaProblem> {
        (bytes > self.limit()).then_some(MediaProblem::TooLarge {
            bytes,
            limit: self.limit(),
        })
    }

    /// How many of a file's first bytes [`media_problem`] needs: a video is
    /// judged by its head (its container's signature); the others, small,
    /// are read whole (`None`).
    pub fn head_bytes(self) -> Option<u64> {
        (self == MediaKind::Video).then_some(64)
    }

    /// The largest such a file may be, in bytes.
    pub fn limit(self) -> u64 {
        match self {
            MediaKind::Logo | MediaKind::Picture => MAX_LOGO_BYTES,
            MediaKind::Video => MAX_VIDEO_BYTES,
            MediaKind::Captions => MAX_CAPTION_BYTES,
        }
    }
}

/// What is wrong with a media file's first bytes (a video is judged by its
/// head: its container's signature), by the kind its name gives.
pub fn media_problem(kind: MediaKind, name: &str, head: &[u8]) -> Option<MediaProblem> {
    match kind {
        MediaKind::Logo | MediaKind::Picture => logo_problem(name, head).map(MediaProblem::Picture),
        MediaKind::Video => {
            let ok = if name.ends_with(".webm") {
                head.starts_with(&[0x1a, 0x45, 0xdf, 0xa3])
            } else {
                head.get(4..8) == Some(b"ftyp")
            };
            (!ok).then_some(MediaProblem::NotVideo)
        }
        MediaKind::Captions => captions_problem(head),
    }
}

/// The most characters a cue may have: two lines of 42 are what a viewer
/// reads in the few seconds a cue is shown; this is several times that.
pub const MAX_CUE_CHARS: usize = 500;

/// The tags WebVTT itself gives cue text (and times, `<00:01.500>`).
const CUE_TAGS: [&str; 8] = ["b", "i", "u", "c", "v", "lang", "ruby", "rt"];

/// A WebVTT file read as the WebVTT standard lays it out (a `WEBVTT` line,
/// a header, then blocks apart by blank lines: a NOTE, or a cue of an
/// optional id, a timing line and its text), refusing what a caption file
/// needs no part of: HTML or any tag WebVTT does not define, STYLE and
/// REGION blocks, and cues too long to read. The first problem, with its
/// line.
pub fn captions_problem(bytes: &[u8]) -> Option<MediaProblem> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let ok = bytes.starts_with(b"WEBVTT")
        && matches!(bytes.get(6), None | Some(b' ' | b'\t' | b'\n' | b'\r'));
    let text = match std::str::from_utf8(bytes) {
        Ok(t) if ok => t,
        _ => return Some(MediaProblem::NotVtt),
    };
    let at = |line: usize, problem| Some(MediaProblem::Captions { line, problem });
    // Blocks: (first line's number, lines); the first block is the header.
    let mut blocks: Vec<(usize, Vec<&str>)> = vec![];
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current.get_or_insert_with(|| (i + 1, vec![])).1.push(line);
        }
    }
    blocks.extend(current);
    for (first, lines) in blocks.into_iter().skip(1) {
        let word = |w: &str| {
            lines[0]
                .strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        };
        if word("NOTE") {
            continue;
        }
        if word("STYLE") || word("REGION") {
            return at(first, CaptionProblem::Style);
        }
        // An optional id line, then the timing line.
        let timing = usize::from(!lines[0].contains("-->"));
        match lines.get(timing) {
            Some(l) if cue_timing_ok(l) => {}
            _ => return at(first + timing.min(lines.len() - 1), CaptionProblem::Timing),
        }
        let cue = &lines[timing + 1..];
        let chars: usize = cue.iter().map(|l| l.chars().count()).sum();
        if chars > MAX_CUE_CHARS {
            return at(
                first + timing + 1,
                CaptionProblem::LongCue {
                    chars,
                    limit: MAX_CUE_CHARS,
                },
            );
        }
        for (j, l) in cue.iter().enumerate() {
            if let Some(tag) = foreign_tag(l) {
                return at(first + timing + 1 + j, CaptionProblem::Markup(tag));
            }
        }
    }
    None
}

/// Whether `line` is `start --> end [settings]`, the end after the start.
fn cue_timing_ok(line: &str) -> bool {
    let Some((start, rest)) = line.split_once("-->") else {
        return false;
    };
    let end = rest.split_whitespace().next().unwrap_or_default();
    // Between the arrow and its times WebVTT wants blanks.
    let spaced = start.ends_with([' ', '\t']) && rest.starts_with([' ', '\t']);
    match (vtt_time(start.trim()), vtt_time(end)) {
        (Some(s), Some(e)) => spaced && e > s,
        _ => false,
    }
}

/// A WebVTT time `[hh:]mm:ss.ttt` in milliseconds.
fn vtt_time(t: &str) -> Option<u64> {
    let (clock, ms) = t.split_once('.')?;
    let digits = |s: &str, n: Option<usize>| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && n.is_none_or(|n| s.len() == n))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    let ms = digits(ms, Some(3))?;
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, s) = match parts[..] {
        [m, s] => (0, digits(m, Some(2))?, digits(s, Some(2))?),
        [h, m, s] if h.len() >= 2 => (digits(h, None)?, digits(m, Some(2))?, digits(s, Some(2))?),
        _ => return None,
    };
    (m < 60 && s < 60).then_some(((h * 60 + m) * 60 + s) * 1000 + ms)
}

/// The first tag in a line of cue text that WebVTT does not define, shown.
fn foreign_tag(line: &str) -> Option<String> {
    let mut rest = line;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let Some(close) = after.find('>') else {
            // A `<` that opens nothing: WebVTT writes it `&lt;`.
            return Some(format!("<{}", after.chars().take(39).collect::<String>()));
        };
        let inner = &after[..close];
        if vtt_time(inner).is_some() {
            rest = &after[close + 1..];
            continue;
        }
        let name = inner.trim_start_matches('/');
        let name = name
            .split(['.', ' ', '\t'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !CUE_TAGS.contains(&name.as_str()) {
            return Some(format!("<{}>", inner.chars().take(38).collect::<String>()));
        }
        rest = &after[close + 1..];
    }
    None
}

/// What is wrong with a logo's bytes, by the kind its name gives.
pub fn logo_problem(name: &str, bytes: &[u8]) -> Option<LogoProblem> {
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Some(LogoProblem::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_LOGO_BYTES,
        });
    }
    if name.ends_with(".png") {
        if !bytes.starts_with(&PNG_SIGNATURE) {
            return Some(LogoProblem::NotPng);
        }
        return png_size_problem(bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => svg_problem(text),
        Err(_) => Some(LogoProblem::NotSvg),
    }
}

/// The widest or tallest picture taken, in pixels: a strip of marks for
/// print is 3 500 px wide; a 40 000 px picture in 100 KiB is a
/// decompression bomb (1.6 GB to draw), not a picture for a web page.
pub const MAX_PICTURE_SIDE: u32 = 8000;

/// A PNG's size from its header (`IHDR`, the first chunk, which PNG
/// requires), refused beyond [`MAX_PICTURE_SIDE`] on either side.
fn png_size_problem(bytes: &[u8]) -> Option<LogoProblem> {
    let be = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4).
    if bytes.get(12..16) != Some(b"IHDR") {
        return Some(LogoProblem::NotPng);
    }
    let (Some(width), Some(height)) = (be(16), be(20)) else {
        return Some(LogoProblem::NotPng);
    };
    (width == 0 || height == 0 || width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE).then_some(
        LogoProblem::TooManyPixels {
            width,
            height,
            limit: MAX_PICTURE_SIDE,
        },
    )
}

/// Elements that run, animate or embed: an animation can set an `href`
/// to `javascript:` after every check of the file's text (`<set
/// attributeName="href" to="javascript:…">`), and the others are script,
/// other documents or media.
const REFUSED_ELEMENTS: [&str; 15] = [
    "script",
    "foreignobject",
    "animate",
    "animatemotion",
    "animatetransform",
    "animatecolor",
    "set",
    "discard",
    "handler",
    "listener",
    "iframe",
    "embed",
    "object",
    "audio",
    "video",
];

/// An SVG logo, read by an XML parser (not by searching its text, which an
/// escape or a processing instruction slips past): an `<svg>` root, no
/// DTD, no processing instruction (`<?xml-stylesheet?>` loads a
/// stylesheet), no element that runs or animates ([`REFUSED_ELEMENTS`]),
/// no event handler, no reference to anything outside the file, and CSS
/// (in `<style>` or a `style` attribute) without escapes (`u\\72l(` is
/// `url(` to a browser) or references out.
pub fn svg_problem(text: &str) -> Option<LogoProblem> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let (mut root, mut in_style) = (false, 0usize);
    loop {
        let event = match xml.read_event() {
            Ok(e) => e,
            Err(_) => return Some(LogoProblem::NotSvg),
        };
        match event {
            Event::DocType(_) => return Some(LogoProblem::SvgDoctype),
            Event::PI(pi) => {
                let whole = format!("{}{}", pi.target(), pi.content());
                let shown: String = whole.chars().take(60).collect();
                return Some(LogoProblem::SvgInstruction(shown.trim().to_owned()));
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name().as_ref().to_owned();
                let local = name
                    .rsplit(':')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if !root {
                    if local != "svg" {
                        return Some(LogoProblem::NotSvg);
                    }
                    root = true;
                }
                if REFUSED_ELEMENTS.contains(&local.as_str()) {
                    return Some(LogoProblem::SvgElement(name));
                }
                for a in e.attributes() {
                    let Ok(a) = a else {
                        return Some(LogoProblem::NotSvg);
                    };
                    let key = a.key.as_ref().to_owned();
                    let key_lower = key.to_ascii_lowercase();
                    let Ok(value) = a.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
                        return Some(LogoProblem::NotSvg);
                    };
                    if key_lower.starts_with("on") {
                        return Some(LogoProblem::SvgHandler(key));
                    }
                    let attr_local = key_lower.rsplit(':').next().unwrap_or_default();
                    if matches!(attr_local, "href" | "src") && !value.trim_start().starts_with('#')
                    {
                        return Some(LogoProblem::SvgExternal(value.chars().take(40).collect()));
                    }
                    if let Some(p) = css_problem(&value) {
                        return Some(p);
                    }
                }
                if local == "style" && !empty {
                    in_style += 1;
                }
            }
            Event::End(e) => {
                let name = e.name();
                let local = name.as_ref().rsplit(':').next().unwrap_or_default();
                if local.eq_ignore_ascii_case("style") {
                    in_style = in_style.saturating_sub(1);
                }
            }
            Event::Text(t) if in_style > 0 => {
                if let Some(p) = css_problem(&t.xml10_content()) {
                    return Some(p);
                }
            }
            Event::CData(t) if in_style > 0 => {
                if let Some(p) = css_problem(&t) {
                    return Some(p);
                }
            }
            Event::Eof => return (!root).then_some(LogoProblem::NotSvg),
            _ => {}
        }
    }
}

/// CSS that could refer outside the file (any attribute's value may be
/// CSS to some element, so every value is asked): escapes are refused
/// outright, so the plain text is what a browser reads.
fn css_problem(css: &str) -> Option<LogoProblem> {
    if css.contains('\\') {
        return Some(LogoProblem::SvgCssEscape(css.chars().take(40).collect()));
    }
    let lower = css.to_ascii_lowercase();
    for at in ["@import", "image-set(", "src("] {
        if lower.contains(at) {
            return Some(LogoProblem::SvgExternal(at.into()));
        }
    }
    for (i, _) in lower.match_indices("url(") {
        let target = lower[i + 4..].trim_start_matches([' ', '\t', '\n', '\r', '"', '\'']);
        if !target.starts_with('#') {
            return Some(LogoProblem::SvgExternal(
                css[i..].chars().take(40).collect(),
            ));
        }
    }
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{check_files, check_logo};

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{
        is_logo_name, logo_problem, media_files, media_problem, MediaKind, MAX_LOGO_BYTES,
    };
    use crate::error::{Fault, FaultKind, JsonPath, LogoProblem, MediaProblem};
    use crate::Bundle;
    use std::io::Read;
    use std::path::Path;

    /// Checks every file the bundle names beside it in `bundle_dir`: the
    /// logo ([`check_logo`]), and the pictures, videos, captions and posters
    /// (they exist, are within their limit, and are what their names say).
    /// A name the parser refused is not read (its fault is reported).
    pub fn check_files(bundle: &Bundle, bundle_dir: &Path) -> Vec<Fault> {
        let mut faults = check_logo_only(bundle, bundle_dir);
        for (path, name, kind) in media_files(bundle) {
            if kind == MediaKind::Logo || !kind.allows(name) {
                continue;
            }
            let file = bundle_dir.join(name);
            let problem = match std::fs::metadata(&file) {
                Err(e) => Some(MediaProblem::Missing(e.to_string())),
                Ok(m) if !m.is_file() => Some(MediaProblem::Missing("not a file".into())),
                Ok(m) => kind.size_problem(m.len()).or_else(|| {
                    let mut head = vec![];
                    let read = std::fs::File::open(&file).and_then(|f| {
                        f.take(kind.head_bytes().unwrap_or(u64::MAX))
                            .read_to_end(&mut head)
                    });
                    match read {
                        Ok(_) => media_problem(kind, name, &head),
                        Err(e) => Some(MediaProblem::Missing(e.to_string())),
                    }
                }),
            };
            if let Some(p) = problem {
                faults.push(Fault {
                    path,
                    at: None,
                    kind: FaultKind::Media(p),
                });
            }
        }
        faults
    }

    /// The logo and every other file the bundle names: see [`check_files`].
    pub fn check_logo(bundle: &Bundle, bundle_dir: &Path) -> Vec<Fault> {
        check_files(bundle, bundle_dir)
    }

    /// Checks the bundle's logo file in `bundle_dir` (the bundle's folder):
    /// it exists, is at most [`MAX_LOGO_BYTES`], and is what its name says
    /// (see [`logo_problem`]). Faults name `$.organisation.logo.file`; give
    /// them their line and column with [`Fault::located_in`]. A name the
    /// parser refused is not read at all (its fault is already reported).
    fn check_logo_only(bundle: &Bundle, bundle_dir: &Path) -> Vec<Fault> {
        let Some(logo) = &bundle.organisation.logo else {
            return vec![];
        };
        if !is_logo_name(&logo.file) {
            return vec![];
        }
        let file = bundle_dir.join(&logo.file);
        let problem = match std::fs::metadata(&file) {
            Err(e) => Some(LogoProblem::Missing(e.to_string())),
            Ok(m) if !m.is_file() => Some(LogoProblem::Missing("not a file".into())),
            Ok(m) if m.len() > MAX_LOGO_BYTES => Some(LogoProblem::TooLarge {
                bytes: m.len(),
                limit: MAX_LOGO_BYTES,
            }),
            Ok(_) => match std::fs::read(&file) {
                Ok(bytes) => logo_problem(&logo.file, &bytes),
                Err(e) => Some(LogoProblem::Missing(e.to_string())),
            },
        };
        problem
            .map(|p| Fault {
                path: JsonPath::default()
                    .key("organisation")
                    .key("logo")
                    .key("file"),
                at: None,
                kind: FaultKind::Logo(p),
            })
            .into_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FaultKind;

    #[test]
    fn logo_names_are_plain_files_beside_the_bundle() {
        for good in ["logo.svg", "logo-2024_small.png", "a.b.svg"] {
            assert!(is_logo_name(good), "{good}");
        }
        for bad in [
            "",
            ".svg",
            "../logo.svg",
            "img/logo.svg",
            "img\\logo.svg",
            "/logo.svg",
            "logo.jpg",
            "logo.SVG",
            ".hidden.svg",
            "logo .svg",
            "logo\".svg",
            "a..svg",
            "a\0.svg",
            "CON.png",
            "con.svg",
            "Nul.tar.png",
            "lpt1.png",
            "com9.svg",
        ] {
            assert!(!is_logo_name(bad), "{bad:?}");
        }
        for bad in ["aux.webm", "prn.mp4", "../x.webm", "a/b.mp4", "x\0.webm"] {
            assert!(!is_video_name(bad), "{bad:?}");
        }
        assert!(!is_caption_name("NUL.vtt"));
        // Only the whole stem is a device: these are ordinary names.
        for good in ["console.png", "con-2.png", "com10.png", "icon.png"] {
            assert!(is_logo_name(good), "{good}");
        }
    }

    /// A PNG's signature and header (`IHDR`) of a `width` × `height` image.
    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(&13u32.to_be_bytes());
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&width.to_be_bytes());
        png.extend_from_slice(&height.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        png
    }

    #[test]
    fn pictures_of_too_many_pixels_are_refused_by_their_header() {
        assert_eq!(logo_problem("l.png", &png(3500, 600)), None);
        assert_eq!(logo_problem("l.png", &png(8000, 8000)), None);
        for (w, h) in [(40_000, 100), (100, 8001), (0, 10)] {
            assert_eq!(
                logo_problem("l.png", &png(w, h)),
                Some(LogoProblem::TooManyPixels {
                    width: w,
                    height: h,
                    limit: MAX_PICTURE_SIDE
                }),
                "{w}×{h}"
            );
        }
        let message = FaultKind::Logo(LogoProblem::TooManyPixels {
            width: 40_000,
            height: 100,
            limit: MAX_PICTURE_SIDE,
        })
        .message(crate::Lang::Pl);
        assert!(message.contains("40000 × 100 pikseli"), "{message}");
        // The signature without its header is no PNG.
        assert_eq!(
            logo_problem("l.png", &PNG_SIGNATURE),
            Some(LogoProblem::NotPng)
        );
    }

    fn vtt(body: &str) -> Option<MediaProblem> {
        media_problem(MediaKind::Captions, "c.vtt", body.as_bytes())
    }

    fn at(line: usize, problem: CaptionProblem) -> Option<MediaProblem> {
        Some(MediaProblem::Captions { line, problem })
    }

    #[test]
    fn captions_are_read_as_webvtt() {
        let good = "\u{feff}WEBVTT - napisy\r\nKind: captions\r\n\r\nNOTE przygotowane <dla> ROPS\r\n\r\n1\r\n00:00.000 --> 00:02.500 line:90%\r\n<v Lektorka>Dzień <b>dobry</b> &lt;3\r\n\r\n01:00:02.500 --> 01:00:04.000\r\nDrugi <c.yellow>napis</c> <00:03.000>dalej\n";
        assert_eq!(vtt(good), None);
        assert_eq!(vtt("WEBVTT\n"), None);
        assert_eq!(vtt("<html>WEBVTT"), Some(MediaProblem::NotVtt));
        assert_eq!(vtt("WEBVTTX\n"), Some(MediaProblem::NotVtt));
        // Markup: HTML, a script, an unclosed tag; each at its line.
        let head = "WEBVTT\n\n00:00.000 --> 00:01.000\n";
        assert_eq!(
            vtt(&format!("{head}Tekst\n<script>alert(1)</script>\n")),
            at(5, CaptionProblem::Markup("<script>".into()))
        );
        assert_eq!(
            vtt(&format!("{head}<img src=x onerror=alert(1)>\n")),
            at(
                4,
                CaptionProblem::Markup("<img src=x onerror=alert(1)>".into())
            )
        );
        assert_eq!(
            vtt(&format!("{head}a <b\n")),
            at(4, CaptionProblem::Markup("<b".into()))
        );
        // Timing lines: malformed, backwards, missing, no blanks round the arrow.
        for bad in [
            "00:00 --> 00:01.000",
            "00:02.000 --> 00:01.000",
            "00:00.000 -> 00:01.000",
            "00:00.000-->00:01.000",
            "00:61.000 --> 01:00.000",
            "1:00:00.000 --> 1:00:01.000",
        ] {
            assert_eq!(
                vtt(&format!("WEBVTT\n\nid\n{bad}\nTekst\n")),
                at(4, CaptionProblem::Timing),
                "{bad}"
            );
        }
        assert_eq!(
            vtt("WEBVTT\n\nsam tekst bez czasu\n"),
            at(3, CaptionProblem::Timing)
        );
        assert_eq!(
            vtt("WEBVTT\n\nSTYLE\n::cue { background: url(https://e.example/x) }\n"),
            at(3, CaptionProblem::Style)
        );
        // A cue nobody can read in time (a 10 MB file is refused by its
        // size before it is read: MAX_CAPTION_BYTES).
        let long = format!("{head}{}\n", "słowo ".repeat(100));
        assert_eq!(
            vtt(&long),
            at(
                4,
                CaptionProblem::LongCue {
                    chars: 600,
                    limit: MAX_CUE_CHARS
                }
            )
        );
        let message = FaultKind::Media(MediaProblem::Captions {
            line: 5,
            problem: CaptionProblem::Markup("<script>".into()),
        })
        .message(crate::Lang::Pl);
        assert!(
            message.contains("wiersz 5") && message.contains("<script>"),
            "{message}"
        );
    }

    #[test]
    fn pngs_are_recognised_by_their_signature() {
        let png = png(100, 40);
        assert_eq!(logo_problem("l.png", &png), None);
        assert_eq!(
            logo_problem("l.png", b"<svg></svg>"),
            Some(LogoProblem::NotPng)
        );
        let big = vec![0u8; MAX_LOGO_BYTES as usize + 1];
        assert!(matches!(
            logo_problem("l.png", &big),
            Some(LogoProblem::TooLarge { .. })
        ));
        assert_eq!(
            logo_problem("l.svg", &[0xff, 0xfe]),
            Some(LogoProblem::NotSvg)
        );
    }

    /// (An attribute without quotes is not XML: a browser shows no such
    /// SVG in an `<img>`, and the parser refuses it too.)
    #[test]
    fn a_plain_svg_passes() {
        let svg = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- logo -->\n\
            <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\
            <defs><linearGradient id=\"g\"/></defs>\
            <rect width='10' height='10' fill=\"url(#g)\"/><use href=\"#g\"/>\
            <text x=\"1\" y=\"9\">one = two</text></svg>";
        assert_eq!(svg_problem(svg), None);
    }

    #[test]
    fn svgs_that_could_run_or_fetch_anything_are_refused() {
        use LogoProblem::*;
        let cases: [(&str, LogoProblem); 12] = [
            ("<html><svg/></html>", NotSvg),
            ("<svgx/>", NotSvg),
            ("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>", SvgDoctype),
            (
                "<svg><script>alert(1)</script></svg>",
                SvgElement("script".into()),
            ),
            ("<svg><svg:script/></svg>", SvgElement("svg:script".into())),
            (
                "<svg><foreignObject/></svg>",
                SvgElement("foreignObject".into()),
            ),
            ("<svg onload=\"alert(1)\"/>", SvgHandler("onload".into())),
            (
                "<svg><rect ONCLICK='x'/></svg>",
                SvgHandler("ONCLICK".into()),
            ),
            (
                "<svg><a href=\"javascript:alert(1)\"/></svg>",
                SvgExternal("javascript:alert(1)".into()),
            ),
            (
                "<svg><image xlink:href=\"//evil.example/x.png\"/></svg>",
                SvgExternal("//evil.example/x.png".into()),
            ),
            (
                "<svg><rect style=\"fill:url( 'http://e.example/a' )\"/></svg>",
                SvgExternal("url( 'http://e.example/a' )".into()),
            ),
            (
                "<svg><style>@import 'x.css';</style></svg>",
                SvgExternal("@import".into()),
            ),
        ];
        for (svg, expected) in cases {
            assert_eq!(svg_problem(svg), Some(expected), "{svg}");
        }
        // Comments do not hide a script from the root check or the scan.
        assert_eq!(
            svg_problem("<!-- a --><svg><!-- <script> --><g/></svg>"),
            None
        );
        assert!(svg_problem("<svg><a href=https://e.example>x</a></svg>").is_some());
    }

    /// What a text search let through, found by parsing.
    #[test]
    fn instructions_animations_and_css_escapes_are_refused() {
        use LogoProblem::*;
        let cases: [(&str, LogoProblem); 8] = [
            (
                "<?xml-stylesheet href=\"https://e.example/a.css\"?><svg/>",
                SvgInstruction("xml-stylesheet href=\"https://e.example/a.css\"".into()),
            ),
            (
                "<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>",
                SvgElement("set".into()),
            ),
            (
                "<svg><animate attributeName=\"href\" values=\"javascript:x\"/></svg>",
                SvgElement("animate".into()),
            ),
            (
                "<svg><rect style=\"fill:u\\72l(https://e.example/x)\"/></svg>",
                SvgCssEscape("fill:u\\72l(https://e.example/x)".into()),
            ),
            (
                "<svg><style>@\\69mport 'https://e.example/x.css';</style></svg>",
                SvgCssEscape("@\\69mport 'https://e.example/x.css';".into()),
            ),
            (
                "<svg><style><![CDATA[ @import 'x.css'; ]]></style></svg>",
                SvgExternal("@import".into()),
            ),
            // A character reference is what the browser reads: decoded first.
            (
                "<svg><a href=\"&#106;avascript:alert(1)\"/></svg>",
                SvgExternal("javascript:alert(1)".into()),
            ),
            (
                "<svg><rect fill=\"url(&#104;ttps://e.example/x)\"/></svg>",
                SvgExternal("url(https://e.example/x)".into()),
            ),
        ];
        for (svg, expected) in cases {
            assert_eq!(svg_problem(svg), Some(expected), "{svg}");
        }
        // Not well-formed XML is not an SVG.
        assert_eq!(svg_problem("<svg><g></svg>"), Some(NotSvg));
        // A reference inside the file stays allowed, also as a reference.
        assert_eq!(
            svg_problem("<svg><use href=\"&#35;g\"/><g id=\"g\"/></svg>"),
            None
        );
    }
}
