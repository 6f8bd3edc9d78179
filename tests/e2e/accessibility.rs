//! End-to-end: accessibility across the app — the declaration, themes, the
//! skip link, keyboard reach, reflow at 320 and 360 px with WCAG text
//! spacing, and axe on every route and state in both languages and both
//! themes. This file is axe's one home for what a visitor can reach by
//! address; other files run axe only on states they alone create.

use rops_e2e::*;

// The template's required ids (v2.0) come from the library, so that the
// native template test and this check in the browser cannot drift apart.
use rops_app::i18n::DECLARATION_IDS as IDS;

/// States beyond each route's first screen, as (path, ready): filters in
/// the address, a search with no results, other events (the first, the
/// undated, long names), the 404 page, and embeds with their options
/// (an unknown accent among them).
const STATES: [(&str, &str); 14] = [
    (
        "/os-czasu?kind=award&era=okres-2007-2013",
        "[data-testid=event]",
    ),
    (
        "/os-czasu?kind=award,policy&era=okres-2007-2013",
        "[data-testid=event]",
    ),
    ("/os-czasu?q=xyzzy", "[data-testid=no-results]"),
    ("/os-czasu/2004-lider-equal", "[data-testid=event-detail]"),
    (
        "/os-czasu/2008-akademia-rozwoju-es",
        "[data-testid=event-detail]",
    ),
    ("/nie-ma", "[data-testid=not-found]"),
    ("/en/timeline?kind=policy", "[data-testid=event]"),
    ("/en/timeline?kind=award", "[data-testid=event]"),
    ("/en/timeline?q=xyzzy", "[data-testid=no-results]"),
    (
        "/en/timeline/wyroznienie-reves",
        "[data-testid=event-detail]",
    ),
    (
        "/en/timeline/strategia-2007-2013",
        "[data-testid=event-detail]",
    ),
    (
        "/embed/os-czasu?theme=dark&accent=green",
        "[data-testid=event]",
    ),
    (
        "/en/embed/funding?accent=purple",
        "[data-testid=funding-table]",
    ),
    (
        "/embed/os-czasu/2015-mokes?theme=light&accent=evil",
        "[data-testid=event-detail]",
    ),
];

#[tokio::test]
async fn declaration_has_every_required_element_in_both_languages_and_invents_nothing() {
    let (s, c) = app_and_browser(PHONE).await;
    // Reached from the footer of any page.
    visit(&c, &s, TIMELINE.pl).await;
    click(&c, "[data-testid=declaration-link]").await;
    wait_for_text(&c, "h1", "Deklaracja dostępności").await;
    assert_eq!(current_path(&c).await, DECLARATION.pl);
    for (path, heading, pending) in [
        (
            DECLARATION.pl,
            "Deklaracja dostępności",
            "informacja w trakcie uzupełniania",
        ),
        (
            DECLARATION.en,
            "Accessibility statement",
            "information being completed",
        ),
    ] {
        open(&c, &s, path, DECLARATION.ready).await;
        assert_eq!(text(&c, "h1").await, heading);
        for id in IDS {
            assert!(exists(&c, &format!("#{id}")).await, "{path} lacks #{id}");
        }
        let entity = text(&c, "#a11y-podmiot").await;
        assert!(
            entity.starts_with("Regional") || entity.starts_with("Regionalny"),
            "{entity}"
        );
        // The seed gives no publication date: the site's first
        // publication stands in, a day, saying where it is from.
        let published = attr(&c, "#a11y-data-publikacja", "datetime").await;
        assert!(
            published.len() == 10 && published.as_bytes()[4] == b'-',
            "{published}"
        );
        wait_for(&c, "[data-testid=published-by-publisher]").await;
        // It gives no contact or other dates: the page says so instead of
        // inventing them.
        for id in [
            "a11y-kontakt",
            "a11y-email",
            "a11y-telefon",
            "a11y-data-sporzadzenie",
        ] {
            assert_eq!(
                text(&c, &format!("#{id}")).await,
                pending,
                "#{id} on {path}"
            );
        }
        wait_for(&c, "[data-testid=declaration-incomplete]").await;
    }
    c.close().await.unwrap();
}

/// The switch's choice is kept across a reload and applied on every page,
/// in both directions.
#[tokio::test]
async fn the_theme_switch_is_remembered_on_every_page() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;
    let bg = "return getComputedStyle(document.body).backgroundColor";
    let pressed = || attr(&c, "[data-testid=theme-switch]", "aria-pressed");
    assert_eq!(js(&c, bg).await, "rgb(255, 255, 255)");
    assert_eq!(pressed().await, "false");
    click(&c, "[data-testid=theme-switch]").await;
    assert_eq!(js(&c, bg).await, "rgb(18, 20, 23)");
    c.refresh().await.unwrap();
    wait_for(&c, ABOUT.ready).await;
    assert_eq!(
        js(&c, bg).await,
        "rgb(18, 20, 23)",
        "the choice survives a reload"
    );
    assert_eq!(pressed().await, "true");
    applied_on_every_page(&c, &s, "dark").await;
    click(&c, "[data-testid=theme-switch]").await;
    wait_js(&c, "document.documentElement.dataset.theme === 'light'").await;
    applied_on_every_page(&c, &s, "light").await;
    c.close().await.unwrap();
}

