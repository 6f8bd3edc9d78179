//! Owns every address of the app: the one route table (pages × languages ×
//! full/embed), the router base, and the `href`s and links built from them.
//!
//! Polish lives at the root, English under `/en`, Ukrainian under `/uk`:
//! the language is part of the address, so a shared link opens in the
//! language it was shared in. The Ukrainian addresses use the English
//! words (`/uk/timeline`): a Cyrillic address is percent-encoded into
//! something unreadable when it is copied, a transliteration
//! ("khronolohiia") is no language its readers read, and the English
//! words are the ones the portal's other language versions already use.
//! Embedded views of the embeddable pages live under `/embed`,
//! `/en/embed` and `/uk/embed`. The addresses are pure functions (natively tested); the
//! [`Nav`] context adds the router base and the embed's options, read once
//! per mount from the address the page opened at.

use crate::content::query::Filter;
use crate::content::Lang;
use crate::prefs::{Accent, Theme};
use leptos::prelude::*;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::sync::Arc;

/// Every page of the app. A new page is a new variant here: the compiler
/// then asks for its addresses in [`Page::path`], its place in
/// [`Page::ALL`] (checked by a test) and its view in the app's router.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    About,
    Timeline,
    Funding,
    /// The accessibility declaration, linked from every page's footer.
    Accessibility,
    /// The embed-snippet generator for portal editors.
    EmbedCode,
    /// Easy-to-read information about the organisation (ETR), one of the
    /// three forms the 2019 accessibility act asks for; footer-linked.
    EasyRead,
    /// The same in Polish Sign Language (PJM): videos with captions.
    SignLanguage,
    /// The information clause (GDPR art. 13) and what the site stores on
    /// a device; footer-linked.
    Privacy,
}

impl Page {
    /// The main navigation, in order.
    pub const NAV: [Page; 3] = [Page::About, Page::Timeline, Page::Funding];
    pub const ALL: [Page; 8] = [
        Page::About,
        Page::Timeline,
        Page::Funding,
        Page::Accessibility,
        Page::EmbedCode,
        Page::EasyRead,
        Page::SignLanguage,
        Page::Privacy,
    ];

    /// Path below the router base, e.g. `/os-czasu` or `/en/timeline`.
    pub fn path(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Page::About, Lang::Pl) => "/",
            (Page::About, Lang::En) => "/en",
            (Page::Timeline, Lang::Pl) => "/os-czasu",
            (Page::Timeline, Lang::En) => "/en/timeline",
            (Page::Funding, Lang::Pl) => "/finansowanie",
            (Page::Funding, Lang::En) => "/en/funding",
            (Page::Accessibility, Lang::Pl) => "/deklaracja-dostepnosci",
            (Page::Accessibility, Lang::En) => "/en/accessibility",
            (Page::EmbedCode, Lang::Pl) => "/osadz",
            (Page::EmbedCode, Lang::En) => "/en/embed-code",
            (Page::EasyRead, Lang::Pl) => "/tekst-latwy-do-czytania",
            (Page::EasyRead, Lang::En) => "/en/easy-read",
            (Page::SignLanguage, Lang::Pl) => "/jezyk-migowy",
            (Page::SignLanguage, Lang::En) => "/en/sign-language",
            (Page::Privacy, Lang::Pl) => "/prywatnosc",
            (Page::Privacy, Lang::En) => "/en/privacy",
            (Page::About, Lang::Uk) => "/uk",
            (Page::Timeline, Lang::Uk) => "/uk/timeline",
            (Page::Funding, Lang::Uk) => "/uk/funding",
            (Page::Accessibility, Lang::Uk) => "/uk/accessibility",
            (Page::EmbedCode, Lang::Uk) => "/uk/embed-code",
            (Page::EasyRead, Lang::Uk) => "/uk/easy-read",
            (Page::SignLanguage, Lang::Uk) => "/uk/sign-language",
            (Page::Privacy, Lang::Uk) => "/uk/privacy",
            // German as Ukrainian: English words (lang_prefix says why).
            (Page::About, Lang::De) => "/de",
            (Page::Timeline, Lang::De) => "/de/timeline",
            (Page::Funding, Lang::De) => "/de/funding",
            (Page::Accessibility, Lang::De) => "/de/accessibility",
            (Page::EmbedCode, Lang::De) => "/de/embed-code",
            (Page::EasyRead, Lang::De) => "/de/easy-read",
            (Page::SignLanguage, Lang::De) => "/de/sign-language",
            (Page::Privacy, Lang::De) => "/de/privacy",
        }
    }

    /// Its absolute address on the site at `site_url` (which ends with `/`),
    /// as links in the head and structured data give it.
    pub fn url(self, site_url: &str, lang: Lang) -> String {
        absolute_url(site_url, self.path(lang))
    }

    /// Whether the page has a chrome-less twin for the portal's iframes.
    pub fn embeddable(self) -> bool {
        match self {
            Page::Timeline | Page::Funding => true,
            Page::About
            | Page::Accessibility
            | Page::EmbedCode
            | Page::EasyRead
            | Page::SignLanguage
            | Page::Privacy => false,
        }
    }

    /// Stable name, as used in the loader's table and `data-` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Page::About => "about",
            Page::Timeline => "timeline",
            Page::Funding => "funding",
            Page::Accessibility => "accessibility",
            Page::EmbedCode => "embed-code",
            Page::EasyRead => "easy-read",
            Page::SignLanguage => "sign-language",
            Page::Privacy => "privacy",
        }
    }
}

