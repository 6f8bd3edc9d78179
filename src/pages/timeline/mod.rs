//! The timeline: every event in order, grouped in era bands, with filters
//! (kind, era, project, text) that live in the URL, roving keyboard focus,
//! and incremental rendering so 10 000 events stay quick.

use super::text_of;
use crate::app::{link, use_lang, TimelineFocus};
use crate::components::{PageHeading, WithContent};
use crate::content::query::{count_events, Filter, SearchIndex};
use crate::content::{format, Bundle, DateValue, Event, EventKind, Lang};
use crate::i18n::{kind_label, ui};
use crate::routes::{event_path, timeline_path, with_query};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::sync::{Arc, OnceLock};
use wasm_bindgen::JsCast;

/// Cards rendered at first (and four times as many per "show more"):
/// several phone screens' worth, few enough to paint within a frame or two
/// on a slow phone.
const PAGE: usize = 24;

/// Pause in typing after which the search text is written to the URL.
const SEARCH_URL_DELAY_MS: i32 = 400;

/// The filter in the current URL.
pub(crate) fn use_filter() -> Memo<Filter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let pairs: Vec<(&str, String)> = ["kind", "era", "project", "q"]
            .into_iter()
            .filter_map(|k| q.get(k).map(|v| (k, v)))
            .collect();
        Filter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    })
}

/// The bundle's events in timeline order (indices into `bundle.events`), and
/// per-language search indexes built on first use.
pub(crate) struct Chronology {
    pub order: Vec<usize>,
    index: [OnceLock<SearchIndex>; 2],
}

impl Chronology {
    pub fn new(b: &Bundle) -> Chronology {
        let mut order: Vec<usize> = (0..b.events.len()).collect();
        order.sort_by(|&x, &y| b.events[x].date.chronological(b.events[y].date));
        Chronology {
            order,
            index: [OnceLock::new(), OnceLock::new()],
        }
    }

