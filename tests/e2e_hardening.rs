//! End-to-end: deployment faults a visitor must survive — a worker that
//! stores only what it expects and lets new pages through, a start that
//! fails, a retired worker, an oversized download, content newer than the
//! app, and embeds that behave inside a portal's frame.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use std::time::Duration;
use support::*;

/// A first visit that leaves the worker in control and the bundle saved.
async fn first_visit(c: &Client, s: &Server, path: &str, ready: &str) {
    c.goto(&s.url(path)).await.unwrap();
    wait_for(c, ready).await;
    wait_js(c, "navigator.serviceWorker.controller").await;
    wait_js(
        c,
        "caches.keys().then(k => k.some(n => n.startsWith('rops-content-')))",
    )
    .await;
}

/// Names of this origin's caches.
async fn cache_names(c: &Client) -> Vec<String> {
    let v = c
        .execute_async(
            "const done = arguments[0]; caches.keys().then(done, () => done([]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// The shipped worker with another version: what a new deploy looks like.
fn worker_version(version: &str) -> Override {
    let sw = std::fs::read_to_string(dist_dir().join("sw.js")).unwrap();
    let start = sw.find("const VERSION = \"").unwrap() + "const VERSION = \"".len();
    let end = start + sw[start..].find('"').unwrap();
    let new = format!("{}{version}{}", &sw[..start], &sw[end..]);
    assert_ne!(new, sw);
    Override::bytes("text/javascript", new.into_bytes())
}

/// Asks the browser to look for a new worker and waits until its install
/// has ended; true if it installed (and now waits for the visitor).
async fn update_installs(c: &Client) -> bool {
    let v = c
        .execute_async(
            "const done = arguments[0]; (async () => { \
               const reg = await navigator.serviceWorker.getRegistration(); \
               try { await reg.update(); } catch (e) {} \
               for (let i = 0; i < 150 && reg.installing; i++) await new Promise(r => setTimeout(r, 100)); \
               return !!reg.waiting; \
             })().then(done, () => done(null));",
            vec![],
        )
        .await
        .unwrap();
    v.as_bool().expect("the update check ran")
}

/// The start-failure message, once the page has settled: the first failure
/// of a session reloads the page once, which would abort a plain wait.
async fn boot_failure(c: &Client) -> fantoccini::elements::Element {
    wait_js(c, "document.querySelector('[data-testid=boot-failure]')").await;
    wait_for(c, "[data-testid=boot-failure]").await
}

fn dist_file(prefix: &str, suffix: &str) -> String {
    std::fs::read_dir(dist_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|f| f.starts_with(prefix) && f.ends_with(suffix))
        .unwrap()
}

#[tokio::test]
async fn the_worker_installs_only_what_it_expects() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    first_visit(&c, &s, "/", "[data-testid=org-summary]").await;
    let before: Vec<String> = cache_names(&c)
        .await
        .into_iter()
        .filter(|n| n.starts_with("rops-shell-"))
        .collect();
    assert_eq!(before.len(), 1);

    let wasm = format!("/{}", dist_file("rops-es-", "_bg.wasm"));
    let icon = std::fs::read(dist_dir().join("icons/icon.svg")).unwrap();
    let mut tampered = icon.clone();
    tampered.extend_from_slice(b"<!-- changed -->");
    let mut redirect = Override::status(302);
    redirect.headers = vec![("Location", "/boot.js".into())];
    let faults: [(&str, &str, Override); 3] = [
        (
            "a file that is not the one built (integrity)",
            "/icons/icon.svg",
            Override::bytes("image/svg+xml", tampered),
        ),
        (
            "an HTML page where the wasm belongs",
            &wasm,
            Override::html("<!doctype html><title>Error</title><p>Bad gateway</p>"),
        ),
        ("a redirect", "/embed.js", redirect),
    ];
    for (i, (what, path, fault)) in faults.into_iter().enumerate() {
        s.set("/sw.js", worker_version(&format!("e2e00000000000f{i}")));
        s.set(path, fault);
        assert!(
            !update_installs(&c).await,
            "a new worker installed despite {what}"
        );
        s.clear(path);
        // The old version still runs the page, and nothing half-stored stays.
        let shells: Vec<String> = cache_names(&c)
            .await
            .into_iter()
            .filter(|n| n.starts_with("rops-shell-"))
            .collect();
        assert_eq!(shells, before, "after {what}");
    }
    // Control: the same check sees a good new version install.
    s.set("/sw.js", worker_version("e2e00000000000aa"));
    assert!(update_installs(&c).await, "a good new version must install");
    c.close().await.unwrap();
}

#[tokio::test]
async fn navigations_reach_the_network_first_and_fall_back_to_the_cache() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    first_visit(&c, &s, "/os-czasu", "[data-testid=event]").await;

    // A changed page on the server reaches a returning visitor.
    s.set(
        "/os-czasu",
        Override::html("<!doctype html><html lang=pl><title>Nowa strona</title><p id=deployed>nowa wersja strony</p></html>"),
    );
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for_text(&c, "#deployed", "nowa wersja strony").await;
    s.clear("/os-czasu");

    // A server that does not answer in time: the cached shell of this
    // version answers instead, and the app runs.
    let mut stalled = Override::html("<p>late</p>");
    stalled.delay = Duration::from_secs(40);
    s.set("/finansowanie", stalled);
    c.goto(&s.url("/finansowanie")).await.unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    // A server error gets the cached shell as well.
    s.set("/en/funding", Override::status(503));
    c.goto(&s.url("/en/funding")).await.unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_start_that_fails_says_so_with_reload_in_the_pages_language() {
    let s = Server::start().await;
    let js_file = format!("/{}", dist_file("rops-es-", ".js"));
    // A broken deploy: the app's code answered by an HTML page.
    s.set(
        &js_file,
        Override::html("<!doctype html><title>Not found</title><p>404</p>"),
    );
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, title, reload) in [
        ("/os-czasu", "Nie udało się uruchomić aplikacji", "Odśwież"),
        ("/en/funding", "The app could not start", "Reload"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        let panel = boot_failure(&c).await;
        let text = panel.text().await.unwrap();
        assert!(text.contains(title), "{path}: {text}");
        let button = panel.find(Locator::Css("button")).await.unwrap();
        assert_eq!(button.text().await.unwrap(), reload);
        assert!(c.find(Locator::Css(".skeleton")).await.is_err());
        assert_axe_clean_in_both_themes(&c, &format!("the start failure on {path}")).await;
    }
    // Fixed on the server: Reload brings the app.
    s.clear(&js_file);
    c.find(Locator::Css("[data-testid=boot-failure] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_broken_deploy_retires_the_worker_once_then_explains() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    first_visit(&c, &s, "/", "[data-testid=org-summary]").await;

    // New HTML that points at code the server does not have.
    let index = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    let js_file = dist_file("rops-es-", ".js");
    let broken = index.replace(&js_file, "rops-es-00000000deadbeef.js");
    assert_ne!(broken, index);
    s.set("/", Override::html(&broken));
    c.goto(&s.url("/")).await.unwrap();
    let panel = boot_failure(&c).await;
    assert!(panel
        .text()
        .await
        .unwrap()
        .contains("Nie udało się uruchomić aplikacji"));
    // Before showing it, the page retired the worker and the shell caches
    // once (and only once: the message is the end, not a reload loop) …
    wait_js(
        &c,
        "navigator.serviceWorker.getRegistrations().then(r => r.length === 0)",
    )
    .await;
    let names = cache_names(&c).await;
    assert!(
        !names.iter().any(|n| n.starts_with("rops-shell-")),
        "{names:?}"
    );
    // … and kept the last good content.
    assert!(
        names.iter().any(|n| n.starts_with("rops-content-")),
        "{names:?}"
    );
    assert_eq!(
        js(&c, "return sessionStorage.getItem('rops.boot-retried')").await,
        "1"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_worker_answered_by_404_or_410_is_retired() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    for status in [404, 410] {
        first_visit(&c, &s, "/", "[data-testid=org-summary]").await;
        s.set("/sw.js", Override::status(status));
        c.refresh().await.unwrap();
        wait_for(&c, "[data-testid=org-summary]").await;
        wait_js(
            &c,
            "(await navigator.serviceWorker.getRegistrations()).length === 0 && !(await caches.keys()).some(n => n.startsWith('rops-shell-'))",
        )
        .await;
        s.clear("/sw.js");
        c.refresh().await.unwrap();
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_stubbed_register_means_online_only_without_errors() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    // As privacy tools and test harnesses do.
    on_new_document(
        &c,
        "if (navigator.serviceWorker) navigator.serviceWorker.register = () => Promise.resolve(undefined);",
    )
    .await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let errors: Vec<String> = console(&c)
        .await
        .into_iter()
        .filter(|m| m.contains("SEVERE"))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        js(&c, "return navigator.serviceWorker.controller === null").await,
        true
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn an_oversized_bundle_is_refused_while_it_downloads() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
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
        c.goto(&s.url("/finansowanie")).await.unwrap();
        // Long before the 20 s timeout: the server never finishes either body.
        let panel = c
            .wait()
            .at_most(Duration::from_secs(12))
            .for_element(Locator::Css("[data-testid=error-panel]"))
            .await
            .unwrap_or_else(|e| panic!("{what}: no error panel: {e}"));
        assert_eq!(
            panel.attr("data-error-kind").await.unwrap().as_deref(),
            Some("too-large"),
            "{what}"
        );
        assert!(panel.text().await.unwrap().contains("za duży"), "{what}");
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn content_newer_than_the_app_asks_for_an_update_not_an_editor() {
    let s = Server::start().await;
    let good = std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap();
    let newer = good.replacen(
        "\"schema_version\": 1,",
        "\"schema_version\": 2, \"logo\": {\"file\": \"logo.svg\"},",
        1,
    );
    assert_ne!(newer, good);
    let c = browser(PHONE.0, PHONE.1).await;

    // With a last good copy on the device: it stays, with an update notice.
    first_visit(&c, &s, "/finansowanie", "[data-testid=funding-table]").await;
    let names = cache_names(&c).await;
    assert!(
        names.contains(&"rops-content-v1".to_owned()),
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
    assert!(c
        .find(Locator::Css("[data-testid=update-rejected]"))
        .await
        .is_err());
    wait_for(&c, "[data-testid=funding-table]").await;
    assert_axe_clean_in_both_themes(&c, "the update notice").await;

    // Without one: the error panel says so, with Reload instead of Retry.
    forget_device(&c).await;
    c.goto(&s.url("/en/timeline")).await.unwrap();
    let panel = wait_for(&c, "[data-testid=error-panel]").await;
    assert_eq!(
        panel.attr("data-error-kind").await.unwrap().as_deref(),
        Some("app-outdated")
    );
    let text = panel.text().await.unwrap();
    assert!(text.contains("out of date"), "{text}");
    assert!(!text.contains("editors"), "not an editor's fault: {text}");
    wait_for(&c, "[data-testid=error-panel] [data-testid=reload-app]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn inside_an_embed_options_survive_links_leave_and_the_host_replaces() {
    let app = Server::start().await;
    // The real bundle's source has no address; give it one, on another site.
    let good = std::fs::read_to_string(dist_dir().join("content/bundle.json")).unwrap();
    app.set(
        "/content/bundle.json",
        Override::json(&good.replacen(
            "\"url\": null",
            "\"url\": \"https://www.example.org/o-nas\"",
            1,
        )),
    );
    let host = Server::start().await;
    host.set(
        "/host.html",
        Override::html(&format!(
            "<!doctype html><html lang=pl><head><meta charset=utf-8><title>Portal (test)</title></head><body><main><h1>Portal</h1>\
             <iframe id=tl data-rops-embed src=\"{}\" title=\"Oś czasu\" height=\"600\"></iframe>\
             <script src=\"{}\"></script></main></body></html>",
            app.url("/embed/os-czasu?id=tl&theme=dark&accent=green"),
            app.url("/embed.js"),
        )),
    );
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&host.url("/host.html")).await.unwrap();
    c.enter_frame(0).await.unwrap();
    wait_for(&c, "[data-testid=event]").await;
    // Open an event inside the embed: the options stay in its address.
    c.find(Locator::Css("[data-testid=event] a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=event-detail]").await;
    let search = js(&c, "return location.search").await;
    let search = search.as_str().unwrap();
    for part in ["id=tl", "theme=dark", "accent=green"] {
        assert!(search.contains(part), "{part} lost: {search}");
    }
    // A link to another site opens a new tab, never inside the portal's frame.
    let external = js(
        &c,
        "return [...document.querySelectorAll('a[href^=\"http\"]')].filter(a => new URL(a.href).origin !== location.origin).map(a => [a.href, a.target, a.rel])",
    )
    .await;
    let external = external.as_array().unwrap();
    assert!(!external.is_empty(), "the event links its source");
    for a in external {
        assert_eq!(a[1], "_blank", "{a}");
        assert!(a[2].as_str().unwrap().contains("noopener"), "{a}");
    }
    c.enter_parent_frame().await.unwrap();

    // The host opens another event: the entry is replaced, not added.
    let before = js(&c, "return history.length").await;
    js(
        &c,
        "ROPSEmbed.open(document.getElementById('tl'), '2016-regiostars')",
    )
    .await;
    c.enter_frame(0).await.unwrap();
    wait_js(&c, "location.pathname.endsWith('/2016-regiostars')").await;
    let search = js(&c, "return location.search").await;
    assert!(search.as_str().unwrap().contains("id=tl"), "{search}");
    c.enter_parent_frame().await.unwrap();
    assert_eq!(js(&c, "return history.length").await, before);
    // The snippet's height attribute became CSSOM style (no inline style).
    assert_eq!(
        js(&c, "const f = document.getElementById('tl'); return [f.getAttribute('style') !== null, getComputedStyle(f).borderTopWidth]").await,
        serde_json::json!([true, "0px"])
    );
    c.close().await.unwrap();
}
