//! End-to-end: the route table as a visitor meets it — every page in both
//! languages, and the language switch landing on the same page.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::*;

#[tokio::test]
async fn the_language_switch_lands_on_the_same_page_everywhere() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    for r in ROUTES {
        for (from, to) in [(r.pl, r.en), (r.en, r.pl)] {
            open(&c, &s, from, r.ready).await;
            click(&c, "[data-testid=lang-switch]").await;
            wait_for(&c, r.ready).await;
            wait_js(&c, &format!("location.pathname === {to:?}")).await;
            let lang = if to == r.en { "en" } else { "pl" };
            assert_eq!(
                js(&c, "return document.documentElement.lang").await,
                lang,
                "{from} → {to}"
            );
        }
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn about_page_projects_and_awards_lead_to_their_figures_and_events() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    open(&c, &s, "/", "[data-testid=org-summary]").await;
    click(
        &c,
        "[data-testid=about-project-mokes] [data-testid=about-project-funding]",
    )
    .await;
    wait_for(&c, "[data-testid=project-mokes]").await;
    wait_js(
        &c,
        "location.pathname === '/finansowanie' && location.hash === '#mokes'",
    )
    .await;

    open(&c, &s, "/en", "[data-testid=org-summary]").await;
    click(
        &c,
        "[data-testid=about-project-mokes] [data-testid=about-project-events]",
    )
    .await;
    wait_for(&c, "[data-testid=project-filter]").await;
    wait_js(
        &c,
        "location.pathname === '/en/timeline' && location.search === '?project=mokes'",
    )
    .await;

    open(&c, &s, "/", "[data-testid=org-summary]").await;
    click(&c, "[data-testid=award-2016-regiostars] a").await;
    wait_for(
        &c,
        "[data-testid=event-detail][data-event-id=\"2016-regiostars\"]",
    )
    .await;
    c.close().await.unwrap();
}
