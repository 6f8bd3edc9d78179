//! The full site's frame: skip link, header with the theme and language
//! switches, main navigation, the page, and the footer.

use crate::components::{AppStatus, InstallButton};
use crate::content::Lang;
use crate::i18n::{nav_label, store_lang, ui, use_lang, PL};
use crate::nav::{resolve, switch_language, use_nav, Page};
use crate::prefs::{apply_theme, current_theme, store_theme, Theme};
use crate::router::use_location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SiteFrame<F, V>(
    /// Current path below the router base.
    path: Memo<String>,
    /// The current route's page.
    page: F,
) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let nav = use_nav();
    let location = use_location();
    let t = move || ui(lang.get());
    // The page the visitor is on (an event page belongs to the timeline).
    let current = Memo::new(move |_| resolve(&path.get()).route.map(|r| r.page()));
    let href = {
        let nav = nav.clone();
        move |page: Page, lang: Lang| nav.href(page.path(lang))
    };

    // The same page and the same filters, in the other language.
    let switch_href = {
        let nav = nav.clone();
        move || {
            let target = nav.href(&switch_language(&path.get()));
            match location.search.get().trim_start_matches('?') {
                "" => target,
                q => format!("{target}?{q}"),
            }
        }
    };
    let skip = move |ev: leptos::ev::MouseEvent| {
        // With <base href>, "#main" would resolve to another page: focus by hand.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let about = href.clone();
    let declaration = href.clone();
    let embed_code = href.clone();

    view! {
        <a class="skip-link" href="#main" on:click=skip>{move || t().skip_to_content}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a href=move || about(Page::About, lang.get()) class="site-header__name">
                    {move || t().org_name}
                </a>
                <div class="site-header__tools">
                    <ThemeSwitch/>
                    <a href=switch_href
                        class="lang-switch"
                        lang=move || lang.get().other().as_str()
                        hreflang=move || lang.get().other().as_str()
                        aria-label=move || t().switch_language_label
                        data-testid="lang-switch"
                        on:click=move |_| store_lang(lang.get_untracked().other())>
                        {move || t().switch_language}
                    </a>
                </div>
            </div>
            <nav class="site-nav" aria-label=move || t().nav_label>
                <ul class="site-nav__list">
                    {Page::NAV.into_iter().map(|page| {
                        let href = href.clone();
                        view! {
                            <li>
                                <a href=move || href(page, lang.get()) class="site-nav__link"
                                    aria-current=move || (current.get() == Some(page)).then_some("page")>
                                    {move || nav_label(page, lang.get())}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1" class="page">
            <AppStatus/>
            {page}
        </main>
        <footer class="site-footer">
            // Offered here, not in the header: a button appearing late in the
            // header would shift the whole page.
            <InstallButton/>
            <p>
                <a href=move || declaration(Page::Accessibility, lang.get()) data-testid="declaration-link">
                    {move || t().declaration_title}
                </a>
            </p>
            <p>
                <a href=move || embed_code(Page::EmbedCode, lang.get()) data-testid="embed-code-link">
                    {move || t().embed_title}
                </a>
            </p>
            <p>{move || t().footer_source}</p>
            <p lang="pl">{PL.org_name}</p>
        </footer>
    }
}

/// Light/dark switch: a toggle button, remembered when storage allows.
#[component]
fn ThemeSwitch() -> impl IntoView {
    let lang = use_lang();
    let theme = RwSignal::new(current_theme());
    let toggle = move |_| {
        let next = theme.get_untracked().other();
        theme.set(next);
        apply_theme(next);
        store_theme(next);
    };
    view! {
        <button type="button" class="theme-switch" data-testid="theme-switch"
            aria-pressed=move || if theme.get() == Theme::Dark { "true" } else { "false" }
            on:click=toggle>
            {move || ui(lang.get()).dark_theme}
        </button>
    }
}
