//! A visitor's verbs on the current page: go somewhere, wait for something,
//! read it, click it. Every wait gives up after 20 s: the app draws after the
//! wasm and the bundle arrive, which on 2 busy cores can take a few seconds.

use crate::server::Site;
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use std::future::Future;
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(20);

/// Runs a WebDriver step until it succeeds, for up to 20 s. Any driver error
/// counts as "not yet": not found, and also stale, since the app re-renders
/// a page when the content arrives or a refresh fails (WebKitWebDriver then
/// reports an element found a moment earlier as stale).
pub async fn until_ok<T, F, Fut>(what: &str, step: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, CmdError>>,
{
    until_ok_within(what, PATIENCE, step).await
}

/// [`until_ok`] with another time limit.
pub async fn until_ok_within<T, F, Fut>(what: &str, within: Duration, mut step: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, CmdError>>,
{
    let deadline = Instant::now() + within;
    loop {
        match step().await {
            Ok(v) => return v,
            Err(e) if Instant::now() > deadline => panic!("{what}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Goes to `path` without waiting for anything in particular.
pub async fn visit(c: &Client, site: &impl Site, path: &str) {
    let url = site.url(path);
    // Shown only when a test fails: the last address a hung check opened.
    eprintln!("visit {url}");
    // Firefox and WebKit can answer a navigation the service worker serves
    // before the new document is in: mark the old one's window, and wait
    // until it is gone, so no check runs against the page being left (whose
    // controls may well satisfy it: two embed-code pages in a row did).
    let _ = c.execute("window.__ropsLeaving = true", vec![]).await;
    c.goto(&url)
        .await
        .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    if !url.contains('#') {
        wait_js(c, "window.__ropsLeaving === undefined").await;
    }
}

/// Goes to `path` and waits until `ready` is drawn.
pub async fn open(c: &Client, site: &impl Site, path: &str, ready: &str) -> Element {
    visit(c, site, path).await;
    wait_for(c, ready).await
}

/// A published page's prerendered copy, before the app has taken it over.
pub const PRERENDERED: &str = "#boot[data-prerendered]";

/// Waits until the app has taken over a published page (its prerendered
/// copy is gone). Its controls are not live before.
pub async fn wait_taken_over(c: &Client) {
    wait_gone(c, PRERENDERED).await;
}

/// Waits for an element of the running app (not of a published page's
/// prerendered copy, whose controls do nothing yet).
pub async fn wait_for(c: &Client, css: &str) -> Element {
    wait_taken_over(c).await;
    until_ok(&format!("no element {css}"), || c.find(Locator::Css(css))).await
}

/// Waits until `css` holds text containing `needle`; returns that text
/// (non-breaking spaces as plain spaces).
pub async fn wait_for_text(c: &Client, css: &str, needle: &str) -> String {
    wait_taken_over(c).await;
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            if let Ok(t) = el.text().await {
                let t = norm(&t);
                if t.contains(needle) {
                    return t;
                }
                if Instant::now() > deadline {
                    panic!("{css} never contained {needle:?}; last text: {t:?}");
                }
            }
        }
        if Instant::now() > deadline {
            panic!("{css} never appeared (waiting for {needle:?})");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Polls a JS expression (async allowed) until it is truthy, up to 20 s.
pub async fn wait_js(c: &Client, expr: &str) {
    wait_js_within(c, expr, PATIENCE).await
}

/// [`wait_js`] with another time limit.
pub async fn wait_js_within(c: &Client, expr: &str, within: Duration) {
    let script = format!(
        "const done = arguments[arguments.length - 1]; Promise.resolve().then(async () => ({expr})).then(v => done(!!v), () => done(false));"
    );
    let deadline = Instant::now() + within;
    loop {
        if c.execute_async(&script, vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
        {
            return;
        }
        assert!(Instant::now() < deadline, "never true: {expr}");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

pub async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// WebDriver implementations differ on non-breaking spaces (ChromeDriver
/// turns them into spaces, others keep them): compare with plain spaces.
fn norm(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// The visible text of the first element matching `css`, once there, with
/// plain spaces.
pub async fn text(c: &Client, css: &str) -> String {
    let t = until_ok(&format!("no text of {css}"), || async move {
        c.find(Locator::Css(css)).await?.text().await
    })
    .await;
    norm(&t)
}

/// The current value of the form field matching `css` (empty if none).
pub async fn value(c: &Client, css: &str) -> String {
    let script = format!(
        "const e = document.querySelector({}); return e ? e.value : ''",
        serde_json::to_string(css).unwrap()
    );
    js(c, &script).await.as_str().unwrap_or_default().to_owned()
}

/// The trimmed text content of every element matching `css` (none is fine),
/// with plain spaces.
pub async fn texts(c: &Client, css: &str) -> Vec<String> {
    let v = js(
        c,
        &format!("return [...document.querySelectorAll({css:?})].map(e => e.textContent.trim())"),
    )
    .await;
    serde_json::from_value::<Vec<String>>(v)
        .unwrap()
        .iter()
        .map(|s| norm(s))
        .collect()
}

/// The attribute `name` of the first element matching `css`, once it has one.
pub async fn attr(c: &Client, css: &str, name: &str) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            if let Ok(Some(value)) = el.attr(name).await {
                return value;
            }
        }
        assert!(Instant::now() < deadline, "no {name} on {css}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until no element matches `css` (a notice gone, a toast closed).
pub async fn wait_gone(c: &Client, css: &str) {
    wait_js(c, &format!("!document.querySelector({css:?})")).await
}

/// The error panel, once shown: its kind (`data-error-kind`) and its text.
pub async fn error_panel(c: &Client) -> (String, String) {
    let panel = "[data-testid=error-panel]";
    // Drawn out of sight until the takeover: its text reads empty before.
    wait_taken_over(c).await;
    (
        attr(c, panel, "data-error-kind").await,
        text(c, panel).await,
    )
}

/// Whether an element matching `css` is on the page now (no waiting).
pub async fn exists(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css)).await.is_ok()
}

/// `<html lang>`: the language the page says it is in.
pub async fn page_lang(c: &Client) -> String {
    let lang = js(c, "return document.documentElement.lang").await;
    lang.as_str().unwrap_or_default().to_owned()
}

/// The path of the page's address (the top page's, not a frame's).
pub async fn current_path(c: &Client) -> String {
    c.current_url().await.unwrap().path().to_owned()
}

/// Clicks the first element matching `css`, once there.
pub async fn click(c: &Client, css: &str) {
    until_ok(&format!("clicking {css}"), || async move {
        c.find(Locator::Css(css)).await?.click().await
    })
    .await;
}

/// Follows the link whose text is `text`, as a visitor reads it.
pub async fn follow(c: &Client, text: &str) {
    until_ok(&format!("following the link {text:?}"), || async move {
        c.find(Locator::LinkText(text)).await?.click().await
    })
    .await;
}

/// Unfolds the timeline's filters where a narrow screen folds them behind
/// "Filtry (N)" (a no-op on a wide screen, where the button is not shown).
/// Retries until the app, not a prerendered copy, has opened them.
pub async fn show_filters(c: &Client) {
    wait_js(
        c,
        "(() => { if (document.querySelector('#boot[data-prerendered]')) return false; \
         const b = document.querySelector('[data-testid=filters-toggle]'); if (!b) return false; \
         if (getComputedStyle(b).display === 'none' || b.getAttribute('aria-expanded') === 'true') return true; \
         b.click(); return false; })()",
    )
    .await;
}

/// Picks `value` in the `<select>` matching `css`.
pub async fn select(c: &Client, css: &str, value: &str) {
    until_ok(&format!("selecting {value} in {css}"), || async move {
        c.find(Locator::Css(css))
            .await?
            .select_by_value(value)
            .await
    })
    .await;
}

/// Presses `key` where the focus is.
pub async fn press(c: &Client, key: Key) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(&key.to_string())
        .await
        .unwrap();
}

/// True when the page scrolls sideways (a reflow failure at this width).
pub async fn has_horizontal_scroll(c: &Client) -> bool {
    js(
        c,
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
    )
    .await
    .as_bool()
    .unwrap()
}

/// The funding page's CSV, exactly as the browser would save it. The link is
/// a data: URL (the CSP's connect-src keeps page scripts from fetching it,
/// so this decodes it itself); the text is UTF-8 after a BOM, which tells
/// spreadsheets it is UTF-8.
pub async fn csv_download(c: &Client) -> String {
    let href = attr(c, "[data-testid=csv]", "href").await;
    let encoded = href
        .strip_prefix("data:text/csv;charset=utf-8,")
        .expect("a UTF-8 CSV data URL");
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(encoded).collect();
    let text = String::from_utf8(bytes).expect("UTF-8");
    text.strip_prefix('\u{feff}')
        .expect("a BOM, so spreadsheets read UTF-8")
        .to_owned()
}

// ------------------------------------------------------------ the editor's form

/// Replaces what a field holds, as typing does.
pub async fn type_into(c: &Client, id: &str, text: &str) {
    let css = format!("#{id}");
    let el = wait_for(c, &css).await;
    el.clear().await.unwrap();
    if !text.is_empty() {
        el.send_keys(text).await.unwrap();
    } else {
        // clear() fires no input event: one keystroke and its undo do.
        el.send_keys("x").await.unwrap();
        el.send_keys(&Key::Backspace.to_string()).await.unwrap();
    }
}

/// Opens the form's item (a `<details>`) whose id is `id`.
pub async fn open_item(c: &Client, id: &str) {
    js(c, &format!("document.getElementById({id:?}).open = true")).await;
}