/// What an address shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Page(Page),
    /// One event at its own address, below the timeline's.
    Event(String),
    /// One project at its own address: the page that opens with the EU's
    /// marks, which every other mention of a funded project links to.
    Project(String),
}

impl Route {
    /// Path below the router base in `lang`, full-site form.
    pub fn path(&self, lang: Lang) -> String {
        match self {
            Route::Page(p) => p.path(lang).to_owned(),
            Route::Event(id) => event_path(lang, id),
            Route::Project(id) => project_path(lang, id),
        }
    }

    /// The page this route belongs to (an event belongs to the timeline).
    pub fn page(&self) -> Page {
        match self {
            Route::Page(p) => *p,
            Route::Event(_) => Page::Timeline,
            Route::Project(_) => Page::Funding,
        }
    }

    /// Whether it has an embedded twin. A project's page has none: an
    /// embed links it in the full site, where its marks come first.
    pub fn embeddable(&self) -> bool {
        match self {
            Route::Page(p) => p.embeddable(),
            Route::Event(_) => true,
            Route::Project(_) => false,
        }
    }
}

/// An address, understood: which route (None: no such page), in which
/// language, full or embedded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Resolved {
    pub route: Option<Route>,
    pub lang: Lang,
    pub embed: bool,
}

/// Reads a path below the router base (no query).
pub fn resolve(path: &str) -> Resolved {
    let embed = is_embed_path(path);
    let full = if embed {
        from_embed(path)
    } else {
        path.to_owned()
    };
    let full = match full.trim_end_matches('/') {
        "" => "/".to_owned(),
        p => p.to_owned(),
    };
    let lang = lang_of_path(&full);
    let route = Page::ALL
        .into_iter()
        .find(|p| p.path(lang) == full)
        .map(Route::Page)
        .or_else(|| event_id_of_path(&full).map(|id| Route::Event(id.to_owned())))
        .or_else(|| project_id_of_path(&full).map(|id| Route::Project(id.to_owned())))
        .filter(|r| !embed || r.embeddable());
    Resolved { route, lang, embed }
}

/// The address prefix of a language: none for Polish, `/en`, `/uk`.
pub fn lang_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "",
        Lang::En => "/en",
        Lang::Uk => "/uk",
        Lang::De => "/de",
    }
}

