//! End-to-end: accessibility across the app — the declaration, themes, the
//! skip link, keyboard reach, reflow at 320 px, axe in both languages and themes.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use support::*;

const IDS: [&str; 15] = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-przygotowanie",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-ocena",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
];

#[tokio::test]
async fn declaration_has_every_required_element_in_both_languages_and_invents_nothing() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    // Reached from the footer of any page.
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for(&c, "[data-testid=declaration-link]")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "Deklaracja dostępności").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/deklaracja-dostepnosci"
    );
    for (path, heading, pending) in [
        (
            "/deklaracja-dostepnosci",
            "Deklaracja dostępności",
            "informacja w trakcie uzupełniania",
        ),
        (
            "/en/accessibility",
            "Accessibility statement",
            "information being completed",
        ),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, "#a11y-podmiot").await;
        assert_eq!(wait_for(&c, "h1").await.text().await.unwrap(), heading);
        for id in IDS.iter().chain(["a11y-architektura"].iter()) {
            assert!(c.find(Locator::Id(id)).await.is_ok(), "{path} lacks #{id}");
        }
        let entity = c
            .find(Locator::Id("a11y-podmiot"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            entity.starts_with("Regional") || entity.starts_with("Regionalny"),
            "{entity}"
        );
        // The seed gives no contact or dates: the page says so instead of inventing them.
        for id in [
            "a11y-osoba",
            "a11y-email",
            "a11y-telefon",
            "a11y-data-publikacja",
            "a11y-data-sporzadzenie",
        ] {
            let t = c.find(Locator::Id(id)).await.unwrap().text().await.unwrap();
            assert_eq!(t, pending, "#{id} on {path}");
        }
        wait_for(&c, "[data-testid=declaration-incomplete]").await;
        let v = axe_violations(&c).await;
        assert!(v.is_empty(), "axe on {path}: {v:#?}");
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn theme_switch_is_remembered_and_both_themes_pass_axe() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/")).await.unwrap();
    wait_for(&c, "[data-testid=org-summary]").await;
    let bg = |c: &fantoccini::Client| {
        let c = c.clone();
        async move { js(&c, "return getComputedStyle(document.body).backgroundColor").await }
    };
    assert_eq!(bg(&c).await, "rgb(255, 255, 255)");
    let sw = c
        .find(Locator::Css("[data-testid=theme-switch]"))
        .await
        .unwrap();
    assert_eq!(
        sw.attr("aria-pressed").await.unwrap().as_deref(),
        Some("false")
    );
    sw.click().await.unwrap();
    assert_eq!(bg(&c).await, "rgb(18, 20, 23)");
    c.refresh().await.unwrap();
    wait_for(&c, "[data-testid=org-summary]").await;
    assert_eq!(
        bg(&c).await,
        "rgb(18, 20, 23)",
        "the choice survives a reload"
    );
    let sw = c
        .find(Locator::Css("[data-testid=theme-switch]"))
        .await
        .unwrap();
    assert_eq!(
        sw.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    for (path, ready) in [
        ("/", "[data-testid=org-summary]"),
        ("/en/timeline", "[data-testid=event]"),
        ("/os-czasu/2015-mokes", "[data-testid=event-detail]"),
        ("/finansowanie", "[data-testid=funding-table]"),
        ("/en/accessibility", "#a11y-podmiot"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, ready).await;
        let v = axe_violations(&c).await;
        assert!(v.is_empty(), "axe (dark) on {path}: {v:#?}");
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn skip_link_moves_focus_to_the_main_content() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&s.url("/finansowanie")).await.unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(&Key::Tab.to_string())
        .await
        .unwrap();
    let first = js(&c, "return document.activeElement.className").await;
    assert_eq!(first, "skip-link", "the skip link is the first Tab stop");
    let visible = js(&c, "const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0").await;
    assert_eq!(visible, true, "the skip link is visible when focused");
    c.active_element()
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    assert_eq!(js(&c, "return document.activeElement.id").await, "main");
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/finansowanie",
        "skipping must not navigate"
    );
    c.close().await.unwrap();
}

