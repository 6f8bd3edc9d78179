//! One event in the list: date, kind, title (the link to its page), text
//! and project.

use crate::content::query::Filter;
use crate::content::{format, Bundle, DateValue, Event, Lang};
use crate::i18n::{kind_label, ui};
use crate::nav::{event_path, use_nav, with_query};
use crate::pages::text_of;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventCard(
    /// The content.
    bundle: Arc<Bundle>,
    /// The event (an index into `bundle.events`).
    index: usize,
    /// The language it is drawn in (a new language is a new card).
    lang: Lang,
    /// The filter in force, kept in the link so "back" returns to it.
    filter: Memo<Filter>,
) -> impl IntoView {
    let nav = use_nav();
    let e: &Event = &bundle.events[index];
    let id = e.id.clone();
    let href = move || nav.href(&with_query(&event_path(lang, &id), &filter.get()));
    let (title, title_lang) = text_of(&e.title, lang);
    let (desc, desc_lang) = text_of(&e.description, lang);
    let project = e.project.as_ref().and_then(|p| bundle.project(p));
    // A funded project's card says so in words; not a second link: the
    // list's roving focus gives each card one stop, and the event's page
    // carries the acknowledgement's link to the project's page.
    let eu = project.and_then(|p| crate::components::eu_statement_of(p, lang));
    let project = project.map(|p| p.name.in_lang(lang).to_owned());
    let kind = e.kind;
    view! {
        <li class="event-card" data-testid="event" data-event-id=e.id.clone() data-kind=kind.as_str()>
            <p class="event-card__meta">
                <span class="event-card__date" data-testid="event-date">{format::date(e.date, lang)}</span>
                <span class="event-card__kind" data-kind=kind.as_str()>{kind_label(kind, lang)}</span>
            </p>
            {span_bar(e.date)}
            <h3 class="event-card__title" lang=title_lang>
                // The list's roving focus gives one card the Tab stop.
                <a class="event-card__link" href=href tabindex="-1">{title}</a>
            </h3>
            <p class="event-card__text" lang=desc_lang>{desc}</p>
            {project.map(|p| view! { <p class="event-card__project">{ui(lang).project} ": " {p}</p> })}
            {eu.map(|s| view! { <p class="event-card__eu" data-testid="eu-ack-text">{s}</p> })}
        </li>
    }
}

/// A range is drawn as a span: a bar from its start to its end (an arrow when
/// the end is open), so "2007–2013" never looks like a single point.
fn span_bar(d: DateValue) -> Option<impl IntoView> {
    match d {
        DateValue::Range { start, end } => Some(view! {
            <span class="span-bar" aria-hidden="true" class:span-bar--open=end.is_none()>
                <span class="span-bar__from">{start.year()}</span>
                <span class="span-bar__line"></span>
                <span class="span-bar__to">{end.map(|e| e.year().to_string()).unwrap_or_else(|| "…".into())}</span>
            </span>
        }),
        _ => None,
    }
}
