//! A project's story as the source tells it, and what the source leaves out.

use crate::content::{Lang, Project};
use crate::i18n::{text_of, ui};
use leptos::prelude::*;

/// What the source says a project did: its summary, the activities it
/// describes and, where the source leaves something out, the note saying so.
/// The about, funding and project pages show it; `top` says whether the
/// project's name is the page's `h1` (its own page) rather than an `h3`
/// (a card), so the activities' heading follows the outline either way.
pub fn project_story(p: &Project, lang: Lang, top: bool) -> impl IntoView {
    let t = ui(lang);
    let (summary, summary_lang) = text_of(&p.summary, lang);
    let activities = (!p.activities.is_empty()).then(|| {
        let items = p
            .activities
            .iter()
            .map(|a| {
                let (text, text_lang) = text_of(a, lang);
                view! { <li lang=text_lang>{text}</li> }
            })
            .collect_view();
        let title = if top {
            view! { <h3 class="project__activities-title">{t.activities}</h3> }.into_any()
        } else {
            view! { <h4 class="project__activities-title">{t.activities}</h4> }.into_any()
        };
        view! {
            {title}
            <ul class="project__activities" data-testid="activities">{items}</ul>
        }
    });
    let note = p.activities_note.as_ref().map(|n| {
        let (text, text_lang) = text_of(n, lang);
        view! { <p class="note" lang=text_lang data-testid="activities-note">{text}</p> }
    });
    view! {
        <p class="project__summary" lang=summary_lang data-testid="project-summary">{summary}</p>
        {activities}
        {note}
    }
}
