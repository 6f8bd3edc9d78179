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
