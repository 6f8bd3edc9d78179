//! One file per route.

mod about;
mod accessibility;
mod easy_read;
mod embed_code;
mod event;
mod funding;
mod not_found;
mod privacy;
mod project;
mod sign_language;
mod timeline;

pub use about::About;
pub use accessibility::AccessibilityDeclaration;
pub use easy_read::EasyRead;
pub use embed_code::EmbedCode;
pub use event::EventDetail;
pub use funding::{Funding, OPEN_DATA_ID};
pub use not_found::NotFound;
pub use privacy::PrivacyPage;
pub use project::ProjectPage;
pub use sign_language::SignLanguage;
pub use timeline::{provide_timeline_focus, Timeline};

pub(crate) use crate::i18n::text_of;
use leptos::prelude::*;

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
                Some(u) => view! { <ExternalLink href=u>{title}</ExternalLink> }.into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            }}
        </p>
    }
}

/// A link to another site. Inside an embed it opens in a new tab: the
/// portal's iframe must never turn into someone else's page.
#[component]
pub(crate) fn ExternalLink(
    /// The http(s) address (checked by the validator).
    href: String,
    children: Children,
) -> impl IntoView {
    let embedded = crate::nav::use_nav().embedded();
    view! {
        <a href=href rel="noopener" target=embedded.then_some("_blank")>{children()}</a>
    }
}
