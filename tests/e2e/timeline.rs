//! End-to-end: the interactive timeline (every event in order with the
//! undated apart, filters in the URL, search, detail pages, keyboard
//! operation, the eras' notes under their headings) in Chromium. (Axe and reflow over its states
//! are e2e/accessibility.rs's.)

use rops_e2e::*;
use std::time::Duration;

/// The event whose card holds the focus, if one does.
async fn active_event(c: &Client) -> Option<String> {
    js(c, "const a = document.activeElement; const li = a && a.closest('[data-testid=event]'); return li ? li.dataset.eventId : null;")
        .await
        .as_str()
        .map(str::to_owned)
}

#[tokio::test]
async fn filters_by_kind_and_era_live_in_the_url_and_survive_reload() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    assert_eq!(event_ids(&c).await.len(), 10);
    show_filters(&c).await;

    click(&c, "[data-testid=chip-award]").await;
    wait_ids(&c, &AWARDS).await;
    assert_eq!(c.current_url().await.unwrap().query(), Some("kind=award"));
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 3 wydarzenia").await;
    // The count is announced by its live twin (see e2e::accessibility_tree).
    assert_eq!(
        attr(&c, "[data-testid=result-count-announced]", "role").await,
        "status"
    );
    wait_for_text(
        &c,
        "[data-testid=result-count-announced]",
        "Znaleziono 3 wydarzenia",
    )
    .await;
    assert_eq!(
        attr(&c, "[data-testid=chip-award]", "aria-pressed").await,
        "true"
    );

    // Multi-select: awards and policies.
    click(&c, "[data-testid=chip-policy]").await;
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
    select(&c, "[data-testid=era-filter]", "rpo-wm-2014-2020").await;
    wait_ids(&c, &["2016-regiostars"]).await;
    assert_eq!(
        c.current_url().await.unwrap().query(),
        Some("kind=policy,award&era=rpo-wm-2014-2020")
    );

    c.refresh().await.unwrap();
    wait_for(&c, TIMELINE.ready).await;
    wait_ids(&c, &["2016-regiostars"]).await;
    show_filters(&c).await;
    let era = value(&c, "[data-testid=era-filter]").await;
    assert_eq!(era, "rpo-wm-2014-2020");

    // Clearing returns everything.
    click(&c, "[data-testid=reset-filters]").await;
    wait_for_text(
        &c,
        "[data-testid=result-count]",
        "Oś czasu zawiera 10 wydarzeń",
    )
    .await;
    assert_eq!(event_ids(&c).await.len(), 10);
    c.close().await.unwrap();
}

#[tokio::test]
async fn search_ignores_case_diacritics_and_endings() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, TIMELINE.pl, "[data-testid=search]").await;
    show_filters(&c).await;
    let input = wait_for(&c, "[data-testid=search]").await;
    input.send_keys("SPOLDZIELNIE").await.unwrap();
    wait_ids(&c, &["2008-akademia-rozwoju-es", "wspolpraca-lombardia"]).await;
    // The URL follows once typing pauses.
    wait_js_within(
        &c,
        "location.search === '?q=SPOLDZIELNIE'",
        Duration::from_secs(5),
    )
    .await;
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 2 wydarzenia").await;

    input.send_keys(" xyzzy").await.unwrap();
    wait_for(&c, "[data-testid=no-results]").await;
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 0 wydarzeń").await;

    // The same in English, from a shared link.
    open(&c, &s, "/en/timeline?q=malopolska", TIMELINE.ready).await;
    let got = event_ids(&c).await;
    assert!(
        got.contains(&"system-wsparcia-owes".to_owned())
            && got.contains(&"2010-model-mrr".to_owned()),
        "{got:?}"
    );
    assert_eq!(value(&c, "[data-testid=search]").await, "malopolska");
    c.close().await.unwrap();
}

