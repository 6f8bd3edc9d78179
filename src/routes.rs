//! The app's pages and their addresses in each language. Pure, so the
//! mapping both ways is unit-tested natively.
//!
//! Polish lives at the root, English under `/en`: the language is part of the
//! address, so a shared link opens in the language it was shared in.

use crate::content::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    About,
    Timeline,
    Funding,
}

impl Page {
    pub const NAV: [Page; 3] = [Page::About, Page::Timeline, Page::Funding];

    /// Path below the router base, e.g. `/os-czasu` or `/en/timeline`.
    pub fn path(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Page::About, Lang::Pl) => "/",
            (Page::Timeline, Lang::Pl) => "/os-czasu",
            (Page::Funding, Lang::Pl) => "/finansowanie",
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
        Page::NAV
            .into_iter()
            .flat_map(|p| Lang::ALL.map(|l| (p, l)))
            .find(|(p, l)| p.path(*l) == path)
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
    match Page::from_path(path) {
        Some((page, _)) => page.path(from.other()).to_owned(),
        None => Page::About.path(from.other()).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_in_both_languages() {
        for p in Page::NAV {
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
    }
}
