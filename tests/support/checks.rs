//! Checks that both browser tiers run: in Chromium (e2e/funding.rs,
//! e2e/about.rs) and in Firefox and WebKit (e2e/engines.rs). `who`
//! names the browser in failure messages.

use crate::page::{
    click, error_panel, exists, js, open, text, texts, visit, wait_for, wait_for_text,
};
use crate::routes::FUNDING;
use crate::server::{Override, Server, Site};
use fantoccini::Client;

/// MOKES's figures as the funding page shows them in each language, and
/// what the projects without figures show instead.
struct Figures {
    path: &'static str,
    value: &'static str,
    eu: &'static str,
    share: &'static str,
    rest: &'static str,
    not_given: &'static str,
}

const FIGURES: [Figures; 2] = [
    Figures {
        path: FUNDING.pl,
        value: "1 980 000 zł",
        eu: "1 683 000 zł",
        share: "85%",
        rest: "297 000 zł",
        not_given: "nie podano w źródle",
    },
    Figures {
        path: FUNDING.en,
        value: "PLN 1,980,000",
        eu: "PLN 1,683,000",
        share: "85%",
        rest: "PLN 297,000",
        not_given: "not given in the source",
    },
];

/// The funding table, the project's card and its chart (bar labels, the
/// sentence, the drawn bar) say the same figures, in both languages; the
/// projects without figures say so and get no bar.
pub async fn funding_table_chart_and_cards_agree(c: &Client, s: &impl Site, who: &str) {
    for f in FIGURES {
        let path = f.path;
        open(c, s, path, FUNDING.ready).await;
        wait_for(c, "[data-testid=project-mokes]").await;
        for (col, want) in [
            ("value", f.value),
            ("eu", f.eu),
            ("share", f.share),
            ("remainder", f.rest),
        ] {
            let cell = text(c, &format!("[data-testid=row-mokes] [data-col={col}]")).await;
            assert_eq!(cell, want, "{who}: {path} table {col}");
            let card = text(
                c,
                &format!("[data-testid=project-mokes] [data-testid={col}]"),
            )
            .await;
            assert_eq!(card, want, "{who}: {path} card {col}");
        }
        // Projects the source gives no amount for say so once per row and
        // once per card, not once per figure.
        for row in ["akademia-przedsiebiorczosci", "akademia-rozwoju-es"] {
            let cell = text(c, &format!("[data-testid=row-{row}] [data-col=amounts]")).await;
            assert_eq!(cell, f.not_given, "{who}: {path} {row}");
            let said = text(c, &format!("[data-testid=row-{row}]"))
                .await
                .matches(f.not_given)
                .count();
            assert_eq!(said, 1, "{who}: {path} {row}: said {said} times");
            // (The card may still say "not given" of other fields, e.g. the
            // fund: those are other facts.)
            for col in ["value", "eu", "share", "remainder"] {
                assert!(
                    !exists(
                        c,
                        &format!("[data-testid=project-{row}] [data-testid={col}]")
                    )
                    .await,
                    "{who}: {path} card {row} repeats \"not given\" for {col}"
                );
            }
            assert!(
                exists(
                    c,
                    &format!("[data-testid=project-{row}] [data-testid=value-not-given]")
                )
                .await,
                "{who}: {path} card {row} lacks its one note"
            );
        }
        // The chart: the same numbers on the bar and in its sentence.
        let labels = texts(c, "[data-testid=project-mokes] .bar__text")
            .await
            .join(" | ");
        for label in [
            format!("{} · {}", f.eu, f.share),
            format!("{} · 15%", f.rest),
        ] {
            assert!(labels.contains(&label), "{who}: {path}: {labels}");
        }
        let desc = text(c, "[data-testid=project-mokes] [data-testid=chart-desc]").await;
        for x in [f.value, f.eu, f.rest, f.share, "15%"] {
            assert!(
                desc.contains(x),
                "{who}: {path} chart sentence lacks {x}: {desc}"
            );
        }
        // The EU segment is 85% of the bar: in its width attributes
        // (integers → pixels), and as this browser draws it.
        let [set, drawn]: [f64; 2] = serde_json::from_value(js(
            c,
            "const s = [...document.querySelectorAll('[data-testid=project-mokes] .bar__seg')];\
             const a = s.map(e => +e.getAttribute('width')); const d = s.map(e => e.getBoundingClientRect().width);\
             return [a[0] / (a[0] + a[1]), d[0] / (d[0] + d[1])];",
        )
        .await)
        .unwrap();
        assert!(
            (set - 0.85).abs() < 0.001,
            "{who}: EU segment is {set} of the bar"
        );
        assert!(
            (drawn - 0.85).abs() < 0.01,
            "{who}: the EU segment is drawn as {drawn} of the bar"
        );
        // Projects without a value get no bar, not a zero-length one.
        let bars = js(
            c,
            "return document.querySelectorAll('[data-testid=summary] .summary__item').length",
        )
        .await;
        assert_eq!(bars, 1, "{who}: {path}");
    }
}

/// A bundle the server fails to send (HTTP 503) gives the error panel and
/// no figures; Retry fetches again, and the figures come.
pub async fn a_failed_fetch_offers_retry_and_retry_recovers(c: &Client, s: &Server, who: &str) {
    s.set("/content/bundle.json", Override::status(503));
    visit(c, s, FUNDING.pl).await;
    let panel = wait_for_text(c, "[data-testid=error-panel]", "HTTP 503").await;
    assert!(
        panel.contains("Serwer odpowiedział błędem"),
        "{who}: {panel}"
    );
    let (kind, _) = error_panel(c).await;
    assert_eq!(kind, "http", "{who}");
    assert!(
        !exists(c, FUNDING.ready).await,
        "{who}: figures shown without a bundle"
    );
    let before = s.hits("/content/bundle.json");

    s.clear("/content/bundle.json");
    click(c, "[data-testid=retry]").await;
    wait_for_text(c, "[data-testid=row-mokes] [data-col=eu]", "683").await;
    wait_for_text(c, "[data-testid=project-mokes]", "1").await;
    assert!(
        s.hits("/content/bundle.json") > before,
        "{who}: Retry must fetch again"
    );
    assert!(
        !exists(c, "[data-testid=error-panel]").await,
        "{who}: the panel stays after a successful Retry"
    );
}
