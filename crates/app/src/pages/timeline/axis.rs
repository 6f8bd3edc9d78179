//! The overview axis above the list: the years to scale, the eras as bands,
//! each event a mark (shape and colour by kind; ranges as spans, open ones
//! fading), or counts per year past a few hundred events. It follows the
//! filters (marks outside them dimmed) and steers: a mark opens its event,
//! a band filters by its era. One Tab stop; arrows move between marks
//! (Left/Right), and between the marks and the bands (Up/Down).
//!
//! The numbers come from `content::axis`; this file only draws them. The
//! list stays the primary content: everything here is also said there.

use crate::content::axis::{shape_path, Layer, Overview, SpanEnd, MARGIN, MARK_R};
use crate::content::query::Filter;
use crate::content::{format, Bundle, Chronology, EventKind, Lang};
use crate::i18n::{kind_label, ui, use_lang};
use crate::nav::{event_path, timeline_path, use_nav, with_query};
use crate::router::{use_location, Go, Location};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The drawing's height in user units, drawn 1:1 on a phone: a strip
/// under the 120 px the phone layout allows.
const H: f64 = 108.0;
const BAND_Y: f64 = 2.0;
const BAND_H: f64 = 18.0;
/// The baseline the marks stand on and the years hang from.
const BASE: f64 = 80.0;
const LANE_H: f64 = 12.0;
/// The tallest year bar when the axis counts.
const BAR_MAX: f64 = BASE - BAND_Y - BAND_H - 8.0;

/// What the keys and links of the axis take part in.
const ITEMS: &str = ".axis__item";

#[component]
pub fn Axis(
    /// The content.
    bundle: Arc<Bundle>,
    /// The bundle's events in order.
    chronology: Arc<Chronology>,
    /// Positions (in timeline order) of the events that match the filter.
    matches: Memo<Vec<usize>>,
    /// The filter in force: kept in the marks' links, changed by the bands.
    filter: Memo<Filter>,
) -> impl IntoView {
    let overview = Arc::new(Overview::new(&bundle, &chronology)?);
    let lang = use_lang();
    let location = use_location();
    let o = overview.clone();
    let undated = Memo::new(move |_| matches.with(|m| o.undated(m)));

    // Taking over a published page, the drawing comes a task after the
    // rest of the page (`takeover::in_next_task`): drawn with it, that one
    // task grew past Lighthouse's 50 ms. The svg box is there at once (no
    // shift), and the swap waits for its content.
    let drawn = RwSignal::new(!crate::takeover::taking_over());
    if !drawn.get_untracked() {
        crate::takeover::in_next_task(move || {
            drawn.try_set(true);
        });
    }
    let svg = {
        let scale = *overview.scale();
        (scale.width(), scale.first(), scale.last())
    };
    let drawing = move || {
        let lang = lang.get();
        let o = overview.clone();
        let scale = *o.scale();
        let layer = match o.layer() {
            Layer::Marks(_) => marks(&bundle, &chronology, &o, lang, matches, filter).into_any(),
            Layer::Years { busiest } => {
                years(&bundle, &chronology, &o, *busiest, lang, matches, filter).into_any()
            }
        };
        view! {
                    <defs>
                        // Open ranges fade out: a mask, so one gradient
                        // serves every kind's colour.
                        <linearGradient id="axis-fade-gradient">
                            <stop offset="0.3" stop-color="#fff"></stop>
                            <stop offset="1" stop-color="#fff" stop-opacity="0"></stop>
                        </linearGradient>
                        <mask id="axis-fade" maskContentUnits="objectBoundingBox">
                            <rect width="1" height="1" fill="url(#axis-fade-gradient)"></rect>
                        </mask>
                    </defs>
                    {bands(&bundle, &o, lang, filter)}
                    <g class="axis__years" aria-hidden="true">
                        <line class="axis__line" x1=MARGIN y1=BASE x2=scale.end() y2=BASE></line>
                        {scale.years().map(|y| {
                            let x = scale.x(f64::from(y));
                            view! {
                                <line class="axis__tick" x1=x y1=BASE x2=x y2=BASE + 5.0></line>
                                <text class="axis__year" x=x + scale.year_width() / 2.0 y=BASE + 17.0 text-anchor="middle">{y}</text>
                            }
                        }).collect_view()}
                    </g>
                    {layer}
        }
    };
    let (w, first, last) = svg;

    Some(view! {
        <div class="axis" data-testid="axis">
            <div class="axis__scroll" on:keydown=move |ev| axis_keys(&ev, location)>
                <svg class="axis__svg" data-testid="axis-svg" role="group" aria-label=move || ui(lang.get()).axis_title()
                    viewBox=format!("0 0 {w:.0} {H}") width=format!("{w:.0}") height=H>
                    <title>{move || ui(lang.get()).axis_title()}</title>
                    <desc>{move || ui(lang.get()).axis_description(first, last)}</desc>
                    {move || drawn.get().then(drawing.clone())}
                </svg>
            </div>
            <div class="axis__foot">
                <ul class="axis__legend" aria-hidden="true">
                    {move || {
                        let lang = lang.get();
                        EventKind::ALL.map(|k| view! {
                            <li class=format!("axis__key axis__kind--{}", k.as_str())>
                                <svg class="axis__key-icon" viewBox="0 0 16 16" width="16" height="16" focusable="false">
                                    <path class="axis__shape" d=shape_path(k, 8.0, 8.0, 5.0)></path>
                                </svg>
                                {kind_label(k, lang)}
                            </li>
                        }).collect_view()
                    }}
                </ul>
                {move || (undated.get() > 0).then(|| view! {
                    <p class="axis__undated" data-testid="axis-undated">{ui(lang.get()).undated_count(undated.get())}</p>
                })}
            </div>
        </div>
    }
    // Erased: the timeline page's view type is otherwise too deep for
    // the compiler's query limit in the native (prerender) build.
    .into_any())
}

