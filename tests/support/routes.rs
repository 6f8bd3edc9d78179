//! The end-to-end tests' one route table, and facts of the seed content that
//! more than one test relies on.

use crate::page::js;
use fantoccini::Client;
use std::time::{Duration, Instant};

/// One page of the app in each language of the shipped bundle, and what
/// shows it is drawn.
#[derive(Debug, PartialEq)]
pub struct PageRoute {
    pub pl: &'static str,
    pub en: &'static str,
    pub uk: &'static str,
    pub ready: &'static str,
}

/// The shipped bundle's languages, in its order (the default first).
pub const LANGS: [&str; 3] = ["pl", "en", "uk"];

impl PageRoute {
    /// The Polish address, then the English and the Ukrainian ones.
    pub fn paths(&self) -> [&'static str; 3] {
        [self.pl, self.en, self.uk]
    }

    /// The address in `lang` ("pl", "en" or "uk").
    pub fn path(&self, lang: &str) -> &'static str {
        match lang {
            "en" => self.en,
            "uk" => self.uk,
            _ => self.pl,
        }
    }
}

/// The Ukrainian address is the English one under `/uk` (nav.rs).
const fn route(
    pl: &'static str,
    en: &'static str,
    uk: &'static str,
    ready: &'static str,
) -> PageRoute {
    PageRoute { pl, en, uk, ready }
}

pub const ABOUT: PageRoute = route("/", "/en", "/uk", "[data-testid=org-summary]");
pub const TIMELINE: PageRoute = route(
    "/os-czasu",
    "/en/timeline",
    "/uk/timeline",
    "[data-testid=event]",
);
/// One event (2015-mokes) stands for every event page.
pub const EVENT: PageRoute = route(
    "/os-czasu/2015-mokes",
    "/en/timeline/2015-mokes",
    "/uk/timeline/2015-mokes",
    "[data-testid=event-detail]",
);
pub const FUNDING: PageRoute = route(
    "/finansowanie",
    "/en/funding",
    "/uk/funding",
    "[data-testid=funding-table]",
);
/// One project (mokes) stands for every project page: the EU's marks first.
pub const PROJECT: PageRoute = route(
    "/projekty/mokes",
    "/en/projects/mokes",
    "/uk/projects/mokes",
    "[data-testid=eu-mark]",
);
pub const DECLARATION: PageRoute = route(
    "/deklaracja-dostepnosci",
    "/en/accessibility",
    "/uk/accessibility",
    "#a11y-podmiot",
);
pub const EMBED_CODE: PageRoute = route(
    "/osadz",
    "/en/embed-code",
    "/uk/embed-code",
    "[data-testid=embed-snippet]",
);

/// The easy-to-read text: the shipped bundle has it.
pub const EASY_READ: PageRoute = route(
    "/tekst-latwy-do-czytania",
    "/en/easy-read",
    "/uk/easy-read",
    "[data-testid=etr-section]",
);
/// Sign language: videos, or (the shipped bundle) what is being prepared.
pub const SIGN_LANGUAGE: PageRoute = route(
    "/jezyk-migowy",
    "/en/sign-language",
    "/uk/sign-language",
    "[data-testid=pjm-video], [data-testid=preparing]",
);

/// Privacy: the bundle's clause and the code's list of what is stored.
pub const PRIVACY: PageRoute = route(
    "/prywatnosc",
    "/en/privacy",
    "/uk/privacy",
    "[data-testid=storage-table]",
);

/// Every page of the site.
pub const ROUTES: &[PageRoute] = &[
    ABOUT,
    TIMELINE,
    EVENT,
    FUNDING,
    PROJECT,
    DECLARATION,
    EMBED_CODE,
    EASY_READ,
    SIGN_LANGUAGE,
    PRIVACY,
];

/// Every page in every language, as (path, ready).
pub fn pages() -> impl Iterator<Item = (&'static str, &'static str)> {
    ROUTES
        .iter()
        .flat_map(|r| r.paths().map(|path| (path, r.ready)))
}

/// The seed's events in timeline order; the last three have no date.
pub const EVENT_ORDER: [&str; 10] = [
    "2004-lider-equal",
    "strategia-2007-2013",
    "2008-akademia-rozwoju-es",
    "2010-model-mrr",
    "2012-nagroda-ministra-gospodarki",
    "2015-mokes",
    "2016-regiostars",
    "wspolpraca-lombardia",
    "system-wsparcia-owes",
    "wyroznienie-reves",
];

/// The seed's awards, in timeline order.
pub const AWARDS: [&str; 3] = [
    "2012-nagroda-ministra-gospodarki",
    "2016-regiostars",
    "wyroznienie-reves",
];

/// The ids of the events the timeline lists, in order.
pub async fn event_ids(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "return [...document.querySelectorAll('[data-testid=event]')].map(e => e.dataset.eventId)",
    )
    .await;
    serde_json::from_value(v).unwrap()
}

/// Waits (up to 20 s: filters apply asynchronously) until the timeline
/// lists exactly `want`, in that order.
pub async fn wait_ids(c: &Client, want: &[&str]) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = event_ids(c).await;
        if got == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the list is {got:?}, expected {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
