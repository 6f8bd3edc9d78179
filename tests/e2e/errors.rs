//! Bad input and failing networks, as a visitor meets them: broken and
//! hostile bundles with located messages, markup that stays text, a failed
//! or never-answered fetch with Retry, an oversized download, content newer
//! than the app, a start that fails, no storage.

use rops_e2e::*;
use std::time::Duration;

#[tokio::test]
async fn broken_bundle_shows_the_validators_message() {
    let s = Server::start().await;
    let broken = bundle_with("\"id\": \"2010-model-mrr\"", "\"id\": \"2004-lider-equal\"");
    let expected = rops_app::content::parse(&broken).unwrap_err();
    let rops_app::content::ContentError::Invalid(faults) = expected else {
        panic!()
    };
    let want = faults[0].describe(rops_app::content::Lang::Pl);
    s.set("/content/bundle.json", Override::json(&broken));

    let c = browser(PHONE).await;
    visit(&c, &s, TIMELINE.pl).await;
    let (kind, text) = error_panel(&c).await;
    assert_eq!(kind, "invalid");
    assert!(text.contains("Plik treści zawiera błędy"), "{text}");
    assert!(text.contains(&want), "panel should show {want:?}:\n{text}");
    assert!(want.contains("$.events[5].id"));

    // Not JSON at all: line and column, in English on the English page.
    s.set(
        "/content/bundle.json",
        Override::json("{\n  \"schema_version\": 1,,\n}"),
    );
    visit(&c, &s, FUNDING.en).await;
    let text = wait_for_text(&c, "[data-testid=error-panel]", "damaged").await;
    assert!(
        text.contains("line 2, column 23: key must be a string"),
        "{text}"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn failed_fetch_offers_retry_and_retry_recovers() {
    let (s, c) = app_and_browser(PHONE).await;
    a_failed_fetch_offers_retry_and_retry_recovers(&c, &s, "Chromium").await;
    c.close().await.unwrap();
}

/// The start-failure message, once the page has settled: the first failure
/// of a session reloads the page once, which would abort a plain wait.
pub(crate) async fn boot_failure(c: &Client) -> Element {
    wait_js(c, "document.querySelector('[data-testid=boot-failure]')").await;
    // The published page stays (readable, its controls not live): no takeover to wait for.
    until_ok("the start-failure message", || {
        c.find(Locator::Css("[data-testid=boot-failure]"))
    })
    .await
}

#[tokio::test]
async fn a_start_that_fails_says_so_with_reload_in_the_pages_language() {
    let s = Server::start().await;
    let js_file = format!("/{}", built_file(&dist_dir(), "rops-es-", ".js"));
    // A broken deploy: the app's code answered by an HTML page.
    s.set(
        &js_file,
        Override::html("<!doctype html><title>Not found</title><p>404</p>"),
    );
    let c = browser(PHONE).await;
    for (path, title, reload) in [
        (TIMELINE.pl, "Nie udało się uruchomić aplikacji", "Odśwież"),
        (FUNDING.en, "The app could not start", "Reload"),
    ] {
        visit(&c, &s, path).await;
        let panel = boot_failure(&c).await;
        let text = panel.text().await.unwrap();
        assert!(text.contains(title), "{path}: {text}");
        let button = panel.find(Locator::Css("button")).await.unwrap();
        assert_eq!(button.text().await.unwrap(), reload);
        assert!(!exists(&c, ".skeleton").await);
        assert_axe_clean_in_both_themes(&c, &format!("the start failure on {path}")).await;
    }
    // Fixed on the server: Reload brings the app.
    s.clear(&js_file);
    click(&c, "[data-testid=boot-failure] button").await;
    wait_for(&c, FUNDING.ready).await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn an_oversized_bundle_is_refused_while_it_downloads() {
    let (s, c) = app_and_browser(PHONE).await;
    let declared = Override {
        length: Length::Declared(100 * 1024 * 1024),
        body: b"{".to_vec(),
        hang: true,
        ..Default::default()
    };
    let streamed = Override {
        length: Length::Unknown,
        body: vec![b' '; 9 * 1024 * 1024],
        hang: true,
        ..Default::default()
    };
    for (what, o) in [
        ("a declared length over the limit", declared),
        ("a stream with no length", streamed),
    ] {
        s.set("/content/bundle.json", o);
        visit(&c, &s, FUNDING.pl).await;
        // Long before the 20 s timeout: the server never finishes either body.
        until_ok_within(
            &format!("{what}: no error panel"),
            Duration::from_secs(12),
            || c.find(Locator::Css("[data-testid=error-panel]")),
        )
        .await;
        let (kind, text) = error_panel(&c).await;
        assert_eq!(kind, "too-large", "{what}");
        assert!(text.contains("za duży"), "{what}");
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn content_newer_than_the_app_asks_for_an_update_not_an_editor() {
    let s = Server::start().await;
    let v = rops_app::content::SCHEMA_VERSION;
    let newer = bundle_with(
        &format!("\"schema_version\": {v},"),
        &format!(
            "\"schema_version\": {}, \"mascot\": {{\"file\": \"logo.svg\"}},",
            v + 1
        ),
    );
    let c = browser(PHONE).await;

    // With a last good copy on the device: it stays, with an update notice.
    first_visit(&c, &s, FUNDING.pl, FUNDING.ready).await;
    let names = cache_names(&c).await;
    assert!(
        names.contains(&format!("rops-content-v{v}@/")),
        "the content cache follows the schema version: {names:?}"
    );
    s.set("/content/bundle.json", Override::json(&newer));
    c.refresh().await.unwrap();
    let notice = wait_for(&c, "[data-testid=app-outdated]").await;
    assert!(notice
        .text()
        .await
        .unwrap()
        .contains("wymaga nowszej wersji aplikacji"));
    assert!(!exists(&c, "[data-testid=update-rejected]").await);
    wait_for(&c, FUNDING.ready).await;
    assert_axe_clean_in_both_themes(&c, "the update notice").await;

    // Without one: the error panel says so, with Reload instead of Retry.
    forget_device(&c).await;
    visit(&c, &s, TIMELINE.en).await;
    let (kind, text) = error_panel(&c).await;
    assert_eq!(kind, "app-outdated");
    assert!(text.contains("out of date"), "{text}");
    assert!(!text.contains("editors"), "not an editor's fault: {text}");
    wait_for(&c, "[data-testid=error-panel] [data-testid=reload-app]").await;
    c.close().await.unwrap();
}

const PAYLOAD: &str =
    "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>\"'&<b>x</b>";

/// The real bundle with every text (every "pl"/"en" value) replaced by markup.
fn hostile_bundle() -> String {
    let mut v: serde_json::Value = serde_json::from_str(&bundle()).unwrap();
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if matches!(k.as_str(), "pl" | "en" | "uk") && x.is_string() {
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
        // it says they are being prepared), nor its privacy page (the
        // shipped bundle has no clause); the markup must still stay text.
        let without_bundle_text = [&EMBED_CODE, &SIGN_LANGUAGE, &PRIVACY];
        if !without_bundle_text
            .iter()
            .any(|r| r.paths().contains(&path))
        {
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
    click(&c, "[data-testid=lang-switch] a[hreflang=en]").await;
    wait_for_text(&c, "h1", "About").await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    open(&c, &s, FUNDING.pl, FUNDING.ready).await;
    assert!(!exists(&c, "[data-testid=error-panel]").await);
    c.close().await.unwrap();
}
