//! End-to-end: the funding view — exact figures, chart and table agreeing,
//! CSV export, links to the timeline, accessibility in both themes.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use support::*;

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("%XX"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn norm(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

#[tokio::test]
async fn table_chart_and_cards_agree_in_both_languages() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, value, eu, share, rest, not_given) in [
        (
            "/finansowanie",
            "1 980 000 zł",
            "1 683 000 zł",
            "85%",
            "297 000 zł",
            "nie podano w źródle",
        ),
        (
            "/en/funding",
            "PLN 1,980,000",
            "PLN 1,683,000",
            "85%",
            "PLN 297,000",
            "not given in the source",
        ),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, "[data-testid=funding-table]").await;
        let cell = |row: &str, col: &str| format!("[data-testid=row-{row}] [data-col={col}]");
        for (col, want) in [
            ("value", value),
            ("eu", eu),
            ("share", share),
            ("remainder", rest),
        ] {
            let got = norm(
                &c.find(Locator::Css(&cell("mokes", col)))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap(),
            );
            assert_eq!(got, want, "{path} table {col}");
            let card = norm(
                &c.find(Locator::Css(&format!(
                    "[data-testid=project-mokes] [data-testid={col}]"
                )))
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
            );
            assert_eq!(card, want, "{path} card {col}");
        }
        for row in ["akademia-przedsiebiorczosci", "akademia-rozwoju-es"] {
            for col in ["value", "eu", "share", "remainder"] {
                let got = norm(
                    &c.find(Locator::Css(&cell(row, col)))
                        .await
                        .unwrap()
                        .text()
                        .await
                        .unwrap(),
                );
                assert_eq!(got, not_given, "{path} {row} {col}");
            }
        }
        // The chart says the same numbers: on the bar, and in its sentence.
        let labels = js(&c, "return [...document.querySelectorAll('[data-testid=project-mokes] .bar__text')].map(t => t.textContent).join(' | ')").await;
        let labels = norm(labels.as_str().unwrap());
        assert!(labels.contains(&format!("{eu} · {share}")), "{labels}");
        assert!(labels.contains(&format!("{rest} · 15%")), "{labels}");
        let desc = norm(
            &c.find(Locator::Css(
                "[data-testid=project-mokes] [data-testid=chart-desc]",
            ))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        );
        for x in [value, eu, rest, share, "15%"] {
            assert!(desc.contains(x), "description lacks {x}: {desc}");
        }
        // The EU segment is 85% of the bar's width (integers → pixels).
        let ratio = js(&c, "const r = [...document.querySelectorAll('[data-testid=project-mokes] .bar__seg')].map(e => +e.getAttribute('width')); return r[0] / (r[0] + r[1]);").await.as_f64().unwrap();
        assert!(
            (ratio - 0.85).abs() < 0.001,
            "EU segment is {ratio} of the bar"
        );
        // Projects without a value are not drawn as zero-length bars.
        let drawn = js(
            &c,
            "return document.querySelectorAll('[data-testid=summary] .summary__item').length",
        )
        .await;
        assert_eq!(drawn, 1);
        assert!(
            !has_horizontal_scroll(&c).await,
            "{path} scrolls sideways at 360px"
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn csv_export_has_a_header_and_one_row_per_project() {
    let s = Server::start().await;
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&s.url("/finansowanie")).await.unwrap();
    let link = wait_for(&c, "[data-testid=csv]").await;
    assert_eq!(
        link.attr("download").await.unwrap().as_deref(),
        Some("rops-finansowanie.csv")
    );
    // Read the file exactly as the browser would save it: the link is a
    // data: URL (the CSP's connect-src keeps page scripts from fetching it,
    // so the test decodes it itself).
    let href = link.attr("href").await.unwrap().unwrap();
    let encoded = href
        .strip_prefix("data:text/csv;charset=utf-8,")
        .expect("a UTF-8 CSV data URL");
    let bytes = percent_decode(encoded);
    let text = String::from_utf8(bytes).expect("UTF-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a BOM, so spreadsheets read UTF-8");
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
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/finansowanie")).await.unwrap();
    wait_for(
        &c,
        "[data-testid=project-akademia-rozwoju-es] [data-testid=project-events]",
    )
    .await
    .click()
    .await
    .unwrap();
    wait_for_text(
        &c,
        "[data-testid=project-filter]",
        "Akademia Rozwoju Ekonomii Społecznej",
    )
    .await;
    let url = c.current_url().await.unwrap();
    assert_eq!(
        (url.path(), url.query()),
        ("/os-czasu", Some("project=akademia-rozwoju-es"))
    );
    let ids = js(
        &c,
        "return [...document.querySelectorAll('[data-testid=event]')].map(e => e.dataset.eventId)",
    )
    .await;
    assert_eq!(
        ids,
        serde_json::json!(["2008-akademia-rozwoju-es", "wspolpraca-lombardia"])
    );

    // And from an event to its project's funding entry, which takes focus.
    c.goto(&s.url("/os-czasu/2015-mokes")).await.unwrap();
    wait_for(&c, "[data-testid=event-project-link]")
        .await
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=project-mokes]").await;
    assert_eq!(c.current_url().await.unwrap().fragment(), Some("mokes"));
    let mut focused = serde_json::Value::Null;
    for _ in 0..30 {
        focused = js(&c, "return document.activeElement.id").await;
        if focused == "project-mokes" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(focused, "project-mokes");
    c.close().await.unwrap();
}

#[tokio::test]
async fn funding_passes_axe_in_both_languages_and_themes() {
    let s = Server::start().await;
    for dark in [false, true] {
        let c = if dark {
            browser_dark(PHONE.0, PHONE.1).await
        } else {
            browser(PHONE.0, PHONE.1).await
        };
        for path in ["/finansowanie", "/en/funding"] {
            c.goto(&s.url(path)).await.unwrap();
            wait_for(&c, "[data-testid=funding-table]").await;
            let is_dark = js(
                &c,
                "return matchMedia('(prefers-color-scheme: dark)').matches",
            )
            .await;
            assert_eq!(is_dark, dark);
            let v = axe_violations(&c).await;
            assert!(v.is_empty(), "axe on {path} (dark: {dark}): {v:#?}");
        }
        c.close().await.unwrap();
    }
}
