use super::text_of;
use crate::app::use_lang;
use crate::components::{PageHeading, WithContent};
use crate::content::{format, Bundle, Event, Lang};
use crate::i18n::{kind_label, ui};
use leptos::prelude::*;

#[component]
pub fn Timeline() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().timeline_title.to_owned()) site=Signal::derive(move || t().org_name)/>
        <WithContent render=move |b| {
            let lang = lang.get();
            let events = b.events_chronological();
            let (dated, undated): (Vec<&Event>, Vec<&Event>) = events.into_iter().partition(|e| e.date.is_given());
            view! {
                <ol class="timeline" data-testid="timeline">
                    {dated.into_iter().map(|e| event_item(&b, e, lang)).collect_view()}
                </ol>
                <section aria-labelledby="undated-h" data-testid="undated">
                    <h2 id="undated-h">{ui(lang).undated}</h2>
                    <ul class="timeline timeline--undated">
                        {undated.into_iter().map(|e| event_item(&b, e, lang)).collect_view()}
                    </ul>
                </section>
            }
        }/>
    }
}

fn event_item(_b: &Bundle, e: &Event, lang: Lang) -> impl IntoView {
    let (title, title_lang) = text_of(&e.title, lang);
    let (desc, desc_lang) = text_of(&e.description, lang);
    view! {
        <li class="event" data-testid="event" data-event-id=e.id.clone() data-kind=e.kind.as_str()>
            <p class="event__meta">
                <span class="event__date" data-testid="event-date">{format::date(e.date, lang)}</span>
                " · "
                <span class="event__kind">{kind_label(e.kind, lang)}</span>
            </p>
            <h2 class="event__title" lang=title_lang>{title}</h2>
            <p lang=desc_lang>{desc}</p>
        </li>
    }
}
