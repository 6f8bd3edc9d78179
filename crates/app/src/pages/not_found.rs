//! The page for an address the route table does not know.

use crate::components::PageHeading;
use crate::i18n::{ui, use_lang};
use crate::nav::{use_nav, Page};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().not_found_title.to_owned())/>
        <p data-testid="not-found">{move || t().not_found_text}</p>
        <p><a href=move || nav.href(Page::About.path(lang.get()))>{move || t().back_home}</a></p>
    }
}
