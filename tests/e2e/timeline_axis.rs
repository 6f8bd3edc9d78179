//! End-to-end: the timeline's overview axis (issue #16) in Chromium: the
//! first event on a phone's first screen, marks that open events, era bands
//! that filter (in the URL), the keyboard walk along the axis, axe in both
//! themes and languages, and no sideways page scroll at 320 px.

use rops_e2e::*;

const MARK: &str = "[data-testid=axis-mark]";

/// The focused element's axis item, described as `row:event-or-era`.
async fn active_axis_item(c: &Client) -> Option<String> {
    js(
        c,
        "const a = document.activeElement; if (!a || !a.matches('.axis__item')) return null; \
         return a.dataset.row + ':' + (a.dataset.markFor || a.dataset.testid);",
    )
    .await
    .as_str()
    .map(str::to_owned)
}

#[tokio::test]
async fn on_a_phone_the_axis_is_a_strip_and_the_first_event_is_on_the_first_screen() {
    let (s, c) = app_and_browser(PHONE).await;
    // In every language (Ukrainian runs longest), the first event's title
    // link, not only its card's top edge, is whole on the first screen.
    for path in [TIMELINE.en, TIMELINE.uk, TIMELINE.pl] {
        open(&c, &s, path, TIMELINE.ready).await;
        wait_taken_over(&c).await;
        wait_for(&c, MARK).await;
        let bottom = js(
            &c,
            "return document.querySelector('[data-testid=event] h3 a').getBoundingClientRect().bottom",
        )
        .await
        .as_f64()
        .unwrap();
        // Where the space went, shown if the title is below the first screen.
        let layout = js(&c, "return [...document.querySelectorAll('main > *, main .timeline > *, .site-header')].map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().top)}+${Math.round(e.getBoundingClientRect().height)}`).join('\\n') + `\\ninner ${innerWidth}x${innerHeight}`").await;
        eprintln!("{path}\n{}", layout.as_str().unwrap_or_default());
        assert!(
            bottom <= 740.0,
            "{path}: the first event's title link ends at {bottom} px"
        );
    }
    let strip = js(
        &c,
        "return document.querySelector('[data-testid=axis-svg]').getBoundingClientRect().height",
    )
    .await
    .as_f64()
    .unwrap();
    assert!(strip <= 120.0, "the axis is {strip} px tall on a phone");
    // Filters folded behind one button that counts them.
    assert_eq!(
        attr(&c, "[data-testid=filters-toggle]", "aria-expanded").await,
        "false"
    );
    assert_eq!(text(&c, "[data-testid=filters-toggle]").await, "Filtry (0)");
    assert_eq!(
        text(&c, "[data-testid=axis-undated]").await,
        "3 wydarzenia bez daty"
    );
    show_filters(&c).await;
    click(&c, "[data-testid=chip-award]").await;
    wait_for_text(&c, "[data-testid=filters-toggle]", "Filtry (1)").await;
    // Marks outside the filter are dimmed, the others not.
    wait_js(
        &c,
        "document.querySelectorAll('[data-testid=axis-mark].axis__mark--dim').length === 5",
    )
    .await;
    assert_eq!(
        text(&c, "[data-testid=axis-undated]").await,
        "1 wydarzenie bez daty"
    );
    c.close().await.unwrap();

    let c = browser((320, 740)).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    wait_for(&c, MARK).await;
    assert!(
        !has_horizontal_scroll(&c).await,
        "sideways scroll at 320 px"
    );
    open(&c, &s, TIMELINE.en, TIMELINE.ready).await;
    wait_for(&c, MARK).await;
    assert!(
        !has_horizontal_scroll(&c).await,
        "sideways scroll at 320 px (en)"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_mark_opens_its_event_and_a_band_filters_by_its_era() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    wait_taken_over(&c).await;
    let award = "[data-testid=axis-mark][data-mark-for=\"2012-nagroda-ministra-gospodarki\"]";
    let name = attr(&c, award, "aria-label").await;
    assert!(name.starts_with("2012, nagroda: "), "{name}");
    click(&c, award).await;
    wait_for(&c, EVENT.ready).await;
    assert_eq!(
        current_path(&c).await,
        "/os-czasu/2012-nagroda-ministra-gospodarki"
    );

    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    wait_taken_over(&c).await;
    click(&c, "[data-testid=axis-era-rpo-wm-2014-2020]").await;
    wait_js(&c, "location.search === '?era=rpo-wm-2014-2020'").await;
    wait_js(
        &c,
        "document.querySelector('[data-testid=axis-era-rpo-wm-2014-2020]').classList.contains('axis__band--active')",
    )
    .await;
    let ids = event_ids(&c).await;
    assert!(ids.contains(&"2015-mokes".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"2004-lider-equal".to_owned()), "{ids:?}");
    assert_eq!(text(&c, "[data-testid=filters-toggle]").await, "Filtry (1)");
    // The era select says the same.
    show_filters(&c).await;
    let era = value(&c, "[data-testid=era-filter]").await;
    assert_eq!(era, "rpo-wm-2014-2020");
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_axis_is_one_tab_stop_walked_with_arrows() {
    let (s, c) = app_and_browser(DESKTOP).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    wait_taken_over(&c).await;
    wait_for(&c, MARK).await;
    let mut reached = None;
    for _ in 0..40 {
        press(&c, Key::Tab).await;
        if let Some(item) = active_axis_item(&c).await {
            reached = Some(item);
            break;
        }
    }
    assert_eq!(reached.as_deref(), Some("mark:2004-lider-equal"));
    press(&c, Key::Right).await;
    assert_eq!(
        active_axis_item(&c).await.as_deref(),
        Some("mark:strategia-2007-2013")
    );
    let stops = js(
        &c,
        "return document.querySelectorAll('.axis__item[tabindex=\"0\"]').length",
    )
    .await;
    assert_eq!(stops, 1);
    // Up to the bands and back down.
    press(&c, Key::Up).await;
    let band = active_axis_item(&c).await.unwrap_or_default();
    assert!(band.starts_with("band:axis-era-"), "{band}");
    press(&c, Key::Down).await;
    assert_eq!(
        active_axis_item(&c).await.as_deref(),
        Some("mark:strategia-2007-2013")
    );
    // Tab leaves the axis at once.
    press(&c, Key::Tab).await;
    assert_eq!(active_axis_item(&c).await, None);
    // Back on it, Enter opens the event.
    c.execute(
        "document.querySelector('.axis__item[tabindex=\"0\"]').focus()",
        vec![],
    )
    .await
    .unwrap();
    press(&c, Key::Enter).await;
    wait_for(&c, EVENT.ready).await;
    assert_eq!(current_path(&c).await, "/os-czasu/strategia-2007-2013");
    c.close().await.unwrap();
}

#[tokio::test]
async fn axe_finds_nothing_on_the_axis_in_both_themes_and_languages() {
    let (s, c) = app_and_browser(DESKTOP).await;
    for path in [
        TIMELINE.pl,
        TIMELINE.en,
        "/os-czasu?era=okres-2007-2013&kind=award",
    ] {
        open(&c, &s, path, TIMELINE.ready).await;
        wait_taken_over(&c).await;
        wait_for(&c, MARK).await;
        assert_axe_clean_in_both_themes(&c, path).await;
    }
    c.close().await.unwrap();
    let c = browser(PHONE).await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    wait_taken_over(&c).await;
    wait_for(&c, MARK).await;
    assert_axe_clean_in_both_themes(&c, "the timeline at 360 px").await;
    c.close().await.unwrap();
}

/// The PNG's width and height from its header, if it is a PNG.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&png[16..20]), be(&png[20..24])))
}

/// Screenshots of the timeline (release build) on a phone and a desktop, in
/// the light and the dark theme; with `UPDATE_SCREENSHOTS=1` they are
/// written to `docs/screenshots/timeline-{360,1280}-{light,dark}.png`.
#[tokio::test]
async fn screenshots_of_the_timeline_in_both_themes_on_a_phone_and_a_desktop() {
    let s = Server::start().await;
    let update = std::env::var("UPDATE_SCREENSHOTS").is_ok_and(|v| v == "1");
    for (width, height) in [(360u32, 740u32), (1280, 800)] {
        for theme in ["light", "dark"] {
            let c = if theme == "dark" {
                browser_dark((width, height)).await
            } else {
                browser((width, height)).await
            };
            open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
            wait_taken_over(&c).await;
            wait_for(&c, MARK).await;
            let dark = js(
                &c,
                "return matchMedia('(prefers-color-scheme: dark)').matches",
            )
            .await
            .as_bool()
            .unwrap();
            assert_eq!(dark, theme == "dark", "{theme} at {width}");
            // Fonts laid out and no focus ring or transition half-way.
            js(&c, "return document.fonts.ready.then(() => true)").await;
            js(&c, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true").await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let png = c.screenshot().await.unwrap();
            let (w, h) = png_size(&png).expect("a PNG");
            assert!(
                w >= width / 2 && h >= height / 2,
                "{theme} at {width}: a {w}×{h} screenshot"
            );
            assert!(
                png.len() > 10_000,
                "{theme} at {width}: only {} bytes (a blank page?)",
                png.len()
            );
            if update {
                let dir = repo_dir().join("docs/screenshots");
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("timeline-{width}-{theme}.png")), &png).unwrap();
            }
            c.close().await.unwrap();
        }
    }
}