    fn events<'a>(&self, b: &'a Bundle) -> Vec<&'a Event> {
        self.order.iter().map(|&i| &b.events[i]).collect()
    }

    /// Positions (into `order`) of the events matching `f`.
    pub fn matching(&self, b: &Bundle, f: &Filter, lang: Lang) -> Vec<usize> {
        let events = self.events(b);
        let slot = match lang {
            Lang::Pl => &self.index[0],
            Lang::En => &self.index[1],
        };
        slot.get_or_init(|| SearchIndex::new(&events, lang))
            .matching(b, &events, f)
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().timeline_title.to_owned()) site=Signal::derive(move || t().org_name)/>
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
    let navigate = use_navigate();
    let chrono = Arc::new(Chronology::new(&bundle));

    // The search text updates the list on every keystroke, and the URL only
    // once typing pauses: a history update per key would cost more than the
    // search itself. Everything else in the filter lives in the URL alone.
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
    let pending_sync = StoredValue::new(None::<i32>);
    // Leaving the page cancels a pending URL update, which would navigate back.
    on_cleanup(move || {
        if let Some(Some(t)) = pending_sync.try_get_value() {
            window().clear_timeout_with_handle(t);
        }
    });

    let matches = {
        let (b, c) = (bundle.clone(), chrono.clone());
        Memo::new(move |_| c.matching(&b, &filter.get(), lang.get()))
    };
    let shown = RwSignal::new(PAGE);
    // A new filter starts again from the top.
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE);
    });

    let set_filter = {
        let navigate = navigate.clone();
        move |f: Filter| {
            let path = link(&with_query(timeline_path(lang.get_untracked()), &f));
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };

    // Counts per kind under the other filters, so each chip says what it would show.
    let kind_counts = {
        let (b, c) = (bundle.clone(), chrono.clone());
        Memo::new(move |_| {
            let f = Filter {
                kinds: vec![],
                ..filter.get()
            };
            let m = c.matching(&b, &f, lang.get());
            EventKind::ALL.map(|k| {
                m.iter()
                    .filter(|&&i| b.events[c.order[i]].kind == k)
                    .count()
            })
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
                            let label = format!("{} ({})", e.name.in_lang(lang), format::date(e.period, lang));
                            view! { <option value=e.id.clone() selected=current.era.as_deref() == Some(e.id.as_str())>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        }
    };

    let search = {
        let set_filter = set_filter.clone();
        view! {
            <div class="field field--search">
                <label for="event-search">{move || ui(lang.get()).search}</label>
                <input id="event-search" type="search" data-testid="search" autocomplete="off"
                    prop:value=move || filter.get().query
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        let set_filter = set_filter.clone();
                        if let Some(t) = pending_sync.get_value() {
                            window().clear_timeout_with_handle(t);
                        }
                        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
                            pending_sync.set_value(None);
                            set_filter(filter.get_untracked());
                        });
                        pending_sync.set_value(window()
                            .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), SEARCH_URL_DELAY_MS)
                            .ok());
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

    let status = move || {
        let t = ui(lang.get());
        let count = count_events(matches.with(Vec::len), lang.get());
        if filter.with(Filter::is_empty) {
            format!("{} {count}", t.count_all)
        } else {
            format!("{} {count}", t.count_found)
        }
    };

    let reset = {
        let set_filter = set_filter.clone();
        move || {
            (!filter.get().is_empty()).then(|| {
                let set_filter = set_filter.clone();
                view! {
                    <button type="button" class="button button--secondary" data-testid="reset-filters"
                        on:click=move |_| set_filter(Filter::default())>
                        {ui(lang.get()).clear_filters}
                    </button>
                }
            })
        }
    };

    let list = {
        let (b, c) = (bundle.clone(), chrono.clone());
        move || {
            let lang = lang.get();
            let f = filter.get();
            let m = matches.get();
            let n = shown.get().min(m.len());
            let events: Vec<&Event> = m[..n].iter().map(|&i| &b.events[c.order[i]]).collect();
            if events.is_empty() {
                return view! { <p class="empty" data-testid="no-results">{ui(lang).no_results}</p> }.into_any();
            }
            view! { <EventGroups bundle=b.clone() events=events.iter().map(|e| e.id.clone()).collect() filter=f lang/> }.into_any()
        }
    };

    let more =
        move || {
            let total = matches.with(Vec::len);
            let n = shown.get();
            (n < total).then(|| view! {
            <button type="button" class="button button--secondary" data-testid="show-more"
                on:click=move |_| shown.update(|s| *s += PAGE * 4)>
                {move || format!("{} ({} / {})", ui(lang.get()).show_more, n.min(total), total)}
            </button>
        })
        };

    view! {
        <section class="filters" aria-labelledby="filters-h">
            <h2 id="filters-h" class="visually-hidden">{move || ui(lang.get()).filters}</h2>
            {search}
            {era_select}
            {chips}
            {project_note}
            {reset}
        </section>
        <p class="result-count" role="status" aria-live="polite" data-testid="result-count">{status}</p>
        {list}
        {more}
    }
}

