//! Owns the top of the app: the providers (content, offline state, the
//! address, language, links) and the choice of what to show: each route of
//! the table in [`crate::nav`], in the site's frame or the embed's.

use crate::components::provide_heading_focus;
use crate::content::Lang;
use crate::data::provide_content;
use crate::i18n::{provide_lang, stored_lang};
use crate::layout::{EmbedFrame, SiteFrame};
use crate::nav::{
    provide_nav, resolve, router_base, AppMode, EmbedOptions, Nav, Page, Route, DECLARATION_META,
    PUBLIC_URL_META,
};
use crate::pages::{
    provide_timeline_focus, About, AccessibilityDeclaration, EasyRead, EmbedCode, EventDetail,
    Funding, NotFound, PrivacyPage, ProjectPage, SignLanguage, Timeline,
};
use crate::router::{provide_router, Go};
use leptos::prelude::*;

/// The app in the browser: content from the network (and the last good
/// copy), the service worker, and the browser's address.
#[component]
pub fn App() -> impl IntoView {
    provide_content();
    crate::pwa::provide_pwa();
    crate::takeover::provide_takeover();
    let base = router_base();
    let location = provide_router(&base);
    view! { <Shell base location/> }
}

/// Renders routes of one bundle to HTML natively, with the same components
/// as the browser (the publisher's prerendered pages). Effects do not run
/// here, so each page is what the app draws once its content is in.
#[cfg(not(target_arch = "wasm32"))]
pub struct Prerender {
    bundle: std::sync::Arc<crate::content::Bundle>,
    chronology: std::sync::Arc<crate::content::Chronology>,
    site_url: crate::site_url::SiteUrl,
    base: String,
    first_published: Option<crate::content::DateValue>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Prerender {
    /// `site_url` is the app's absolute public address, `base` the router
    /// base (`""` or `/ekonomia`).
    pub fn new(
        bundle: std::sync::Arc<crate::content::Bundle>,
        site_url: crate::site_url::SiteUrl,
        base: &str,
    ) -> Prerender {
        let chronology = std::sync::Arc::new(crate::content::Chronology::new(&bundle));
        Prerender {
            bundle,
            chronology,
            site_url,
            base: base.trim_end_matches('/').to_owned(),
            first_published: None,
        }
    }

    /// The day the site was first published, as its publisher recorded it.
    pub fn with_first_published(mut self, day: crate::content::DateValue) -> Prerender {
        self.first_published = Some(day);
        self
    }

    /// One route's page body and document title. `path` is below the base,
    /// `search` is empty or starts with `?`.
    pub fn page(&self, path: &str, search: &str) -> (String, Option<String>) {
        use crate::components::DocumentTitle;
        // A server-side context: leptos' browser-only helpers (window
        // listeners) then do nothing, as on any server render.
        let owner = Owner::new_root(Some(std::sync::Arc::new(
            hydration_context::SsrSharedContext::new(),
        )));
        owner.with(|| {
            provide_context(self.site_url.clone());
            if let Some(d) = self.first_published {
                provide_context(crate::nav::FirstPublished(d));
            }
            provide_context(crate::data::Content::prepared(
                self.bundle.clone(),
                self.chronology.clone(),
            ));
            let title = RwSignal::new(None);
            provide_context(DocumentTitle(title));
            let location = crate::router::Location::fixed(&self.base, path, search);
            provide_context(location);
            let base = self.base.clone();
            let html = view! { <Shell base location/> }.to_html();
            (html, title.get_untracked())
        })
    }
}

#[component]
fn Shell(base: String, location: crate::router::Location) -> impl IntoView {
    let path = Memo::new(move |_| location.path.get());
    let resolved = Memo::new(move |_| resolve(&path.get()));
    let lang = Memo::new(move |_| resolved.with(|r| r.lang));
    let route = Memo::new(move |_| resolved.with(|r| r.route.clone()));
    provide_lang(lang);
    provide_heading_focus();
    provide_timeline_focus();

    Effect::new(move |_| {
        let lang = lang.get();
        let doc = document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.as_str());
        }
        // The declaration's address in a published page's head follows the
        // language (the page it was prerendered as may have been the other).
        let meta = |name: &str| {
            doc.query_selector(&format!("meta[name=\"{name}\"]"))
                .ok()
                .flatten()
        };
        if let (Some(site), Some(decl)) = (meta(PUBLIC_URL_META), meta(DECLARATION_META)) {
            if let Some(site) = site.get_attribute("content") {
                let _ = decl.set_attribute("content", &Page::Accessibility.url(&site, lang));
            }
        }
    });

    // Full site or embed: decided once, by the address the page opened at.
    let embed = resolved.with_untracked(|r| r.embed);
    let mode = if embed {
        AppMode::Embed(EmbedOptions::parse(&location.search.get_untracked()))
    } else {
        AppMode::Site
    };
    provide_nav(Nav::new(&base, mode));
    let page = move || page_view(route.get());
    if embed {
        return view! { <EmbedFrame path page/> }.into_any();
    }

    // A visitor who chose another language lands on it when they come
    // back to the bare address; any explicit address is respected as it is.
    let chosen = (cfg!(target_arch = "wasm32") && path.get_untracked() == "/")
        .then(stored_lang)
        .flatten()
        .filter(|l| *l != Lang::Pl);
    if let Some(chosen) = chosen {
        location.navigate(
            Page::About.path(chosen),
            Go {
                replace: true,
                ..Go::default()
            },
        );
    }
    view! { <SiteFrame path page/> }.into_any()
}

/// Every route's view. With [`Page::ALL`] and [`Page::path`] this is the
/// route table: the match is exhaustive, so a new page cannot be left out.
fn page_view(route: Option<Route>) -> AnyView {
    match route {
        None => view! { <NotFound/> }.into_any(),
        Some(Route::Event(id)) => view! { <EventDetail id/> }.into_any(),
        Some(Route::Project(id)) => view! { <ProjectPage id/> }.into_any(),
        Some(Route::Page(page)) => match page {
            Page::About => view! { <About/> }.into_any(),
            Page::Timeline => view! { <Timeline/> }.into_any(),
            Page::Funding => view! { <Funding/> }.into_any(),
            Page::Accessibility => view! { <AccessibilityDeclaration/> }.into_any(),
            Page::EmbedCode => view! { <EmbedCode/> }.into_any(),
            Page::EasyRead => view! { <EasyRead/> }.into_any(),
            Page::SignLanguage => view! { <SignLanguage/> }.into_any(),
            Page::Privacy => view! { <PrivacyPage/> }.into_any(),
        },
    }
}
