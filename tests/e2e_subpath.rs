//! End-to-end: the app built for a sub-path (`scripts/build.sh --public-url
//! /ekonomia/ --dist dist-sub`, as scripts/test.sh does) and served only
//! there: routing, deep links, the bundle, the service worker and embeds.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use std::path::PathBuf;
use support::*;

fn dist_sub() -> PathBuf {
    let d = std::env::var("DIST_SUB_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist-sub"));
    assert!(
        d.join("index.html").exists(),
        "{} missing: build with --public-url /ekonomia/ --dist dist-sub",
        d.display()
    );
    d
}

#[tokio::test]
async fn everything_works_under_a_sub_path() {
    let s = Server::start_at(dist_sub(), "/ekonomia/").await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&s.url("/ekonomia/")).await.unwrap();
    wait_for(&c, "[data-testid=org-summary]").await;
    assert_eq!(s.hits("/ekonomia/content/bundle.json"), 1);

    c.find(Locator::LinkText("Oś czasu"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=event]").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/ekonomia/os-czasu");
    let link = c
        .find(Locator::Css(
            "[data-event-id=\"2015-mokes\"] .event-card__link",
        ))
        .await
        .unwrap();
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("/ekonomia/os-czasu/2015-mokes")
    );
    link.click().await.unwrap();
    wait_for(&c, "[data-testid=event-detail]").await;
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Małopolski Ośrodek Koordynacji").await;

    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "Małopolska Social Economy Coordination Centre").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/ekonomia/en/timeline/2015-mokes"
    );

    // The worker's scope is the sub-path, and deep links work offline there.
    wait_js(&c, "navigator.serviceWorker.controller && navigator.serviceWorker.getRegistration().then(r => r.scope.endsWith('/ekonomia/'))").await;
    wait_js(
        &c,
        "caches.match(new URL('content/bundle.json', document.baseURI).href)",
    )
    .await;
    s.set_down(true);
    set_offline(&c, true).await;
    c.goto(&s.url("/ekonomia/finansowanie")).await.unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    set_offline(&c, false).await;
    s.set_down(false);

    // Embeds under the sub-path keep their links inside.
    c.goto(&s.url("/ekonomia/embed/os-czasu")).await.unwrap();
    let link = wait_for(&c, "[data-event-id=\"2004-lider-equal\"] .event-card__link").await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("/ekonomia/embed/os-czasu/2004-lider-equal")
    );
    let full = c
        .find(Locator::Css("[data-testid=open-full]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert!(full.ends_with("/ekonomia/os-czasu"), "{full}");
    c.close().await.unwrap();
}
