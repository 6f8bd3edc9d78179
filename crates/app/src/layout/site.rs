//! The full site's frame: skip link, header with the organisation's name
//! and logo, the theme and language switches, main navigation, the page,
//! and the footer. Everything it says about the organisation comes from the
//! bundle, so until the bundle is loaded it says nothing about it.

use crate::components::{AppStatus, InstallButton};
use crate::content::{Bundle, Lang};
use crate::data::use_content;
use crate::i18n::{legal, nav_label, store_lang, text_of, ui, use_lang};
use crate::nav::{resolve, switch_language, use_nav, Page};
use crate::prefs::{apply_theme, current_theme, store_theme, Theme};
use crate::router::use_location;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The loaded bundle, if any (a failed load has no organisation to show).
fn loaded_bundle() -> impl Fn() -> Option<Arc<Bundle>> + Copy {
    let content = use_content();
    move || content.state.get().and_then(Result::ok)
}

/// Applies the bundle's accent, and follows it when a newer bundle replaces
/// it: CSS custom properties on `<html>` through CSSOM (the
/// Content-Security-Policy forbids inline styles in HTML, not CSSOM), which
/// style.css reads for each palette. Without an accent they are removed and
/// style.css's default applies. Runs only in the browser: effects do not
/// run when the views are rendered to HTML natively.
pub(super) fn apply_bundle_accent() {
    let bundle = loaded_bundle();
    Effect::new(move |_| {
        let accent = bundle().and_then(|b| b.organisation.accent.clone());
        #[cfg(target_arch = "wasm32")]
        {
            use crate::content::{colour, Rgb, Scheme};
            let Some(root) = document().document_element() else {
                return;
            };
            let style = root.unchecked_into::<web_sys::HtmlElement>().style();
            for (scheme, var) in colour::ORG_ACCENT_VARS {
                let value = accent.as_ref().and_then(|a| {
                    Rgb::parse(match scheme {
                        Scheme::Light => &a.light,
                        Scheme::Dark => &a.dark,
                    })
                });
                let _ = match value {
                    Some(c) => style.set_property(var, &c.to_string()),
                    None => style.remove_property(var).map(|_| ()),
                };
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = accent;
    });
}
/// The page around every route of the full site: the skip link, the
/// header, the route's page in `<main>`, the footer.
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
    let t = move || ui(lang.get());
    // This page's own address with the fragment: a bare "#main" would
    // resolve against <base href> to the home page (without scripts).
    let skip_href = move || format!("{}#main", nav.href(&path.get()));
    let skip = move |ev: leptos::ev::MouseEvent| {
        // With <base href>, "#main" would resolve to another page: focus by hand.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    apply_bundle_accent();

    view! {
        <a class="skip-link" href=skip_href on:click=skip>{move || t().skip_to_content}</a>
        <SiteHeader path/>
        <main id="main" tabindex="-1" class="page">
            <AppStatus/>
            {page}
        </main>
        <SiteFooter/>
    }
}

/// The organisation's name (and logo) leading home, the theme and
/// language switches, and the site's navigation with the current page.
#[component]
fn SiteHeader(path: Memo<String>) -> impl IntoView {
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
    // The same page and the same filters, in another language.
    let switch_href = move |to: Lang| {
        let target = nav.href(&switch_language(&path.get(), to));
        match location.search.get().trim_start_matches('?') {
            "" => target,
            q => format!("{target}?{q}"),
        }
    };
    let about = href.clone();
    let bundle = loaded_bundle();
    // Every other language the bundle publishes in, each by its own name
    // (until the bundle is loaded, none: the list is the bundle's).
    let others = move || {
        let current = lang.get();
        bundle()
            .map(|b| b.languages().to_vec())
            .unwrap_or_default()
            .into_iter()
            .filter(move |l| *l != current)
            .collect::<Vec<Lang>>()
    };
    // The organisation's name (and logo) leads home; nothing at all until
    // the bundle says what it is, rather than an empty link.
    let name = move || {
        let b = bundle()?;
        let lang = lang.get();
        let org = &b.organisation;
        let (name, name_lang) = text_of(&org.name, lang);
        // Decorative: the name beside it is the link's text, so a screen
        // reader hears the name once. The file is beside the bundle.
        let logo = org.logo.as_ref().map(|l| {
            view! { <img class="site-header__logo" src=format!("content/{}", l.file) alt=""/> }
        });
        Some(view! {
            <a href=about(Page::About, lang) class="site-header__name" data-testid="site-name">
                {logo}
                <span lang=name_lang>{name}</span>
            </a>
        })
    };

    view! {
        <header class="site-header">
            <div class="site-header__inner">
                {name}
                <div class="site-header__tools">
                    <ThemeSwitch/>
                    <nav aria-label=move || t().switch_language data-testid="lang-switch">
                        <ul class="lang-switch">
                            {move || others().into_iter().map(|to| {
                                let href = switch_href.clone();
                                view! {
                                <li>
                                    <a href=move || href(to)
                                        lang=to.as_str()
                                        hreflang=to.as_str()
                                        on:click=move |_| store_lang(to)>
                                        {to.own_name()}
                                    </a>
                                </li>
                            }}).collect_view()}
                        </ul>
                    </nav>
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
    }
}

/// The three forms of the accessibility act, the declaration, the embed
/// code, the editor, the source line and the organisation's official name;
/// last, the install button.
#[component]
fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let t = move || ui(lang.get());
    let href = {
        let nav = nav.clone();
        move |page: Page, lang: Lang| nav.href(page.path(lang))
    };
    let declaration = href.clone();
    let open_data = href.clone();
    let easy_read = href.clone();
    let sign_language = href.clone();
    let privacy = href.clone();
    let embed_code = href;
    // The machine-readable text `publish` writes beside the pages: a file,
    // not a route, so the router must let the browser load it.
    let text_file = {
        let nav = nav.clone();
        move |lang: Lang| nav.href(&format!("/{}", crate::nav::text_files(lang).0))
    };
    // The content editor is a separate app (its own wasm, see src/editor/):
    // `rel="external"` makes the router load it rather than draw its route.
    // Staff work in Polish or English: the pages in other languages link
    // the English editor.
    let editor = move |lang: Lang| match lang {
        Lang::Pl => nav.href("/edytor"),
        Lang::En | Lang::Uk | Lang::De => nav.href("/en/editor"),
    };
    let bundle = loaded_bundle();
    // The footer's source line, and the organisation's official (Polish) name.
    let footer = move || {
        let b = bundle()?;
        let lang = lang.get();
        let (line, line_lang) = text_of(&b.organisation.source_line, lang);
        let official = b.organisation.name.default_text().to_owned();
        let contact = crate::components::contact_details(&b, lang);
        Some(view! {
            <p lang=line_lang>{line}</p>
            <p lang="pl">{official}</p>
            {contact}
        })
    };

    view! {
        <footer class="site-footer">
            // The three forms of art. 6 pkt 3 lit. c of the 2019
            // accessibility act, on every page, with their usual icons.
            <nav class="legal-forms" aria-label=move || legal(lang.get()).forms_label>
                <ul>
                    <li>
                        <a href=move || easy_read(Page::EasyRead, lang.get()) data-testid="etr-link">
                            <LegalIcon d=ETR_ICON fill=ETR_HEAD/>{move || legal(lang.get()).etr_title}
                        </a>
                    </li>
                    <li>
                        <a href=move || sign_language(Page::SignLanguage, lang.get()) data-testid="pjm-link">
                            <LegalIcon d=PJM_ICON/>{move || legal(lang.get()).pjm_title}
                        </a>
                    </li>
                    <li>
                        <a href=move || text_file(lang.get()) rel="external" type="text/plain" data-testid="text-file-link">
                            <LegalIcon d=TEXT_ICON/>{move || legal(lang.get()).text_file}
                        </a>
                    </li>
                    <li>
                        <a href=move || format!("{}#{}", open_data(Page::Funding, lang.get()), crate::pages::OPEN_DATA_ID)
                            data-testid="open-data-link">
                            <LegalIcon d=DATA_ICON/>{move || legal(lang.get()).open_data_title}
                        </a>
                    </li>
                </ul>
            </nav>
            <p>
                <a href=move || declaration(Page::Accessibility, lang.get()) data-testid="declaration-link">
                    {move || t().declaration_title}
                </a>
            </p>
            <p>
                <a href=move || privacy(Page::Privacy, lang.get()) data-testid="privacy-link">
                    {move || legal(lang.get()).privacy_title}
                </a>
            </p>
            <p>
                <a href=move || embed_code(Page::EmbedCode, lang.get()) data-testid="embed-code-link">
                    {move || t().embed_title}
                </a>
            </p>
            <p>
                <a href=move || editor(lang.get()) rel="external" data-testid="editor-link">
                    {move || t().editor_link}
                </a>
            </p>
            {footer}
            // Offered last, at the very end of the page: it appears whenever
            // the browser offers installation, and nothing may move when it does.
            <InstallButton/>
        </footer>
    }
}

// The footer's icons: drawn here (no icon font, no third-party marks),
// decorative beside their link's text, which is the accessible name.

/// One footer icon: a 24×24 outline in the text's colour, and a filled
/// shape where the drawing has one.
#[component]
fn LegalIcon(
    /// The outline's path data.
    d: &'static str,
    /// A filled shape's path data.
    #[prop(optional)]
    fill: Option<&'static str>,
) -> AnyView {
    view! {
        <svg class="legal-forms__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            {fill.map(|f| view! { <path d=f fill="currentColor"/> })}
            <path d=d fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
    // Erased: four of these typed in full nest the footer's view type past
    // the compiler's depth limit in native (prerender) builds.
    .into_any()
}

/// Easy to read: an open book with a reader's head above it.
const ETR_ICON: &str = "M2 10 L12 13 L22 10 V20 L12 23 L2 20 Z M12 13 V23";
const ETR_HEAD: &str = "M15 5 A3 3 0 1 1 9 5 A3 3 0 1 1 15 5 Z";
/// Sign language: two open hands.
const PJM_ICON: &str = "M4 21 V11 M4 11 L6 4 M4 11 L8 6 M4 11 L9 10 M4 16 L10 14 M20 21 V11 M20 11 L18 4 M20 11 L16 6 M20 11 L15 10 M20 16 L14 14";
/// Machine-readable text: a page of lines.
const TEXT_ICON: &str = "M5 2 H15 L19 6 V22 H5 Z M15 2 V6 H19 M8 11 H16 M8 15 H16 M8 19 H13";
/// Open data: a small table.
const DATA_ICON: &str = "M3 4 H21 V20 H3 Z M3 9 H21 M3 14.5 H21 M10 4 V20";

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
