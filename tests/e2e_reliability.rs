//! End-to-end: hostile content, network faults and storage faults, through
//! the real app in Chromium. Nothing may run, hang, panic or go blank.
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;
use std::time::Duration;

const PAYLOAD: &str =
    "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>\"'&<b>x</b>";

/// The real bundle with every text (every "pl"/"en" value) replaced by markup.
fn hostile_bundle() -> String {
    let mut v: serde_json::Value = serde_json::from_str(&bundle()).unwrap();
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
    let c = browser(PHONE).await;
    for (path, ready) in pages() {
        open(&c, &s, path, ready).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        // The embed generator shows no bundle text, nor does the sign-
        // language page of a bundle without recordings (the shipped one:
        // it says they are being prepared); the markup must still stay text.
        if !EMBED_CODE.paths().contains(&path) && !SIGN_LANGUAGE.paths().contains(&path) {
            let main = text(&c, "main").await;
            assert!(
                main.contains("<script>window.__pwned=2</script>"),
                "{path}: payload not shown as text"
            );
        }
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
    let good = bundle();
    let huge = format!("{}{}", " ".repeat(10 * 1024 * 1024), good);
    let cases: Vec<(&str, Override, &str, &str)> = vec![
        (
            "javascript: link",
            Override::json(&bundle_with(
                "\"url\": null",
                "\"url\": \"javascript:alert(1)\"",
            )),
            "invalid",
            "$.sources[0].url",
        ),
        (
            "wrong type",
            Override::json(&bundle_with("\"value\": 295", "\"value\": \"295\"")),
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
            Override::html("<!doctype html><p>Not found</p>"),
            "not-json",
            "wiersz 1, kolumna 1",
        ),
        ("404", Override::status(404), "http", "HTTP 404"),
        ("500", Override::status(500), "http", "HTTP 500"),
    ];
    let c = browser(PHONE).await;
    for (name, o, kind, detail) in cases {
        s.set("/content/bundle.json", o);
        visit(&c, &s, FUNDING.pl).await;
        let (shown, text) = error_panel(&c).await;
        assert_eq!(shown, kind, "{name}");
        assert!(text.contains(detail), "{name}: {text}");
        assert!(text.contains("Spróbuj ponownie"), "{name}: no way forward");
        assert!(!exists(&c, "a[href^='javascript:']").await);
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_with_retry() {
    let s = Server::start().await;
    s.set(
        "/content/bundle.json",
        Override::json("{}").after(Duration::from_secs(40)),
    );
    let c = browser(PHONE).await;
    // The skeleton while waiting (on the offline shell: a published page
    // shows its own content meanwhile), then the timeout message (after 20 s).
    s.set(TIMELINE.en, shell_page());
    open(&c, &s, TIMELINE.en, "[data-testid=loading]").await;
    let panel = until_ok_within("a timeout message", Duration::from_secs(35), || {
        c.find(Locator::Css(
            "[data-testid=error-panel][data-error-kind=timeout]",
        ))
    })
    .await;
    assert!(panel
        .text()
        .await
        .unwrap()
        .contains("did not answer in time"));
    s.clear("/content/bundle.json");
    click(&c, "[data-testid=retry]").await;
    wait_for(&c, TIMELINE.ready).await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn without_storage_the_app_still_works_and_just_forgets() {
    let (s, c) = app_and_browser(PHONE).await;
    // Private mode at its strictest: localStorage, Cache Storage and service
    // workers all refuse.
    on_new_document(
        &c,
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });\
         Object.defineProperty(window, 'caches', { get() { throw new DOMException('denied', 'SecurityError'); } });\
         if (navigator.serviceWorker) navigator.serviceWorker.register = () => Promise.reject(new DOMException('denied', 'SecurityError'));",
    )
    .await;
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;
    let threw = js(
        &c,
        "try { localStorage.length; return false } catch (e) { return true }",
    )
    .await;
    assert_eq!(threw, true, "the fault injection must be active");
    // Theme and language still switch; they are simply not remembered.
    click(&c, "[data-testid=theme-switch]").await;
    assert_eq!(
        js(&c, "return document.documentElement.dataset.theme").await,
        "dark"
    );
    click(&c, "[data-testid=lang-switch]").await;
    wait_for_text(&c, "h1", "About").await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    open(&c, &s, FUNDING.pl, FUNDING.ready).await;
    assert!(!exists(&c, "[data-testid=error-panel]").await);
    c.close().await.unwrap();
}
