//! Component tier: real components mounted in headless Chromium
//! (wasm-bindgen-test), fed with fixture bundles instead of the network.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rops_app::components::{PageHeading, WithContent};
use rops_app::content::{self, format, Lang, Money, Share};
use rops_app::data::{Content, LoadError, Loaded};
use rops_app::layout::SiteFrame;
use rops_app::pages::{AccessibilityDeclaration, Funding};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REAL: &str = include_str!("../public/content/bundle.json");
/// A second organisation, fictional: what the views say about the
/// organisation must come from whichever bundle they are given.
const FICTIONAL: &str = include_str!("fixtures/fictional/bundle.json");

fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets the resource resolve and the view update.
async fn settle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Provides a content context holding `loaded` (None = still loading).
fn provide_fixture(loaded: Option<Loaded>) {
    provide_context(Content::fixed(loaded));
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default().replace('\u{a0}', " ")
}

#[wasm_bindgen_test]
async fn error_panel_names_the_fault_and_retry_loads_again() {
    let el = container();
    let broken = REAL.replacen("\"project\": \"mokes\"", "\"project\": \"nope\"", 1);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_fixture(Some(Err(LoadError::Content(
            content::parse(&broken).unwrap_err(),
        ))));
        view! { <WithContent render=|_| view! { <p>"never"</p> }/> }
    });
    settle().await;
    let t = text(&el);
    assert!(t.contains("Plik treści zawiera błędy"), "{t}");
    assert!(t.contains("$.events[8].project ("), "{t}");
    assert!(t.contains("odwołanie do „nope”"), "{t}");
    let panel = el
        .query_selector("[data-testid=error-panel]")
        .unwrap()
        .unwrap();
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        panel.get_attribute("data-error-kind").as_deref(),
        Some("invalid")
    );

    // Retry really loads again: the test runner's server has no bundle, so
    // the new attempt ends in a different error (HTTP or not JSON).
    let retry: web_sys::HtmlElement = el
        .query_selector("[data-testid=retry]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    retry.click();
    for _ in 0..100 {
        settle().await;
        let kind = el
            .query_selector("[data-testid=error-panel]")
            .unwrap()
            .and_then(|p| p.get_attribute("data-error-kind"));
        if matches!(kind.as_deref(), Some("http" | "not-json")) {
            return;
        }
    }
    panic!("Retry did not fetch again: {}", text(&el));
}

#[wasm_bindgen_test]
async fn error_panel_tells_network_http_and_syntax_failures_apart() {
    for (error, expected) in [
        (
            LoadError::Network("TypeError: Failed to fetch".into()),
            "Brak połączenia z serwerem",
        ),
        (LoadError::Timeout, "Serwer nie odpowiedział na czas"),
        (
            LoadError::Http(404),
            "Serwer odpowiedział błędem (HTTP 404)",
        ),
        (
            LoadError::Content(content::parse("{\n  \"schema_version\": ]}").unwrap_err()),
            "wiersz 2, kolumna 21",
        ),
    ] {
        let el = container();
        let _handle = leptos::mount::mount_to(el.clone(), move || {
            provide_fixture(Some(Err(error.clone())));
            view! { <WithContent render=|_| view! { <p>"never"</p> }/> }
        });
        settle().await;
        let t = text(&el);
        assert!(t.contains(expected), "expected {expected:?} in {t:?}");
        assert!(t.contains("Spróbuj ponownie"));
    }
}

#[wasm_bindgen_test]
async fn skeleton_is_shown_while_loading() {
    let el = container();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_fixture(None);
        view! { <WithContent render=|_| view! { <p>"never"</p> }/> }
    });
    settle().await;
    let status = el.query_selector("[data-testid=loading]").unwrap().unwrap();
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert!(text(&el).contains("Wczytywanie treści"));
}

