//! One file per route.

mod about;
mod accessibility;
mod embed_code;
mod event;
mod funding;
mod not_found;
mod timeline;

pub use about::About;
pub use accessibility::AccessibilityDeclaration;
pub use embed_code::EmbedCode;
pub use event::EventDetail;
pub use funding::Funding;
pub use not_found::NotFound;
pub use timeline::Timeline;

use crate::content::{Lang, Text};
use crate::i18n::fallback_lang;
use leptos::prelude::*;

/// A bundle text as a paragraph-level element, marked with `lang` when it
/// falls back to Polish. Always text, never markup.
pub(crate) fn text_of(t: &Text, lang: Lang) -> (String, Option<&'static str>) {
    (t.in_lang(lang).to_owned(), fallback_lang(t, lang))
}

/// The "source" line every fact carries.
#[component]
pub(crate) fn SourceNote(
    /// The source's title, already in the reader's language.
    title: String,
    /// The source's http(s) address, if the bundle has one (checked by the validator).
    url: Option<String>,
    /// Label before the title ("Źródło" / "Source").
    label: &'static str,
) -> impl IntoView {
    view! {
        <p class="source-note">
            {label} ": "
            {match url {
                Some(u) => view! { <a href=u rel="noopener">{title}</a> }.into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            }}
        </p>
    }
}