/// The eras, each a link that filters the list by it.
fn bands(b: &Bundle, o: &Overview, lang: Lang, filter: Memo<Filter>) -> impl IntoView {
    let nav = use_nav();
    let location = use_location();
    o.bands()
        .iter()
        .map(|band| {
            let era = &b.eras[band.era];
            let label = match era.name_and_period(lang) {
                (name, Some(period)) => format!("{name} ({period})"),
                (name, None) => name.to_owned(),
            };
            let id = era.id.clone();
            let target = {
                let id = id.clone();
                move || {
                    with_query(
                        timeline_path(lang),
                        &Filter {
                            era: Some(id.clone()),
                            ..filter.get()
                        },
                    )
                }
            };
            let (n1, n2, n3) = (nav.clone(), nav.clone(), nav.clone());
            let (t1, t2, t3) = (target.clone(), target.clone(), target);
            view! {
                // In a `g`: the view macro makes an ambiguous `a` an SVG one
                // only inside an SVG parent.
                <g>
                    <a class="axis__item axis__band" data-row="band" data-testid=format!("axis-era-{id}")
                        class:axis__band--active=move || filter.with(|f| f.era.as_deref() == Some(id.as_str()))
                        href=move || n1.href(&t1()) data-go=move || n2.link(&t2())
                        data-x=format!("{:.1}", band.x1) tabindex="-1"
                        aria-label=ui(lang).axis_band(&label)
                        on:click=move |ev| {
                            if plain_click(&ev) {
                                ev.prevent_default();
                                location.navigate(&n3.link(&t3()), BAND_GO);
                            }
                        }>
                        <rect class="axis__band-rect" x=band.x1 y=BAND_Y width=band.x2 - band.x1 height=BAND_H rx="3"
                            mask=band.open.then_some("url(#axis-fade)")></rect>
                        // The name, as much of it as fits (the link's own
                        // name is the whole of it).
                        {band_caption(era.name.in_lang(lang), band.x2 - band.x1).map(|c| view! {
                            <text class="axis__band-label" x=band.x1 + 4.0 y=BAND_Y + BAND_H / 2.0 + 3.5 aria-hidden="true">{c}</text>
                        })}
                    </a>
                </g>
            }
        })
        .collect_view()
}

