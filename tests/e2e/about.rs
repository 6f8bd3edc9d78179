//! The about page: the organisation's facts in both languages, each
//! project's story, the awards as the source's examples, the content's date,
//! and links from projects and awards to their figures and events.

use rops_e2e::*;

#[tokio::test]
async fn about_shows_the_seed_facts_in_polish_and_english() {
    let s = Server::start().await;
    for size in [PHONE, DESKTOP] {
        let w = size.0;
        let c = browser(size).await;
        for (path, lang, h1, title, facts) in [
            (
                ABOUT.pl,
                "pl",
                "O nas",
                "O nas | ROPS w Krakowie",
                &[
                    "jednostką organizacyjną Województwa Małopolskiego",
                    "art. 21 pkt 4a ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
                    "295",
                    "ponad 40",
                    "spółdzielni socjalnych",
                    "Akademia Rozwoju Ekonomii Społecznej",
                    "Małopolski Ośrodek Koordynacji Ekonomii Społecznej",
                    "Europejskie Nagrody Promocji Przedsiębiorczości 2012",
                    "Nagroda główna RegioStars 2016 (2016)",
                    "Wyróżnienie REVES (data nie podana)",
                ][..],
            ),
            (
                ABOUT.en,
                "en",
                "About",
                "About | ROPS Kraków",
                &[
                    "organisational unit",
                    "over 40",
                    "295",
                    "Article 21 point 4a",
                    "RegioStars 2016 main prize (2016)",
                    "REVES distinction (date not given)",
                ],
            ),
        ] {
            visit(&c, &s, path).await;
            wait_for_text(&c, ABOUT.ready, facts[0]).await;
            let t = text(&c, "main").await;
            assert_eq!(text(&c, "h1").await, h1);
            for fact in facts {
                assert!(
                    t.contains(fact),
                    "About ({lang}, {w}px) lacks {fact:?}:\n{t}"
                );
            }
            assert_eq!(c.title().await.unwrap(), title);
            assert_eq!(page_lang(&c).await, lang);
        }
        c.close().await.unwrap();
    }
}

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
