//! End-to-end: hostile content, network faults and storage faults, through
//! the real app in Chromium. Nothing may run, hang, panic or go blank.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use std::time::Duration;
use support::*;

const PAYLOAD: &str =
    "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>\"'&<b>x</b>";

/// The real bundle with every text (every "pl"/"en" value) replaced by markup.
fn hostile_bundle() -> String {
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap(),
    )
    .unwrap();
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if (k == "pl" || k == "en") && x.is_string() {
                        *x = serde_json::Value::from(PAYLOAD);
                    } else {
                        walk(x);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v.to_string()
}

#[tokio::test]
async fn markup_in_every_text_stays_text() {
    let s = Server::start().await;
    s.set("/content/bundle.json", Override::json(&hostile_bundle()));
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, ready) in [
        ("/", "[data-testid=org-summary]"),
        ("/os-czasu", "[data-testid=event]"),
        ("/os-czasu/2015-mokes", "[data-testid=event-detail]"),
        ("/en/funding", "[data-testid=funding-table]"),
        ("/deklaracja-dostepnosci", "#a11y-podmiot"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, ready).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let text = c
            .find(Locator::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            text.contains("<script>window.__pwned=2</script>"),
            "{path}: payload not shown as text"
        );
        let injected = js(
            &c,
            "return document.querySelectorAll('main img, main script, main b').length",
        )
        .await;
        assert_eq!(
            injected, 0,
            "{path}: markup from the bundle became elements"
        );
        assert_eq!(
            js(&c, "return window.__pwned === undefined").await,
            true,
            "{path}: script ran"
        );
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn broken_and_hostile_bundles_give_located_messages() {
    let s = Server::start().await;
    let good = std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap();
    let huge = format!("{}{}", " ".repeat(10 * 1024 * 1024), good);
    let cases: Vec<(&str, Override, &str, &str)> = vec![
        (
            "javascript: link",
            Override::json(&good.replacen("\"url\": null", "\"url\": \"javascript:alert(1)\"", 1)),
            "invalid",
            "$.sources[0].url",
        ),
        (
            "wrong type",
            Override::json(&good.replacen("\"value\": 295", "\"value\": \"295\"", 1)),
            "invalid",
            "$.figures[0].value",
        ),
        (
            "truncated",
            Override::json(&good[..good.len() / 3]),
            "not-json",
            "wiersz",
        ),
        ("empty", Override::json(""), "not-json", "plik jest pusty"),
        ("10 MB", Override::json(&huge), "too-large", "limit"),
        (
            "invalid UTF-8",
            Override::bytes("application/json", b"{\"a\": \"\xff\"}".to_vec()),
            "not-json",
            "UTF-8",
        ),
        (
            "an HTML page instead",
            {
                let mut o = Override::json("<!doctype html><p>Not found</p>");
                o.content_type = "text/html";
                o
            },
            "not-json",
            "wiersz 1, kolumna 1",
        ),
        ("404", Override::status(404), "http", "HTTP 404"),
        ("500", Override::status(500), "http", "HTTP 500"),
    ];
    let c = browser(PHONE.0, PHONE.1).await;
    for (name, o, kind, detail) in cases {
        s.set("/content/bundle.json", o);
        c.goto(&s.url("/finansowanie")).await.unwrap();
        let panel = wait_for(&c, "[data-testid=error-panel]").await;
        assert_eq!(
            panel.attr("data-error-kind").await.unwrap().as_deref(),
            Some(kind),
            "{name}"
        );
        let text = panel.text().await.unwrap();
        assert!(text.contains(detail), "{name}: {text}");
        assert!(text.contains("Spróbuj ponownie"), "{name}: no way forward");
        assert!(c
            .find(Locator::Css("a[href^='javascript:']"))
            .await
            .is_err());
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_with_retry() {
    let s = Server::start().await;
    let mut slow = Override::json("{}");
    slow.delay = Duration::from_secs(40);
    s.set("/content/bundle.json", slow);
    let c = browser(PHONE.0, PHONE.1).await;
    c.goto(&s.url("/en/timeline")).await.unwrap();
    // The skeleton while waiting, then the timeout message (after 20 s).
    wait_for(&c, "[data-testid=loading]").await;
    let panel = c
        .wait()
        .at_most(Duration::from_secs(35))
        .for_element(Locator::Css(
            "[data-testid=error-panel][data-error-kind=timeout]",
        ))
        .await
        .expect("a timeout message");
    assert!(panel
        .text()
        .await
        .unwrap()
        .contains("did not answer in time"));
    s.clear("/content/bundle.json");
    c.find(Locator::Css("[data-testid=retry]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=event]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn without_storage_the_app_still_works_and_just_forgets() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    // Private mode at its strictest: localStorage, Cache Storage and service
    // workers all refuse.
    on_new_document(
        &c,
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });\
         Object.defineProperty(window, 'caches', { get() { throw new DOMException('denied', 'SecurityError'); } });\
         if (navigator.serviceWorker) navigator.serviceWorker.register = () => Promise.reject(new DOMException('denied', 'SecurityError'));",
    )
    .await;
    c.goto(&s.url("/")).await.unwrap();
    wait_for(&c, "[data-testid=org-summary]").await;
    let threw = js(
        &c,
        "try { localStorage.length; return false } catch (e) { return true }",
    )
    .await;
    assert_eq!(threw, true, "the fault injection must be active");
    // Theme and language still switch; they are simply not remembered.
    c.find(Locator::Css("[data-testid=theme-switch]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert_eq!(
        js(&c, "return document.documentElement.dataset.theme").await,
        "dark"
    );
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&c, "h1", "About").await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    c.goto(&s.url("/finansowanie")).await.unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    assert!(c
        .find(Locator::Css("[data-testid=error-panel]"))
        .await
        .is_err());
    c.close().await.unwrap();
}
