//! End-to-end in the other engines: the release build (dist/) in Firefox ESR
//! (Gecko, through geckodriver) and in WebKitGTK (WebKit, the engine of
//! Safari, through WebKitWebDriver and MiniBrowser under Xvfb), with the
//! same fantoccini client and test server as the Chromium tier, under the
//! production CSP. Each check runs once per engine, as `<check>::firefox`
//! and `<check>::webkit`, so `--test-threads=2` runs one session of each
//! engine side by side. scripts/test-engines.sh starts the drivers; without
//! GECKODRIVER_URL / WEBKITDRIVER_URL the tests start their own.
//!
//! Service workers: both engines run them on http://127.0.0.1 (a secure
//! context) under automation, so both run the offline check. Firefox ESR has
//! them on by default (the session also sets `dom.serviceWorkers.enabled`);
//! WebKitGTK 2.50 ships the `ServiceWorkers` feature enabled
//! (`MiniBrowser -F help`). Each engine's support is declared in
//! `supports_service_workers` and verified, so a change shows up as a failure
//! rather than a silent skip.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::time::Duration;
use support::engines::{in_engine, Engine};
use support::*;

/// Whether the engine is expected to run the app's service worker here.
fn supports_service_workers(engine: Engine) -> bool {
    match engine {
        Engine::Firefox | Engine::WebKit => true,
    }
}

/// A phone-sized window, as asked for. The engines clamp it to their
/// smallest window: headless Firefox gives a 500 px wide viewport and
/// MiniBrowser 447 px (the 320/360 px layouts are the Chromium tier's).
const NARROW: (u32, u32) = PHONE;

/// WebDriver implementations differ on non-breaking spaces; compare with spaces.
fn norm(s: &str) -> String {
    s.replace('\u{a0}', " ")
}

