//! Moving around: the language switch landing on the same page everywhere,
//! deep links, and the navigation in both languages.

use rops_e2e::*;

#[tokio::test]
async fn navigation_language_switch_and_deep_links() {
    let (s, c) = app_and_browser(DESKTOP).await;
    open(&c, &s, ABOUT.pl, ABOUT.ready).await;

    follow(&c, "Oś czasu").await;
    wait_for(&c, "[data-testid=timeline]").await;
    assert_eq!(current_path(&c).await, TIMELINE.pl);
    assert_eq!(text(&c, "h1").await, "Oś czasu");
    // Client-side navigation: the bundle was fetched once, not per page.
    assert_eq!(s.hits("/content/bundle.json"), 1);
    // Focus moves to the new page's heading.
    let focused = js(&c, "return document.activeElement.id").await;
    assert_eq!(focused, "page-title");

    click(&c, "[data-testid=lang-switch] a[hreflang=en]").await;
    wait_for_text(&c, "h1", "Timeline").await;
    assert_eq!(current_path(&c).await, TIMELINE.en);
    assert_eq!(page_lang(&c).await, "en");
    assert_eq!(c.title().await.unwrap(), "Timeline | ROPS Kraków");

    // Deep link reload lands on the same page, same language.
    c.refresh().await.unwrap();
    wait_for_text(&c, "h1", "Timeline").await;
    wait_for(&c, "[data-testid=timeline]").await;

    // The choice is remembered: the bare address opens in English.
    visit(&c, &s, ABOUT.pl).await;
    wait_for_text(&c, "h1", "About").await;
    assert_eq!(current_path(&c).await, ABOUT.en);

    // Back to Polish, from the funding page: the page is kept.
    open(&c, &s, FUNDING.en, "[data-testid=project-mokes]").await;
    click(&c, "[data-testid=lang-switch] a[hreflang=pl]").await;
    wait_for_text(&c, "h1", "Finansowanie").await;
    assert_eq!(current_path(&c).await, FUNDING.pl);
    visit(&c, &s, ABOUT.pl).await;
    wait_for_text(&c, "h1", "O nas").await;
    assert_eq!(current_path(&c).await, ABOUT.pl);

    visit(&c, &s, "/nie-ma-takiej").await;
    wait_for_text(&c, "h1", "Nie ma takiej strony").await;
    wait_for(&c, "[data-testid=not-found]").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_language_switch_lands_on_the_same_page_everywhere() {
    let (s, c) = app_and_browser(DESKTOP).await;
    let own_name = |l: &str| match l {
        "pl" => "Polski",
        "en" => "English",
        _ => "Українська",
    };
    for r in ROUTES {
        // Round the three: every page lists the other two languages by
        // their own names, each linking this page in it.
        for (from, to) in [("pl", "uk"), ("uk", "en"), ("en", "pl")] {
            open(&c, &s, r.path(from), r.ready).await;
            let links: Vec<(String, String, String)> = serde_json::from_value(
                js(
                    &c,
                    "return [...document.querySelectorAll('[data-testid=lang-switch] a')].map(a => [a.hreflang, a.textContent, new URL(a.href).pathname.replace(/\\/$/, '') || '/'])",
                )
                .await,
            )
            .unwrap();
            let want: Vec<(String, String, String)> = LANGS
                .into_iter()
                .filter(|&l| l != from)
                .map(|l| (l.to_owned(), own_name(l).to_owned(), r.path(l).to_owned()))
                .collect();
            assert_eq!(links, want, "{}", r.path(from));
            click(&c, &format!("[data-testid=lang-switch] a[hreflang={to}]")).await;
            wait_for(&c, r.ready).await;
            wait_js(&c, &format!("location.pathname === {:?}", r.path(to))).await;
            assert_eq!(page_lang(&c).await, to, "{} → {}", r.path(from), r.path(to));
        }
    }
    c.close().await.unwrap();
}
