//! The app's pages and their addresses in each language. Pure, so the
//! mapping both ways is unit-tested natively.
//!
//! Polish lives at the root, English under `/en`: the language is part of the
//! address, so a shared link opens in the language it was shared in.

use crate::content::query::Filter;
use crate::content::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    About,
    Timeline,
    Funding,
    /// The accessibility declaration, linked from every page's footer.
    Accessibility,
    /// The embed-snippet generator for portal editors.
    EmbedCode,
}

impl Page {
    pub const NAV: [Page; 3] = [Page::About, Page::Timeline, Page::Funding];
    pub const ALL: [Page; 4] = [
        Page::About,
        Page::Timeline,
        Page::Funding,
        Page::Accessibility,
    ];

    /// Path below the router base, e.g. `/os-czasu` or `/en/timeline`.
    pub fn path(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Page::About, Lang::Pl) => "/",
            (Page::Timeline, Lang::Pl) => "/os-czasu",
            (Page::Funding, Lang::Pl) => "/finansowanie",
            (Page::Accessibility, Lang::Pl) => "/deklaracja-dostepnosci",
            (Page::Accessibility, Lang::En) => "/en/accessibility",
            (Page::EmbedCode, Lang::Pl) => "/osadz",
            (Page::EmbedCode, Lang::En) => "/en/embed-code",
            (Page::About, Lang::En) => "/en",
            (Page::Timeline, Lang::En) => "/en/timeline",
            (Page::Funding, Lang::En) => "/en/funding",
        }
    }

    pub fn from_path(path: &str) -> Option<(Page, Lang)> {
        let path = match path.trim_end_matches('/') {
            "" => "/",
            p => p,
        };
        Page::ALL
            .into_iter()
            .flat_map(|p| Lang::ALL.map(|l| (p, l)))
            .find(|(p, l)| p.path(*l) == path)
    }
}

/// Embedded views live under `/embed` (Polish) and `/en/embed` (English):
/// the same pages without the site's header, navigation and footer.
pub fn is_embed_path(path: &str) -> bool {
    path == "/embed"
        || path.starts_with("/embed/")
        || path == "/en/embed"
        || path.starts_with("/en/embed/")
}

/// The embedded twin of a full-app address (query kept): `/os-czasu?kind=award`
/// → `/embed/os-czasu?kind=award`, `/en/timeline/x` → `/en/embed/timeline/x`.
pub fn to_embed(path: &str) -> String {
    if is_embed_path(path) {
        return path.to_owned();
    }
    match path.strip_prefix("/en") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') || rest.starts_with('?') => {
            format!("/en/embed{rest}")
        }
        _ => format!("/embed{path}"),
    }
}

/// The full-app address of an embedded view ("open full view").
pub fn from_embed(path: &str) -> String {
    if let Some(rest) = path.strip_prefix("/en/embed") {
        format!("/en{rest}")
    } else if let Some(rest) = path.strip_prefix("/embed") {
        if rest.is_empty() || rest.starts_with('?') {
            format!("/{rest}")
        } else {
            rest.to_owned()
        }
    } else {
        path.to_owned()
    }
}

/// The language an address is in: `/en` and below is English, the rest Polish.
pub fn lang_of_path(path: &str) -> Lang {
    if path == "/en" || path.starts_with("/en/") {
        Lang::En
    } else {
        Lang::Pl
    }
}

/// The same place in the other language; unknown pages go to the other
/// language's home rather than to a 404.
pub fn switch_language(path: &str) -> String {
    let from = lang_of_path(path);
    if let Some(id) = event_id_of_path(path) {
        return event_path(from.other(), id);
    }
    match Page::from_path(path) {
        Some((page, _)) => page.path(from.other()).to_owned(),
        None => Page::About.path(from.other()).to_owned(),
    }
}

pub fn timeline_path(lang: Lang) -> &'static str {
    Page::Timeline.path(lang)
}

/// An event's own address: `/os-czasu/{id}` or `/en/timeline/{id}`.
pub fn event_path(lang: Lang, id: &str) -> String {
    format!("{}/{}", timeline_path(lang), encode(id))
}

