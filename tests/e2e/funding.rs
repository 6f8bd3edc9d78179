//! End-to-end: the funding view — exact figures and what the source does
//! not give, derived figures marked as computed (cards, table, chart, CSV
//! column names), chart and table agreeing, CSV export, links to the
//! timeline. (Its axe runs, in both languages and
//! themes, are e2e/accessibility.rs's.)

use rops_e2e::*;

/// (At 360 px, where this runs, e2e/accessibility.rs's reflow check covers
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

#[tokio::test]
async fn funding_shows_exact_figures_and_says_what_is_not_given() {
    let (s, c) = app_and_browser(PHONE).await;
    for (path, currency, facts, not_given, zero) in [
        (
            FUNDING.pl,
            "zł",
            &[
                "1 980 000 zł",
                "1 683 000 zł",
                "85%",
                "297 000 zł",
                "Działanie 9.3",
                "Europejski Fundusz Społeczny (EFS)",
                "od 2015",
                "2014–2020",
            ][..],
            "nie podano w źródle",
            " 0 zł",
        ),
        (
            FUNDING.en,
            "PLN",
            &[
                "PLN 1,980,000",
                "PLN 1,683,000",
                "85%",
                "PLN 297,000",
                "European Social Fund (ESF)",
            ],
            "not given in the source",
            "PLN 0",
        ),
    ] {
        visit(&c, &s, path).await;
        let mokes = wait_for_text(&c, "[data-testid=project-mokes]", currency).await;
        for fact in facts {
            assert!(
                mokes.contains(fact),
                "{path}: the MOKES card lacks {fact:?}:\n{mokes}"
            );
        }
        let equal = text(&c, "[data-testid=row-akademia-przedsiebiorczosci]").await;
        assert!(equal.contains(not_given), "{path}: {equal}");
        assert!(
            !text(&c, "main").await.contains(zero),
            "{path}: an unknown value must never show as zero"
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn derived_figures_say_they_are_computed_in_cards_table_and_chart() {
    let s = Server::start().await;
    for size in [PHONE, DESKTOP] {
        let w = size.0;
        let c = browser(size).await;
        for (path, share_how, rest_how, heads, legend, chart, note, activity) in [
            (
                FUNDING.pl,
                "(wyliczone: 1 683 000 zł ÷ 1 980 000 zł)",
                "(wyliczone: 1 980 000 zł − 1 683 000 zł)",
                [
                    "Udział UE (wyliczony)",
                    "Pozostała część wartości (wyliczona)",
                ],
                "są z nich wyliczone",
                [
                    "Dofinansowanie UE: 1 683 000 zł · 85%*",
                    "Pozostała część wartości*: 297 000 zł · 15%*",
                ],
                "Tekst źródła urywa się",
                "uspołecznianie zadań publicznych",
            ),
            (
                FUNDING.en,
                "(computed: PLN 1,683,000 ÷ PLN 1,980,000)",
                "(computed: PLN 1,980,000 − PLN 1,683,000)",
                [
                    "EU share (computed)",
                    "Remaining part of the value (computed)",
                ],
                "they are computed from those two",
                [
                    "EU contribution: PLN 1,683,000 · 85%*",
                    "Remaining part of the value*: PLN 297,000 · 15%*",
                ],
                "The source text breaks off",
                "involving social-economy and civic organisations in delivering public tasks",
            ),
        ] {
            open(&c, &s, path, FUNDING.ready).await;
            let mokes = "[data-testid=project-mokes]";
            wait_for(&c, mokes).await;

            // Cards: the figure, then how it was computed.
            assert_eq!(
                text(&c, &format!("{mokes} [data-testid=share-computed]")).await,
                share_how
            );
            assert_eq!(
                text(&c, &format!("{mokes} [data-testid=remainder-computed]")).await,
                rest_how
            );
            // Projects without amounts have nothing to compute, and say nothing of it.
            assert_eq!(
                texts(
                    &c,
                    "[data-testid=share-computed], [data-testid=remainder-computed]"
                )
                .await
                .len(),
                2
            );
            // The card also tells the project's story, and what the source leaves out.
            let card = text(&c, mokes).await;
            assert!(card.contains(note), "{path}: {card}");
            assert!(card.contains(activity), "{path}: {card}");
            assert!(text(
                &c,
                "[data-testid=project-akademia-rozwoju-es] [data-testid=project-summary]"
            )
            .await
            .contains("7.2.2"),);

            // Table: the derived columns are named so, with the legend below.
            let th = texts(&c, "[data-testid=funding-table] thead th").await;
            assert_eq!(&th[3..], &heads, "{path}: {th:?}");
            assert!(text(&c, "[data-testid=computed-legend]")
                .await
                .contains(legend));

            // Chart: a marker on each derived figure, and its legend.
            let labels = texts(&c, &format!("{mokes} .bar__text")).await;
            assert_eq!(labels, chart, "{path}");
            assert!(text(&c, &format!("{mokes} [data-testid=chart-legend]"))
                .await
                .starts_with("* "));
            let desc = text(&c, &format!("{mokes} [data-testid=chart-desc]")).await;
            assert!(
                desc.contains(&rest_how[rest_how.find(": ").unwrap() + 2..rest_how.len() - 1]),
                "{path}: the sentence gives the sum: {desc}"
            );
            assert!(
                !has_horizontal_scroll(&c).await,
                "{path} scrolls sideways at {w}px"
            );
        }
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn csv_column_names_say_which_figures_are_computed() {
    let (s, c) = app_and_browser(DESKTOP).await;
    visit(&c, &s, FUNDING.en).await;
    let text = csv_download(&c).await;
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id,name,programme,measure,fund,currency,value,eu_contribution,eu_share_percent_computed,remainder_computed"
    );
    assert_eq!(
        lines[3],
        "mokes,Małopolska Social Economy Coordination Centre,Regional Operational Programme of the Małopolska Region 2014–2020 (RPO WM),Measure 9.3,EFS,PLN,1980000,1683000,85,297000"
    );
    c.close().await.unwrap();
}
