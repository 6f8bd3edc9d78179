//! End-to-end: embeds in a host page on another origin — self-sizing
//! iframes, event sync, forged messages ignored, the snippet generator, and
//! inside an embed: options surviving links, links leaving, the host
//! replacing history.
//! (Axe inside the embed views is e2e/accessibility.rs's; here it runs on
//! the portal's pages and the generator as a visitor sets it.)

use rops_e2e::*;
use std::time::Duration;

/// A portal with two embeds that records the messages it gets
/// (`window.__msgs`) and the events its embeds report (`window.__nav`).
fn portal(app: &Server) -> Override {
    host_page(&format!(
        "<iframe id=\"tl\" data-rops-embed src=\"{a}/embed/os-czasu?id=tl\" title=\"Oś czasu ROPS\" style=\"width:100%;height:300px;border:0\"></iframe>\
         <iframe id=\"fu\" data-rops-embed src=\"{a}/embed/finansowanie?id=fu\" title=\"Finansowanie ROPS\" style=\"width:100%;height:300px;border:0\"></iframe>\
         <script src=\"{a}/embed.js\"></script>\
         <script>window.__msgs = []; addEventListener('message', e => window.__msgs.push(JSON.stringify(e.data))); window.__nav = []; document.querySelectorAll('iframe').forEach(f => f.addEventListener('rops:navigate', e => window.__nav.push([f.id, e.detail.event])));</script>",
        a = app.base
    ))
}

