//! End-to-end: embeds in a host page on another origin — self-sizing
//! iframes, event sync, forged messages ignored, the snippet generator.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use std::time::Duration;
use support::*;

fn html(body: &str) -> Override {
    let mut o = Override::json(&format!(
        "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Portal regionalny (test)</title></head><body><main><h1>Portal regionalny</h1>{body}</main></body></html>"
    ));
    o.content_type = "text/html; charset=utf-8";
    o
}

fn host_page(app: &Server) -> Override {
    html(&format!(
        "<iframe id=\"tl\" data-rops-embed src=\"{a}/embed/os-czasu?id=tl\" title=\"Oś czasu ROPS\" style=\"width:100%;height:300px;border:0\"></iframe>\
         <iframe id=\"fu\" data-rops-embed src=\"{a}/embed/finansowanie?id=fu\" title=\"Finansowanie ROPS\" style=\"width:100%;height:300px;border:0\"></iframe>\
         <script src=\"{a}/embed.js\"></script>\
         <script>window.__msgs = []; addEventListener('message', e => window.__msgs.push(JSON.stringify(e.data))); window.__nav = []; document.querySelectorAll('iframe').forEach(f => f.addEventListener('rops:navigate', e => window.__nav.push([f.id, e.detail.event])));</script>",
        a = app.base
    ))
}

/// The iframe's height on the host, and its content's own height inside.
async fn heights(c: &Client, index: u16, id: &str) -> (f64, f64, bool) {
    let outer = js(
        c,
        &format!("return document.getElementById('{id}').getBoundingClientRect().height"),
    )
    .await
    .as_f64()
    .unwrap();
    c.enter_frame(index).await.unwrap();
    let inner = js(
        c,
        "return Math.ceil(document.querySelector('.embed').getBoundingClientRect().height)",
    )
    .await
    .as_f64()
    .unwrap();
    let scrolls = js(
        c,
        "return document.documentElement.scrollHeight > document.documentElement.clientHeight + 1",
    )
    .await
    .as_bool()
    .unwrap();
    c.enter_parent_frame().await.unwrap();
    (outer, inner, scrolls)
}

/// Waits until the iframe fits its content exactly.
async fn wait_fitted(c: &Client, index: u16, id: &str) -> f64 {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (outer, inner, scrolls) = heights(c, index, id).await;
        if (outer - inner).abs() <= 1.0 && !scrolls && inner > 100.0 {
            return outer;
        }
        if std::time::Instant::now() > deadline {
            let msgs = js(c, "return (window.__msgs || []).slice(-8)").await;
            panic!("#{id}: iframe {outer}px, content {inner}px, inner scrollbar: {scrolls}; last messages: {msgs}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn embeds_size_themselves_sync_events_and_ignore_forgeries() {
    let app = Server::start().await;
    let host = Server::start().await;
    let third = Server::start().await;
    host.set("/host.html", host_page(&app));
    for (w, h) in [PHONE, DESKTOP] {
        let c = browser(w, h).await;
        c.goto(&host.url("/host.html")).await.unwrap();
        // Wait for the timeline to render inside, then for the heights to settle.
        c.enter_frame(0).await.unwrap();
        wait_for(&c, "[data-testid=event]").await;
        c.enter_parent_frame().await.unwrap();
        c.enter_frame(1).await.unwrap();
        wait_for(&c, "[data-testid=funding-table]").await;
        c.enter_parent_frame().await.unwrap();
        let tl = wait_fitted(&c, 0, "tl").await;
        let fu = wait_fitted(&c, 1, "fu").await;
        assert!(tl > 300.0 && fu > 300.0, "{w}px: heights {tl} / {fu}");

        // A filter inside changes the content, and the iframe follows.
        c.enter_frame(0).await.unwrap();
        wait_for(&c, "[data-testid=chip-award]")
            .await
            .click()
            .await
            .unwrap();
        wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 3").await;
        c.enter_parent_frame().await.unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut filtered = wait_fitted(&c, 0, "tl").await;
        while filtered >= tl && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(200)).await;
            filtered = wait_fitted(&c, 0, "tl").await;
        }
        assert!(
            filtered < tl,
            "{w}px: filtering did not shrink the iframe ({tl} → {filtered})"
        );

        // Opening an event inside is reported to the host.
        c.enter_frame(0).await.unwrap();
        wait_for(&c, "[data-event-id=\"2016-regiostars\"] .event-card__link")
            .await
            .click()
            .await
            .unwrap();
        wait_for(&c, "[data-testid=event-detail]").await;
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
        let mut forge = Override::json(
            "<!doctype html><html><body><script>\
             parent.postMessage({type: 'rops:height', id: 'tl', height: 5}, '*');\
             parent.postMessage({type: 'rops:height', id: 'fu', height: 5}, '*');\
             for (let i = 0; i < parent.frames.length; i++) { try { parent.frames[i].postMessage({type: 'rops:open', event: '2010-model-mrr'}, '*'); } catch (e) {} }\
             </script></body></html>",
        );
        forge.content_type = "text/html";
        third.set("/forge.html", forge);
        // Malformed messages from the host itself do nothing either.
        js(&c, "const f = document.getElementById('tl'); f.contentWindow.postMessage({type: 'rops:open', event: '<script>'}, '*'); f.contentWindow.postMessage('rops:open', '*');").await;
        js(&c, &format!("const f = document.createElement('iframe'); f.src = '{}'; f.title = 'test'; f.style.height = '1px'; document.body.appendChild(f);", third.url("/forge.html"))).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let (outer, _, _) = heights(&c, 0, "tl").await;
        assert!(
            (outer - settled).abs() <= 1.0,
            "{w}px: a forged height moved the iframe to {outer}"
        );
        let (fu_now, _, _) = heights(&c, 1, "fu").await;
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

        let v = axe_violations(&c).await;
        assert!(v.is_empty(), "axe on the host page: {v:#?}");
        c.close().await.unwrap();
    }
}