/// Every page, opened afresh, is in `theme`.
async fn applied_on_every_page(c: &Client, s: &Server, theme: &str) {
    for (path, ready) in pages() {
        open(c, s, path, ready).await;
        let applied = js(c, "return document.documentElement.dataset.theme").await;
        assert_eq!(applied, theme, "{path}");
    }
}

#[tokio::test]
async fn skip_link_moves_focus_to_the_main_content() {
    let (s, c) = app_and_browser(DESKTOP).await;
    open(&c, &s, FUNDING.pl, FUNDING.ready).await;
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
    press(&c, Key::Enter).await;
    assert_eq!(js(&c, "return document.activeElement.id").await, "main");
    assert_eq!(
        current_path(&c).await,
        FUNDING.pl,
        "skipping must not navigate"
    );
    c.close().await.unwrap();
}

/// Tab walks through every interactive control of each page, in order, with a
/// visible focus indicator on each.
#[tokio::test]
async fn keyboard_reaches_every_control_with_visible_focus() {
    let (s, c) = app_and_browser(DESKTOP).await;
    // Not the embed generator: Tab walks into its preview iframe, whose
    // focus indicator is inside the frame, out of this check's sight.
    for r in ROUTES.iter().filter(|r| **r != EMBED_CODE) {
        let path = r.pl;
        open(&c, &s, path, r.ready).await;
        // What should be reachable: every enabled control with tabindex >= 0.
        let expected = js(&c, "return [...document.querySelectorAll('a[href], button:not([disabled]), input, select, [tabindex]')].filter(e => e.tabIndex >= 0 && e.getClientRects().length).length").await.as_u64().unwrap();
        click(&c, "body").await;
        let mut seen = std::collections::HashSet::new();
        for _ in 0..(expected + 5) {
            press(&c, Key::Tab).await;
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

/// No page or state scrolls sideways at `width`, also with the WCAG 1.4.12
/// text spacing overrides.
async fn every_page_and_state_reflows_at(width: u32) {
    let (s, c) = app_and_browser((width, 640)).await;
    for (path, ready) in pages().chain(STATES) {
        open(&c, &s, path, ready).await;
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} scrolls sideways at {width}px"
        );
        js(&c, "const s = document.createElement('style'); s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }'; document.head.appendChild(s);").await;
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} breaks with WCAG text spacing at {width}px"
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn every_page_and_state_reflows_at_320px() {
    every_page_and_state_reflows_at(320).await;
}

#[tokio::test]
async fn every_page_and_state_reflows_at_360px() {
    every_page_and_state_reflows_at(PHONE.0).await;
}

async fn axe_finds_nothing_in_either_theme_on(states: impl IntoIterator<Item = (&str, &str)>) {
    let (s, c) = app_and_browser(PHONE).await;
    for (path, ready) in states {
        open(&c, &s, path, ready).await;
        assert_axe_clean_in_both_themes(&c, path).await;
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn axe_finds_nothing_on_any_page_in_either_theme() {
    axe_finds_nothing_in_either_theme_on(pages()).await;
}

#[tokio::test]
async fn axe_finds_nothing_in_any_state_in_either_theme() {
    axe_finds_nothing_in_either_theme_on(STATES).await;
}

/// Loading (a slow bundle) and error states, in both languages, on a device
/// with no saved copy (with one, its content would show instead).
#[tokio::test]
async fn axe_finds_nothing_while_loading_or_failing_in_either_language_or_theme() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;
    for (path, lang) in [(ABOUT.pl, "pl"), (FUNDING.en, "en")] {
        forget_device(&c).await;
        // Slow enough for both axe runs to see the loading state.
        s.set(
            "/content/bundle.json",
            Override::json(&bundle()).after(std::time::Duration::from_secs(8)),
        );
        s.set(path, shell_page());
        open(&c, &s, path, "[data-testid=loading]").await;
        assert_axe_clean_in_both_themes(&c, &format!("loading {path}")).await;
        assert!(
            exists(&c, "[data-testid=loading]").await,
            "{path}: the content came before axe saw the loading state"
        );
        s.clear(path);
        s.set("/content/bundle.json", Override::status(500));
        open(&c, &s, path, "[data-testid=error-panel]").await;
        assert_eq!(page_lang(&c).await, lang);
        assert_axe_clean_in_both_themes(&c, &format!("error {path}")).await;
        s.clear("/content/bundle.json");
    }
    c.close().await.unwrap();
}

/// Until the visitor chooses, the system's light or dark preference rules
/// (CSS `prefers-color-scheme`, not `data-theme`), and passes axe too.
#[tokio::test]
async fn the_systems_theme_rules_until_a_choice_and_passes_axe() {
    let s = Server::start().await;
    for dark in [false, true] {
        let c = if dark {
            browser_dark(PHONE).await
        } else {
            browser(PHONE).await
        };
        for (path, ready) in pages() {
            open(&c, &s, path, ready).await;
            let system = js(
                &c,
                "return [matchMedia('(prefers-color-scheme: dark)').matches, document.documentElement.dataset.theme ?? null]",
            )
            .await;
            assert_eq!(system, serde_json::json!([dark, null]), "{path}");
            assert_axe_clean(&c, &format!("{path} (system dark: {dark})")).await;
        }
        c.close().await.unwrap();
    }
}