/// What of an era's name fits a band `width` px wide at the label's 10 px
/// (an average glyph is taken as 6 px wide): the whole name, or its first
/// whole words, or nothing. Never an ellipsis or a cut word: what is shown
/// must be part of the link's name as it is read out (WCAG 2.5.3).
fn band_caption(name: &str, width: f64) -> Option<String> {
    let fits = ((width - 8.0) / 6.0).floor().max(0.0) as usize;
    if name.chars().count() <= fits {
        return Some(name.to_owned());
    }
    let mut shown = String::new();
    for word in name.split(' ') {
        let next = if shown.is_empty() {
            word.to_owned()
        } else {
            format!("{shown} {word}")
        };
        if next.chars().count() > fits {
            break;
        }
        shown = next;
    }
    (!shown.is_empty()).then_some(shown)
}

/// A band filters in place, as the era select does.
const BAND_GO: Go = Go {
    replace: true,
    keep_scroll: true,
};

/// One mark per dated event.
fn marks(
    b: &Bundle,
    c: &Chronology,
    o: &Arc<Overview>,
    lang: Lang,
    matches: Memo<Vec<usize>>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let Layer::Marks(marks) = o.layer() else {
        return None;
    };
    let nav = use_nav();
    let location = use_location();
    let matched = {
        let o = o.clone();
        Memo::new(move |_| matches.with(|m| o.matched(m)))
    };
    let end = o.scale().end();
    Some(
        marks
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let e = c.at(b, m.pos);
                let pos = m.pos;
                let y = BASE - LANE_H * (1.0 + f64::from(m.lane));
                let label = format!(
                    "{}, {}: {}",
                    format::date(e.date, lang),
                    kind_label(e.kind, lang).to_lowercase(),
                    e.title.in_lang(lang)
                );
                let id = e.id.clone();
                let target = {
                    let id = id.clone();
                    move || with_query(&event_path(lang, &id), &filter.get())
                };
                let span = m.span.map(|s| {
                    let (x2, open) = match s {
                        SpanEnd::At(x2) => (x2, false),
                        SpanEnd::Open => (end, true),
                    };
                    view! {
                        <rect class="axis__span" x=m.x y=y - 2.0 width=(x2 - m.x).max(1.0) height="4"
                            mask=open.then_some("url(#axis-fade)")></rect>
                    }
                });
                let (n1, n2, n3) = (nav.clone(), nav.clone(), nav.clone());
                let (t1, t2, t3) = (target.clone(), target.clone(), target);
                view! {
                    // In a `g`: the view macro makes an ambiguous `a` an SVG one
                    // only inside an SVG parent.
                    <g>
                        <a class=format!("axis__item axis__mark axis__kind--{}", e.kind.as_str())
                            class:axis__mark--dim=move || !matched.with(|v| v[pos])
                            data-row="mark" data-mark-for=id data-testid="axis-mark"
                            href=move || n1.href(&t1()) data-go=move || n2.link(&t2())
                            data-x=format!("{:.1}", m.x) tabindex=if i == 0 { "0" } else { "-1" }
                            aria-label=label
                            on:click=move |ev| {
                                if plain_click(&ev) {
                                    ev.prevent_default();
                                    location.navigate(&n3.link(&t3()), Go::default());
                                }
                            }>
                            // A larger, invisible target than the mark itself.
                            <rect class="axis__hit" x=m.x - 9.0 y=y - 7.0 width="18" height="14"></rect>
                            {span}
                            <path class="axis__shape" d=shape_path(e.kind, m.x, y, MARK_R)></path>
                        </a>
                    </g>
                }
            })
            .collect_view(),
    )
}