#[tokio::test]
async fn embeds_size_themselves_sync_events_and_ignore_forgeries() {
    let app = Server::start().await;
    let host = Server::start().await;
    let third = Server::start().await;
    host.set("/host.html", portal(&app));
    for size in [PHONE, DESKTOP] {
        let w = size.0;
        let c = browser(size).await;
        visit(&c, &host, "/host.html").await;
        // Wait for the timeline to render inside, then for the heights to settle.
        c.enter_frame(0).await.unwrap();
        wait_for(&c, TIMELINE.ready).await;
        c.enter_parent_frame().await.unwrap();
        // As a visitor would, scroll to the second embed: Chromium does not
        // render a cross-origin frame out of view, so it would not take over
        // (nor report its height) before that.
        js(
            &c,
            "document.querySelectorAll('iframe')[1].scrollIntoView(); return true",
        )
        .await;
        c.enter_frame(1).await.unwrap();
        wait_for(&c, FUNDING.ready).await;
        c.enter_parent_frame().await.unwrap();
        js(&c, "window.scrollTo(0, 0); return true").await;
        let tl = wait_fitted(&c, 0, "tl").await;
        let fu = wait_fitted(&c, 1, "fu").await;
        assert!(tl > 300.0 && fu > 300.0, "{w}px: heights {tl} / {fu}");

        // A filter inside changes the content, and the iframe follows.
        filter_awards_inside(&c, 0).await;
        let filtered = wait_fitted_until(&c, 0, "tl", |h| h < tl).await;
        assert!(
            filtered < tl,
            "{w}px: filtering did not shrink the iframe ({tl} → {filtered})"
        );

        // Opening an event inside is reported to the host.
        c.enter_frame(0).await.unwrap();
        click(&c, "[data-event-id=\"2016-regiostars\"] .event-card__link").await;
        wait_for(&c, EVENT.ready).await;
        // (WebDriver's current URL is the top page's; ask the frame itself.)
        let path = js(&c, "return location.pathname").await;
        assert_eq!(
            path, "/embed/os-czasu/2016-regiostars",
            "links stay inside the embed"
        );
        c.enter_parent_frame().await.unwrap();
        wait_js(
            &c,
            "window.__nav.some(([f, e]) => f === 'tl' && e === '2016-regiostars')",
        )
        .await;

        // The host can open an event by message.
        js(
            &c,
            "ROPSEmbed.open(document.getElementById('tl'), '2004-lider-equal')",
        )
        .await;
        wait_js(
            &c,
            "window.__nav.some(([f, e]) => f === 'tl' && e === '2004-lider-equal')",
        )
        .await;
        let settled = wait_fitted(&c, 0, "tl").await;

        // Forgeries from a third origin: a fake height for the host, and a
        // fake "open" for the embeds. Both must change nothing.
        third.set(
            "/forge.html",
            Override::html(
                "<!doctype html><html><body><script>\
                 parent.postMessage({type: 'rops:height', id: 'tl', height: 5}, '*');\
                 parent.postMessage({type: 'rops:height', id: 'fu', height: 5}, '*');\
                 for (let i = 0; i < parent.frames.length; i++) { try { parent.frames[i].postMessage({type: 'rops:open', event: '2010-model-mrr'}, '*'); } catch (e) {} }\
                 </script></body></html>",
            ),
        );
        // Malformed messages from the host itself do nothing either.
        js(&c, "const f = document.getElementById('tl'); f.contentWindow.postMessage({type: 'rops:open', event: '<script>'}, '*'); f.contentWindow.postMessage('rops:open', '*');").await;
        js(&c, &format!("const f = document.createElement('iframe'); f.src = '{}'; f.title = 'test'; f.style.height = '1px'; document.body.appendChild(f);", third.url("/forge.html"))).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let (outer, _, _) = iframe_heights(&c, 0, "tl").await;
        assert!(
            (outer - settled).abs() <= 1.0,
            "{w}px: a forged height moved the iframe to {outer}"
        );
        let (fu_now, _, _) = iframe_heights(&c, 1, "fu").await;
        assert!(
            (fu_now - fu).abs() <= 1.0,
            "{w}px: funding iframe {fu} → {fu_now}"
        );
        let forged = js(
            &c,
            "return window.__nav.some(([f, e]) => e === '2010-model-mrr')",
        )
        .await;
        assert_eq!(forged, false, "a third origin opened an event");
        c.enter_frame(0).await.unwrap();
        assert_eq!(
            js(&c, "return location.pathname").await,
            "/embed/os-czasu/2004-lider-equal"
        );
        c.enter_parent_frame().await.unwrap();

        assert_axe_clean(&c, "the host page").await;
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn embed_views_have_no_chrome_and_follow_url_options() {
    let (s, c) = app_and_browser(PHONE).await;
    for (path, ready, lang) in [
        (
            "/embed/os-czasu?theme=dark&accent=green",
            TIMELINE.ready,
            "pl",
        ),
        ("/en/embed/funding?accent=purple", FUNDING.ready, "en"),
        (
            "/embed/os-czasu/2015-mokes?theme=light&accent=evil",
            EVENT.ready,
            "pl",
        ),
    ] {
        open(&c, &s, path, ready).await;
        assert!(
            !exists(&c, ".site-header").await,
            "{path} shows the site header"
        );
        assert!(!exists(&c, ".site-footer").await);
        assert_eq!(page_lang(&c).await, lang);
        assert_eq!(
            attr(&c, "[data-testid=open-full]", "target").await,
            "_blank"
        );
        let href = attr(&c, "[data-testid=open-full]", "href").await;
        assert!(!href.contains("/embed/"), "{href}");
    }
    // Options from the URL, the unknown accent ignored.
    assert_eq!(
        js(&c, "return document.documentElement.dataset.theme").await,
        "light"
    );
    assert_eq!(
        js(&c, "return document.documentElement.dataset.accent || null").await,
        serde_json::Value::Null
    );
    open(
        &c,
        &s,
        "/embed/os-czasu?theme=dark&accent=green",
        TIMELINE.ready,
    )
    .await;
    assert_eq!(
        js(&c, "return document.documentElement.dataset.accent").await,
        "green"
    );
    assert_eq!(
        js(&c, "return getComputedStyle(document.body).backgroundColor").await,
        "rgb(18, 20, 23)"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_generated_snippet_works_in_a_fresh_host_page() {
    let app = Server::start().await;
    let host = Server::start().await;
    let c = browser(DESKTOP).await;
    open(&c, &app, EMBED_CODE.pl, EMBED_CODE.ready).await;
    select(&c, "#embed-view", "funding").await;
    select(&c, "#embed-lang", "en").await;
    select(&c, "#embed-theme", "dark").await;
    assert_axe_clean_in_both_themes(&c, "the generator, options chosen").await;
    let snippet = value(&c, "[data-testid=embed-snippet]").await;
    for part in [
        "title=\"Funding of ROPS Kraków",
        "loading=\"lazy\"",
        "width=\"100%\" height=\"800\"",
        "/en/embed/funding?id=rops-1&amp;theme=dark",
        "embed.js",
        "<noscript>",
    ] {
        assert!(snippet.contains(part), "snippet lacks {part}: {snippet}");
    }
    // A portal with a strict CSP blocks inline styles: the snippet has none.
    assert!(!snippet.contains("style"), "{snippet}");

    // Pasted as is into a page on another origin whose policy allows no
    // inline style or script (embed.js sizes the frame through CSSOM).
    let mut page = host_page(&snippet);
    page.headers = vec![(
        "Content-Security-Policy",
        format!(
            "default-src 'none'; script-src {a}; frame-src {a}; style-src 'self'",
            a = app.base
        ),
    )];
    host.set("/paste.html", page);
    visit(&c, &host, "/paste.html").await;
    c.enter_frame(0).await.unwrap();
    wait_for(&c, FUNDING.ready).await;
    assert_eq!(page_lang(&c).await, "en");
    c.enter_parent_frame().await.unwrap();
    js(&c, "document.querySelector('iframe').id = 'pasted'").await;
    let h = wait_fitted(&c, 0, "pasted").await;
    assert!(h > 800.0, "the pasted embed did not size itself: {h}");
    let v = csp_violations(&c).await;
    assert!(v.is_empty(), "the snippet broke the portal's CSP: {v:#?}");
    assert_axe_clean(&c, "the host page with the snippet").await;
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
