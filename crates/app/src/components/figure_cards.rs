//! The impact figures (exact or "at least"), as cards; on the about and funding pages.

use crate::content::{format, Bundle, Lang};
use crate::i18n::{fallback_lang, ui};
use leptos::prelude::*;

/// The impact figures as key-figure cards ("295 miejsc pracy", "ponad 40 …"),
/// shared by the about and funding pages.
pub fn figure_cards(b: &Bundle, lang: Lang, with_project: bool) -> impl IntoView {
    let t = ui(lang);
    view! {
        <ul class="figures" role="list">
            {b.figures.iter().map(|f| {
                let label = f.label.in_lang(lang).to_owned();
                let label_lang = fallback_lang(&f.label, lang);
                let of = with_project
                    .then(|| f.project.as_ref().and_then(|p| b.project(p)))
                    .flatten()
                    .map(|p| p.name.in_lang(lang).to_owned());
                view! {
                    <li class="figure" data-testid=format!("figure-{}", f.id)>
                        <span class="figure__value">{format::figure(f.value, f.bound, lang)}</span>
                        " "
                        <span class="figure__label" lang=label_lang>{label}</span>
                        {of.map(|name| view! { <span class="figure__of">{t.project} ": " {name}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