#[wasm_bindgen_test]
async fn funding_page_renders_the_fixture_bundle() {
    let el = container();
    let bundle = Arc::new(content::parse(REAL).unwrap());
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_fixture(Some(Ok(bundle.clone())));
        // Pages read the address; the app provides it once.
        rops_app::router::provide_router("");
        view! { <Funding/> }
    });
    settle().await;
    let mokes: web_sys::HtmlElement = el
        .query_selector("[data-testid=project-mokes]")
        .unwrap()
        .expect("MOKES card")
        .unchecked_into();
    let t = text(&mokes);
    for fact in ["1 980 000 zł", "1 683 000 zł", "85%", "297 000 zł"] {
        assert!(t.contains(fact), "{fact} missing in {t}");
    }
    let ares: web_sys::HtmlElement = el
        .query_selector("[data-testid=row-akademia-rozwoju-es] [data-col=amounts]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(text(&ares), "nie podano w źródle");
    assert_eq!(el.query_selector_all("h1").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn funding_page_names_the_fictional_organisations_role_and_file() {
    let el = container();
    let bundle = Arc::new(content::parse(FICTIONAL).unwrap());
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_fixture(Some(Ok(bundle.clone())));
        rops_app::router::provide_router("");
        view! { <Funding/> }
    });
    settle().await;
    let csv = el.query_selector("[data-testid=csv]").unwrap().unwrap();
    assert_eq!(
        csv.get_attribute("download").as_deref(),
        Some("cus-test-finansowanie.csv")
    );
    let card = el
        .query_selector("[data-testid=project-pracownia-testowa]")
        .unwrap()
        .expect("the fictional project's card");
    let card: web_sys::HtmlElement = card.unchecked_into();
    assert!(text(&card).contains("Rola Centrum"), "{}", text(&card));
    assert!(!text(&el).contains("ROPS"), "{}", text(&el));
}

/// The declaration links the website by the bundle's title: at the
/// bundle's address, or without one at the address the page was loaded
/// from.
#[wasm_bindgen_test]
async fn the_accessibility_statement_links_the_website_by_the_bundles_title() {
    for given in [true, false] {
        let el = container();
        let mut b = content::parse(FICTIONAL).unwrap();
        if !given {
            b.accessibility.site_url = None;
        }
        let bundle = Arc::new(b);
        let _handle = leptos::mount::mount_to(el.clone(), move || {
            provide_fixture(Some(Ok(bundle.clone())));
            view! { <AccessibilityDeclaration/> }
        });
        settle().await;
        let url: web_sys::HtmlElement = el
            .query_selector("#a11y-url")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert_eq!(
            text(&url),
            "Usługi społeczne na Wyspie Testowej (dane testowe)"
        );
        let want = if given {
            "https://example.org/wyspa-testowa/aplikacja".to_owned()
        } else {
            web_sys::window()
                .unwrap()
                .document()
                .unwrap()
                .base_uri()
                .unwrap()
                .unwrap()
        };
        assert_eq!(url.get_attribute("href"), Some(want));
        let scope = el.query_selector("#a11y-zakres").unwrap().unwrap();
        assert_eq!(scope.text_content().as_deref(), Some("strony internetowej"));
    }
}

#[wasm_bindgen_test]
async fn the_document_title_ends_with_the_bundles_short_name_once_loaded() {
    let el = container();
    let content = Content::fixed(None);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(content);
        view! { <PageHeading text="Oś czasu".to_owned()/> }
    });
    settle().await;
    assert_eq!(document().title(), "Oś czasu");
    content
        .state
        .set(Some(Ok(Arc::new(content::parse(FICTIONAL).unwrap()))));
    settle().await;
    assert_eq!(document().title(), "Oś czasu | CUS Wyspy Testowej");
}