/// The language whose prefix `path` starts with (not Polish, which has
/// none), and the rest of the path after it.
fn prefixed(path: &str) -> Option<(Lang, &str)> {
    Lang::ALL.into_iter().find_map(|l| {
        let prefix = lang_prefix(l);
        let rest = path.strip_prefix(prefix).filter(|_| !prefix.is_empty())?;
        (rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')).then_some((l, rest))
    })
}

/// Embedded views live under `/embed` (Polish), `/en/embed` and
/// `/uk/embed`: the same pages without the site's header, navigation and
/// footer.
pub fn is_embed_path(path: &str) -> bool {
    let rest = prefixed(path).map_or(path, |(_, rest)| rest);
    rest == "/embed" || rest.starts_with("/embed/")
}

/// The embedded twin of a full-app address (query kept): `/os-czasu?kind=award`
/// → `/embed/os-czasu?kind=award`, `/en/timeline/x` → `/en/embed/timeline/x`.
pub fn to_embed(path: &str) -> String {
    if is_embed_path(path) {
        return path.to_owned();
    }
    match prefixed(path) {
        Some((l, rest)) => format!("{}/embed{rest}", lang_prefix(l)),
        None => format!("/embed{path}"),
    }
}

/// The full-app address of an embedded view ("open full view"), always a
/// path on this site: `/embed//evil.example/x` would otherwise give
/// `//evil.example/x`, which a browser reads as another site (and
/// `/\\evil.example` too: it treats `\\` as `/`).
pub fn from_embed(path: &str) -> String {
    let on_site = |rest: &str| match rest.chars().next() {
        None | Some('?') => format!("/{rest}"),
        _ => format!("/{}", rest.trim_start_matches(['/', '\\'])),
    };
    let (prefix, rest) = match prefixed(path) {
        Some((l, rest)) => (lang_prefix(l), rest),
        None => ("", path),
    };
    match rest.strip_prefix("/embed") {
        Some(inner) if !prefix.is_empty() => match inner.chars().next() {
            None | Some('?') => format!("{prefix}{inner}"),
            _ => format!("{prefix}{}", on_site(inner)),
        },
        Some(inner) => on_site(inner),
        None => on_site(path),
    }
}

/// The language an address is in: `/en` and below is English, `/uk` and
/// below Ukrainian, the rest Polish.
pub fn lang_of_path(path: &str) -> Lang {
    prefixed(path).map_or(Lang::Pl, |(l, _)| l)
}

/// The same place in `to` (full or embedded, as it was); unknown
/// addresses go to that language's home rather than to a 404.
pub fn switch_language(path: &str, to: Lang) -> String {
    let r = resolve(path);
    let target = match &r.route {
        Some(route) => route.path(to),
        None => return Page::About.path(to).to_owned(),
    };
    if r.embed {
        to_embed(&target)
    } else {
        target
    }
}

/// The machine-readable text the publisher writes beside the pages, per
/// language, below the site's base: (text, HTML). A file, not a route.
pub fn text_files(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Pl => ("o-nas.txt", "o-nas.html"),
        Lang::En => ("en/about.txt", "en/about.html"),
        Lang::Uk => ("uk/about.txt", "uk/about.html"),
        Lang::De => ("de/about.txt", "de/about.html"),
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
    id_below(path, timeline_path)
}

/// The `{id}` of `{root}/{id}`, with `root` in either language.
fn id_below(path: &str, root: fn(Lang) -> &'static str) -> Option<&str> {
    Lang::ALL.into_iter().find_map(|l| {
        path.strip_prefix(root(l))?
            .strip_prefix('/')
            .filter(|id| !id.is_empty() && !id.contains('/'))
    })
}

/// Where projects' own pages live: `/projekty` or `/en/projects` (no page
/// of its own: the funding page lists them).
fn projects_root(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "/projekty",
        Lang::En => "/en/projects",
        Lang::Uk => "/uk/projects",
        Lang::De => "/de/projects",
    }
}

/// A project's own page: `/projekty/{id}` or `/en/projects/{id}`.
pub fn project_path(lang: Lang, id: &str) -> String {
    format!("{}/{}", projects_root(lang), encode(id))
}

pub fn project_id_of_path(path: &str) -> Option<&str> {
    id_below(path, projects_root)
}

/// A project's card on the funding page: `/finansowanie#project-mokes`
/// (the card's own id, so the link works without scripts too).
pub fn project_funding_path(lang: Lang, project: &str) -> String {
    format!("{}#project-{}", Page::Funding.path(lang), encode(project))
}

/// The timeline showing only one project's events: `/os-czasu?project=mokes`.
pub fn project_events_path(lang: Lang, project: &str) -> String {
    with_query(
        timeline_path(lang),
        &Filter {
            project: Some(project.to_owned()),
            ..Filter::default()
        },
    )
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

/// What passes unescaped in a query value or path segment: RFC 3986's
/// unreserved characters, and `,` (the kind list's separator).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',');

/// Percent-encoding for a query value or path segment.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// What the portal set in an embed's address. Each value is checked; an
/// unknown one is dropped, never echoed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Names this embed in its messages to the host (letters, digits, `-`, `_`).
    pub id: Option<String>,
    pub theme: Option<Theme>,
    pub accent: Option<Accent>,
}

