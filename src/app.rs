//! Providers, router and the page frame (header, navigation, footer).

use crate::content::Lang;
use crate::data::provide_content;
use crate::i18n::{ui, PL};
use crate::pages::{
    About, AccessibilityDeclaration, EmbedCode, EventDetail, Funding, NotFound, Timeline,
};
use crate::routes::{is_embed_path, lang_of_path, switch_language, to_embed, Page};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "rops.lang";
const THEME_KEY: &str = "rops.theme";

/// Light or dark. Until the visitor chooses, the system's preference rules
/// (CSS `prefers-color-scheme`); a choice is stored and set as `data-theme`.
fn stored_theme() -> Option<String> {
    storage()?
        .get_item(THEME_KEY)
        .ok()
        .flatten()
        .filter(|t| t == "light" || t == "dark")
}

fn system_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

pub fn apply_theme(theme: &str) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-theme", theme);
    }
}

/// The router base, from `<base href>` (set by trunk's `--public-url`): one
/// setting serves the app at `/` or under the portal's sub-path.
pub fn router_base() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|u| u.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

/// Whether this page runs as an embedded view (decided once, from the URL).
#[derive(Clone, Copy)]
pub struct EmbedMode(pub bool);

thread_local! {
    /// Set at every mount of the frame (the mode never changes without a
    /// reload), so that links built in event handlers, outside any reactive
    /// owner, can read it: `None` for the full site, `Some(query)` inside an
    /// embed, with the embed's own URL options (`id`, `theme`, `accent`).
    static EMBED_QUERY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// An in-app address for a link or navigation: inside an embed it stays
/// inside the embed (`/os-czasu/x` → `/embed/os-czasu/x`) and keeps the
/// embed's URL options, so a reload inside the portal's frame (an update,
/// the visitor) still reports under the host's id, in the host's theme.
pub fn link(path: &str) -> String {
    EMBED_QUERY.with_borrow(|q| match q {
        None => path.to_owned(),
        Some(q) if q.is_empty() => to_embed(path),
        Some(q) => {
            let sep = if path.contains('?') { '&' } else { '?' };
            format!("{}{sep}{q}", to_embed(path))
        }
    })
}

/// An in-app address for an `href`: [`link`] plus the router base. leptos'
/// `<A>` and the router's click handling take absolute hrefs as they are, so
/// under a sub-path every href must carry the base itself. (Not for
/// `navigate`, which adds the base on its own: use [`link`] there.)
pub fn href(path: &str) -> String {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    format!("{}{}", BASE.get_or_init(router_base), link(path))
}

/// The event whose detail was open last: the timeline list gives focus back
/// to its card when the visitor returns.
#[derive(Clone, Copy)]
pub struct TimelineFocus(pub RwSignal<Option<String>>);

/// The current language, derived from the address (see [`crate::routes`]).
#[derive(Clone, Copy)]
struct CurrentLang(Memo<Lang>);

pub fn use_lang() -> Memo<Lang> {
    use_context::<CurrentLang>()
        .map(|c| c.0)
        .unwrap_or_else(|| Memo::new(|_| Lang::Pl))
}

fn storage() -> Option<web_sys::Storage> {
    // Private modes may refuse storage: then preferences are simply not kept.
    window().local_storage().ok().flatten()
}

pub fn stored_lang() -> Option<Lang> {
    storage()?
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Lang::from_tag)
}

fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.as_str());
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_content();
    crate::pwa::provide_pwa();
    view! {
        <Router base=router_base()>
            <Frame/>
        </Router>
    }
}

/// Path below the router base.
pub fn local_path(full: &str, base: &str) -> String {
    let rest = full.strip_prefix(base).unwrap_or(full);
    if rest.is_empty() {
        "/".into()
    } else {
        rest.into()
    }
}

