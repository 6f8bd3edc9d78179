//! End-to-end: the funding view — exact figures, chart and table agreeing,
//! CSV export, links to the timeline. (Its axe runs, in both languages and
//! themes, are e2e_accessibility.rs's.)
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;

/// (At 360 px, where this runs, e2e_accessibility.rs's reflow check covers
/// both funding pages.)
#[tokio::test]
async fn table_chart_and_cards_agree_in_both_languages() {
    let (s, c) = app_and_browser(PHONE).await;
    funding_table_chart_and_cards_agree(&c, &s, "Chromium").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn csv_export_has_a_header_and_one_row_per_project() {
    let (s, c) = app_and_browser(DESKTOP).await;
    visit(&c, &s, FUNDING.pl).await;
    assert_eq!(
        attr(&c, "[data-testid=csv]", "download").await,
        "rops-finansowanie.csv"
    );
    let text = csv_download(&c).await;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "id,name,programme,measure,fund,currency,value,eu_contribution,eu_share_percent_computed,remainder_computed"
    );
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[3],
        "mokes,Małopolski Ośrodek Koordynacji Ekonomii Społecznej,Regionalny Program Operacyjny Województwa Małopolskiego na lata 2014–2020 (RPO WM),Działanie 9.3,EFS,PLN,1980000,1683000,85,297000"
    );
    assert!(lines[1].starts_with("akademia-przedsiebiorczosci,"));
    assert!(lines[1].ends_with(",,,,,,"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn projects_link_to_their_events_and_back() {
    let (s, c) = app_and_browser(PHONE).await;
    visit(&c, &s, FUNDING.pl).await;
    click(
        &c,
        "[data-testid=project-akademia-rozwoju-es] [data-testid=project-events]",
    )
    .await;
    wait_for_text(
        &c,
        "[data-testid=project-filter]",
        "Akademia Rozwoju Ekonomii Społecznej",
    )
    .await;
    let url = c.current_url().await.unwrap();
    assert_eq!(
        (url.path(), url.query()),
        (TIMELINE.pl, Some("project=akademia-rozwoju-es"))
    );
    assert_eq!(
        event_ids(&c).await,
        ["2008-akademia-rozwoju-es", "wspolpraca-lombardia"]
    );

    // And from an event to its project's funding entry, which takes focus.
    visit(&c, &s, EVENT.pl).await;
    click(&c, "[data-testid=event-project-link]").await;
    wait_for(&c, "[data-testid=project-mokes]").await;
    assert_eq!(
        c.current_url().await.unwrap().fragment(),
        Some("project-mokes")
    );
    wait_js_within(
        &c,
        "document.activeElement.id === 'project-mokes'",
        std::time::Duration::from_secs(3),
    )
    .await;
    c.close().await.unwrap();
}
