//! The timeline's controls: search, period, kind chips with counts, the
//! project in force, and "clear filters". They change the URL through
//! `set_filter`; the search text first changes the list alone.

use crate::content::query::Filter;
use crate::content::{Bundle, Chronology, EventKind};
use crate::i18n::{kind_label, ui, use_lang};
use leptos::prelude::*;
use std::sync::Arc;

/// Pause in typing after which the search text is written to the URL.
const SEARCH_URL_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

#[component]
pub fn Filters<F>(
    /// The content.
    bundle: Arc<Bundle>,
    /// The bundle's events in order.
    chronology: Arc<Chronology>,
    /// The filter in force (URL plus the search text as typed).
    filter: Memo<Filter>,
    /// The search text as typed, ahead of the URL.
    typed: RwSignal<String>,
    /// Writes a filter to the URL.
    set_filter: F,
) -> impl IntoView
where
    F: Fn(Filter) + Clone + Send + Sync + 'static,
{
    let lang = use_lang();

    // Counts per kind under the other filters, so each chip says what it would show.
    let kind_counts = {
        let (b, c) = (bundle.clone(), chronology.clone());
        Memo::new(move |_| {
            let f = Filter {
                kinds: vec![],
                ..filter.get()
            };
            let m = c.matching(&b, &f, lang.get());
            EventKind::ALL.map(|k| m.iter().filter(|&&p| c.at(&b, p).kind == k).count())
        })
    };

    let chips = {
        let set_filter = set_filter.clone();
        move || {
            let t = ui(lang.get());
            let counts = kind_counts.get();
            let current = filter.get();
            view! {
                <fieldset class="chips">
                    <legend>{t.filter_kind}</legend>
                    {EventKind::ALL.into_iter().zip(counts).filter(|(k, n)| *n > 0 || current.kinds.contains(k)).map(|(k, n)| {
                        let pressed = current.kinds.contains(&k);
                        let set_filter = set_filter.clone();
                        let next = current.toggled(k);
                        view! {
                            <button type="button" class="chip" aria-pressed=if pressed { "true" } else { "false" }
                                data-testid=format!("chip-{}", k.as_str())
                                on:click=move |_| set_filter(next.clone())>
                                {kind_label(k, lang.get_untracked())} " (" {n} ")"
                            </button>
                        }
                    }).collect_view()}
                </fieldset>
            }
        }
    };

    let era_select = {
        let (b, set_filter) = (bundle.clone(), set_filter.clone());
        move || {
            let t = ui(lang.get());
            let lang = lang.get();
            let current = filter.get();
            let set_filter = set_filter.clone();
            view! {
                <div class="field">
                    <label for="era-filter">{t.filter_era}</label>
                    <select id="era-filter" data-testid="era-filter" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_filter(Filter { era: (!v.is_empty()).then_some(v), ..filter.get_untracked() });
                    }>
                        <option value="" selected=current.era.is_none()>{t.all_eras}</option>
                        {b.eras.iter().map(|e| {
                            let label = match e.name_and_period(lang) {
                                (name, Some(period)) => format!("{name} ({period})"),
                                (name, None) => name.to_owned(),
                            };
                            view! { <option value=e.id.clone() selected=current.era.as_deref() == Some(e.id.as_str())>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        }
    };

    // The URL follows the search box once typing pauses; leaving the page
    // cancels a pending update, which would navigate back.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
    let search = {
        let set_filter = set_filter.clone();
        view! {
            <div class="field field--search">
                <label for="event-search">{move || ui(lang.get()).search}</label>
                <input id="event-search" type="search" data-testid="search" autocomplete="off"
                    prop:value=move || filter.get().query
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        if let Some(h) = pending.get_value() {
                            h.clear();
                        }
                        let set_filter = set_filter.clone();
                        let handle = set_timeout_with_handle(move || {
                            pending.set_value(None);
                            set_filter(filter.get_untracked());
                        }, SEARCH_URL_DELAY);
                        pending.set_value(handle.ok());
                    }/>
            </div>
        }
    };

    let project_note = {
        let (b, set_filter) = (bundle.clone(), set_filter.clone());
        move || {
            let f = filter.get();
            let p = b.project(f.project.as_deref()?)?;
            let lang = lang.get();
            let t = ui(lang);
            let set_filter = set_filter.clone();
            Some(view! {
                <p class="filter-note" data-testid="project-filter">
                    {t.only_project} " " <strong>{p.name.in_lang(lang).to_owned()}</strong> " "
                    <button type="button" class="link-button" on:click=move |_| set_filter(Filter { project: None, ..filter.get_untracked() })>
                        {t.show_all_projects}
                    </button>
                </p>
            })
        }
    };

    let reset = move || {
        (!filter.get().is_empty()).then(|| {
            let set_filter = set_filter.clone();
            view! {
                <button type="button" class="button button--secondary" data-testid="reset-filters"
                    on:click=move |_| set_filter(Filter::default())>
                    {ui(lang.get()).clear_filters}
                </button>
            }
        })
    };

    // On a phone the controls fold behind one button (CSS shows the button
    // and hides the closed body below 40rem only), so the first event is on
    // the first screen. Closed at first in every render: the prerendered page
    // and the app's first render must agree (see `takeover`).
    let open = RwSignal::new(false);
    view! {
        <section class="filters" aria-labelledby="filters-h">
            <h2 id="filters-h" class="visually-hidden">{move || ui(lang.get()).filters}</h2>
            <button type="button" class="filters__toggle" data-testid="filters-toggle"
                aria-controls="filters-body"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || ui(lang.get()).filters_toggle(filter.with(Filter::active_count))}
            </button>
            <div id="filters-body" class="filters__body" class:filters__body--open=move || open.get()>
                {search}
                {era_select}
                {chips}
                {reset}
            </div>
            // Outside the fold: arriving from a project's row on the funding
            // page, a phone's visitor sees at once that the list is that
            // project's, and how to see all.
            {project_note}
        </section>
    }
}