impl EmbedOptions {
    /// From a query string (`?id=tl&theme=dark`, with or without the `?`).
    pub fn parse(query: &str) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "id" if valid_embed_id(v) => o.id = Some(v.to_owned()),
                "theme" => o.theme = Theme::parse(v).or(o.theme),
                "accent" => o.accent = Accent::parse(v).or(o.accent),
                _ => {}
            }
        }
        o
    }

    /// The id messages carry: the host's, or "rops".
    pub fn message_id(&self) -> &str {
        self.id.as_deref().unwrap_or("rops")
    }

    /// Back to a query string (no `?`), for links that stay in the embed.
    pub fn to_query(&self) -> String {
        let mut q = vec![];
        if let Some(id) = &self.id {
            q.push(format!("id={id}"));
        }
        if let Some(t) = self.theme {
            q.push(format!("theme={}", t.as_str()));
        }
        if let Some(a) = self.accent {
            q.push(format!("accent={}", a.as_str()));
        }
        q.join("&")
    }
}

fn valid_embed_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The app's mode, decided once per mount from the address it opened at:
/// the full site, or an embed with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppMode {
    Site,
    Embed(EmbedOptions),
}

/// Addresses as the browser needs them: the router base and the app mode.
/// Provided once by the app; cheap to clone into event handlers.
#[derive(Debug, Clone)]
pub struct Nav {
    base: Arc<str>,
    mode: Arc<AppMode>,
}

impl Nav {
    pub fn new(base: &str, mode: AppMode) -> Nav {
        Nav {
            base: base.trim_end_matches('/').into(),
            mode: Arc::new(mode),
        }
    }

    /// The router base without its trailing slash (`""` at the root).
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn mode(&self) -> &AppMode {
        &self.mode
    }

    pub fn embedded(&self) -> bool {
        matches!(*self.mode, AppMode::Embed(_))
    }

    /// An in-app address for `navigate` (which adds the base itself): inside
    /// an embed it stays inside the embed (`/os-czasu/x` →
    /// `/embed/os-czasu/x`) and keeps the embed's options, so a reload inside
    /// the portal's frame still reports under the host's id, in its theme.
    pub fn link(&self, path: &str) -> String {
        match &*self.mode {
            AppMode::Site => path.to_owned(),
            AppMode::Embed(o) => {
                let q = o.to_query();
                let path = to_embed(path);
                if q.is_empty() {
                    path
                } else if path.contains('?') {
                    format!("{path}&{q}")
                } else {
                    format!("{path}?{q}")
                }
            }
        }
    }

    /// An in-app address for an `href`: [`Nav::link`] plus the router base.
    /// leptos' `<A>` and the router's click handling take absolute hrefs as
    /// they are, so under a sub-path every href must carry the base itself.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.base, self.link(path))
    }

    /// A project's own page, which has no embed view: inside an embed, the
    /// full site's address and the target `_blank`, so the portal's frame
    /// stays the portal's.
    pub fn project_href(&self, lang: Lang, id: &str) -> (String, Option<&'static str>) {
        (
            self.full_site_href(&project_path(lang, id)),
            self.embedded().then_some("_blank"),
        )
    }

    /// The same address in the full site, absolute (for "open full view").
    pub fn full_site_href(&self, path: &str) -> String {
        format!("{}{}", self.base, from_embed(path))
    }
}

pub fn provide_nav(nav: Nav) {
    provide_context(nav);
}

/// The app's [`Nav`]; a component rendered on its own (tests) gets the full
/// site at the root.
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(|| Nav::new("", AppMode::Site))
}

/// The app's address (absolute, ending in `/`), which the embed snippet
/// points to: the publisher's `--site-url` in a prerendered page (a
/// [`SiteUrl`] in context), the address the page was loaded from in the
/// browser (the same, once deployed: a copy served elsewhere still gives
/// working snippets).
pub fn site_url() -> String {
    if let Some(url) = use_context::<crate::site_url::SiteUrl>() {
        return url.as_str().to_owned();
    }
    document().base_uri().ok().flatten().unwrap_or_default()
}

/// The `<meta name>` in which a published page's head gives the site's
/// address (publish writes it, the app reads it).
pub const PUBLIC_URL_META: &str = "rops-public-url";

/// The `<meta name>` in which a published page's head gives the day the
/// site was first published (publish writes it from its status file).
pub const FIRST_PUBLISHED_META: &str = "rops-first-published";

