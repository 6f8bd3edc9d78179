//! The timeline page: every event in order, grouped in era bands, with
//! filters (kind, era, project, text) that live in the URL, roving keyboard
//! focus, and incremental rendering so 10 000 events stay quick.
//!
//! `filters` draws the controls, `axis` the overview above the list, `list` the bands of cards (keyed, so more
//! cards or another filter never rebuild the ones already shown), `card` one
//! event, and `focus` the keyboard model shared with the event page.

mod axis;
mod card;
mod filters;
mod focus;
mod list;

pub use focus::{provide_timeline_focus, TimelineFocus};

use crate::components::{PageHeading, WithContent};
use crate::content::query::Filter;
use crate::content::Bundle;
use crate::data::use_content;
use crate::i18n::{ui, use_lang};
use crate::nav::{timeline_path, use_nav, with_query};
use crate::router::{use_location, Go};
use axis::Axis;
use filters::Filters;
use leptos::prelude::*;
use list::EventList;
use std::sync::Arc;

/// Cards rendered at first (and four times as many per "show more"):
/// several phone screens' worth, few enough to paint within a frame or two
/// on a slow phone.
const PAGE: usize = 24;
/// How many of them come with the page when it takes over a published one.
const FIRST: usize = 6;

/// Quiet time after the last change before the new count is announced.
const ANNOUNCE_DELAY: std::time::Duration = std::time::Duration::from_millis(700);

/// The filter in the current URL.
pub(crate) fn use_filter() -> Memo<Filter> {
    let location = use_location();
    Memo::new(move |_| {
        let pairs: Vec<(&str, String)> = ["kind", "era", "project", "q"]
            .into_iter()
            .filter_map(|k| location.query(k).map(|v| (k, v)))
            .collect();
        Filter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    })
}

#[component]
pub fn Timeline() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().timeline_title.to_owned())/>
        <WithContent render=move |b| view! { <TimelineBody bundle=b/> }/>
    }
}

#[component]
fn TimelineBody(
    /// The checked content.
    bundle: Arc<Bundle>,
) -> impl IntoView {
    let lang = use_lang();
    let url_filter = use_filter();
    let location = use_location();
    let nav = use_nav();
    let chrono = use_content().chronology(&bundle);

    // The search text updates the list on every keystroke, and the URL only
    // once typing pauses (see `filters`): a history update per key would
    // cost more than the search itself. Everything else lives in the URL.
    let typed = RwSignal::new(url_filter.get_untracked().query);
    Effect::new(move |_| {
        let q = url_filter.with(|f| f.query.clone());
        if typed.get_untracked() != q {
            typed.set(q);
        }
    });
    let filter = Memo::new(move |_| Filter {
        query: typed.get(),
        ..url_filter.get()
    });

    let matches = {
        let (b, c) = (bundle.clone(), chrono.clone());
        Memo::new(move |_| c.matching(&b, &filter.get(), lang.get()))
    };
    // Taking over a published page, the first cards come with the page and
    // the rest of the first page of them in a task of their own: one task
    // drawing all of them blocked the main thread past Lighthouse's 50 ms.
    let shown = RwSignal::new(PAGE);
    if crate::takeover::taking_over() {
        shown.set(FIRST);
        crate::takeover::in_next_task(move || {
            shown.try_set(PAGE);
        });
    }
    // A new filter starts again from the top.
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            shown.set(PAGE);
        }
    });

    let set_filter = move |f: Filter| {
        let path = nav.link(&with_query(timeline_path(lang.get_untracked()), &f));
        location.navigate(
            &path,
            Go {
                replace: true,
                keep_scroll: true,
            },
        );
    };

    let status =
        move || ui(lang.get()).result_count(matches.with(Vec::len), !filter.with(Filter::is_empty));

    let more = move || {
        let total = matches.with(Vec::len);
        let n = shown.get();
        (n < total).then(|| {
            view! {
                <button type="button" class="button button--secondary" data-testid="show-more"
                    on:click=move |_| shown.update(|s| *s += PAGE * 4)>
                    {move || format!("{} ({} / {})", ui(lang.get()).show_more, n.min(total), total)}
                </button>
            }
        })
    };

    // What screen readers hear of the count: the same sentence, but only once
    // the list has stopped changing (typing pauses), not at every keystroke.
    // It starts with the count as it is (read in place, not announced).
    let announced = RwSignal::new(untrack(status));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let now = status();
        if first.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                announced.set(now);
            },
            ANNOUNCE_DELAY,
        );
        pending.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });

    view! {
        <Filters bundle=bundle.clone() chronology=chrono.clone() filter typed set_filter/>
        <Axis bundle=bundle.clone() chronology=chrono.clone() matches filter/>
        <p class="result-count" data-testid="result-count" aria-hidden="true">{status}</p>
        <p class="visually-hidden" role="status" data-testid="result-count-announced">{move || announced.get()}</p>
        <EventList bundle chronology=chrono matches shown filter/>
        {more}
    }
}
