//! End-to-end: the app built for a sub-path (`scripts/build.sh --public-url
//! /ekonomia/ --dist dist-sub`, as scripts/test.sh does) and served only
//! there: routing, deep links, the bundle, the service worker and embeds.

use rops_e2e::*;

#[tokio::test]
async fn everything_works_under_a_sub_path() {
    let s = Server::start_at(dist_sub_dir(), "/ekonomia/").await;
    let c = browser(DESKTOP).await;
    open(&c, &s, "/ekonomia/", ABOUT.ready).await;
    assert_eq!(s.hits("/ekonomia/content/bundle.json"), 1);

    follow(&c, "Oś czasu").await;
    wait_for(&c, TIMELINE.ready).await;
    assert_eq!(current_path(&c).await, "/ekonomia/os-czasu");
    let link = "[data-event-id=\"2015-mokes\"] .event-card__link";
    assert_eq!(
        attr(&c, link, "href").await,
        "/ekonomia/os-czasu/2015-mokes"
    );
    click(&c, link).await;
    wait_for(&c, EVENT.ready).await;
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Małopolski Ośrodek Koordynacji").await;

    click(&c, "[data-testid=lang-switch] a[hreflang=en]").await;
    wait_for_text(&c, "h1", "Małopolska Social Economy Coordination Centre").await;
    assert_eq!(current_path(&c).await, "/ekonomia/en/timeline/2015-mokes");

    // The worker's scope is the sub-path, and deep links work offline there.
    wait_js(&c, "navigator.serviceWorker.controller && navigator.serviceWorker.getRegistration().then(r => r.scope.endsWith('/ekonomia/'))").await;
    wait_saved_for_offline(&c).await;
    s.set_down(true);
    set_offline(&c, true).await;
    open(&c, &s, "/ekonomia/finansowanie", FUNDING.ready).await;
    set_offline(&c, false).await;
    s.set_down(false);

    // Embeds under the sub-path keep their links inside.
    visit(&c, &s, "/ekonomia/embed/os-czasu").await;
    assert_eq!(
        attr(
            &c,
            "[data-event-id=\"2004-lider-equal\"] .event-card__link",
            "href"
        )
        .await,
        "/ekonomia/embed/os-czasu/2004-lider-equal"
    );
    let full = attr(&c, "[data-testid=open-full]", "href").await;
    assert!(full.ends_with("/ekonomia/os-czasu"), "{full}");
    c.close().await.unwrap();
}