#[tokio::test]
async fn embed_views_have_no_chrome_follow_url_options_and_pass_axe() {
    let s = Server::start().await;
    let c = browser(PHONE.0, PHONE.1).await;
    for (path, ready, lang) in [
        (
            "/embed/os-czasu?theme=dark&accent=green",
            "[data-testid=event]",
            "pl",
        ),
        (
            "/en/embed/funding?accent=purple",
            "[data-testid=funding-table]",
            "en",
        ),
        (
            "/embed/os-czasu/2015-mokes?theme=light&accent=evil",
            "[data-testid=event-detail]",
            "pl",
        ),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_for(&c, ready).await;
        assert!(
            c.find(Locator::Css(".site-header")).await.is_err(),
            "{path} shows the site header"
        );
        assert!(c.find(Locator::Css(".site-footer")).await.is_err());
        assert_eq!(js(&c, "return document.documentElement.lang").await, lang);
        let full = c
            .find(Locator::Css("[data-testid=open-full]"))
            .await
            .unwrap();
        assert_eq!(
            full.attr("target").await.unwrap().as_deref(),
            Some("_blank")
        );
        let href = full.attr("href").await.unwrap().unwrap();
        assert!(!href.contains("/embed/"), "{href}");
        let v = axe_violations(&c).await;
        assert!(v.is_empty(), "axe in {path}: {v:#?}");
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
    c.goto(&s.url("/embed/os-czasu?theme=dark&accent=green"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=event]").await;
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
    let c = browser(DESKTOP.0, DESKTOP.1).await;
    c.goto(&app.url("/osadz")).await.unwrap();
    wait_for(&c, "[data-testid=embed-snippet]").await;
    c.find(Locator::Id("embed-view"))
        .await
        .unwrap()
        .select_by_value("funding")
        .await
        .unwrap();
    c.find(Locator::Id("embed-lang"))
        .await
        .unwrap()
        .select_by_value("en")
        .await
        .unwrap();
    c.find(Locator::Id("embed-theme"))
        .await
        .unwrap()
        .select_by_value("dark")
        .await
        .unwrap();
    let v = axe_violations(&c).await;
    assert!(v.is_empty(), "axe on the generator: {v:#?}");
    let snippet = js(
        &c,
        "return document.querySelector('[data-testid=embed-snippet]').value",
    )
    .await;
    let snippet = snippet.as_str().unwrap().to_owned();
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
    let mut page = html(&snippet);
    page.headers = vec![(
        "Content-Security-Policy",
        format!(
            "default-src 'none'; script-src {a}; frame-src {a}; style-src 'self'",
            a = app.base
        ),
    )];
    host.set("/paste.html", page);
    c.goto(&host.url("/paste.html")).await.unwrap();
    c.enter_frame(0).await.unwrap();
    wait_for(&c, "[data-testid=funding-table]").await;
    assert_eq!(js(&c, "return document.documentElement.lang").await, "en");
    c.enter_parent_frame().await.unwrap();
    js(&c, "document.querySelector('iframe').id = 'pasted'").await;
    let h = wait_fitted(&c, 0, "pasted").await;
    assert!(h > 800.0, "the pasted embed did not size itself: {h}");
    let v = csp_violations(&c).await;
    assert!(v.is_empty(), "the snippet broke the portal's CSP: {v:#?}");
    let v = axe_violations(&c).await;
    assert!(
        v.is_empty(),
        "axe on the host page with the snippet: {v:#?}"
    );
    c.close().await.unwrap();
}
