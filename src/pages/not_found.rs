use crate::app::use_lang;
use crate::components::PageHeading;
use crate::i18n::ui;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().not_found_title.to_owned()) site=Signal::derive(move || t().org_name)/>
        <p data-testid="not-found">{move || t().not_found_text}</p>
        <p><A href=move || crate::app::href(Page::About.path(lang.get()))>{move || t().back_home}</A></p>
    }
}