/// The day the site was first published, if its publisher said
/// ([`FIRST_PUBLISHED_META`]; in a prerender, its context): the
/// declaration's publication date when the bundle gives none.
pub fn first_published() -> Option<crate::content::DateValue> {
    if let Some(FirstPublished(d)) = use_context::<FirstPublished>() {
        return Some(d);
    }
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let meta = document()
        .query_selector(&format!("meta[name=\"{FIRST_PUBLISHED_META}\"]"))
        .ok()
        .flatten()?;
    let d = crate::content::DateValue::parse(&meta.get_attribute("content")?).ok()?;
    // Only a day: anything else is not what publish writes.
    matches!(
        d,
        crate::content::DateValue::At(crate::content::Point::Day(..))
    )
    .then_some(d)
}

/// The first publication's day, as a prerender's context.
#[derive(Debug, Clone, Copy)]
pub struct FirstPublished(pub crate::content::DateValue);

/// The `<meta name>` by which the 2019 act's template asks every page to
/// say where the accessibility declaration is.
pub const DECLARATION_META: &str = "deklaracja-dostępności";

/// Absolute address of a path below the site's address (`site_url` ends with `/`).
pub fn absolute_url(site_url: &str, path: &str) -> String {
    format!("{site_url}{}", path.trim_start_matches('/'))
}

/// The router base, from `<base href>` (set by trunk's `--public-url`): one
/// setting serves the app at `/` or under the portal's sub-path.
pub fn router_base() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|u| u.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

