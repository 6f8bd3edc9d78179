//! End-to-end: the built app (dist/) in real Chromium, at phone and desktop
//! sizes. Run by scripts/test.sh after a release build.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use support::*;

/// WebDriver turns non-breaking spaces into spaces; so do we, on both sides.
fn norm(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

async fn page_text(c: &Client) -> String {
    norm(
        &c.find(Locator::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
}

async fn h1(c: &Client) -> String {
    wait_for(c, "h1").await.text().await.unwrap()
}

const EVENT_ORDER: [&str; 10] = [
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

#[tokio::test]
async fn about_shows_the_seed_facts_in_polish_and_english() {
    let s = Server::start().await;
    for (w, h) in [PHONE, DESKTOP] {
        let c = browser(w, h).await;
        c.goto(&s.url("/")).await.unwrap();
        wait_for(&c, "[data-testid=org-summary]").await;
        let t = page_text(&c).await;
        assert_eq!(h1(&c).await, "O nas");
        for fact in [
            "jednostką organizacyjną Województwa Małopolskiego",
            "art. 21 pkt 4a ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
            "295",
            "ponad 40",
            "spółdzielni socjalnych",
            "Akademia Rozwoju Ekonomii Społecznej",
            "Małopolski Ośrodek Koordynacji Ekonomii Społecznej",
            "Europejskie Nagrody Promocji Przedsiębiorczości 2012",
            "Nagroda główna RegioStars 2016 (2016)",
            "Wyróżnienie REVES (data nie podana)",
        ] {
            assert!(t.contains(fact), "About (pl, {w}px) lacks {fact:?}:\n{t}");
        }
        assert_eq!(
            c.title().await.unwrap(),
            "O nas | Regionalny Ośrodek Polityki Społecznej w Krakowie"
        );

        c.goto(&s.url("/en")).await.unwrap();
        wait_for_text(&c, "[data-testid=org-summary]", "organisational unit").await;
        let t = page_text(&c).await;
        assert_eq!(h1(&c).await, "About");
        for fact in [
            "over 40",
            "295",
            "Article 21 point 4a",
            "RegioStars 2016 main prize (2016)",
            "REVES distinction (date not given)",
        ] {
            assert!(t.contains(fact), "About (en) lacks {fact:?}:\n{t}");
        }
        let lang = js(&c, "return document.documentElement.lang").await;
        assert_eq!(lang, "en");
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn timeline_lists_every_event_in_order_with_the_undated_apart() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    let ids = js(
        &c,
        "return [...document.querySelectorAll('[data-testid=event]')].map(e => e.dataset.eventId)",
    )
    .await;
    assert_eq!(ids, serde_json::json!(EVENT_ORDER));
    let undated = js(&c, "return [...document.querySelectorAll('[data-testid=undated] [data-testid=event]')].map(e => e.dataset.eventId)").await;
    assert_eq!(undated, serde_json::json!(&EVENT_ORDER[7..]));
    let dates = js(
        &c,
        "return [...document.querySelectorAll('[data-testid=event-date]')].map(e => e.textContent)",
    )
    .await;
    assert_eq!(
        dates,
        serde_json::json!([
            "2004",
            "2007–2013",
            "2008",
            "2010",
            "2012",
            "od 2015",
            "2016",
            "data nie podana",
            "data nie podana",
            "data nie podana"
        ])
    );
    c.goto(&s.url("/en/timeline")).await.unwrap();
    wait_for_text(&c, "[data-testid=timeline]", "from 2015").await;
    assert_eq!(h1(&c).await, "Timeline");
    assert!(page_text(&c).await.contains("Date not given in the source"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn funding_shows_exact_figures_and_says_what_is_not_given() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/finansowanie")).await.unwrap();
    let mokes = wait_for_text(&c, "[data-testid=project-mokes]", "zł").await;
    let mokes = norm(&mokes);
    for fact in [
        "1 980 000 zł",
        "1 683 000 zł",
        "85%",
        "297 000 zł",
        "Działanie 9.3",
        "Europejski Fundusz Społeczny (EFS)",
        "od 2015",
        "2014–2020",
    ] {
        assert!(mokes.contains(fact), "MOKES card lacks {fact:?}:\n{mokes}");
    }
    let equal = norm(
        &c.find(Locator::Css(
            "[data-testid=project-akademia-przedsiebiorczosci] [data-testid=value]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap(),
    );
    assert_eq!(equal, "nie podano w źródle");
    let zero = page_text(&c).await;
    assert!(
        !zero.contains(" 0 zł"),
        "an unknown value must never show as zero"
    );

    c.goto(&s.url("/en/funding")).await.unwrap();
    let mokes = norm(&wait_for_text(&c, "[data-testid=project-mokes]", "PLN").await);
    for fact in [
        "PLN 1,980,000",
        "PLN 1,683,000",
        "85%",
        "PLN 297,000",
        "European Social Fund (ESF)",
    ] {
        assert!(
            mokes.contains(fact),
            "MOKES card (en) lacks {fact:?}:\n{mokes}"
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn navigation_language_switch_and_deep_links() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&s.url("/")).await.unwrap();
    wait_for(&c, "[data-testid=org-summary]").await;

    c.find(Locator::LinkText("Oś czasu"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=timeline]").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/os-czasu");
    assert_eq!(h1(&c).await, "Oś czasu");
    // Client-side navigation: the bundle was fetched once, not per page.
    assert_eq!(s.hits("/content/bundle.json"), 1);
    // Focus moves to the new page's heading.
    let focused = js(&c, "return document.activeElement.id").await;
    assert_eq!(focused, "page-title");

    wait_for(&c, "[data-testid=lang-switch]")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "Timeline").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/en/timeline");
    assert_eq!(js(&c, "return document.documentElement.lang").await, "en");
    assert_eq!(
        c.title().await.unwrap(),
        "Timeline | Regional Social Policy Centre in Kraków"
    );

    // Deep link reload lands on the same page, same language.
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Timeline").await;
    wait_for(&c, "[data-testid=timeline]").await;

    // The choice is remembered: the bare address opens in English.
    c.goto(&s.url("/")).await.unwrap();
    wait_for_text(&c, "h1", "About").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/en");

    // Back to Polish, from the funding page: the page is kept.
    c.goto(&s.url("/en/funding")).await.unwrap();
    wait_for(&c, "[data-testid=project-mokes]").await;
    wait_for(&c, "[data-testid=lang-switch]")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "Finansowanie").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/finansowanie");
    c.goto(&s.url("/")).await.unwrap();
    wait_for_text(&c, "h1", "O nas").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/");

    c.goto(&s.url("/nie-ma-takiej")).await.unwrap();
    wait_for_text(&c, "h1", "Nie ma takiej strony").await;
    wait_for(&c, "[data-testid=not-found]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn broken_bundle_shows_the_validators_message() {
    let s = Server::start().await;
    let good = std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap();
    let broken = good.replacen(
        "\"id\": \"2010-model-mrr\"",
        "\"id\": \"2004-lider-equal\"",
        1,
    );
    assert_ne!(good, broken);
    let expected = rops_es::content::parse(&broken).unwrap_err();
    let rops_es::content::ContentError::Invalid(faults) = expected else {
        panic!()
    };
    let want = faults[0].describe(rops_es::content::Lang::Pl);
    s.set("/content/bundle.json", Override::json(&broken));

    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    let panel = wait_for(&c, "[data-testid=error-panel]").await;
    assert_eq!(
        panel.attr("data-error-kind").await.unwrap().as_deref(),
        Some("invalid")
    );
    let text = panel.text().await.unwrap();
    assert!(text.contains("Plik treści zawiera błędy"), "{text}");
    assert!(text.contains(&want), "panel should show {want:?}:\n{text}");
    assert!(want.contains("$.events[5].id"));

    // Not JSON at all: line and column, in English on the English page.
    s.set(
        "/content/bundle.json",
        Override::json("{\n  \"schema_version\": 1,,\n}"),
    );
    c.goto(&s.url("/en/funding")).await.unwrap();
    let text = wait_for_text(&c, "[data-testid=error-panel]", "damaged").await;
    assert!(
        text.contains("line 2, column 23: key must be a string"),
        "{text}"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn failed_fetch_offers_retry_and_retry_recovers() {
    let s = Server::start().await;
    s.set("/content/bundle.json", Override::status(503));
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/finansowanie")).await.unwrap();
    let text = wait_for_text(&c, "[data-testid=error-panel]", "HTTP 503").await;
    assert!(text.contains("Serwer odpowiedział błędem"), "{text}");
    let before = s.hits("/content/bundle.json");

    s.clear("/content/bundle.json");
    c.find(Locator::Css("[data-testid=retry]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "[data-testid=project-mokes]", "1").await;
    assert!(
        s.hits("/content/bundle.json") > before,
        "Retry must fetch again"
    );
    assert!(c
        .find(Locator::Css("[data-testid=error-panel]"))
        .await
        .is_err());
    c.close().await.unwrap();
}

#[tokio::test]
async fn every_route_passes_axe_and_reflows_at_360px() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, ready) in [
        ("/", "[data-testid=org-summary]"),
        ("/os-czasu", "[data-testid=timeline]"),
        ("/finansowanie", "[data-testid=project-mokes]"),
        ("/en", "[data-testid=org-summary]"),
        ("/en/timeline", "[data-testid=timeline]"),
        ("/en/funding", "[data-testid=project-mokes]"),
        ("/nie-ma", "[data-testid=not-found]"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, ready).await;
        let v = axe_violations(&c).await;
        assert!(v.is_empty(), "axe on {path}: {v:#?}");
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} scrolls sideways at 360px"
        );
    }
    // The error state too (on a device without a saved copy).
    forget_device(&c).await;
    s.set("/content/bundle.json", Override::status(500));
    c.goto(&s.url("/")).await.unwrap();
    wait_for(&c, "[data-testid=error-panel]").await;
    let v = axe_violations(&c).await;
    assert!(v.is_empty(), "axe on the error panel: {v:#?}");
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_first_screen_before_the_wasm_matches_the_page_and_is_accessible() {
    let s = Server::start().await;
    // Hold the wasm back, to look at what index.html paints on its own.
    let wasm = std::fs::read_dir(dist_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|f| f.ends_with("_bg.wasm"))
        .unwrap();
    let mut slow = Override::status(200);
    slow.content_type = "application/wasm";
    slow.body = std::fs::read(dist_dir().join(&wasm)).unwrap();
    slow.delay = std::time::Duration::from_secs(4);
    s.set(&format!("/{wasm}"), slow);
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/en/funding")).await.unwrap();
    let title = wait_for(&c, "#boot h1").await.text().await.unwrap();
    assert_eq!(title, "Funding");
    assert_eq!(js(&c, "return document.documentElement.lang").await, "en");
    let current = js(
        &c,
        "return document.querySelector('#boot [aria-current=page]').textContent",
    )
    .await;
    assert_eq!(current, "Funding");
    let v = axe_violations(&c).await;
    assert!(v.is_empty(), "axe on the first screen: {v:#?}");
    // Then the app takes over with the same heading.
    wait_for(&c, "[data-testid=funding-table]").await;
    assert!(c.find(Locator::Css("#boot")).await.is_err());
    assert_eq!(h1(&c).await, "Funding");
    c.close().await.unwrap();
}