/// Runs a WebDriver step until it succeeds, for up to 20 s. Any driver error
/// counts as "not yet": the app re-renders a page when the content arrives
/// or fails to refresh, and WebKitWebDriver then reports an element found a
/// moment earlier as stale (where support's `wait_for` would give up).
async fn until_ok<T, F, Fut>(what: &str, mut step: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, fantoccini::error::CmdError>>,
{
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        match step().await {
            Ok(v) => return v,
            Err(e) if std::time::Instant::now() > deadline => panic!("{what}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

async fn wait_el(c: &Client, css: &str) -> Element {
    until_ok(&format!("no element {css}"), || c.find(Locator::Css(css))).await
}

async fn text_of(c: &Client, css: &str) -> String {
    let text = until_ok(&format!("no text of {css}"), || async move {
        c.find(Locator::Css(css)).await?.text().await
    })
    .await;
    norm(&text)
}

async fn attr_of(c: &Client, css: &str, name: &str) -> Option<String> {
    until_ok(&format!("no {name} of {css}"), || async move {
        c.find(Locator::Css(css)).await?.attr(name).await
    })
    .await
}

async fn ids(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "return [...document.querySelectorAll('[data-testid=event]')].map(e => e.dataset.eventId)",
    )
    .await;
    serde_json::from_value(v).unwrap()
}

/// Waits until the timeline shows exactly `want`, in that order.
async fn wait_ids(c: &Client, engine: Engine, want: &[&str]) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let got = ids(c).await;
        if got == want {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{}: the list is {got:?}, expected {want:?}",
            engine.name()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(c: &Client, css: &str) {
    until_ok(&format!("clicking {css}"), || async move {
        c.find(Locator::Css(css)).await?.click().await
    })
    .await;
}

const EVENT_ORDER: [&str; 10] = [
    "2004-lider-equal",
    "strategia-2007-2013",
    "2008-akademia-rozwoju-es",
    "2010-model-mrr",
    "2012-nagroda-ministra-gospodarki",
    "2015-mokes",
    "2016-regiostars",
    "wspolpraca-lombardia",
    "system-wsparcia-owes",
    "wyroznienie-reves",
];

const AWARDS: [&str; 3] = [
    "2012-nagroda-ministra-gospodarki",
    "2016-regiostars",
    "wyroznienie-reves",
];

const ORG_PL: &str = "Regionalny Ośrodek Polityki Społecznej w Krakowie";
const ORG_EN: &str = "Regional Social Policy Centre in Kraków";

/// One route: where its facts appear, its heading, language and facts.
struct Route {
    path: &'static str,
    ready: &'static str,
    h1: &'static str,
    lang: &'static str,
    facts: &'static [&'static str],
}

const ROUTES: &[Route] = &[
    Route {
        path: "/",
        ready: "[data-testid=org-summary]",
        h1: "O nas",
        lang: "pl",
        facts: &[
            "jednostką organizacyjną Województwa Małopolskiego",
            "295",
            "ponad 40",
            "Akademia Rozwoju Ekonomii Społecznej",
            "Nagroda główna RegioStars 2016 (2016)",
            "Wyróżnienie REVES (data nie podana)",
        ],
    },
    Route {
        path: "/en",
        ready: "[data-testid=org-summary]",
        h1: "About",
        lang: "en",
        facts: &[
            "organisational unit",
            "295",
            "over 40",
            "Article 21 point 4a",
            "RegioStars 2016 main prize (2016)",
            "REVES distinction (date not given)",
        ],
    },
    Route {
        path: "/os-czasu",
        ready: "[data-testid=timeline]",
        h1: "Oś czasu",
        lang: "pl",
        facts: &["2004", "2007–2013", "od 2015", "2016", "data nie podana"],
    },
    Route {
        path: "/en/timeline",
        ready: "[data-testid=timeline]",
        h1: "Timeline",
        lang: "en",
        facts: &["2007–2013", "from 2015", "Date not given in the source"],
    },
    Route {
        path: "/os-czasu/2015-mokes",
        ready: "[data-testid=event-detail]",
        h1: "Projekt „Małopolski Ośrodek Koordynacji Ekonomii Społecznej”",
        lang: "pl",
        facts: &[
            "od 2015",
            "Działania 9.3 RPO WM na lata 2014–2020",
            "Źródło: ROPS w Krakowie",
        ],
    },
    Route {
        path: "/en/timeline/2015-mokes",
        ready: "[data-testid=event-detail]",
        h1: "The project “Małopolska Social Economy Coordination Centre”",
        lang: "en",
        facts: &["from 2015", "Measure 9.3 of RPO WM 2014–2020"],
    },
    Route {
        path: "/finansowanie",
        ready: "[data-testid=funding-table]",
        h1: "Finansowanie",
        lang: "pl",
        facts: &[
            "1 980 000 zł",
            "1 683 000 zł",
            "85%",
            "297 000 zł",
            "nie podano w źródle",
            "Działanie 9.3",
        ],
    },
    Route {
        path: "/en/funding",
        ready: "[data-testid=funding-table]",
        h1: "Funding",
        lang: "en",
        facts: &[
            "PLN 1,980,000",
            "PLN 1,683,000",
            "85%",
            "PLN 297,000",
            "not given in the source",
        ],
    },
    Route {
        path: "/deklaracja-dostepnosci",
        ready: "#a11y-podmiot",
        h1: "Deklaracja dostępności",
        lang: "pl",
        facts: &[ORG_PL, "informacja w trakcie uzupełniania"],
    },
    Route {
        path: "/en/accessibility",
        ready: "#a11y-podmiot",
        h1: "Accessibility statement",
        lang: "en",
        facts: &["Regional", "information being completed"],
    },
    Route {
        path: "/osadz",
        ready: "[data-testid=embed-snippet]",
        h1: "Osadź na swojej stronie",
        lang: "pl",
        facts: &[],
    },
    Route {
        path: "/en/embed-code",
        ready: "[data-testid=embed-snippet]",
        h1: "Embed on your site",
        lang: "en",
        facts: &[],
    },
];

async fn every_route_shows_its_facts(c: Client, engine: Engine) {
    let e = engine.name();
    let s = Server::start().await;
    for r in ROUTES {
        c.goto(&s.url(r.path)).await.unwrap();
        wait_el(&c, r.ready).await;
        wait_for_text(&c, "h1", r.h1).await;
        // The facts are on the page, the first inside the element the
        // route is about.
        let part = text_of(&c, r.ready).await;
        let main = text_of(&c, "main").await;
        for fact in r.facts {
            assert!(
                main.contains(fact),
                "{e}: {} lacks {fact:?}:\n{main}",
                r.path
            );
        }
        if let Some(first) = r.facts.first() {
            assert!(
                part.contains(first),
                "{e}: {} {} lacks {first:?}: {part}",
                r.path,
                r.ready
            );
        }
        assert_eq!(
            js(&c, "return document.documentElement.lang").await,
            r.lang,
            "{e}: <html lang> on {}",
            r.path
        );
        let org = if r.lang == "en" { ORG_EN } else { ORG_PL };
        let title = c.title().await.unwrap();
        assert_eq!(
            title,
            format!("{} | {org}", r.h1),
            "{e}: title of {}",
            r.path
        );
        assert!(
            c.find(Locator::Css("[data-testid=error-panel]"))
                .await
                .is_err(),
            "{e}: {} shows the error panel",
            r.path
        );
    }
    // The timeline lists every event, in order, the undated ones apart.
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_el(&c, "[data-testid=event]").await;
    wait_ids(&c, engine, &EVENT_ORDER).await;
    let undated = js(&c, "return [...document.querySelectorAll('[data-testid=undated] [data-testid=event]')].map(e => e.dataset.eventId)").await;
    assert_eq!(undated, serde_json::json!(&EVENT_ORDER[7..]), "{e}");
    // The embed generator's snippet, in each language, points at this server.
    for (path, view, title) in [
        (
            "/osadz",
            "/embed/os-czasu?id=rops-1",
            "Oś czasu: ekonomia społeczna w ROPS w Krakowie",
        ),
        (
            "/en/embed-code",
            "/en/embed/timeline?id=rops-1",
            "Timeline: social economy at ROPS Kraków",
        ),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_el(&c, "[data-testid=embed-snippet]").await;
        let snippet = js(
            &c,
            "return document.querySelector('[data-testid=embed-snippet]').value",
        )
        .await;
        let snippet = snippet.as_str().unwrap_or_default();
        for part in [
            format!("<iframe src=\"{}{view}", s.base),
            format!("<script src=\"{}/embed.js\" defer></script>", s.base),
            "data-rops-embed".to_owned(),
            title.to_owned(),
        ] {
            assert!(
                snippet.contains(&part),
                "{e}: {path} snippet lacks {part:?}: {snippet}"
            );
        }
    }
}

async fn timeline_filters_and_opens_an_event(c: Client, engine: Engine) {
    let e = engine.name();
    let s = Server::start().await;
    c.goto(&s.url("/os-czasu")).await.unwrap();
    wait_el(&c, "[data-testid=event]").await;
    wait_ids(&c, engine, &EVENT_ORDER).await;

    // A kind chip filters the list and the filter lives in the URL.
    click(&c, "[data-testid=chip-award]").await;
    wait_ids(&c, engine, &AWARDS).await;
    assert_eq!(
        c.current_url().await.unwrap().query(),
        Some("kind=award"),
        "{e}"
    );
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 3 wydarzenia").await;
    let pressed = attr_of(&c, "[data-testid=chip-award]", "aria-pressed").await;
    assert_eq!(pressed.as_deref(), Some("true"), "{e}");

    // A card's link opens the event's own page.
    click(&c, "[data-event-id=\"2016-regiostars\"] .event-card__link").await;
    wait_el(&c, "[data-testid=event-detail]").await;
    wait_for_text(&c, "h1", "Nagroda główna RegioStars 2016").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/os-czasu/2016-regiostars",
        "{e}"
    );
    let detail = text_of(&c, "[data-testid=event-detail]").await;
    assert!(
        detail.contains("Wzrost sprzyjający włączeniu społecznemu"),
        "{e}: {detail}"
    );

    // Back returns to the filtered list.
    c.back().await.unwrap();
    wait_el(&c, "[data-testid=event]").await;
    wait_ids(&c, engine, &AWARDS).await;
    assert_eq!(c.current_url().await.unwrap().query(), Some("kind=award"));

    // A shared filtered link, in English.
    c.goto(&s.url("/en/timeline?kind=award")).await.unwrap();
    wait_el(&c, "[data-testid=event]").await;
    wait_ids(&c, engine, &AWARDS).await;
    wait_for_text(&c, "[data-testid=result-count]", "Found 3").await;

    // Typing in the search (no diacritics, other case, another word ending).
    c.goto(&s.url("/os-czasu")).await.unwrap();
    until_ok("typing in the search", || async {
        c.find(Locator::Css("[data-testid=search]"))
            .await?
            .send_keys("SPOLDZIELNIE")
            .await
    })
    .await;
    wait_ids(
        &c,
        engine,
        &["2008-akademia-rozwoju-es", "wspolpraca-lombardia"],
    )
    .await;
}

async fn funding_table_and_chart_agree(c: Client, engine: Engine) {
    let e = engine.name();
    let s = Server::start().await;
    for (path, value, eu, share, rest, not_given) in [
        (
            "/finansowanie",
            "1 980 000 zł",
            "1 683 000 zł",
            "85%",
            "297 000 zł",
            "nie podano w źródle",
        ),
        (
            "/en/funding",
            "PLN 1,980,000",
            "PLN 1,683,000",
            "85%",
            "PLN 297,000",
            "not given in the source",
        ),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_el(&c, "[data-testid=funding-table]").await;
        wait_el(&c, "[data-testid=project-mokes]").await;
        // The table and the project's card say the same figures.
        for (col, want) in [
            ("value", value),
            ("eu", eu),
            ("share", share),
            ("remainder", rest),
        ] {
            let cell = text_of(&c, &format!("[data-testid=row-mokes] [data-col={col}]")).await;
            assert_eq!(cell, want, "{e}: {path} table {col}");
            let card = text_of(
                &c,
                &format!("[data-testid=project-mokes] [data-testid={col}]"),
            )
            .await;
            assert_eq!(card, want, "{e}: {path} card {col}");
            for row in ["akademia-przedsiebiorczosci", "akademia-rozwoju-es"] {
                let cell = text_of(&c, &format!("[data-testid=row-{row}] [data-col={col}]")).await;
                assert_eq!(cell, not_given, "{e}: {path} {row} {col}");
            }
        }
        // The chart: the same numbers on the bar and in its sentence.
        let labels = js(&c, "return [...document.querySelectorAll('[data-testid=project-mokes] .bar__text')].map(t => t.textContent).join(' | ')").await;
        let labels = norm(labels.as_str().unwrap_or_default());
        assert!(labels.contains(&format!("{eu} · {share}")), "{e}: {labels}");
        assert!(labels.contains(&format!("{rest} · 15%")), "{e}: {labels}");
        let desc = text_of(&c, "[data-testid=project-mokes] [data-testid=chart-desc]").await;
        for x in [value, eu, rest, share, "15%"] {
            assert!(
                desc.contains(x),
                "{e}: {path} chart sentence lacks {x}: {desc}"
            );
        }
        // The EU segment is 85% of the bar, as drawn by this engine too.
        let [attr, drawn]: [f64; 2] = serde_json::from_value(js(
            &c,
            "const s = [...document.querySelectorAll('[data-testid=project-mokes] .bar__seg')];\
             const a = s.map(e => +e.getAttribute('width')); const d = s.map(e => e.getBoundingClientRect().width);\
             return [a[0] / (a[0] + a[1]), d[0] / (d[0] + d[1])];",
        )
        .await)
        .unwrap();
        assert!(
            (attr - 0.85).abs() < 0.001,
            "{e}: EU segment is {attr} of the bar"
        );
        assert!(
            (drawn - 0.85).abs() < 0.01,
            "{e}: the EU segment is drawn as {drawn} of the bar"
        );
        // Projects without a value get no bar, not a zero-length one.
        let bars = js(
            &c,
            "return document.querySelectorAll('[data-testid=summary] .summary__item').length",
        )
        .await;
        assert_eq!(bars, 1, "{e}: {path}");
    }
}

fn host_page(app: &Server) -> Override {
    let mut o = Override::json(&format!(
        "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Portal (test)</title></head>\
         <body><main><h1>Portal regionalny</h1>\
         <iframe id=\"tl\" data-rops-embed src=\"{a}/embed/os-czasu?id=tl\" title=\"Oś czasu ROPS\" style=\"width:100%;height:300px;border:0\"></iframe>\
         <script src=\"{a}/embed.js\"></script>\
         <script>window.__msgs = []; addEventListener('message', e => window.__msgs.push(JSON.stringify(e.data)));</script>\
         </main></body></html>",
        a = app.base
    ));
    o.content_type = "text/html; charset=utf-8";
    o
}

/// The iframe's height on the host, its content's height inside, and
/// whether the inside scrolls.
async fn heights(c: &Client) -> (f64, f64, bool) {
    let outer = js(
        c,
        "return document.getElementById('tl').getBoundingClientRect().height",
    )
    .await
    .as_f64()
    .unwrap();
    c.enter_frame(0).await.unwrap();
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

/// Waits until the iframe is exactly as tall as its content, with no inner scrollbar.
async fn wait_fitted(c: &Client, engine: Engine, what: &str) -> f64 {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (outer, inner, scrolls) = heights(c).await;
        if (outer - inner).abs() <= 1.0 && !scrolls && inner > 100.0 {
            return outer;
        }
        if std::time::Instant::now() > deadline {
            let msgs = js(c, "return (window.__msgs || []).slice(-8)").await;
            panic!(
                "{}: {what}: iframe {outer}px, content {inner}px, inner scrollbar: {scrolls}; last messages: {msgs}",
                engine.name()
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn an_embed_sizes_itself_in_a_host_page(c: Client, engine: Engine) {
    let e = engine.name();
    let app = Server::start().await;
    let host = Server::start().await;
    host.set("/host.html", host_page(&app));
    c.goto(&host.url("/host.html")).await.unwrap();
    c.enter_frame(0).await.unwrap();
    wait_el(&c, "[data-testid=event]").await;
    c.enter_parent_frame().await.unwrap();
    let full = wait_fitted(&c, engine, "the whole timeline").await;
    assert!(full > 300.0, "{e}: the iframe stayed at {full}px");

    // A filter inside shrinks the content, and the iframe follows.
    c.enter_frame(0).await.unwrap();
    click(&c, "[data-testid=chip-award]").await;
    wait_for_text(&c, "[data-testid=result-count]", "Znaleziono 3").await;
    c.enter_parent_frame().await.unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut filtered = wait_fitted(&c, engine, "the filtered timeline").await;
    while filtered >= full && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        filtered = wait_fitted(&c, engine, "the filtered timeline").await;
    }
    assert!(
        filtered < full,
        "{e}: filtering did not shrink the iframe ({full} → {filtered})"
    );

    // A narrower window makes the content taller; the iframe follows again.
    c.set_window_rect(0, 0, NARROW.0, NARROW.1).await.unwrap();
    let width = js(&c, "return innerWidth").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut narrow = wait_fitted(&c, engine, "the narrow timeline").await;
    while narrow <= filtered && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        narrow = wait_fitted(&c, engine, "the narrow timeline").await;
    }
    assert!(
        narrow > filtered,
        "{e}: at {width}px the iframe did not grow ({filtered} → {narrow})"
    );

    // Opening an event inside stays inside the embed and fits as well.
    // Bring the card into the host's viewport first: geckodriver and
    // WebKitWebDriver scroll an element into view within its own frame only,
    // and this frame is as tall as its content (which is the point), so
    // without this the click lands below the host's window and is lost.
    c.enter_frame(0).await.unwrap();
    let link = "[data-event-id=\"2016-regiostars\"] .event-card__link";
    let href = attr_of(&c, link, "href").await;
    let y = js(
        &c,
        &format!("return document.querySelector('{link}').getBoundingClientRect().top"),
    )
    .await;
    c.enter_parent_frame().await.unwrap();
    js(
        &c,
        &format!("const f = document.getElementById('tl'); scrollTo(0, scrollY + f.getBoundingClientRect().top + {y} - 100)"),
    )
    .await;
    c.enter_frame(0).await.unwrap();
    click(&c, link).await;
    // (WebDriver's current URL is the top page's; ask the frame itself.)
    let mut at = serde_json::Value::Null;
    for _ in 0..100 {
        at = js(&c, "return document.querySelector('[data-testid=event-detail]') ? location.pathname : location.href").await;
        if at == "/embed/os-czasu/2016-regiostars" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        at, "/embed/os-czasu/2016-regiostars",
        "{e}: the card link ({href:?}) did not open the event inside the embed"
    );
    c.enter_parent_frame().await.unwrap();
    wait_fitted(&c, engine, "the event inside the embed").await;
}

async fn the_error_panel_and_retry_work(c: Client, engine: Engine) {
    let e = engine.name();
    let s = Server::start().await;
    s.set("/content/bundle.json", Override::status(503));
    c.goto(&s.url("/finansowanie")).await.unwrap();
    let text = wait_for_text(&c, "[data-testid=error-panel]", "HTTP 503").await;
    assert!(text.contains("Serwer odpowiedział błędem"), "{e}: {text}");
    let kind = attr_of(&c, "[data-testid=error-panel]", "data-error-kind").await;
    assert_eq!(kind.as_deref(), Some("http"), "{e}");
    assert!(
        c.find(Locator::Css("[data-testid=funding-table]"))
            .await
            .is_err(),
        "{e}: figures shown without a bundle"
    );
    let before = s.hits("/content/bundle.json");

    s.clear("/content/bundle.json");
    click(&c, "[data-testid=retry]").await;
    wait_for_text(&c, "[data-testid=row-mokes] [data-col=eu]", "683").await;
    assert!(
        s.hits("/content/bundle.json") > before,
        "{e}: Retry must fetch again"
    );
    assert!(
        c.find(Locator::Css("[data-testid=error-panel]"))
            .await
            .is_err(),
        "{e}: the panel stays after a successful Retry"
    );
}

async fn works_offline_after_a_first_visit(c: Client, engine: Engine) {
    let e = engine.name();
    let s = Server::start().await;
    c.goto(&s.url("/")).await.unwrap();
    wait_el(&c, "[data-testid=org-summary]").await;
    let has_sw = js(&c, "return 'serviceWorker' in navigator && isSecureContext").await;
    if !supports_service_workers(engine) {
        eprintln!(
            "{e}: skipping the offline check: this engine has no service workers on http://127.0.0.1 under automation (navigator.serviceWorker present: {has_sw})"
        );
        assert_eq!(
            has_sw, false,
            "{e} now offers service workers: enable its offline check"
        );
        return;
    }
    assert_eq!(has_sw, true, "{e}: no service workers in a secure context");
    // The first visit leaves the worker in control and the bundle saved.
    wait_js(&c, "navigator.serviceWorker.controller").await;
    wait_js(
        &c,
        "caches.match(new URL('content/bundle.json', document.baseURI).href)",
    )
    .await;

    // The network is gone: every connection is dropped unanswered.
    s.set_down(true);
    for (path, ready, notice) in [
        (
            "/os-czasu/2015-mokes",
            "[data-testid=event-detail]",
            "stan na 26 listopada 2026",
        ),
        (
            "/finansowanie",
            "[data-testid=funding-table]",
            "stan na 26 listopada 2026",
        ),
        (
            "/en/timeline?kind=award",
            "[data-testid=event]",
            "as of 26 November 2026",
        ),
    ] {
        c.goto(&s.url(path)).await.unwrap();
        wait_el(&c, ready).await;
        wait_for_text(&c, "[data-testid=offline-notice]", notice).await;
        if path.starts_with("/en/timeline") {
            wait_ids(&c, engine, &AWARDS).await;
        }
    }
    let main = text_of(&c, "main").await;
    assert!(main.contains("RegioStars 2016 main prize"), "{e}: {main}");
    c.goto(&s.url("/finansowanie")).await.unwrap();
    wait_for_text(&c, "[data-testid=row-mokes] [data-col=eu]", "1 683 000 zł").await;

    // Back online: fresh content, and the notice goes.
    s.set_down(false);
    c.goto(&s.url("/")).await.unwrap();
    wait_el(&c, "[data-testid=org-summary]").await;
    wait_js(
        &c,
        "!document.querySelector('[data-testid=offline-notice]')",
    )
    .await;
}

/// One test per engine for a check: `<check>::firefox` and `<check>::webkit`.
macro_rules! in_both_engines {
    ($check:ident, $size:expr) => {
        mod $check {
            use super::*;

            #[tokio::test]
            async fn firefox() {
                in_engine(Engine::Firefox, $size, |c| {
                    super::$check(c, Engine::Firefox)
                })
                .await;
            }

            #[tokio::test]
            async fn webkit() {
                in_engine(Engine::WebKit, $size, |c| super::$check(c, Engine::WebKit)).await;
            }
        }
    };
}

in_both_engines!(every_route_shows_its_facts, DESKTOP);
in_both_engines!(timeline_filters_and_opens_an_event, NARROW);
in_both_engines!(funding_table_and_chart_agree, NARROW);
in_both_engines!(an_embed_sizes_itself_in_a_host_page, DESKTOP);
in_both_engines!(the_error_panel_and_retry_work, NARROW);
in_both_engines!(works_offline_after_a_first_visit, NARROW);
