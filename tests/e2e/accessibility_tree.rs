//! End-to-end: what a screen reader is given, on every route and state in
//! both languages, compared with the committed outlines in
//! `tests/a11y-snapshots/` (one file each) and checked for the generic
//! faults (a word run into a year, a name said twice by a parent and its
//! only child, two landmarks of one role and name, an unnamed image, a
//! skipped heading level). After a deliberate change, regenerate and review
//! the diff: `scripts/update-a11y-snapshots.sh`.

use rops_e2e::*;
use std::time::Duration;

/// A snapshot's file name from an address: `/en/timeline?kind=award` →
/// `en-timeline-kind-award`.
fn name_of(path: &str) -> String {
    let (lang, rest) = ["en", "uk"]
        .into_iter()
        .find_map(|l| {
            let rest = path.strip_prefix(&format!("/{l}"))?;
            (rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')).then_some((l, rest))
        })
        .unwrap_or(("pl", path));
    let slug: String = rest
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect();
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        format!("{lang}-home")
    } else {
        format!("{lang}-{slug}")
    }
}

/// Waits for `ready`, lets the page settle, and checks its tree.
async fn check(c: &Client, ready: &str, name: &str) {
    wait_for(c, ready).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_ax_snapshot(c, name).await;
}

#[tokio::test]
async fn every_page_in_every_language() {
    let (s, c) = app_and_browser(DESKTOP).await;
    for (path, ready) in pages() {
        c.goto(&s.url(path)).await.unwrap();
        check(&c, ready, &name_of(path)).await;
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn states_filtered_empty_missing_and_embedded() {
    let (s, c) = app_and_browser(DESKTOP).await;
    for (path, ready) in [
        ("/os-czasu?kind=award", "[data-testid=event]"),
        ("/en/timeline?kind=award", "[data-testid=event]"),
        ("/os-czasu?q=zzzz", "[data-testid=no-results]"),
        ("/en/timeline?q=zzzz", "[data-testid=no-results]"),
        ("/nie-ma-takiej-strony", "[data-testid=not-found]"),
        ("/en/no-such-page", "[data-testid=not-found]"),
        ("/os-czasu/nie-ma", "[data-testid=event-not-found]"),
        ("/embed/os-czasu", "[data-testid=event]"),
        ("/en/embed/funding", "[data-testid=funding-table]"),
        ("/embed/os-czasu/2015-mokes", "[data-testid=event-detail]"),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        check(&c, ready, &name_of(path)).await;
    }
    c.close().await.unwrap();
}

#[tokio::test]
async fn states_loading_error_dark_offline_and_update() {
    let (s, c) = app_and_browser(DESKTOP).await;
    for (path, lang) in [(FUNDING.pl, "pl"), (FUNDING.en, "en")] {
        // Loading: the bundle held back.
        s.set(
            "/content/bundle.json",
            Override::json(&bundle()).after(Duration::from_secs(8)),
        );
        s.set(path, shell_page());
        c.goto(&s.url(path)).await.unwrap();
        check(
            &c,
            "[data-testid=loading]",
            &format!("{lang}-state-loading"),
        )
        .await;
        s.clear(path);
        // An error: the server fails.
        s.set("/content/bundle.json", Override::status(503));
        c.goto(&s.url(path)).await.unwrap();
        check(
            &c,
            "[data-testid=error-panel]",
            &format!("{lang}-state-error"),
        )
        .await;
    }
    s.clear("/content/bundle.json");

    // The dark theme chosen (the switch says it is pressed).
    first_visit(&c, &s, "/", ABOUT.ready).await;
    click(&c, "[data-testid=theme-switch]").await;
    check(
        &c,
        "[data-testid=theme-switch][aria-pressed=true]",
        "pl-state-dark-theme",
    )
    .await;
    click(&c, "[data-testid=theme-switch]").await;

    // Offline, from the saved copy.
    s.set_down(true);
    set_offline(&c, true).await;
    for (path, lang) in [(TIMELINE.en, "en"), (TIMELINE.pl, "pl")] {
        c.goto(&s.url(path)).await.unwrap();
        check(
            &c,
            "[data-testid=offline-notice]",
            &format!("{lang}-state-offline"),
        )
        .await;
    }
    set_offline(&c, false).await;
    s.set_down(false);

    // A new version waiting for the visitor.
    s.set("/sw.js", worker_version("e2e0000000000a11"));
    for (path, lang) in [(TIMELINE.pl, "pl"), (TIMELINE.en, "en")] {
        c.goto(&s.url(path)).await.unwrap();
        check(
            &c,
            "[data-testid=update-toast]",
            &format!("{lang}-state-update-toast"),
        )
        .await;
    }
    c.close().await.unwrap();
}

/// The snapshot tier can fail: a changed heading is a difference.
#[tokio::test]
async fn a_changed_heading_is_a_difference() {
    let (s, c) = app_and_browser(DESKTOP).await;
    c.goto(&s.url("/")).await.unwrap();
    wait_for(&c, ABOUT.ready).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let before = ax_outline(&c).await;
    js(
        &c,
        "document.querySelector('h1').textContent = 'Inny nagłówek'",
    )
    .await;
    let after = ax_outline(&c).await;
    assert_ne!(before, after);
    assert!(
        after.contains("heading \"Inny nagłówek\" [level=1]"),
        "{after}"
    );
    c.close().await.unwrap();
}

/// The result count is a polite live region that speaks once typing
/// pauses, not at every keystroke (the visible count follows each key).
#[tokio::test]
async fn the_result_count_is_announced_once_typing_pauses() {
    let (s, c) = app_and_browser(DESKTOP).await;
    c.goto(&s.url(TIMELINE.pl)).await.unwrap();
    wait_for(&c, TIMELINE.ready).await;
    let announced = "[data-testid=result-count-announced]";
    let before = text(&c, announced).await;
    assert_eq!(before, "Oś czasu zawiera 10 wydarzeń");
    let search = wait_for(&c, "[data-testid=search]").await;
    search.send_keys("nagr").await.unwrap();
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono").await;
    // Right after the keys the live region has not spoken yet …
    assert_eq!(text(&c, announced).await, before);
    // … and once typing pauses it says the new count, once.
    wait_for_text(&c, announced, "Znaleziono").await;
    c.close().await.unwrap();
}
