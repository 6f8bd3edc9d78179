//! End-to-end: the offline PWA — service worker, deep links with no network,
//! the update toast, and a rejected content update.
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::*;
use std::time::Duration;

/// The version of the worker controlling the page, as it reports it.
async fn controller_version(c: &Client) -> String {
    let v = c
        .execute_async(
            "const done = arguments[0]; const ch = new MessageChannel(); \
             navigator.serviceWorker.addEventListener('message', e => { if (e.data && e.data.type === 'version') done(e.data.version); }, {once: true}); \
             navigator.serviceWorker.controller.postMessage({type: 'version'});",
            vec![],
        )
        .await
        .unwrap();
    v.as_str().unwrap().to_owned()
}

#[tokio::test]
async fn works_offline_after_the_first_visit_including_deep_links() {
    let (s, c) = app_and_browser(PHONE).await;
    first_visit(&c, &s, ABOUT.pl, ABOUT.ready).await;
    assert_eq!(shell_caches(&c).await.len(), 1);

    s.set_down(true);
    set_offline(&c, true).await;
    // The shell the worker serves for every page it has not kept, and
    // after its time limit: its first screen before any wasm runs is the
    // template's (the header with the organisation's name, the skeleton),
    // not an empty page.
    let shell = c
        .execute_async(
            "const done = arguments[0]; caches.match(new URL('shell.html', document.baseURI).href).then(r => r ? r.text() : '').then(done);",
            vec![],
        )
        .await
        .unwrap();
    let shell = shell.as_str().unwrap_or_default();
    let boot = shell
        .split("<div id=\"boot\"")
        .nth(1)
        .and_then(|b| b.split("<!--/boot-->").next())
        .unwrap_or_default();
    for part in [
        "data-boot=\"org\">Regionalny Ośrodek Polityki Społecznej w Krakowie</a>",
        "class=\"skeleton\"",
        "data-boot=\"loading\">Wczytywanie treści…",
        "class=\"site-nav__list\"",
    ] {
        assert!(
            boot.contains(part),
            "the offline shell's first screen lacks {part}: {boot}"
        );
    }
    let filtered = ("/en/timeline?kind=award", TIMELINE.ready);
    for (path, ready) in pages().chain([filtered]) {
        open(&c, &s, path, ready).await;
        let notice = text(&c, "[data-testid=offline-notice]").await;
        let (offline, as_of) = if path.starts_with("/en") {
            ("You are offline", "as of 26 November 2026")
        } else {
            ("Jesteś offline", "stan na 26 listopada 2026")
        };
        assert!(
            notice.contains(offline) && notice.contains(as_of),
            "{path}: {notice}"
        );
        assert_axe_clean_in_both_themes(&c, &format!("the offline notice on {path}")).await;
    }
    // Back online: the notice goes.
    set_offline(&c, false).await;
    s.set_down(false);
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;
    wait_gone(&c, "[data-testid=offline-notice]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_new_version_waits_for_reload_then_replaces_the_old() {
    let (s, c) = app_and_browser(DESKTOP).await;
    first_visit(&c, &s, TIMELINE.pl, TIMELINE.ready).await;
    let old = shell_caches(&c).await;
    assert_eq!(old.len(), 1);
    assert!(!exists(&c, "[data-testid=update-toast]").await);

    // "Deploy" a new build: the same files under a new worker version.
    // `rops-shell-<version>@<site path>`.
    let (version, site) = old[0]
        .trim_start_matches("rops-shell-")
        .split_once('@')
        .unwrap();
    assert_eq!(site, "/");
    s.set("/sw.js", worker_version("e2e0000000000002"));

    c.refresh().await.unwrap();
    let toast = wait_for(&c, "[data-testid=update-toast]").await;
    assert!(toast
        .text()
        .await
        .unwrap()
        .contains("Dostępna jest nowa wersja aplikacji"));
    // Nothing switches by itself: the page is still served by the old version.
    assert_eq!(controller_version(&c).await, version);
    assert_axe_clean_in_both_themes(&c, "the update toast").await;

    click(&c, "[data-testid=update-reload]").await;
    // The old version's cache is deleted and the reloaded page is the new version's.
    wait_js(&c, "caches.keys().then(k => k.includes('rops-shell-e2e0000000000002@/') && k.filter(n => n.startsWith('rops-shell-')).length === 1)").await;
    wait_for(&c, TIMELINE.ready).await;
    assert_eq!(controller_version(&c).await, "e2e0000000000002");
    wait_gone(&c, "[data-testid=update-toast]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn an_invalid_new_bundle_never_replaces_the_last_good_one() {
    let (s, c) = app_and_browser(PHONE).await;
    first_visit(&c, &s, FUNDING.pl, FUNDING.ready).await;

    let broken = bundle_with("\"amount\": \"1683000\"", "\"amount\": \"9999999\"");
    s.set("/content/bundle.json", Override::json(&broken));
    c.refresh().await.unwrap();
    let notice = text(&c, "[data-testid=update-rejected]").await;
    assert!(
        notice.contains("Nowa wersja treści zawiera błędy i nie została wczytana"),
        "{notice}"
    );
    // Still the last good figures.
    assert_eq!(
        text(&c, "[data-testid=row-mokes] [data-col=eu]").await,
        "1 683 000 zł"
    );
    // And the cache still holds the good bundle, not the broken one.
    let cached = c
        .execute_async("const done = arguments[0]; caches.match(new URL('content/bundle.json', document.baseURI).href).then(r => r.text()).then(done);", vec![])
        .await
        .unwrap();
    assert!(cached.as_str().unwrap().contains("\"1683000\""));
    assert_axe_clean_in_both_themes(&c, "the rejection notice").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_manifest_passes_chromes_installability_basics() {
    let (s, c) = app_and_browser(PHONE).await;
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;
    let m = c
        .execute_async("const done = arguments[0]; fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(done);", vec![])
        .await
        .unwrap();
    for k in [
        "name",
        "short_name",
        "start_url",
        "scope",
        "id",
        "description",
    ] {
        assert!(
            m[k].as_str().is_some_and(|v| !v.is_empty()),
            "manifest lacks {k}: {m}"
        );
    }
    assert_eq!(m["display"], "standalone");
    assert_eq!(m["lang"], "pl");
    let icons = m["icons"].as_array().unwrap();
    for (size, purpose) in [
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    ] {
        let icon = icons
            .iter()
            .find(|i| i["sizes"] == size && i["purpose"] == purpose && i["type"] == "image/png")
            .unwrap_or_else(|| panic!("no {size} {purpose} icon"));
        // The file is there and really is that size.
        let dims = c
            .execute_async(
                "const [src, done] = arguments; const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.onerror = () => done(null); img.src = new URL(src, document.baseURI).href;",
                vec![icon["src"].clone()],
            )
            .await
            .unwrap();
        let px: u64 = size.split('x').next().unwrap().parse().unwrap();
        assert_eq!(dims, serde_json::json!([px, px]), "{icon}");
    }
    let apple = js(
        &c,
        "return document.querySelector('link[rel=apple-touch-icon]').getAttribute('href')",
    )
    .await;
    assert_eq!(apple, "icons/apple-touch-icon.png");
    // Chrome judges the app installable and offers it: our button appears
    // (it is hidden until the browser's `beforeinstallprompt`).
    assert_eq!(
        text(&c, "[data-testid=install]").await,
        "Zainstaluj aplikację"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_failed_refresh_leaves_the_page_and_focus_as_they_are() {
    let (s, c) = app_and_browser(DESKTOP).await;
    first_visit(&c, &s, FUNDING.pl, FUNDING.ready).await;
    // The saved copy is shown at once; the server's answer comes late, and fails.
    s.set(
        "/content/bundle.json",
        Override::status(503).after(Duration::from_secs(2)),
    );
    c.refresh().await.unwrap();
    wait_for(&c, FUNDING.ready).await;
    js(&c, "const a = document.querySelector('[data-testid=csv]'); a.focus(); window.__table = document.querySelector('[data-testid=funding-table]');").await;
    wait_for(&c, "[data-testid=offline-notice]").await;
    assert_eq!(
        js(&c, "return document.activeElement === document.querySelector('[data-testid=csv]') && window.__table === document.querySelector('[data-testid=funding-table]')").await,
        true,
        "the page was rebuilt under the reader when the refresh failed"
    );
    c.close().await.unwrap();
}