/// Path below the router base.
pub fn local_path(full: &str, base: &str) -> String {
    let rest = full.strip_prefix(base).unwrap_or(full);
    if rest.is_empty() {
        "/".into()
    } else {
        rest.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::EventKind;

    /// Keeps [`Page::ALL`] complete: a new variant fails to compile here
    /// until it has a number, and the assertion fails until it is in ALL.
    #[test]
    fn the_page_table_is_complete() {
        let number = |p: Page| match p {
            Page::About => 0,
            Page::Timeline => 1,
            Page::Funding => 2,
            Page::Accessibility => 3,
            Page::EmbedCode => 4,
            Page::EasyRead => 5,
            Page::SignLanguage => 6,
            Page::Privacy => 7,
        };
        let numbers: Vec<usize> = Page::ALL.into_iter().map(number).collect();
        assert_eq!(numbers, (0..Page::ALL.len()).collect::<Vec<_>>());
    }

    #[test]
    fn every_page_round_trips_in_both_languages_full_and_embedded() {
        for p in Page::ALL {
            for l in Lang::ALL {
                let r = resolve(p.path(l));
                assert_eq!(r.route, Some(Route::Page(p)), "{}", p.path(l));
                assert_eq!((r.lang, r.embed), (l, false));
                let e = resolve(&to_embed(p.path(l)));
                assert!(e.embed);
                assert_eq!(e.lang, l);
                assert_eq!(e.route.is_some(), p.embeddable(), "{}", to_embed(p.path(l)));
            }
        }
        assert_eq!(resolve("/en/").route, Some(Route::Page(Page::About)));
        assert_eq!(
            resolve("/os-czasu/").route,
            Some(Route::Page(Page::Timeline))
        );
        assert_eq!(resolve("/nope").route, None);
        assert_eq!(
            resolve("/en/embed/timeline/2015-mokes").route,
            Some(Route::Event("2015-mokes".into()))
        );
    }

    #[test]
    fn a_project_has_its_own_page_in_both_languages_and_no_embed() {
        for l in Lang::ALL {
            let path = project_path(l, "mokes");
            let r = resolve(&path);
            assert_eq!(r.route, Some(Route::Project("mokes".into())), "{path}");
            assert_eq!((r.lang, r.embed), (l, false));
            assert_eq!(r.route.as_ref().map(Route::page), Some(Page::Funding));
            // Its marks must come first in the full site: no embed view.
            assert_eq!(resolve(&to_embed(&path)).route, None);
            for to in Lang::ALL {
                assert_eq!(switch_language(&path, to), project_path(to, "mokes"));
            }
        }
        assert_eq!(project_path(Lang::Pl, "mokes"), "/projekty/mokes");
        assert_eq!(project_path(Lang::En, "a b"), "/en/projects/a%20b");
        assert_eq!(project_path(Lang::Uk, "mokes"), "/uk/projects/mokes");
        assert_eq!(resolve("/projekty").route, None);
        assert_eq!(resolve("/projekty/a/b").route, None);
    }

    #[test]
    fn language_switch_keeps_the_page_everywhere() {
        for p in Page::ALL {
            for l in Lang::ALL {
                for to in Lang::ALL {
                    assert_eq!(switch_language(p.path(l), to), p.path(to));
                    if p.embeddable() {
                        assert_eq!(
                            switch_language(&to_embed(p.path(l)), to),
                            to_embed(p.path(to))
                        );
                    }
                }
            }
        }
        // The embed-code page was missing from the table once: /osadz
        // switched to /en.
        assert_eq!(switch_language("/osadz", Lang::En), "/en/embed-code");
        assert_eq!(switch_language("/missing", Lang::En), "/en");
        assert_eq!(switch_language("/missing", Lang::Uk), "/uk");
        assert_eq!(lang_of_path("/english"), Lang::Pl);
        assert_eq!(lang_of_path("/ukraina"), Lang::Pl);
        assert_eq!(lang_of_path("/uk/timeline"), Lang::Uk);
        assert_eq!(
            switch_language("/os-czasu/2016-regiostars", Lang::Uk),
            "/uk/timeline/2016-regiostars"
        );
        assert_eq!(
            switch_language("/uk/embed/timeline/2016-regiostars", Lang::Pl),
            "/embed/os-czasu/2016-regiostars"
        );
        assert_eq!(
            switch_language("/en/embed/timeline/2016-regiostars", Lang::Pl),
            "/embed/os-czasu/2016-regiostars"
        );
    }

    #[test]
    fn open_full_view_stays_on_this_site() {
        for (embed, full) in [
            ("/embed//evil.example/x", "/evil.example/x"),
            ("/embed/\\evil.example/x", "/evil.example/x"),
            ("/embed/\\/evil.example", "/evil.example"),
            ("/en/embed//evil.example/x", "/en/evil.example/x"),
            ("//evil.example", "/evil.example"),
            ("/embed", "/"),
            ("/embed?kind=award", "/?kind=award"),
            ("/en/embed?kind=award", "/en?kind=award"),
            ("/uk/embed//evil.example/x", "/uk/evil.example/x"),
            ("/uk/embed", "/uk"),
        ] {
            assert_eq!(from_embed(embed), full, "{embed}");
            let href = Nav::new("/ekonomia", AppMode::Embed(EmbedOptions::default()))
                .full_site_href(embed);
            assert_eq!(href, format!("/ekonomia{full}"));
            let root = Nav::new("", AppMode::Embed(EmbedOptions::default())).full_site_href(embed);
            assert!(root.starts_with('/') && !root.starts_with("//"), "{root}");
        }
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
        assert!(!is_embed_path("/embedded"));
        assert_eq!(resolve("/embed/osadz").route, None, "not embeddable");
    }

    #[test]
    fn event_addresses() {
        assert_eq!(event_path(Lang::Pl, "2015-mokes"), "/os-czasu/2015-mokes");
        assert_eq!(
            event_id_of_path("/en/timeline/2015-mokes"),
            Some("2015-mokes")
        );
        assert_eq!(event_id_of_path("/os-czasu/"), None);
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
        assert_eq!(
            project_events_path(Lang::En, "mokes"),
            "/en/timeline?project=mokes"
        );
        assert_eq!(
            project_funding_path(Lang::Pl, "mokes"),
            "/finansowanie#project-mokes"
        );
    }

    #[test]
    fn embed_options_are_checked_and_carried_by_links() {
        let o = EmbedOptions::parse("?id=tl&theme=dark&accent=green&x=1");
        assert_eq!(
            o,
            EmbedOptions {
                id: Some("tl".into()),
                theme: Some(Theme::Dark),
                accent: Some(Accent::Green)
            }
        );
        let bad = EmbedOptions::parse("id=%3Cscript%3E&theme=neon&accent=gold");
        assert_eq!(bad, EmbedOptions::default());
        assert_eq!(bad.message_id(), "rops");
        let nav = Nav::new("/ekonomia/", AppMode::Embed(o));
        assert_eq!(
            nav.href("/os-czasu?kind=award"),
            "/ekonomia/embed/os-czasu?kind=award&id=tl&theme=dark&accent=green"
        );
        assert_eq!(
            nav.link("/en/timeline/x"),
            "/en/embed/timeline/x?id=tl&theme=dark&accent=green"
        );
        let site = Nav::new("", AppMode::Site);
        assert_eq!(site.href("/os-czasu"), "/os-czasu");
    }
}
