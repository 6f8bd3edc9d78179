//! End-to-end: the content's honest notes reach the screen — each project's
//! summary, activities and the note on what the source leaves out, each
//! era's note (under its heading, never inside it), derived figures marked
//! as computed wherever they are shown (cards, table, chart, CSV), the
//! awards named as the source's examples, and the date the content was
//! compiled. In both languages. (Axe on these pages, in both themes, is
//! e2e_accessibility.rs's.)
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;

struct AboutCase {
    path: &'static str,
    lang: &'static str,
    legal: &'static str,
    equal_dates: &'static str,
    equal_summary: &'static str,
    ares_activities: [&'static str; 2],
    mokes_note: &'static str,
    awards_note: [&'static str; 2],
    source: &'static str,
    compiled: &'static str,
}

const ABOUT_CASES: [AboutCase; 2] = [
    AboutCase {
        path: ABOUT.pl,
        lang: "pl",
        legal: "art. 21 pkt 4a ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
        equal_dates: "od 2004",
        equal_summary: "na grunt polityki regionalnej",
        ares_activities: [
            "295 miejsc pracy w ponad 40 spółdzielniach socjalnych",
            "oparty na mechanizmach zwrotnych",
        ],
        mokes_note: "Tekst źródła urywa się na zapowiedzi listy",
        awards_note: ["Wybrane nagrody", "„wielokrotnie nagradzane”"],
        source: "Źródło: ROPS w Krakowie, strona internetowa „O nas”",
        compiled: "Treść opracowano: 26 listopada 2026",
    },
    AboutCase {
        path: ABOUT.en,
        lang: "en",
        legal: "Article 21 point 4a",
        equal_dates: "from 2004",
        equal_summary: "into regional policy",
        ares_activities: [
            "295 jobs in over 40 social cooperatives",
            "based on repayable mechanisms",
        ],
        mokes_note: "The source text breaks off where it announces the list",
        awards_note: ["Selected awards", "“awarded many times”"],
        source: "Source: ROPS Kraków, the Centre's “O nas” (About us) web page",
        compiled: "Content compiled: 26 November 2026",
    },
];

#[tokio::test]
async fn about_shows_each_projects_story_the_awards_as_examples_and_the_content_date() {
    let s = Server::start().await;
    for size in [PHONE, DESKTOP] {
        let w = size.0;
        let c = browser(size).await;
        for case in &ABOUT_CASES {
            open(&c, &s, case.path, ABOUT.ready).await;
            assert_eq!(page_lang(&c).await, case.lang);
            let main = text(&c, "main").await;
            assert!(main.contains(case.legal), "{}: {main}", case.path);

            // Every project says what the source says about it.
            for id in [
                "akademia-przedsiebiorczosci",
                "akademia-rozwoju-es",
                "mokes",
            ] {
                let card = format!("[data-testid=about-project-{id}]");
                let summary = text(&c, &format!("{card} [data-testid=project-summary]")).await;
                assert!(
                    summary.len() > 40,
                    "{}: {id} summary {summary:?}",
                    case.path
                );
            }
            let equal = "[data-testid=about-project-akademia-przedsiebiorczosci]";
            assert_eq!(
                text(&c, &format!("{equal} [data-testid=project-dates]")).await,
                case.equal_dates
            );
            assert!(text(&c, equal).await.contains(case.equal_summary));
            let ares = texts(
                &c,
                "[data-testid=about-project-akademia-rozwoju-es] [data-testid=activities] li",
            )
            .await;
            assert_eq!(ares.len(), 2, "{ares:?}");
            for (got, want) in ares.iter().zip(case.ares_activities) {
                assert!(got.contains(want), "{}: {got:?} lacks {want:?}", case.path);
            }
            // MOKES: the described activities, and the note that the list is missing.
            let mokes = "[data-testid=about-project-mokes]";
            assert_eq!(
                texts(&c, &format!("{mokes} [data-testid=activities] li"))
                    .await
                    .len(),
                2
            );
            assert!(text(&c, &format!("{mokes} [data-testid=activities-note]"))
                .await
                .contains(case.mokes_note));
            // Only MOKES has such a note.
            assert_eq!(texts(&c, "[data-testid=activities-note]").await.len(), 1);

            let awards = text(&c, "[data-testid=awards-note]").await;
            for want in case.awards_note {
                assert!(awards.contains(want), "{}: {awards}", case.path);
            }
            assert!(main.contains(case.source), "{}: {main}", case.path);
            assert_eq!(
                text(&c, "[data-testid=content-compiled]").await,
                case.compiled
            );
            assert!(
                !has_horizontal_scroll(&c).await,
                "{} scrolls sideways at {w}px",
                case.path
            );
        }
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn era_notes_follow_their_headings_outside_them() {
    let (s, c) = app_and_browser(PHONE).await;
    for (path, headings, notes, strategy) in [
        (
            TIMELINE.pl,
            [
                "Inicjatywa Wspólnotowa EQUAL 2004",
                "Okres 2007–2013 (PO KL)",
                "RPO WM na lata 2014–2020",
            ],
            [
                "nie podaje, do kiedy trwały projekt i Inicjatywa",
                "Lata 2007–2013 to okres Strategii Rozwoju Województwa Małopolskiego",
                "za nazwą programu w źródle",
            ],
            "Lata 2007–2013 to okres obowiązywania Strategii, a nie data tego wydarzenia",
        ),
        (
            TIMELINE.en,
            [
                "EQUAL Community Initiative 2004",
                "2007–2013 period (PO KL)",
                "RPO WM 2014–2020",
            ],
            [
                "it does not say when the project or the Initiative ended",
                "the term of the Development Strategy of the Małopolska Voivodeship 2007–2013",
                "Regional Operational Programme of the Małopolska Region 2014–2020",
            ],
            "The years 2007–2013 are the Strategy's term, not the date of this event",
        ),
    ] {
        open(&c, &s, path, "[data-testid=era-note]").await;
        for (i, era) in ["equal", "okres-2007-2013", "rpo-wm-2014-2020"]
            .iter()
            .enumerate()
        {
            let band = format!("[data-testid=era-{era}]");
            // The heading's accessible name is the era and its period only,
            // and the period once: not again when the name already says it.
            let h2 = text(&c, &format!("{band} > h2")).await;
            assert_eq!(h2, headings[i], "{path} {era}");
            let note = text(&c, &format!("{band} > h2 + [data-testid=era-note]")).await;
            assert!(note.contains(notes[i]), "{path} {era}: {note}");
            assert!(!h2.contains(&note), "{path}: the note is not in the h2");
        }
        // The undated group has no era, so no note.
        assert_eq!(
            texts(&c, "[data-testid=undated] [data-testid=era-note]")
                .await
                .len(),
            0
        );
        // The Strategy's range is its term, and the card says so.
        let card = text(&c, "[data-event-id=strategia-2007-2013]").await;
        assert!(card.contains(strategy), "{path}: {card}");
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} scrolls sideways at 360px"
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