/// Counts per year and kind, as stacked bars; a bar opens the year's first
/// matching event.
fn years(
    b: &Arc<Bundle>,
    c: &Arc<Chronology>,
    o: &Arc<Overview>,
    busiest: u32,
    lang: Lang,
    matches: Memo<Vec<usize>>,
    filter: Memo<Filter>,
) -> impl IntoView {
    let nav = use_nav();
    let location = use_location();
    let scale = *o.scale();
    let all: Vec<usize> = (0..o.dated()).collect();
    let totals = o.year_counts(&all);
    let counts = {
        let o = o.clone();
        Memo::new(move |_| matches.with(|m| o.year_counts(m)))
    };
    let per = BAR_MAX / f64::from(busiest.max(1));
    let bw = scale.year_width() - 8.0;
    totals
        .into_iter()
        .enumerate()
        .filter(|(_, t)| t.first.is_some())
        .enumerate()
        .map(|(n, (i, total))| {
            let year = scale.first() + i as u16;
            let x = scale.x(f64::from(year)) + 4.0;
            let h_all = f64::from(total.total()) * per;
            let first_pos = move || counts.with(|c| c[i].first).or(total.first);
            let segments = (0..EventKind::ALL.len())
                .map(|k| {
                    let geometry = move || {
                        counts.with(|c| {
                            let below: u32 = c[i].counts[..k].iter().sum();
                            let h = f64::from(c[i].counts[k]) * per;
                            (BASE - f64::from(below) * per - h, h)
                        })
                    };
                    // The kind's shape on its segment, when the segment is
                    // tall enough to hold one: kinds not by colour alone.
                    let kind = EventKind::ALL[k];
                    let glyph = move || {
                        let (y, h) = geometry();
                        let r = (bw / 2.0 - 1.0).min(h / 2.0 - 1.0).min(4.0);
                        if r >= 1.5 {
                            shape_path(kind, x + bw / 2.0, y + h / 2.0, r)
                        } else {
                            String::new()
                        }
                    };
                    view! {
                        <rect class=format!("axis__bar axis__kind--{}", kind.as_str())
                            x=x y=move || geometry().0 width=bw height=move || geometry().1></rect>
                        <path class="axis__bar-glyph" data-kind=kind.as_str() d=glyph></path>
                    }
                })
                .collect_view();
            let label = move || {
                counts.with(|c| {
                    let per_kind: Vec<(&str, u32)> = EventKind::ALL
                        .iter()
                        .zip(c[i].counts)
                        .filter(|(_, n)| *n > 0)
                        .map(|(&k, n)| (kind_label(k, lang), n))
                        .collect();
                    ui(lang).axis_year(year, c[i].total() as usize, &per_kind)
                })
            };
            let target = {
                let (b, c) = (b.clone(), c.clone());
                move || {
                    let id = first_pos()
                        .map(|p| c.at(&b, p).id.clone())
                        .unwrap_or_default();
                    with_query(&event_path(lang, &id), &filter.get())
                }
            };
            let (n1, n2, n3) = (nav.clone(), nav.clone(), nav.clone());
            let (t1, t2, t3) = (target.clone(), target.clone(), target);
            view! {
                // In a `g`: the view macro makes an ambiguous `a` an SVG one
                // only inside an SVG parent.
                <g>
                    <a class="axis__item axis__year-bar" data-row="mark" data-testid="axis-year"
                        class:axis__mark--dim=move || counts.with(|c| c[i].total() == 0)
                        data-x=format!("{:.1}", x) tabindex=if n == 0 { "0" } else { "-1" }
                        href=move || n1.href(&t1()) data-go=move || n2.link(&t2())
                        aria-label=label
                        on:click=move |ev| {
                            if plain_click(&ev) {
                                ev.prevent_default();
                                location.navigate(&n3.link(&t3()), Go::default());
                            }
                        }>
                        <rect class="axis__hit" x=x y=BASE - BAR_MAX width=bw height=BAR_MAX></rect>
                        <rect class="axis__bar-all" x=x y=BASE - h_all width=bw height=h_all></rect>
                        {segments}
                    </a>
                </g>
            }
        })
        .collect_view()
}

