//! End-to-end: deployment faults a visitor must survive — a worker that
//! stores only what it expects and lets new pages through, a start that
//! fails, a retired worker, an oversized download, content newer than the
//! app, and embeds that behave inside a portal's frame.
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;
use std::time::Duration;

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
async fn boot_failure(c: &Client) -> Element {
    wait_js(c, "document.querySelector('[data-testid=boot-failure]')").await;
    // The published page stays (readable, its controls not live): no takeover to wait for.
    until_ok("the start-failure message", || {
        c.find(Locator::Css("[data-testid=boot-failure]"))
    })
    .await
}

#[tokio::test]
async fn the_worker_installs_only_what_it_expects() {
    let (s, c) = app_and_browser(PHONE).await;
    first_visit(&c, &s, ABOUT.pl, ABOUT.ready).await;
    let before = shell_caches(&c).await;
    assert_eq!(before.len(), 1);

    let wasm = format!("/{}", built_file(&dist_dir(), "rops-es-", "_bg.wasm"));
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
        assert_eq!(shell_caches(&c).await, before, "after {what}");
    }
    // Control: the same check sees a good new version install.
    s.set("/sw.js", worker_version("e2e00000000000aa"));
    assert!(update_installs(&c).await, "a good new version must install");
    c.close().await.unwrap();
}

#[tokio::test]
async fn navigations_reach_the_network_first_and_fall_back_to_the_cache() {
    let (s, c) = app_and_browser(PHONE).await;
    first_visit(&c, &s, TIMELINE.pl, TIMELINE.ready).await;

    // A changed page on the server reaches a returning visitor.
    s.set(
        TIMELINE.pl,
        Override::html("<!doctype html><html lang=pl><title>Nowa strona</title><p id=deployed>nowa wersja strony</p></html>"),
    );
    visit(&c, &s, TIMELINE.pl).await;
    wait_for_text(&c, "#deployed", "nowa wersja strony").await;
    s.clear(TIMELINE.pl);

    // A server that does not answer in time: the cached shell of this
    // version answers instead, and the app runs.
    s.set(
        FUNDING.pl,
        Override::html("<p>late</p>").after(Duration::from_secs(40)),
    );
    open(&c, &s, FUNDING.pl, FUNDING.ready).await;
    // A server error gets the cached shell as well.
    s.set(FUNDING.en, Override::status(503));
    open(&c, &s, FUNDING.en, FUNDING.ready).await;
    c.close().await.unwrap();
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
async fn a_broken_deploy_retires_the_worker_once_then_explains() {
    let (s, c) = app_and_browser(PHONE).await;
    first_visit(&c, &s, ABOUT.pl, ABOUT.ready).await;

    // New HTML that points at code the server does not have.
    let index = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    let js_file = built_file(&dist_dir(), "rops-es-", ".js");
    let broken = index.replace(&js_file, "rops-es-00000000deadbeef.js");
    assert_ne!(broken, index);
    s.set(ABOUT.pl, Override::html(&broken));
    visit(&c, &s, ABOUT.pl).await;
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
    let (s, c) = app_and_browser(PHONE).await;
    for status in [404, 410] {
        first_visit(&c, &s, ABOUT.pl, ABOUT.ready).await;
        s.set("/sw.js", Override::status(status));
        c.refresh().await.unwrap();
        wait_for(&c, ABOUT.ready).await;
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
    let (s, c) = app_and_browser(PHONE).await;
    // As privacy tools and test harnesses do.
    on_new_document(
        &c,
        "if (navigator.serviceWorker) navigator.serviceWorker.register = () => Promise.resolve(undefined);",
    )
    .await;
    open(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
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
    let v = rops_es::content::SCHEMA_VERSION;
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

#[tokio::test]
async fn inside_an_embed_options_survive_links_leave_and_the_host_replaces() {
    let app = Server::start().await;
    // The real bundle's source has no address; give it one, on another site.
    app.set(
        "/content/bundle.json",
        Override::json(&bundle_with(
            "\"url\": null",
            "\"url\": \"https://www.example.org/o-nas\"",
        )),
    );
    let host = Server::start().await;
    host.set(
        "/host.html",
        host_page(&format!(
            "<iframe id=tl data-rops-embed src=\"{}\" title=\"Oś czasu\" height=\"600\"></iframe>\
             <script src=\"{}\"></script>",
            app.url("/embed/os-czasu?id=tl&theme=dark&accent=green"),
            app.url("/embed.js"),
        )),
    );
    let c = browser(DESKTOP).await;
    visit(&c, &host, "/host.html").await;
    c.enter_frame(0).await.unwrap();
    wait_for(&c, TIMELINE.ready).await;
    // Open an event inside the embed: the options stay in its address.
    click(&c, "[data-testid=event] a").await;
    wait_for(&c, EVENT.ready).await;
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
