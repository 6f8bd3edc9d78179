//! The draft as visitors will see it: the app's own about, timeline and
//! funding pages, given the draft through the same context the publisher
//! uses (`Content::prepared`), in either language and at phone width.
//!
//! The preview is for reading: its links and controls would navigate the
//! editor's own window (the pages' router writes the address bar), so
//! clicks, key presses and input inside it stop at its edge.

use super::strings::ui;
use leptos::prelude::*;
use rops_app::content::{Bundle, Chronology, Lang};
use rops_app::data::Content;
use rops_app::nav::{provide_nav, AppMode, Nav, Page};
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shown {
    About,
    Timeline,
    Funding,
}

#[component]
pub fn Preview(
    /// The last valid version of the draft.
    shown: Memo<Option<Arc<Bundle>>>,
    /// True while the draft itself is not valid.
    stale: Signal<bool>,
    /// The editor's language (the preview's at first).
    lang: Lang,
    /// The app's root address.
    root: String,
) -> impl IntoView {
    let t = ui(lang);
    let page = RwSignal::new(Shown::Timeline);
    let in_english = RwSignal::new(lang == Lang::En);
    let phone = RwSignal::new(false);
    let base = web_sys::Url::new(&root)
        .map(|u| u.pathname())
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned();
    let frame = NodeRef::<leptos::html::Div>::new();
    // Stop what would leave the editor, before the pages' own handlers
    // (delegated to the document) see it.
    Effect::new(move |_| {
        if let Some(el) = frame.get() {
            for kind in ["click", "keydown", "input", "change", "submit"] {
                let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
                    move |ev: web_sys::Event| {
                        if kind == "click" || kind == "submit" {
                            ev.prevent_default();
                        }
                        ev.stop_propagation();
                    },
                );
                let _ = el.add_event_listener_with_callback_and_bool(
                    kind,
                    cb.as_ref().unchecked_ref(),
                    true,
                );
                cb.forget();
            }
        }
    });
    let title = t.title;
    let body = move || {
        let bundle = shown.get()?;
        let plang = if in_english.get() { Lang::En } else { Lang::Pl };
        let which = page.get();
        let chronology = Arc::new(Chronology::new(&bundle));
        provide_context(Content::prepared(bundle, chronology));
        rops_app::i18n::provide_lang(Memo::new(move |_| plang));
        provide_nav(Nav::new(&base, AppMode::Site));
        let path = match which {
            Shown::About => Page::About,
            Shown::Timeline => Page::Timeline,
            Shown::Funding => Page::Funding,
        }
        .path(plang);
        provide_context(rops_app::router::Location::fixed(&base, path, ""));
        rops_app::pages::provide_timeline_focus();
        // The pages name the document after themselves: the editor keeps its own title.
        request_animation_frame(move || document().set_title(title));
        Some(match which {
            Shown::About => view! { <rops_app::pages::About/> }.into_any(),
            Shown::Timeline => view! { <rops_app::pages::Timeline/> }.into_any(),
            Shown::Funding => view! { <rops_app::pages::Funding/> }.into_any(),
        })
    };
    let tab = move |which: Shown, label: &'static str, testid: &'static str| {
        view! {
            <button type="button" class="button button--secondary" data-testid=testid
                aria-pressed=move || if page.get() == which { "true" } else { "false" }
                on:click=move |_| page.set(which)>{label}</button>
        }
    };
    view! {
        <section class="ed-preview" aria-labelledby="preview-title" data-testid="preview">
            <h2 id="preview-title">{t.preview}</h2>
            <div class="ed-toolbar" role="group" aria-labelledby="preview-title">
                {tab(Shown::About, t.preview_about, "preview-about")}
                {tab(Shown::Timeline, t.preview_timeline, "preview-timeline")}
                {tab(Shown::Funding, t.preview_funding, "preview-funding")}
                <button type="button" class="button button--secondary" data-testid="preview-phone"
                    aria-pressed=move || if phone.get() { "true" } else { "false" }
                    on:click=move |_| phone.update(|p| *p = !*p)>{t.preview_phone}</button>
                <button type="button" class="button button--secondary" data-testid="preview-lang"
                    aria-pressed=move || if in_english.get() { "true" } else { "false" }
                    on:click=move |_| in_english.update(|p| *p = !*p)>{t.preview_lang}</button>
            </div>
            <Show when=move || stale.get()>
                <p class="ed-warning" data-testid="preview-stale">{t.preview_stale}</p>
            </Show>
            <div class="ed-preview__frame" class:ed-preview__frame--phone=move || phone.get()
                node_ref=frame data-testid="preview-frame">
                {body}
            </div>
        </section>
    }
}