#[tokio::test]
async fn event_detail_has_its_own_address_and_neighbours() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, EVENT.pl, EVENT.ready).await;
    let t = text(&c, EVENT.ready).await;
    assert!(
        t.contains("Projekt „Małopolski Ośrodek Koordynacji Ekonomii Społecznej”"),
        "{t}"
    );
    assert!(t.contains("od 2015"));
    assert!(t.contains("Działania 9.3 RPO WM na lata 2014–2020"));
    assert!(t.contains("Źródło: ROPS w Krakowie"));
    assert_eq!(
        c.title().await.unwrap(),
        "Projekt „Małopolski Ośrodek Koordynacji Ekonomii Społecznej” | ROPS w Krakowie"
    );
    assert_eq!(
        attr(&c, "[data-testid=event-project-link]", "href").await,
        "/finansowanie#project-mokes"
    );

    // Reload keeps it.
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Małopolski Ośrodek Koordynacji").await;

    // Neighbours in timeline order.
    assert_eq!(
        attr(&c, "[data-testid=prev-event]", "href").await,
        "/os-czasu/2012-nagroda-ministra-gospodarki"
    );
    click(&c, "[data-testid=next-event]").await;
    wait_for_text(&c, "h1", "RegioStars 2016").await;
    assert_eq!(current_path(&c).await, "/os-czasu/2016-regiostars");

    // Within a filter, neighbours follow the filter, and the language switch keeps both.
    open(&c, &s, "/os-czasu/2016-regiostars?kind=award", EVENT.ready).await;
    assert_eq!(
        attr(&c, "[data-testid=prev-event]", "href").await,
        "/os-czasu/2012-nagroda-ministra-gospodarki?kind=award"
    );
    click(&c, "[data-testid=lang-switch] a[hreflang=en]").await;
    wait_for_text(&c, "h1", "RegioStars 2016 main prize").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(
        (url.path(), url.query()),
        ("/en/timeline/2016-regiostars", Some("kind=award"))
    );

    open(
        &c,
        &s,
        "/os-czasu/nie-ma-takiego",
        "[data-testid=event-not-found]",
    )
    .await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn keyboard_only_from_first_event_to_last_and_into_detail_and_back() {
    let (s, c) = app_and_browser(DESKTOP).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;

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
    wait_for(&c, EVENT.ready).await;
    assert_eq!(current_path(&c).await, "/os-czasu/wyroznienie-reves");
    wait_for_text(&c, "h1", "Wyróżnienie REVES").await;
    let focused = js(&c, "return document.activeElement.id").await;
    assert_eq!(focused, "page-title");
    // The undated event says so, at its real precision.
    assert_eq!(
        text(&c, "[data-testid=event-detail] [data-testid=event-date]").await,
        "data nie podana"
    );

    // Escape closes it; focus returns to the card it came from.
    press(&c, Key::Escape).await;
    wait_for(&c, "[data-testid=timeline]").await;
    assert_eq!(current_path(&c).await, TIMELINE.pl);
    let mut back = None;
    for _ in 0..30 {
        back = active_event(&c).await;
        if back.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(back.as_deref(), Some("wyroznienie-reves"));
    c.close().await.unwrap();
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
async fn era_notes_follow_their_headings_outside_them() {
    let (s, c) = app_and_browser(PHONE).await;
    for (path, headings, notes, strategy) in [
        (
            TIMELINE.pl,
            [
                "Inicjatywa Wspólnotowa EQUAL 2004",
                "Okres 2007–2013 (PO KL)",
                "RPO WM na lata 2014–2020",
            ],
            [
                "nie podaje, do kiedy trwały projekt i Inicjatywa",
                "Lata 2007–2013 to okres Strategii Rozwoju Województwa Małopolskiego",
                "za nazwą programu w źródle",
            ],
            "Lata 2007–2013 to okres obowiązywania Strategii, a nie data tego wydarzenia",
        ),
        (
            TIMELINE.en,
            [
                "EQUAL Community Initiative 2004",
                "2007–2013 period (PO KL)",
                "RPO WM 2014–2020",
            ],
            [
                "it does not say when the project or the Initiative ended",
                "the term of the Development Strategy of the Małopolska Voivodeship 2007–2013",
                "Regional Operational Programme of the Małopolska Region 2014–2020",
            ],
            "The years 2007–2013 are the Strategy's term, not the date of this event",
        ),
    ] {
        open(&c, &s, path, "[data-testid=era-note]").await;
        for (i, era) in ["equal", "okres-2007-2013", "rpo-wm-2014-2020"]
            .iter()
            .enumerate()
        {
            let band = format!("[data-testid=era-{era}]");
            // The heading's accessible name is the era and its period only,
            // and the period once: not again when the name already says it.
            let h2 = text(&c, &format!("{band} > h2")).await;
            assert_eq!(h2, headings[i], "{path} {era}");
            // The note closes the band, after its events.
            let note = text(&c, &format!("{band} > ol + [data-testid=era-note]")).await;
            assert!(note.contains(notes[i]), "{path} {era}: {note}");
            assert!(!h2.contains(&note), "{path}: the note is not in the h2");
        }
        // The undated group has no era, so no note.
        assert_eq!(
            texts(&c, "[data-testid=undated] [data-testid=era-note]")
                .await
                .len(),
            0
        );
        // The Strategy's range is its term, and the card says so.
        let card = text(&c, "[data-event-id=strategia-2007-2013]").await;
        assert!(card.contains(strategy), "{path}: {card}");
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} scrolls sideways at 360px"
        );
    }
    c.close().await.unwrap();
}
