//! The page's one `h1`, and focus on it after every route change.

use crate::data::Content;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// Whether a page heading has been shown before in this app: the first page
/// keeps the browser's natural focus; later route changes move focus to the
/// new `h1`, so screen-reader and keyboard users land on the page they asked
/// for. Provided per mount, so each mount starts afresh.
#[derive(Clone, Copy)]
struct HeadingFocus(StoredValue<bool>);

pub fn provide_heading_focus() {
    provide_context(HeadingFocus(StoredValue::new(false)));
}

/// Where a render outside the browser collects the page's document title.
#[derive(Clone, Copy)]
pub struct DocumentTitle(pub RwSignal<Option<String>>);

/// The page's one `h1`, which also sets the document title: the heading,
/// then the organisation's short name once the bundle has given it.
#[component]
pub fn PageHeading(
    /// Heading text, reactive so it follows the language.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let shown_before = use_context::<HeadingFocus>();
    let lang = use_lang();
    // Lenient: a heading rendered on its own (tests) has no content.
    let content = use_context::<Content>();
    let title = move || {
        let site = content
            .and_then(|c| c.state.get())
            .and_then(Result::ok)
            .map(|b| b.organisation.short_name.in_lang(lang.get()).to_owned());
        match site {
            Some(site) => format!("{} | {site}", text.get()),
            None => text.get(),
        }
    };
    // A prerendered page gets the same title in its HTML (the publisher
    // reads it from here: effects do not run outside the browser).
    if let Some(DocumentTitle(t)) = use_context::<DocumentTitle>() {
        t.set(Some(title()));
    }
    Effect::new(move |_| document().set_title(&title()));
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if let Some(HeadingFocus(shown)) = shown_before {
                if shown.get_value() {
                    let _ = h.focus();
                }
                shown.set_value(true);
            }
        }
    });
    view! {
        <h1 id="page-title" tabindex="-1" node_ref=heading>
            {move || text.get()}
        </h1>
    }
}
