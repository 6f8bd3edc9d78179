//! End-to-end: the offline PWA — a service worker that stores only what it
//! expects, navigations network-first with the cached shell as fallback,
//! deep links with no network, the update toast, a rejected content update,
//! and a worker retired after a broken deploy, a 404/410 or a stubbed
//! register().

use super::errors::boot_failure;
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
        } else if path.starts_with("/uk") {
            ("Ви офлайн", "станом на 26 листопада 2026")
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

/// The manifest the page links: complete, in `lang`, its home the page's
/// language's, its icons there (read from the manifest's own address);
/// its `id` resolved, pushed onto `ids`.
async fn check_manifest(c: &Client, lang: &str, ids: &mut Vec<String>) {
    let m = c
        .execute_async(
            "const done = arguments[0]; const url = document.querySelector('link[rel=manifest]').href; \
             fetch(url).then(r => r.json()).then(m => { \
               const at = (u) => new URL(u, url).href; \
               m.at = { id: at(m.id), start: at(m.start_url), scope: at(m.scope), icons: m.icons.map(i => at(i.src)) }; \
               done(m); });",
            vec![],
        )
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
            "{lang}: manifest lacks {k}: {m}"
        );
    }
    assert_eq!(m["display"], "standalone");
    assert_eq!(m["lang"], lang, "{m}");
    let here = js(c, "return location.href").await;
    assert_eq!(
        m["at"]["start"], here,
        "{lang}: start_url is not this language's home"
    );
    let scope = m["at"]["scope"].as_str().unwrap();
    assert!(
        here.as_str().unwrap().starts_with(scope),
        "{lang}: out of scope {scope}"
    );
    ids.push(m["at"]["id"].as_str().unwrap().to_owned());
    let icons = m["icons"].as_array().unwrap();
    for (size, purpose) in [
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    ] {
        let i = icons
            .iter()
            .position(|i| i["sizes"] == size && i["purpose"] == purpose && i["type"] == "image/png")
            .unwrap_or_else(|| panic!("{lang}: no {size} {purpose} icon"));
        // The file is there and really is that size.
        let dims = c
            .execute_async(
                "const [src, done] = arguments; const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.onerror = () => done(null); img.src = src;",
                vec![m["at"]["icons"][i].clone()],
            )
            .await
            .unwrap();
        let px: u64 = size.split('x').next().unwrap().parse().unwrap();
        assert_eq!(dims, serde_json::json!([px, px]), "{lang}: {}", icons[i]);
    }
}

#[tokio::test]
async fn the_manifest_passes_chromes_installability_basics() {
    let (s, c) = app_and_browser(PHONE).await;
    // Each language's pages link a manifest in their language, whose home
    // is theirs, one app (one `id` and `scope`) for all.
    let mut ids = vec![];
    // Polish last: the install button below is the Polish page's.
    for lang in LANGS.into_iter().rev() {
        open(&c, &s, ABOUT.path(lang), ABOUT.ready).await;
        check_manifest(&c, lang, &mut ids).await;
    }
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "one app: {ids:?}");
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
