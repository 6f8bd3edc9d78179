//! The matching events in era bands, the undated last in their own group.
//! Bands and cards are keyed: showing more cards adds only the new ones, and
//! a card that still matches after a filter change is kept as it is. A new
//! language is a new key (cards are drawn once, in one language: cheaper in
//! code than making every text of every card follow the language).
//! An era's note (where its bounds come from) closes its band, after the
//! events and outside the `h2`, so the heading's accessible name stays the
//! era's name and period and, on a phone, the first event's title is on the
//! first screen rather than below a paragraph about dates.

use super::card::EventCard;
use super::focus::RovingFocus;
use crate::content::query::Filter;
use crate::content::{Bundle, Chronology, Lang};
use crate::i18n::{ui, use_lang};
use crate::pages::text_of;
use leptos::prelude::*;
use std::sync::Arc;

/// A run of consecutive events in one era (or the undated group).
#[derive(Clone, PartialEq)]
struct Band {
    lang: Lang,
    /// `None`: undated; `Some("")`: dated but in no era; else the era's id.
    era: Option<String>,
    /// How many earlier bands have the same era (events outside any era can
    /// fall in several gaps), so that every band has its own key.
    seq: usize,
    /// Indices into `bundle.events`, in timeline order.
    events: Vec<usize>,
}

impl Band {
    /// What the band is, for tests and styles.
    fn name(&self) -> String {
        match &self.era {
            None => "undated".into(),
            Some(e) if e.is_empty() => "no-era".into(),
            Some(e) => format!("era-{e}"),
        }
    }

    fn key(&self) -> String {
        format!("{}/{}/{}", self.lang.as_str(), self.name(), self.seq)
    }
}

#[component]
pub fn EventList(
    /// The content.
    bundle: Arc<Bundle>,
    /// The bundle's events in order.
    chronology: Arc<Chronology>,
    /// Positions (in timeline order) of the events that match.
    matches: Memo<Vec<usize>>,
    /// How many of them to show.
    shown: RwSignal<usize>,
    /// The filter in force (kept in every card's link).
    filter: Memo<Filter>,
) -> impl IntoView {
    let lang = use_lang();
    let bands = {
        let (b, c) = (bundle.clone(), chronology.clone());
        Memo::new(move |_| {
            let lang = lang.get();
            let m = matches.get();
            let n = shown.get().min(m.len());
            let mut bands: Vec<Band> = vec![];
            for &pos in &m[..n] {
                let e = c.at(&b, pos);
                let era = e.date.is_given().then(|| {
                    b.primary_era(e)
                        .map_or_else(String::new, |era| era.id.clone())
                });
                let index = c.index_at(pos);
                match bands.last_mut() {
                    Some(band) if band.era == era => band.events.push(index),
                    _ => {
                        let seq = bands.iter().filter(|b| b.era == era).count();
                        bands.push(Band {
                            lang,
                            era,
                            seq,
                            events: vec![index],
                        })
                    }
                }
            }
            bands
        })
    };
    let shown_cards = Signal::derive(move || {
        bands.with(|bs| bs.iter().flat_map(|b| b.events.iter().copied()).collect())
    });
    // Only a change between "some" and "none" rebuilds the list itself.
    let empty = Memo::new(move |_| bands.with(Vec::is_empty));

    let band_view = {
        let b = bundle.clone();
        move |band: Band| {
            let key = band.key();
            // The band's own events, followed as the filter changes.
            let events = {
                let key = key.clone();
                Memo::new(move |_| {
                    bands.with(|bs| {
                        bs.iter()
                            .find(|x| x.key() == key)
                            .map(|x| x.events.clone())
                            .unwrap_or_default()
                    })
                })
            };
            let lang = band.lang;
            let t = ui(lang);
            let era = band
                .era
                .as_ref()
                .filter(|id| !id.is_empty())
                .and_then(|id| b.eras.iter().find(|e| &e.id == id));
            let (name, span) = match (&band.era, era) {
                (None, _) => (t.undated.to_owned(), None),
                (Some(_), Some(e)) => {
                    let (name, period) = e.name_and_period(lang);
                    (name.to_owned(), period)
                }
                (Some(_), None) => (t.outside_eras.to_owned(), None),
            };
            let note = era.and_then(|e| e.note.as_ref()).map(|n| {
                let (text, text_lang) = text_of(n, lang);
                view! { <p class="era-band__note" lang=text_lang data-testid="era-note">{text}</p> }
            });
            let b = b.clone();
            view! {
                <section class="era-band" data-testid=band.name() class:era-band--undated=band.era.is_none()>
                    // A real space before the period: screen readers read the
                    // name, not "EQUAL2004".
                    <h2 class="era-band__title">
                        {name}
                        {span.map(|s| view! { " " <span class="era-band__span">{s}</span> })}
                    </h2>
                    <ol class="event-list">
                        <For each=move || events.get() key=|&i| i let:index>
                            <EventCard bundle=b.clone() index lang filter/>
                        </For>
                    </ol>
                    {note}
                </section>
            }
        }
    };

    move || {
        if empty.get() {
            return view! {
                <p class="empty" data-testid="no-results">{move || ui(lang.get()).no_results}</p>
            }
            .into_any();
        }
        let band_view = band_view.clone();
        view! {
            <RovingFocus items=shown_cards>
                <For each=move || bands.get() key=Band::key children=band_view/>
            </RovingFocus>
        }
        .into_any()
    }
}
