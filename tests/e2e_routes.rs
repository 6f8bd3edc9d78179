//! End-to-end: the route table as a visitor meets it — every page in both
//! languages, and the language switch landing on the same page.
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;

#[tokio::test]
async fn the_language_switch_lands_on_the_same_page_everywhere() {
    let (s, c) = app_and_browser(DESKTOP).await;
    for r in ROUTES {
        for (from, to) in [(r.pl, r.en), (r.en, r.pl)] {
            open(&c, &s, from, r.ready).await;
            click(&c, "[data-testid=lang-switch]").await;
            wait_for(&c, r.ready).await;
            wait_js(&c, &format!("location.pathname === {to:?}")).await;
            let lang = if to == r.en { "en" } else { "pl" };
            assert_eq!(page_lang(&c).await, lang, "{from} → {to}");
        }
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn about_page_projects_and_awards_lead_to_their_figures_and_events() {
    let (s, c) = app_and_browser(DESKTOP).await;
    // (About page, link on it, what it leads to, and where that is.)
    for (from, link, lands_on, address) in [
        (
            ABOUT.pl,
            "[data-testid=about-project-mokes] [data-testid=about-project-funding]",
            "[data-testid=project-mokes]",
            "location.pathname === '/finansowanie' && location.hash === '#project-mokes'",
        ),
        (
            ABOUT.en,
            "[data-testid=about-project-mokes] [data-testid=about-project-events]",
            "[data-testid=project-filter]",
            "location.pathname === '/en/timeline' && location.search === '?project=mokes'",
        ),
        (
            ABOUT.pl,
            "[data-testid=award-2016-regiostars] a",
            "[data-testid=event-detail][data-event-id=\"2016-regiostars\"]",
            "location.pathname === '/os-czasu/2016-regiostars'",
        ),
    ] {
        open(&c, &s, from, ABOUT.ready).await;
        click(&c, link).await;
        wait_for(&c, lands_on).await;
        wait_js(&c, address).await;
    }
    c.close().await.unwrap();
}
