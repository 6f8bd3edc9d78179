//! Embeds seen from the portal's page: does each iframe fit its content?

use crate::page::{click, js, show_filters, wait_for_text};
use fantoccini::Client;
use std::time::{Duration, Instant};

/// The iframe `#id` (frame number `index`): its height on the host page, its
/// content's own height inside, and whether the inside scrolls.
pub async fn iframe_heights(c: &Client, index: u16, id: &str) -> (f64, f64, bool) {
    let outer = js(
        c,
        &format!("return document.getElementById('{id}').getBoundingClientRect().height"),
    )
    .await
    .as_f64()
    .unwrap();
    c.enter_frame(index).await.unwrap();
    let inside: (f64, bool) = serde_json::from_value(
        js(
            c,
            "return [Math.ceil(document.querySelector('.embed').getBoundingClientRect().height), \
             document.documentElement.scrollHeight > document.documentElement.clientHeight + 1]",
        )
        .await,
    )
    .unwrap();
    c.enter_parent_frame().await.unwrap();
    (outer, inside.0, inside.1)
}

/// Waits (up to 20 s) until the iframe is exactly as tall as its content,
/// with no inner scrollbar; returns its height. On failure, says the last
/// messages the host page recorded in `window.__msgs`, if it does.
pub async fn wait_fitted(c: &Client, index: u16, id: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (outer, inner, scrolls) = iframe_heights(c, index, id).await;
        if (outer - inner).abs() <= 1.0 && !scrolls && inner > 100.0 {
            return outer;
        }
        if Instant::now() > deadline {
            let msgs = js(c, "return (window.__msgs || []).slice(-8)").await;
            panic!("#{id}: iframe {outer}px, content {inner}px, inner scrollbar: {scrolls}; last messages: {msgs}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits (up to 10 s) until the fitted iframe's height is one that `wanted`
/// accepts, as after its content changed; returns the last fitted height,
/// for the caller to assert on.
pub async fn wait_fitted_until(
    c: &Client,
    index: u16,
    id: &str,
    wanted: impl Fn(f64) -> bool,
) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut height = wait_fitted(c, index, id).await;
    while !wanted(height) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        height = wait_fitted(c, index, id).await;
    }
    height
}

/// Inside the embed in frame `index`, a timeline, shows only the awards:
/// content shorter than the whole timeline.
pub async fn filter_awards_inside(c: &Client, index: u16) {
    c.enter_frame(index).await.unwrap();
    show_filters(c).await;
    click(c, "[data-testid=chip-award]").await;
    wait_for_text(c, "[data-testid=result-count]", "Znaleziono 3").await;
    c.enter_parent_frame().await.unwrap();
}
