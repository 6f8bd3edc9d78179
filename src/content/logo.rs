//! The organisation's logo: which names a bundle may give (pure, part of
//! parsing) and what the file beside the bundle must be (read by the
//! validator, natively). The app shows it as an `<img>`, where a browser
//! runs no script and loads nothing an SVG refers to; the checks keep the
//! file harmless when opened on its own too.

use super::error::LogoProblem;

/// Logos are small; a larger file is an export accident.
pub const MAX_LOGO_BYTES: u64 = 100 * 1024;

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// A plain file name beside the bundle, safe in a URL path as it is:
/// ASCII letters, digits, `-`, `_` and `.`, no `..`, not hidden, ending in
/// `.svg` or `.png`.
pub fn is_logo_name(name: &str) -> bool {
    name.len() <= 80
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && (name.ends_with(".svg") || name.ends_with(".png"))
        && name.len() > 4
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
        return (!bytes.starts_with(&PNG_SIGNATURE)).then_some(LogoProblem::NotPng);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => svg_problem(text),
        Err(_) => Some(LogoProblem::NotSvg),
    }
}

/// An SVG logo: an `<svg>` root, no DTD, no script or foreign content, no
/// event handlers, and no reference to anything outside the file.
pub fn svg_problem(text: &str) -> Option<LogoProblem> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("<!doctype") || lower.contains("<!entity") {
        return Some(LogoProblem::SvgDoctype);
    }
    if !has_svg_root(text) {
        return Some(LogoProblem::NotSvg);
    }
    // CSS may refer out of the file too, in a style element or attribute.
    if lower.contains("@import") {
        return Some(LogoProblem::SvgExternal("@import".into()));
    }
    for (i, _) in lower.match_indices("url(") {
        let target = lower[i + 4..].trim_start_matches([' ', '\t', '\n', '\r', '"', '\'']);
        if !target.starts_with('#') {
            let shown: String = text[i..].chars().take(40).collect();
            return Some(LogoProblem::SvgExternal(shown));
        }
    }
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let skip_to = |end: &str| rest.find(end).map(|i| i + end.len());
        let consumed = if rest.starts_with("<!--") {
            skip_to("-->")
        } else if rest.starts_with("<![CDATA[") {
            skip_to("]]>")
        } else if rest.starts_with("<?") {
            skip_to("?>")
        } else if rest.starts_with("</") || rest.starts_with("<!") {
            skip_to(">")
        } else {
            match tag_problem(&rest[1..]) {
                Ok(len) => Some(1 + len),
                Err(p) => return Some(p),
            }
        };
        // An unclosed comment or tag: nothing more is read from it.
        rest = &rest[consumed?..];
    }
    None
}

/// The root element, after an XML declaration, comments and white space.
fn has_svg_root(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        let end = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else {
            break;
        };
        match rest.find(end) {
            Some(i) => rest = rest[i + end.len()..].trim_start(),
            None => return false,
        }
    }
    rest.strip_prefix("<svg")
        .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/'))
}

/// Checks one start tag (`tag` is what follows its `<`); returns its
/// length up to and including the closing `>`.
fn tag_problem(tag: &str) -> Result<usize, LogoProblem> {
    let b = tag.as_bytes();
    let word_end = |mut i: usize| {
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'/' | b'=') {
            i += 1;
        }
        i
    };
    let name_end = word_end(0);
    let name = tag[..name_end].to_ascii_lowercase();
    let local = name.rsplit(':').next().unwrap_or_default();
    if matches!(local, "script" | "foreignobject") {
        return Err(LogoProblem::SvgElement(tag[..name_end].to_owned()));
    }
    let mut i = name_end;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return Ok(i);
        }
        if b[i] == b'>' {
            return Ok(i + 1);
        }
        let attr_start = i;
        i = word_end(i).max(i + 1);
        let attr = &tag[attr_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            // After the value: past a closing quote, at whatever ends an unquoted one.
            let (start, end, next) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = tag[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                    (i + 1, end, (end + 1).min(b.len()))
                }
                _ => {
                    let end = word_end(i);
                    (i, end, end)
                }
            };
            value = &tag[start..end];
            i = next;
        }
        let attr_lower = attr.to_ascii_lowercase();
        if attr_lower.starts_with("on") {
            return Err(LogoProblem::SvgHandler(attr.to_owned()));
        }
        let local = attr_lower.rsplit(':').next().unwrap_or_default();
        if matches!(local, "href" | "src") && !value.trim_start().starts_with('#') {
            return Err(LogoProblem::SvgExternal(value.chars().take(40).collect()));
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::check_logo;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{is_logo_name, logo_problem, MAX_LOGO_BYTES};
    use crate::content::error::{Fault, FaultKind, JsonPath, LogoProblem};
    use crate::content::Bundle;
    use std::path::Path;

    /// Checks the bundle's logo file in `bundle_dir` (the bundle's folder):
    /// it exists, is at most [`MAX_LOGO_BYTES`], and is what its name says
    /// (see [`logo_problem`]). Faults name `$.organisation.logo.file`; give
    /// them their line and column with [`Fault::located_in`]. A name the
    /// parser refused is not read at all (its fault is already reported).
    pub fn check_logo(bundle: &Bundle, bundle_dir: &Path) -> Vec<Fault> {
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
        ] {
            assert!(!is_logo_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn pngs_are_recognised_by_their_signature() {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(b"rest");
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

    #[test]
    fn a_plain_svg_passes() {
        let svg = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- logo -->\n\
            <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\
            <defs><linearGradient id=\"g\"/></defs>\
            <rect width='10' height=10 fill=\"url(#g)\"/><use href=\"#g\"/>\
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
                SvgExternal("url( 'http://e.example/a' )\"/></svg>".into()),
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
}
