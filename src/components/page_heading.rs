use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a page heading has been shown before: the first page keeps the
/// browser's natural focus; later route changes move focus to the new `h1`
/// so screen-reader and keyboard users land on the page they asked for.
static SHOWN_BEFORE: AtomicBool = AtomicBool::new(false);

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
    Effect::new(move |_| {
        document().set_title(&format!("{} | {}", text.get(), site.get()));
    });
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if SHOWN_BEFORE.swap(true, Ordering::Relaxed) {
                let _ = h.focus();
            }
        }
    });
    view! {
        <h1 id="page-title" tabindex="-1" node_ref=heading>
            {move || text.get()}
        </h1>
    }
}
