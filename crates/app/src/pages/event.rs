//! One event at its own address, with previous/next within the current filter.

use super::timeline::{use_filter, TimelineFocus};
use super::{text_of, SourceNote};
use crate::components::{eu_ack, PageHeading, WithContent};
use crate::content::{format, Bundle};
use crate::data::use_content;
use crate::i18n::{kind_label, ui, use_lang};
use crate::nav::{event_path, project_funding_path, timeline_path, use_nav, with_query};
use crate::router::{use_location, Go};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventDetail(
    /// The event's id, from the address.
    id: String,
) -> impl IntoView {
    view! {
        <WithContent render=move |b| view! { <Detail bundle=b id=id.clone()/> }/>
    }
}

#[component]
fn Detail(
    /// The content.
    bundle: Arc<Bundle>,
    /// The event's id, from the address.
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let filter = use_filter();
    let location = use_location();
    let nav = use_nav();
    let chrono = use_content().chronology(&bundle);
    if let Some(focus) = use_context::<TimelineFocus>() {
        // The list will put focus back on this event's card when we return.
        focus.0.set(Some(id.clone()));
    }
    let back = {
        let nav = nav.clone();
        move || nav.href(&with_query(timeline_path(lang.get()), &filter.get()))
    };

    // Escape closes the detail, like a dialog would.
    let on_key = {
        let nav = nav.clone();
        window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" {
                location.navigate(
                    &nav.link(&with_query(
                        timeline_path(lang.get_untracked()),
                        &filter.get_untracked(),
                    )),
                    Go::default(),
                );
            }
        })
    };
    on_cleanup(move || on_key.remove());

    let neighbours = {
        let (b, id) = (bundle.clone(), id.clone());
        Memo::new(move |_| {
            let (prev, next) = chrono.neighbours(&b, &filter.get(), lang.get(), &id);
            (prev.map(|e| e.id.clone()), next.map(|e| e.id.clone()))
        })
    };

    // Swipe left/right on a phone moves to the next/previous event.
    let start_x = StoredValue::new(None::<i32>);
    let on_touch_end = {
        let nav = nav.clone();
        move |ev: leptos::ev::TouchEvent| {
            let Some(x0) = start_x.get_value() else {
                return;
            };
            let Some(t) = ev.changed_touches().item(0) else {
                return;
            };
            let dx = t.client_x() - x0;
            if dx.abs() < 60 {
                return;
            }
            let (prev, next) = neighbours.get_untracked();
            let target = if dx < 0 { next } else { prev };
            if let Some(t) = target {
                location.navigate(
                    &nav.link(&with_query(
                        &event_path(lang.get_untracked(), &t),
                        &filter.get_untracked(),
                    )),
                    Go::default(),
                );
            }
        }
    };

    move || {
        let nav = nav.clone();
        let lang_now = lang.get();
        let t = ui(lang_now);
        let Some(e) = bundle.event(&id).cloned() else {
            return view! {
                <PageHeading text=Signal::derive(move || ui(lang.get()).event_not_found.to_owned())/>
                <p data-testid="event-not-found">{t.event_not_found_text}</p>
                <p><a href=back()>{t.back_to_timeline}</a></p>
            }
            .into_any();
        };
        let (desc, desc_lang) = text_of(&e.description, lang_now);
        let title = e.title.clone();
        let title_lang = crate::i18n::fallback_lang(&e.title, lang_now);
        let eras: Vec<String> = bundle
            .eras_of(&e)
            .iter()
            .map(|era| {
                format!(
                    "{} ({})",
                    era.name.in_lang(lang_now),
                    format::date(era.period, lang_now)
                )
            })
            .collect();
        let project = e.project.as_ref().and_then(|p| bundle.project(p));
        let project_row = project.map(|p| {
            let (page, target) = nav.project_href(lang_now, &p.id);
            (
                p.name.in_lang(lang_now).to_owned(),
                page,
                target,
                nav.href(&project_funding_path(lang_now, &p.id)),
            )
        });
        let ack = project.and_then(|p| eu_ack(p, lang_now));
        let source = bundle
            .source(&e.source)
            .map(|s| (s.title.in_lang(lang_now).to_owned(), s.url.clone()));
        let (prev, next) = neighbours.get();
        let neighbour_link = move |target: Option<String>,
                                   label: &'static str,
                                   rel: &'static str,
                                   testid: &'static str| {
            target.map(|tid| {
                let href = nav.href(&with_query(&event_path(lang_now, &tid), &filter.get_untracked()));
                view! { <a class=format!("event-nav__{rel}") rel=rel href=href data-testid=testid>{label}</a> }
            })
        };
        view! {
            <article class="event-detail" data-testid="event-detail" data-event-id=e.id.clone()
                on:touchstart=move |ev: leptos::ev::TouchEvent| {
                    start_x.set_value(ev.touches().item(0).map(|t| t.client_x()));
                }
                on:touchend=on_touch_end.clone()>
                <p class="event-detail__back"><a href=back() data-testid="back-to-timeline">"← " {t.back_to_timeline}</a></p>
                <p class="event-card__meta">
                    <span class="event-card__date" data-testid="event-date">{format::date(e.date, lang_now)}</span>
                    <span class="event-card__kind" data-kind=e.kind.as_str()>{kind_label(e.kind, lang_now)}</span>
                </p>
                <div lang=title_lang>
                    <PageHeading text=Signal::derive(move || title.in_lang(lang.get()).to_owned())/>
                </div>
                <p class="lead" lang=desc_lang>{desc}</p>
                <dl class="facts">
                    <dt>{t.date}</dt><dd>{format::date(e.date, lang_now)}</dd>
                    <dt>{t.kind}</dt><dd>{kind_label(e.kind, lang_now)}</dd>
                    {(!eras.is_empty()).then(|| view! { <dt>{t.era}</dt><dd>{eras.join(", ")}</dd> })}
                    {project_row.map(|(name, page, target, funding)| view! {
                        <dt>{t.project}</dt>
                        <dd>
                            <a href=page target=target rel=target.map(|_| "noopener") data-testid="event-project-page">{name}</a>
                            " — " <a href=funding data-testid="event-project-link">{t.see_funding}</a>
                        </dd>
                    })}
                </dl>
                {ack}
                {source.map(|(title, url)| view! { <SourceNote title url label=t.source/> })}
                <nav class="event-nav" aria-label=t.event_nav>
                    {neighbour_link(prev, t.previous, "prev", "prev-event")}
                    {neighbour_link(next, t.next, "next", "next-event")}
                </nav>
            </article>
        }
        .into_any()
    }
}