/// Events in era bands; the undated last, in their own labelled group.
#[component]
fn EventGroups(
    /// The content.
    bundle: Arc<Bundle>,
    /// Ids of the events to show, in timeline order.
    events: Vec<String>,
    /// The filter in force, kept in every detail link so "back" returns to it.
    filter: Filter,
    /// Display language.
    lang: Lang,
) -> impl IntoView {
    let t = ui(lang);
    // Consecutive events of the same era form one band.
    let mut groups: Vec<(Option<String>, Vec<&Event>)> = vec![];
    for id in &events {
        let Some(e) = bundle.event(id) else { continue };
        let key = if e.date.is_given() {
            Some(
                bundle
                    .primary_era(e)
                    .map_or_else(String::new, |era| era.id.clone()),
            )
        } else {
            None
        };
        match groups.last_mut() {
            Some((k, v)) if *k == key => v.push(e),
            _ => groups.push((key, vec![e])),
        }
    }
    let focus = use_context::<TimelineFocus>();
    let container = NodeRef::<leptos::html::Div>::new();
    // Return focus to the card a detail view was opened from.
    Effect::new(move |_| {
        let Some(root) = container.get() else { return };
        let Some(focus) = focus else { return };
        if let Some(id) = focus.0.get_untracked() {
            let sel = format!("[data-event-id=\"{id}\"] .event-card__link");
            if let Ok(Some(el)) = root.query_selector(&sel) {
                focus.0.set(None);
                let el: web_sys::HtmlElement = el.unchecked_into();
                set_roving(&root, &el);
                // After the page heading has taken focus on mount.
                request_animation_frame(move || {
                    let _ = el.focus();
                });
            }
        }
    });

    let mut first = true;
    let bands = groups
        .into_iter()
        .map(|(key, evs)| {
            let (heading, span, testid) = match &key {
                None => (t.undated.to_owned(), String::new(), "undated".to_owned()),
                Some(era_id) => match bundle.eras.iter().find(|e| &e.id == era_id) {
                    Some(era) => (era.name.in_lang(lang).to_owned(), format::date(era.period, lang), format!("era-{}", era.id)),
                    None => (t.outside_eras.to_owned(), String::new(), "no-era".to_owned()),
                },
            };
            let cards = evs
                .into_iter()
                .map(|e| {
                    let c = event_card(&bundle, e, &filter, lang, first);
                    first = false;
                    c
                })
                .collect_view();
            view! {
                <section class="era-band" data-testid=testid class:era-band--undated=key.is_none()>
                    <h2 class="era-band__title">{heading} {(!span.is_empty()).then(|| view! { <span class="era-band__span">{span}</span> })}</h2>
                    <ol class="event-list">{cards}</ol>
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="timeline" data-testid="timeline" node_ref=container on:keydown=move |ev| {
            if let Some(root) = container.get_untracked() {
                roving_keys(&root, &ev);
            }
        }>
            {bands}
        </div>
    }
}

fn event_card(b: &Bundle, e: &Event, filter: &Filter, lang: Lang, first: bool) -> impl IntoView {
    let (title, title_lang) = text_of(&e.title, lang);
    let (desc, desc_lang) = text_of(&e.description, lang);
    let href = crate::app::href(&with_query(&event_path(lang, &e.id), filter));
    let project = e
        .project
        .as_ref()
        .and_then(|p| b.project(p))
        .map(|p| p.name.in_lang(lang).to_owned());
    view! {
        <li class="event-card" data-testid="event" data-event-id=e.id.clone() data-kind=e.kind.as_str()>
            <p class="event-card__meta">
                <span class="event-card__date" data-testid="event-date">{format::date(e.date, lang)}</span>
                <span class="event-card__kind" data-kind=e.kind.as_str()>{kind_label(e.kind, lang)}</span>
            </p>
            {span_bar(e.date)}
            <h3 class="event-card__title" lang=title_lang>
                <a class="event-card__link" href=href tabindex=if first { "0" } else { "-1" }>{title}</a>
            </h3>
            <p class="event-card__text" lang=desc_lang>{desc}</p>
            {project.map(|p| view! { <p class="event-card__project">{ui(lang).project} ": " {p}</p> })}
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

/// Roving tabindex: one Tab stop for the whole list; arrows, Home and End move
/// between events (WAI-ARIA practice for composite widgets).
fn roving_keys(root: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
    let Ok(links) = root.query_selector_all(".event-card__link") else {
        return;
    };
    let n = links.length();
    if n == 0 {
        return;
    }
    let active = document().active_element();
    let current = (0..n).find(|&i| {
        links
            .item(i)
            .map(|l| Some(l.unchecked_ref::<web_sys::Element>().clone()) == active)
            .unwrap_or(false)
    });
    let Some(current) = current else { return };
    let next = match ev.key().as_str() {
        "ArrowDown" | "ArrowRight" => (current + 1).min(n - 1),
        "ArrowUp" | "ArrowLeft" => current.saturating_sub(1),
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    ev.prevent_default();
    if let Some(el) = links.item(next) {
        let el: web_sys::HtmlElement = el.unchecked_into();
        set_roving(root, &el);
        let _ = el.focus();
    }
}

fn set_roving(root: &web_sys::HtmlElement, to: &web_sys::HtmlElement) {
    if let Ok(links) = root.query_selector_all(".event-card__link") {
        for i in 0..links.length() {
            if let Some(l) = links.item(i) {
                let _ = l
                    .unchecked_ref::<web_sys::Element>()
                    .set_attribute("tabindex", "-1");
            }
        }
    }
    let _ = to.set_attribute("tabindex", "0");
}