/// Tab walks through every interactive control of each page, in order, with a
/// visible focus indicator on each.
#[tokio::test]
async fn keyboard_reaches_every_control_with_visible_focus() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    for (path, ready) in [
        ("/", "[data-testid=org-summary]"),
        ("/os-czasu", "[data-testid=event]"),
        ("/finansowanie", "[data-testid=funding-table]"),
        ("/deklaracja-dostepnosci", "#a11y-podmiot"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, ready).await;
        // What should be reachable: every enabled control with tabindex >= 0.
        let expected = js(&c, "return [...document.querySelectorAll('a[href], button:not([disabled]), input, select, [tabindex]')].filter(e => e.tabIndex >= 0 && e.getClientRects().length).length").await.as_u64().unwrap();
        c.find(Locator::Css("body"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..(expected + 5) {
            c.active_element()
                .await
                .unwrap()
                .send_keys(&Key::Tab.to_string())
                .await
                .unwrap();
            let info = js(&c, "const a = document.activeElement; if (!a || a === document.body) return null; const st = getComputedStyle(a); a.dataset.kbSeen = a.dataset.kbSeen || String(Math.random()); return [a.dataset.kbSeen, st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2 || st.boxShadow !== 'none'];").await;
            if info.is_null() {
                continue;
            }
            let visible = info[1].as_bool().unwrap();
            let tag = js(&c, "return document.activeElement.outerHTML.slice(0, 80)").await;
            assert!(visible, "{path}: no visible focus on {tag}");
            seen.insert(info[0].as_str().unwrap().to_owned());
        }
        assert!(
            seen.len() as u64 >= expected,
            "{path}: Tab reached {} of {expected} controls",
            seen.len()
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn every_route_reflows_at_320px() {
    let s = Server::start().await;
    let c = browser(320, 640).await;
    for (path, ready) in [
        ("/", "[data-testid=org-summary]"),
        ("/os-czasu", "[data-testid=event]"),
        ("/os-czasu/2004-lider-equal", "[data-testid=event-detail]"),
        ("/finansowanie", "[data-testid=funding-table]"),
        ("/en/accessibility", "#a11y-podmiot"),
        ("/en/funding", "[data-testid=funding-table]"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, ready).await;
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} scrolls sideways at 320px"
        );
        // WCAG 1.4.12 text spacing: with the spacing overrides, still no sideways scroll.
        js(&c, "const s = document.createElement('style'); s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }'; document.head.appendChild(s);").await;
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} breaks with WCAG text spacing at 320px"
        );
    }
    c.close().await.unwrap();
}

/// Every route and state, in both languages and both themes, through axe.
#[tokio::test]
async fn axe_finds_nothing_on_any_route_state_language_or_theme() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    let pages = [
        ("/", "[data-testid=org-summary]"),
        ("/os-czasu", "[data-testid=event]"),
        (
            "/os-czasu?kind=award&era=okres-2007-2013",
            "[data-testid=event]",
        ),
        ("/os-czasu?q=xyzzy", "[data-testid=no-results]"),
        ("/os-czasu/2015-mokes", "[data-testid=event-detail]"),
        ("/finansowanie", "[data-testid=funding-table]"),
        ("/deklaracja-dostepnosci", "#a11y-podmiot"),
        ("/nie-ma", "[data-testid=not-found]"),
        ("/en", "[data-testid=org-summary]"),
        ("/en/timeline", "[data-testid=event]"),
        ("/en/timeline?kind=policy", "[data-testid=event]"),
        ("/en/timeline?q=xyzzy", "[data-testid=no-results]"),
        (
            "/en/timeline/wyroznienie-reves",
            "[data-testid=event-detail]",
        ),
        ("/en/funding", "[data-testid=funding-table]"),
        ("/en/accessibility", "#a11y-podmiot"),
    ];
    for theme in ["light", "dark"] {
        c.goto(&s.url("/")).await.unwrap();
        wait_for(&c, "[data-testid=org-summary]").await;
        js(
            &c,
            &format!("localStorage.setItem('rops.theme', '{theme}')"),
        )
        .await;
        for (path, ready) in pages {
            c.goto(&s.url(path)).await.unwrap();
            wait_for(&c, ready).await;
            let applied = js(&c, "return document.documentElement.dataset.theme").await;
            assert_eq!(applied, theme);
            let v = axe_violations(&c).await;
            assert!(v.is_empty(), "axe on {path} ({theme}): {v:#?}");
        }
        // Loading (a slow bundle) and error states, in both languages, on a
        // device with no saved copy (with one, its content would show instead).
        for (path, lang) in [("/", "pl"), ("/en/funding", "en")] {
            forget_device(&c).await;
            let mut slow = Override::json(
                &std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap(),
            );
            slow.delay = std::time::Duration::from_secs(4);
            s.set("/content/bundle.json", slow);
            c.goto(&s.url(path)).await.unwrap();
            wait_for(&c, "[data-testid=loading]").await;
            let v = axe_violations(&c).await;
            assert!(v.is_empty(), "axe on loading {path} ({theme}): {v:#?}");
            s.set("/content/bundle.json", Override::status(500));
            c.goto(&s.url(path)).await.unwrap();
            wait_for(&c, "[data-testid=error-panel]").await;
            assert_eq!(js(&c, "return document.documentElement.lang").await, lang);
            let v = axe_violations(&c).await;
            assert!(v.is_empty(), "axe on error {path} ({theme}): {v:#?}");
            s.clear("/content/bundle.json");
        }
    }
    c.close().await.unwrap();
}