#[component]
fn Frame() -> impl IntoView {
    let base = router_base();
    let location = use_location();
    let path = {
        let base = base.clone();
        Memo::new(move |_| local_path(&location.pathname.get(), &base))
    };
    let lang = Memo::new(move |_| lang_of_path(&path.get()));
    provide_context(CurrentLang(lang));
    provide_context(TimelineFocus(RwSignal::new(None)));

    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().as_str());
        }
    });

    // Full page or embed: decided once, by the address the page opened at.
    let embed = is_embed_path(&path.get_untracked());
    EMBED_QUERY.set(embed.then(crate::embed::embed_query));
    provide_context(EmbedMode(embed));
    if embed {
        return view! { <crate::embed::EmbedFrame path=path routes=app_routes/> }.into_any();
    }

    // A visitor who chose English lands on English when they come back to
    // the bare address; any explicit address is respected as it is.
    let navigate = use_navigate();
    if path.get_untracked() == "/" && stored_lang() == Some(Lang::En) {
        navigate(
            Page::About.path(Lang::En),
            leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }

    let t = move || ui(lang.get());
    let dark = RwSignal::new(match stored_theme().as_deref() {
        Some(t) => {
            apply_theme(t);
            t == "dark"
        }
        None => system_dark(),
    });
    let toggle_theme = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        let theme = if next { "dark" } else { "light" };
        apply_theme(theme);
        if let Some(s) = storage() {
            let _ = s.set_item(THEME_KEY, theme);
        }
    };
    // The same page and the same filters, in the other language.
    let switch_href = move || {
        let target = switch_language(&path.get());
        let search = location.search.get();
        match search.trim_start_matches('?') {
            "" => target,
            q => format!("{target}?{q}"),
        }
    };
    let skip = move |ev: leptos::ev::MouseEvent| {
        // With <base href>, "#main" would resolve to another page: focus by hand.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip>{move || t().skip_to_content}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href=move || href(Page::About.path(lang.get())) attr:class="site-header__name">
                    {move || t().org_name}
                </A>
                <div class="site-header__tools">
                <button type="button" class="theme-switch" data-testid="theme-switch"
                    aria-pressed=move || if dark.get() { "true" } else { "false" }
                    on:click=toggle_theme>
                    {move || t().dark_theme}
                </button>
                <A href=move || href(&switch_href())
                    attr:class="lang-switch"
                    attr:lang=move || lang.get().other().as_str()
                    attr:hreflang=move || lang.get().other().as_str()
                    attr:aria-label=move || t().switch_language_label
                    attr:data-testid="lang-switch"
                    on:click=move |_| store_lang(lang.get_untracked().other())>
                    {move || t().switch_language}
                </A>
                </div>
            </div>
            <nav class="site-nav" aria-label=move || t().nav_label>
                <ul class="site-nav__list">
                    {Page::NAV.into_iter().map(|page| view! {
                        <li>
                            <A href=move || href(page.path(lang.get())) exact={page == Page::About} attr:class="site-nav__link">
                                {move || nav_label(page, lang.get())}
                            </A>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1" class="page">
            <crate::components::AppStatus/>
            {app_routes()}
        </main>
        <footer class="site-footer">
            // Offered here, not in the header: a button appearing late in the
            // header would shift the whole page.
            <crate::components::InstallButton/>
            <p>
                <A href=move || href(Page::Accessibility.path(lang.get())) attr:data-testid="declaration-link">
                    {move || t().declaration_title}
                </A>
            </p>
            <p>
                <A href=move || href(Page::EmbedCode.path(lang.get())) attr:data-testid="embed-code-link">
                    {move || t().embed_title}
                </A>
            </p>
            <p>{move || t().footer_source}</p>
            <p lang="pl">{PL.org_name}</p>
        </footer>
    }
    .into_any()
}

/// Every route, full and embedded (the embed frame shows the same pages).
fn app_routes() -> AnyView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=path!("/") view=About/>
            <Route path=path!("/os-czasu") view=Timeline/>
            <Route path=path!("/os-czasu/:id") view=EventDetail/>
            <Route path=path!("/finansowanie") view=Funding/>
            <Route path=path!("/en") view=About/>
            <Route path=path!("/en/timeline") view=Timeline/>
            <Route path=path!("/en/timeline/:id") view=EventDetail/>
            <Route path=path!("/en/funding") view=Funding/>
            <Route path=path!("/deklaracja-dostepnosci") view=AccessibilityDeclaration/>
            <Route path=path!("/en/accessibility") view=AccessibilityDeclaration/>
            <Route path=path!("/osadz") view=EmbedCode/>
            <Route path=path!("/en/embed-code") view=EmbedCode/>
            <Route path=path!("/embed/os-czasu") view=Timeline/>
            <Route path=path!("/embed/os-czasu/:id") view=EventDetail/>
            <Route path=path!("/embed/finansowanie") view=Funding/>
            <Route path=path!("/en/embed/timeline") view=Timeline/>
            <Route path=path!("/en/embed/timeline/:id") view=EventDetail/>
            <Route path=path!("/en/embed/funding") view=Funding/>
        </Routes>
    }
    .into_any()
}

fn nav_label(page: Page, lang: Lang) -> &'static str {
    let t = ui(lang);
    match page {
        Page::About => t.nav_about,
        Page::Timeline => t.nav_timeline,
        Page::Funding => t.nav_funding,
        Page::Accessibility => t.declaration_title,
        Page::EmbedCode => t.embed_title,
    }
}