pub fn event_id_of_path(path: &str) -> Option<&str> {
    Lang::ALL.into_iter().find_map(|l| {
        path.strip_prefix(timeline_path(l))?
            .strip_prefix('/')
            .filter(|id| !id.is_empty() && !id.contains('/'))
    })
}

/// `path?filter` (or just `path` when the filter is empty).
pub fn with_query(path: &str, f: &Filter) -> String {
    let pairs = f.to_pairs();
    if pairs.is_empty() {
        return path.to_owned();
    }
    let q: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("{path}?{}", q.join("&"))
}

/// Percent-encoding for a query value or path segment (RFC 3986 unreserved
/// characters and `,` pass through; everything else as UTF-8 %XX).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::EventKind;

    #[test]
    fn every_page_round_trips_in_both_languages() {
        for p in Page::ALL {
            for l in Lang::ALL {
                assert_eq!(Page::from_path(p.path(l)), Some((p, l)));
                assert_eq!(lang_of_path(p.path(l)), l);
            }
        }
        assert_eq!(Page::from_path("/en/"), Some((Page::About, Lang::En)));
        assert_eq!(
            Page::from_path("/os-czasu/"),
            Some((Page::Timeline, Lang::Pl))
        );
        assert_eq!(Page::from_path("/nope"), None);
    }

    #[test]
    fn language_switch_keeps_the_page() {
        assert_eq!(switch_language("/os-czasu"), "/en/timeline");
        assert_eq!(switch_language("/en/funding"), "/finansowanie");
        assert_eq!(switch_language("/"), "/en");
        assert_eq!(switch_language("/en"), "/");
        assert_eq!(switch_language("/missing"), "/en");
        assert_eq!(lang_of_path("/english"), Lang::Pl);
        assert_eq!(
            switch_language("/os-czasu/2016-regiostars"),
            "/en/timeline/2016-regiostars"
        );
        assert_eq!(
            switch_language("/en/timeline/2016-regiostars"),
            "/os-czasu/2016-regiostars"
        );
    }

    #[test]
    fn embed_addresses_round_trip() {
        for p in [
            "/os-czasu",
            "/os-czasu/2015-mokes",
            "/finansowanie",
            "/en/timeline?kind=award",
            "/en/funding",
            "/os-czasu?q=a",
        ] {
            let e = to_embed(p);
            assert!(is_embed_path(e.split('?').next().unwrap()), "{e}");
            assert_eq!(from_embed(&e), p);
            assert_eq!(to_embed(&e), e, "idempotent");
            assert_eq!(lang_of_path(&e), lang_of_path(p));
        }
        assert_eq!(to_embed("/en/timeline/x"), "/en/embed/timeline/x");
        assert_eq!(to_embed("/os-czasu"), "/embed/os-czasu");
        assert!(!is_embed_path("/embedded"));
        assert!(!is_embed_path("/os-czasu"));
    }

    #[test]
    fn event_addresses() {
        assert_eq!(event_path(Lang::Pl, "2015-mokes"), "/os-czasu/2015-mokes");
        assert_eq!(
            event_id_of_path("/en/timeline/2015-mokes"),
            Some("2015-mokes")
        );
        assert_eq!(event_id_of_path("/os-czasu/"), None);
        assert_eq!(event_id_of_path("/os-czasu"), None);
        assert_eq!(event_id_of_path("/finansowanie/x"), None);
    }

    #[test]
    fn filters_are_encoded_in_the_query() {
        let f = Filter {
            kinds: vec![EventKind::Policy, EventKind::Award],
            era: Some("equal".into()),
            project: None,
            query: "spółdzielnie & co".into(),
        };
        assert_eq!(
            with_query("/os-czasu", &f),
            "/os-czasu?kind=policy,award&era=equal&q=sp%C3%B3%C5%82dzielnie%20%26%20co"
        );
        assert_eq!(with_query("/os-czasu", &Filter::default()), "/os-czasu");
    }
}