#[wasm_bindgen_test]
async fn the_site_frame_shows_the_organisation_and_its_accent_once_loaded() {
    let el = container();
    let content = Content::fixed(None);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(content);
        let path = Memo::new(|_| "/".to_owned());
        view! { <SiteFrame path page=|| view! { <p>"page"</p> }/> }
    });
    let root: web_sys::HtmlElement = document().document_element().unwrap().unchecked_into();
    let prop = |name: &str| root.style().get_property_value(name).unwrap();
    settle().await;
    // Nothing about an organisation before the bundle says which: no empty link.
    assert!(el.query_selector(".site-header__name").unwrap().is_none());
    assert!(!text(&el).contains("ROPS"));

    content
        .state
        .set(Some(Ok(Arc::new(content::parse(FICTIONAL).unwrap()))));
    settle().await;
    let name: web_sys::HtmlElement = el
        .query_selector("[data-testid=site-name]")
        .unwrap()
        .expect("the name once loaded")
        .unchecked_into();
    assert_eq!(
        text(&name).trim(),
        "Centrum Usług Społecznych Wyspy Testowej (dane testowe)"
    );
    // The logo is decorative: the name is the link's text.
    let logo = name.query_selector("img").unwrap().expect("logo");
    assert_eq!(
        logo.get_attribute("src").as_deref(),
        Some("content/logo.svg")
    );
    assert_eq!(logo.get_attribute("alt").as_deref(), Some(""));
    let footer: web_sys::HtmlElement = el
        .query_selector("footer")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        text(&footer).contains("fikcyjny opis Centrum"),
        "{}",
        text(&footer)
    );
    assert_eq!(prop("--c-org-accent"), "#00695c");
    assert_eq!(prop("--c-org-accent-dark"), "#6fd6c4");
    // Set through CSSOM, never as an attribute a CSP would refuse in HTML.
    assert!(!el.inner_html().contains("style="));

    // A bundle without an accent gives the app's default back.
    let plain = REAL.replacen(
        "\"accent\": { \"light\": \"#0b5394\", \"dark\": \"#8cc4ff\" },",
        "\"accent\": null,",
        1,
    );
    assert_ne!(plain, REAL);
    content
        .state
        .set(Some(Ok(Arc::new(content::parse(&plain).unwrap()))));
    settle().await;
    assert_eq!(prop("--c-org-accent"), "");
    assert_eq!(prop("--c-org-accent-dark"), "");
    assert!(el.query_selector(".site-header__logo").unwrap().is_none());
}

/// Our integer formatting must print what the browser's CLDR data prints.
#[wasm_bindgen_test]
fn formatting_matches_intl() {
    fn intl(locale: &str, opts: &[(&str, &str)], n: f64) -> String {
        let o = js_sys::Object::new();
        for (k, v) in opts {
            let v: wasm_bindgen::JsValue = match v.parse::<u32>() {
                Ok(num) => num.into(),
                Err(_) => (*v).into(),
            };
            js_sys::Reflect::set(&o, &(*k).into(), &v).unwrap();
        }
        let locales = js_sys::Array::of1(&locale.into());
        let f = js_sys::Intl::NumberFormat::new(&locales, &o);
        f.format()
            .call1(&wasm_bindgen::JsValue::NULL, &n.into())
            .unwrap()
            .as_string()
            .unwrap()
    }
    let money_opts = [
        ("style", "currency"),
        ("currency", "PLN"),
        ("currencyDisplay", "code"),
        ("maximumFractionDigits", "0"),
    ];
    for zl in [
        0u64,
        7,
        1980,
        12_345,
        297_000,
        1_683_000,
        1_980_000,
        123_456_789,
    ] {
        assert_eq!(
            format::money(Money::pln(zl), Lang::En),
            intl("en", &money_opts, zl as f64),
            "en {zl}"
        );
        let pl_opts = [
            ("style", "currency"),
            ("currency", "PLN"),
            ("maximumFractionDigits", "0"),
        ];
        assert_eq!(
            format::money(Money::pln(zl), Lang::Pl),
            intl("pl-PL", &pl_opts, zl as f64),
            "pl {zl}"
        );
        // Ukrainian groups four digits too, and writes the code after.
        let uk_opts = [
            ("style", "currency"),
            ("currency", "PLN"),
            ("currencyDisplay", "code"),
            ("maximumFractionDigits", "0"),
        ];
        assert_eq!(
            format::money(Money::pln(zl), Lang::Uk),
            intl("uk", &uk_opts, zl as f64),
            "uk {zl}"
        );
    }
    let pct = [("style", "percent"), ("maximumFractionDigits", "1")];
    for (p, w) in [(1_683_000u64, 1_980_000u64), (1, 3), (2, 3), (1, 1), (1, 8)] {
        let share = Share::of(Money::pln(p), Money::pln(w)).unwrap();
        let exact = share.permille_rounded() as f64 / 1000.0;
        for (lang, loc) in [(Lang::Pl, "pl-PL"), (Lang::En, "en"), (Lang::Uk, "uk")] {
            assert_eq!(
                format::percent(share, lang),
                intl(loc, &pct, exact),
                "{p}/{w} {loc}"
            );
        }
    }
}
