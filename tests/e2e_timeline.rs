//! End-to-end: the interactive timeline (filters in the URL, search, detail
//! pages, keyboard operation, accessibility) in Chromium.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use support::*;

async fn ids(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "return [...document.querySelectorAll('[data-testid=event]')].map(e => e.dataset.eventId)",
    )
    .await;
    serde_json::from_value(v).unwrap()
}

/// Waits until the list shows exactly `want` (filters apply asynchronously).
async fn wait_ids(c: &Client, want: &[&str]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let got = ids(c).await;
        if got == want {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "list is {got:?}, expected {want:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn active_event(c: &Client) -> Option<String> {
    js(c, "const a = document.activeElement; const li = a && a.closest('[data-testid=event]'); return li ? li.dataset.eventId : null;")
        .await
        .as_str()
        .map(str::to_owned)
}

async fn press(c: &Client, key: Key) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(&key.to_string())
        .await
        .unwrap();
}

const AWARDS: [&str; 3] = [
    "2012-nagroda-ministra-gospodarki",
    "2016-regiostars",
    "wyroznienie-reves",
];

#[tokio::test]
async fn filters_by_kind_and_era_live_in_the_url_and_survive_reload() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    assert_eq!(ids(&c).await.len(), 10);

    wait_for(&c, "[data-testid=chip-award]")
        .await
        .click()
        .await
        .unwrap();
    wait_ids(&c, &AWARDS).await;
    let url = c.current_url().await.unwrap();
    assert_eq!(url.query(), Some("kind=award"));
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 3 wydarzenia").await;
    let status = c
        .find(Locator::Css("[data-testid=result-count]"))
        .await
        .unwrap();
    assert_eq!(
        status.attr("role").await.unwrap().as_deref(),
        Some("status")
    );
    let pressed = c
        .find(Locator::Css("[data-testid=chip-award]"))
        .await
        .unwrap()
        .attr("aria-pressed")
        .await
        .unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));

    // Multi-select: awards and policies.
    c.find(Locator::Css("[data-testid=chip-policy]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_ids(
        &c,
        &[
            "strategia-2007-2013",
            "2010-model-mrr",
            "2012-nagroda-ministra-gospodarki",
            "2016-regiostars",
            "wyroznienie-reves",
        ],
    )
    .await;

    // Era, combined with the kinds.
    c.find(Locator::Css("[data-testid=era-filter]"))
        .await
        .unwrap()
        .select_by_value("rpo-wm-2014-2020")
        .await
        .unwrap();
    wait_ids(&c, &["2016-regiostars"]).await;
    assert_eq!(
        c.current_url().await.unwrap().query(),
        Some("kind=policy,award&era=rpo-wm-2014-2020")
    );

    c.refresh().await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    wait_ids(&c, &["2016-regiostars"]).await;
    let era = js(
        &c,
        "return document.querySelector('[data-testid=era-filter]').value",
    )
    .await;
    assert_eq!(era, "rpo-wm-2014-2020");

    // Clearing returns everything.
    c.find(Locator::Css("[data-testid=reset-filters]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(
        &c,
        "[data-testid=result-count]",
        "Oś czasu zawiera 10 wydarzeń",
    )
    .await;
    assert_eq!(ids(&c).await.len(), 10);
    c.close().await.unwrap();
}

#[tokio::test]
async fn search_ignores_case_diacritics_and_endings() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    let input = wait_for(&c, "[data-testid=search]").await;
    input.send_keys("SPOLDZIELNIE").await.unwrap();
    wait_ids(&c, &["2008-akademia-rozwoju-es", "wspolpraca-lombardia"]).await;
    // The URL follows once typing pauses.
    let mut query = None;
    for _ in 0..50 {
        query = c.current_url().await.unwrap().query().map(str::to_owned);
        if query.as_deref() == Some("q=SPOLDZIELNIE") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(query.as_deref(), Some("q=SPOLDZIELNIE"));
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 2 wydarzenia").await;

    input.send_keys(" xyzzy").await.unwrap();
    wait_for(&c, "[data-testid=no-results]").await;
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 0 wydarzeń").await;

    // The same in English, from a shared link.
    c.goto(&s.url("/en/timeline?q=malopolska")).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    let got = ids(&c).await;
    assert!(
        got.contains(&"system-wsparcia-owes".to_owned())
            && got.contains(&"2010-model-mrr".to_owned()),
        "{got:?}"
    );
    let value = js(
        &c,
        "return document.querySelector('[data-testid=search]').value",
    )
    .await;
    assert_eq!(value, "malopolska");
    c.close().await.unwrap();
}

#[tokio::test]
async fn event_detail_has_its_own_address_and_neighbours() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/os-czasu/2015-mokes")).await.unwrap();
    let detail = wait_for(&c, "[data-testid=event-detail]").await;
    let t = detail.text().await.unwrap();
    assert!(
        t.contains("Projekt „Małopolski Ośrodek Koordynacji Ekonomii Społecznej”"),
        "{t}"
    );
    assert!(t.contains("od 2015"));
    assert!(t.contains("Działania 9.3 RPO WM na lata 2014–2020"));
    assert!(t.contains("Źródło: ROPS w Krakowie"));
    assert_eq!(c.title().await.unwrap(), "Projekt „Małopolski Ośrodek Koordynacji Ekonomii Społecznej” | Regionalny Ośrodek Polityki Społecznej w Krakowie");
    let funding = c
        .find(Locator::Css("[data-testid=event-project-link]"))
        .await
        .unwrap();
    assert_eq!(
        funding.attr("href").await.unwrap().as_deref(),
        Some("/finansowanie#mokes")
    );

    // Reload keeps it.
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Małopolski Ośrodek Koordynacji").await;

    // Neighbours in timeline order.
    let prev = c
        .find(Locator::Css("[data-testid=prev-event]"))
        .await
        .unwrap();
    assert_eq!(
        prev.attr("href").await.unwrap().as_deref(),
        Some("/os-czasu/2012-nagroda-ministra-gospodarki")
    );
    c.find(Locator::Css("[data-testid=next-event]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "RegioStars 2016").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/os-czasu/2016-regiostars"
    );

    // Within a filter, neighbours follow the filter, and the language switch keeps both.
    c.goto(&s.url("/os-czasu/2016-regiostars?kind=award"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=event-detail]").await;
    let prev = c
        .find(Locator::Css("[data-testid=prev-event]"))
        .await
        .unwrap();
    assert_eq!(
        prev.attr("href").await.unwrap().as_deref(),
        Some("/os-czasu/2012-nagroda-ministra-gospodarki?kind=award")
    );
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "RegioStars 2016 main prize").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(
        (url.path(), url.query()),
        ("/en/timeline/2016-regiostars", Some("kind=award"))
    );

    c.goto(&s.url("/os-czasu/nie-ma-takiego")).await.unwrap();
    wait_for(&c, "[data-testid=event-not-found]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn keyboard_only_from_first_event_to_last_and_into_detail_and_back() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;

    // Tab from the top of the page until focus reaches the list: it lands on the first event.
    let mut reached = None;
    for _ in 0..40 {
        press(&c, Key::Tab).await;
        if let Some(id) = active_event(&c).await {
            reached = Some(id);
            break;
        }
    }
    assert_eq!(
        reached.as_deref(),
        Some("2004-lider-equal"),
        "Tab must reach the list at its first event"
    );

    for expected in [
        "strategia-2007-2013",
        "2008-akademia-rozwoju-es",
        "2010-model-mrr",
    ] {
        press(&c, Key::Down).await;
        assert_eq!(active_event(&c).await.as_deref(), Some(expected));
    }
    press(&c, Key::Up).await;
    assert_eq!(
        active_event(&c).await.as_deref(),
        Some("2008-akademia-rozwoju-es")
    );
    press(&c, Key::End).await;
    assert_eq!(active_event(&c).await.as_deref(), Some("wyroznienie-reves"));
    press(&c, Key::Home).await;
    assert_eq!(active_event(&c).await.as_deref(), Some("2004-lider-equal"));
    press(&c, Key::End).await;
    // One Tab stop for the list: Tab leaves it rather than walking every card.
    let tabbable = js(
        &c,
        "return document.querySelectorAll('.event-card__link[tabindex=\"0\"]').length",
    )
    .await;
    assert_eq!(tabbable, 1);

    // Enter opens the detail; focus is on its heading.
    press(&c, Key::Enter).await;
    wait_for(&c, "[data-testid=event-detail]").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/os-czasu/wyroznienie-reves"
    );
    wait_for_text(&c, "h1", "Wyróżnienie REVES").await;
    let focused = js(&c, "return document.activeElement.id").await;
    assert_eq!(focused, "page-title");
    // The undated event says so, at its real precision.
    let date = c
        .find(Locator::Css(
            "[data-testid=event-detail] [data-testid=event-date]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(date, "data nie podana");

    // Escape closes it; focus returns to the card it came from.
    press(&c, Key::Escape).await;
    wait_for(&c, "[data-testid=timeline]").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/os-czasu");
    let mut back = None;
    for _ in 0..30 {
        back = active_event(&c).await;
        if back.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(back.as_deref(), Some("wyroznienie-reves"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn timeline_states_pass_axe_in_both_languages_and_reflow_at_360px() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, ready) in [
        ("/os-czasu", "[data-testid=event]"),
        (
            "/os-czasu?kind=award,policy&era=okres-2007-2013",
            "[data-testid=event]",
        ),
        ("/os-czasu?q=xyzzy", "[data-testid=no-results]"),
        (
            "/os-czasu/2008-akademia-rozwoju-es",
            "[data-testid=event-detail]",
        ),
        ("/en/timeline", "[data-testid=event]"),
        ("/en/timeline?kind=award", "[data-testid=event]"),
        (
            "/en/timeline/strategia-2007-2013",
            "[data-testid=event-detail]",
        ),
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
    c.close().await.unwrap();
}