/// A click without a modifier key: the others open the link's address in
/// a new tab or window, as the browser does.
fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// The roving focus of the axis (as the list's, see `focus`), and Enter on
/// an item (an SVG link is not a `HtmlAnchorElement`: the router's click
/// handling does not see it, so the app goes there itself).
fn axis_keys(ev: &leptos::ev::KeyboardEvent, location: Location) {
    let Some(active) = document().active_element() else {
        return;
    };
    if !active.matches(ITEMS).unwrap_or(false) {
        return;
    }
    let row = active.get_attribute("data-row").unwrap_or_default();
    let key = ev.key();
    if key == "Enter" {
        if let Some(to) = active.get_attribute("data-go") {
            ev.prevent_default();
            let go = if row == "band" {
                BAND_GO
            } else {
                Go::default()
            };
            location.navigate(&to, go);
        }
        return;
    }
    let Some(root) = active.closest("svg").ok().flatten() else {
        return;
    };
    let in_row = |r: &str| -> Vec<web_sys::Element> {
        root.query_selector_all(&format!("{ITEMS}[data-row=\"{r}\"]"))
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| l.item(i).and_then(|n| n.dyn_into().ok()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let x_of = |e: &web_sys::Element| -> f64 {
        e.get_attribute("data-x")
            .and_then(|x| x.parse().ok())
            .unwrap_or(0.0)
    };
    let same = in_row(&row);
    let Some(i) = same.iter().position(|e| *e == active) else {
        return;
    };
    let next = match key.as_str() {
        "ArrowRight" => same.get(i + 1).cloned(),
        "ArrowLeft" => i.checked_sub(1).and_then(|j| same.get(j).cloned()),
        "Home" => same.first().cloned(),
        "End" => same.last().cloned(),
        // Up: the band the mark falls in (the last one starting before it);
        // Down: the band's first mark. Items are in x order in each row.
        "ArrowUp" => {
            let x = x_of(&active) + 0.5;
            let bands = in_row("band");
            bands
                .iter()
                .rev()
                .find(|b| x_of(b) <= x)
                .or(bands.first())
                .cloned()
        }
        "ArrowDown" => {
            let x = x_of(&active) - 0.5;
            let marks = in_row("mark");
            marks
                .iter()
                .find(|m| x_of(m) >= x)
                .or(marks.last())
                .cloned()
        }
        _ => return,
    };
    ev.prevent_default();
    let Some(next) = next else { return };
    for e in in_row("band").into_iter().chain(in_row("mark")) {
        let _ = e.set_attribute("tabindex", "-1");
    }
    let _ = next.set_attribute("tabindex", "0");
    // SVG elements have `focus()` too; web-sys calls it by name.
    let _ = next.unchecked_ref::<web_sys::HtmlElement>().focus();
}

#[cfg(test)]
mod tests {
    use super::band_caption;

    #[test]
    fn a_band_shows_as_much_of_its_name_as_fits() {
        // 23 characters need 8 + 23 × 6 = 146 px.
        assert_eq!(
            band_caption("Okres 2007–2013 (PO KL)", 308.0).as_deref(),
            Some("Okres 2007–2013 (PO KL)")
        );
        assert_eq!(
            band_caption("RPO WM na lata 2014–2020", 132.0).as_deref(),
            Some("RPO WM na lata")
        );
        // A one-year band at phone scale: no whole word fits.
        assert_eq!(band_caption("Inicjatywa Wspólnotowa EQUAL", 44.0), None);
    }
}
