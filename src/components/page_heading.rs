//! The page's one `h1`, and focus on it after every route change.

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

/// The page's one `h1`, which also sets the document title.
#[component]
pub fn PageHeading(
    /// Heading text, reactive so it follows the language.
    #[prop(into)]
    text: Signal<String>,
    /// Suffix for the document title (the site's name).
    #[prop(into)]
    site: Signal<&'static str>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let shown_before = use_context::<HeadingFocus>();
    Effect::new(move |_| {
        document().set_title(&format!("{} | {}", text.get(), site.get()));
    });
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
