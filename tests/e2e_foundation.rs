//! End-to-end: the built app (dist/) in real Chromium, at phone and desktop
//! sizes. Run by scripts/test.sh after a release build.
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;
use std::time::Duration;

#[tokio::test]
async fn about_shows_the_seed_facts_in_polish_and_english() {
    let s = Server::start().await;
    for size in [PHONE, DESKTOP] {
        let w = size.0;
        let c = browser(size).await;
        for (path, lang, h1, title, facts) in [
            (
                ABOUT.pl,
                "pl",
                "O nas",
                "O nas | ROPS w Krakowie",
                &[
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
                ][..],
            ),
            (
                ABOUT.en,
                "en",
                "About",
                "About | ROPS Kraków",
                &[
                    "organisational unit",
                    "over 40",
                    "295",
                    "Article 21 point 4a",
                    "RegioStars 2016 main prize (2016)",
                    "REVES distinction (date not given)",
                ],
            ),
        ] {
            visit(&c, &s, path).await;
            wait_for_text(&c, ABOUT.ready, facts[0]).await;
            let t = text(&c, "main").await;
            assert_eq!(text(&c, "h1").await, h1);
            for fact in facts {
                assert!(
                    t.contains(fact),
                    "About ({lang}, {w}px) lacks {fact:?}:\n{t}"
                );
            }
            assert_eq!(c.title().await.unwrap(), title);
            assert_eq!(page_lang(&c).await, lang);
        }
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn timeline_lists_every_event_in_order_with_the_undated_apart() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    assert_eq!(event_ids(&c).await, EVENT_ORDER);
    let undated = js(&c, "return [...document.querySelectorAll('[data-testid=undated] [data-testid=event]')].map(e => e.dataset.eventId)").await;
    assert_eq!(undated, serde_json::json!(&EVENT_ORDER[7..]));
    assert_eq!(
        texts(&c, "[data-testid=event-date]").await,
        [
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
        ]
    );
    visit(&c, &s, TIMELINE.en).await;
    wait_for_text(&c, "[data-testid=timeline]", "from 2015").await;
    assert_eq!(text(&c, "h1").await, "Timeline");
    assert!(text(&c, "main")
        .await
        .contains("Date not given in the source"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn funding_shows_exact_figures_and_says_what_is_not_given() {
    let (s, c) = app_and_browser(PHONE).await;
    for (path, currency, facts, not_given, zero) in [
        (
            FUNDING.pl,
            "zł",
            &[
                "1 980 000 zł",
                "1 683 000 zł",
                "85%",
                "297 000 zł",
                "Działanie 9.3",
                "Europejski Fundusz Społeczny (EFS)",
                "od 2015",
                "2014–2020",
            ][..],
            "nie podano w źródle",
            " 0 zł",
        ),
        (
            FUNDING.en,
            "PLN",
            &[
                "PLN 1,980,000",
                "PLN 1,683,000",
                "85%",
                "PLN 297,000",
                "European Social Fund (ESF)",
            ],
            "not given in the source",
            "PLN 0",
        ),
    ] {
        visit(&c, &s, path).await;
        let mokes = wait_for_text(&c, "[data-testid=project-mokes]", currency).await;
        for fact in facts {
            assert!(
                mokes.contains(fact),
                "{path}: the MOKES card lacks {fact:?}:\n{mokes}"
            );
        }
        let equal = text(&c, "[data-testid=row-akademia-przedsiebiorczosci]").await;
        assert!(equal.contains(not_given), "{path}: {equal}");
        assert!(
            !text(&c, "main").await.contains(zero),
            "{path}: an unknown value must never show as zero"
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn navigation_language_switch_and_deep_links() {
    let (s, c) = app_and_browser(DESKTOP).await;
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;

    follow(&c, "Oś czasu").await;
    wait_for(&c, "[data-testid=timeline]").await;
    assert_eq!(current_path(&c).await, TIMELINE.pl);
    assert_eq!(text(&c, "h1").await, "Oś czasu");
    // Client-side navigation: the bundle was fetched once, not per page.
    assert_eq!(s.hits("/content/bundle.json"), 1);
    // Focus moves to the new page's heading.
    let focused = js(&c, "return document.activeElement.id").await;
    assert_eq!(focused, "page-title");

    click(&c, "[data-testid=lang-switch]").await;
    wait_for_text(&c, "h1", "Timeline").await;
    assert_eq!(current_path(&c).await, TIMELINE.en);
    assert_eq!(page_lang(&c).await, "en");
    assert_eq!(c.title().await.unwrap(), "Timeline | ROPS Kraków");

    // Deep link reload lands on the same page, same language.
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Timeline").await;
    wait_for(&c, "[data-testid=timeline]").await;

    // The choice is remembered: the bare address opens in English.
    visit(&c, &s, ABOUT.pl).await;
    wait_for_text(&c, "h1", "About").await;
    assert_eq!(current_path(&c).await, ABOUT.en);

    // Back to Polish, from the funding page: the page is kept.
    open(&c, &s, FUNDING.en, "[data-testid=project-mokes]").await;
    click(&c, "[data-testid=lang-switch]").await;
    wait_for_text(&c, "h1", "Finansowanie").await;
    assert_eq!(current_path(&c).await, FUNDING.pl);
    visit(&c, &s, ABOUT.pl).await;
    wait_for_text(&c, "h1", "O nas").await;
    assert_eq!(current_path(&c).await, ABOUT.pl);

    visit(&c, &s, "/nie-ma-takiej").await;
    wait_for_text(&c, "h1", "Nie ma takiej strony").await;
    wait_for(&c, "[data-testid=not-found]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn broken_bundle_shows_the_validators_message() {
    let s = Server::start().await;
    let broken = bundle_with("\"id\": \"2010-model-mrr\"", "\"id\": \"2004-lider-equal\"");
    let expected = rops_es::content::parse(&broken).unwrap_err();
    let rops_es::content::ContentError::Invalid(faults) = expected else {
        panic!()
    };
    let want = faults[0].describe(rops_es::content::Lang::Pl);
    s.set("/content/bundle.json", Override::json(&broken));

    let c = browser(PHONE).await;
    visit(&c, &s, TIMELINE.pl).await;
    let (kind, text) = error_panel(&c).await;
    assert_eq!(kind, "invalid");
    assert!(text.contains("Plik treści zawiera błędy"), "{text}");
    assert!(text.contains(&want), "panel should show {want:?}:\n{text}");
    assert!(want.contains("$.events[5].id"));

    // Not JSON at all: line and column, in English on the English page.
    s.set(
        "/content/bundle.json",
        Override::json("{\n  \"schema_version\": 1,,\n}"),
    );
    visit(&c, &s, FUNDING.en).await;
    let text = wait_for_text(&c, "[data-testid=error-panel]", "damaged").await;
    assert!(
        text.contains("line 2, column 23: key must be a string"),
        "{text}"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn failed_fetch_offers_retry_and_retry_recovers() {
    let (s, c) = app_and_browser(PHONE).await;
    a_failed_fetch_offers_retry_and_retry_recovers(&c, &s, "Chromium").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_published_page_before_the_wasm_is_the_page_and_is_accessible() {
    let s = Server::start().await;
    // Hold the wasm back, to look at what the published page shows on its
    // own; long enough for axe to look at it in both themes.
    let wasm = built_file(&dist_dir(), "rops-es-", "_bg.wasm");
    let body = std::fs::read(dist_dir().join(&wasm)).unwrap();
    s.set(
        &format!("/{wasm}"),
        Override::bytes("application/wasm", body).after(Duration::from_secs(8)),
    );
    let c = browser(PHONE).await;
    visit(&c, &s, FUNDING.en).await;
    assert_eq!(text(&c, "#boot h1").await, "Funding");
    assert_eq!(page_lang(&c).await, "en");
    assert_eq!(texts(&c, "#boot [aria-current=page]").await, ["Funding"]);
    // The content itself, before any script ran: the table's MOKES row.
    assert!(
        text(&c, "#boot .data-table").await.contains("1,980,000"),
        "the published page has no funding table"
    );
    assert_axe_clean_in_both_themes(&c, "the published page before the wasm").await;
    assert!(
        exists(&c, "#boot").await,
        "the app took over before axe saw the published page"
    );
    // Then the app takes over with the same heading.
    wait_taken_over(&c).await;
    assert!(!exists(&c, "#boot").await);
    assert_eq!(text(&c, "h1").await, "Funding");
    c.close().await.unwrap();
}
