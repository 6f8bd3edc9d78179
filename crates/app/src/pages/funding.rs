//! Where the money came from: per project the value, the EU contribution, the
//! EU share and the remaining part, as cards, stacked bars and one table that
//! agree with each other because they are drawn from the same integers.
//!
//! The source gives only the value and the EU contribution; the share and
//! the remaining part are derived, and every place that shows them says so
//! (the sum beside the card's figure, the table's column headings, a marker
//! on the chart with its legend), so no computed figure passes for a quoted one.

use super::text_of;
use crate::components::{
    eu_ack, figure_cards, project_story, PageHeading, Segment, SegmentKind, StackedBar, WithContent,
};
use crate::content::csv::funding_csv;
use crate::content::{format, Bundle, Lang, Minor, Money, Project, Share};
use crate::i18n::{fund_label, legal, role_label, ui, use_lang};
use crate::nav::{encode, project_events_path, use_nav};
use crate::router::use_location;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn Funding() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().funding_title.to_owned())/>
        <WithContent render=move |b| view! { <FundingBody bundle=b/> }/>
    }
}

/// "85%" of a share that exists.
fn pct(s: Option<Share>, lang: Lang) -> Option<String> {
    s.map(|s| format::percent(s, lang))
}

/// The one-sentence description of a project's bar, from the same numbers.
fn describe(p: &Project, lang: Lang) -> Option<String> {
    let (v, eu, rest) = (p.value?, p.eu_contribution?, p.remainder()?);
    let (s_eu, s_rest) = (Share::of(eu, v)?, Share::of(rest, v)?);
    let name = p.name.in_lang(lang);
    let m = |x: Money| format::money(x, lang);
    Some(ui(lang).project_chart_sentence(
        name,
        [
            &m(v),
            &m(eu),
            &format::percent(s_eu, lang),
            &m(rest),
            &format::percent(s_rest, lang),
        ],
    ))
}

/// "(wyliczone: 1 980 000 zł − 1 683 000 zł)": how a derived figure was
/// obtained from the two the source gives, shown beside it.
fn computed_from(p: &Project, lang: Lang) -> Option<(String, String)> {
    // Only where the remainder exists (the validator keeps EU ≤ value).
    let (v, eu, _) = (p.value?, p.eu_contribution?, p.remainder()?);
    let t = ui(lang);
    let m = |x: Money| format::money(x, lang);
    Some((
        format!("({}: {} ÷ {})", t.computed, m(eu), m(v)),
        format!("({}: {} − {})", t.computed, m(v), m(eu)),
    ))
}

fn segments(p: &Project, lang: Lang) -> Option<Vec<Segment>> {
    let t = ui(lang);
    let (v, eu, rest) = (p.value?, p.eu_contribution?, p.remainder()?);
    // Every percentage is derived, and so is the whole remaining part: each
    // carries the marker that the chart's legend explains. Words would not
    // fit on the bar at phone width.
    let star = t.computed_marker;
    let label = |name: &str, part: Money| {
        format!(
            "{name}: {} · {}{star}",
            format::money(part, lang),
            pct(Share::of(part, v), lang).unwrap_or_default()
        )
    };
    Some(vec![
        Segment {
            amount: eu.minor.0,
            label: label(t.eu_contribution, eu),
            kind: SegmentKind::Eu,
        },
        Segment {
            amount: rest.minor.0,
            label: label(&format!("{}{star}", t.remainder), rest),
            kind: SegmentKind::Rest,
        },
    ])
}

#[component]
fn FundingBody(
    /// The checked content.
    bundle: Arc<Bundle>,
) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();

    // Arriving from a timeline event (`/finansowanie#project-mokes`; older
    // links said `#mokes`): bring that project into view.
    let hash = location.hash;
    Effect::new(move |_| {
        let id = hash.get();
        let id = id.trim_start_matches('#');
        if id.is_empty() {
            return;
        }
        let id = if id.starts_with("project-") || id == OPEN_DATA_ID {
            id.to_owned()
        } else {
            format!("project-{id}")
        };
        if let Some(el) = document().get_element_by_id(&id) {
            let el: web_sys::HtmlElement = el.unchecked_into();
            request_animation_frame(move || {
                el.scroll_into_view();
                let _ = el.focus();
            });
        }
    });

    move || {
        let lang = lang.get();
        let t = ui(lang);
        let b = bundle.clone();
        let known: Vec<&Project> = b.projects.iter().filter(|p| p.value.is_some()).collect();
        let unknown = b.projects.len() - known.len();
        let csv_href = format!(
            "data:text/csv;charset=utf-8,{}",
            encode(&format!("\u{feff}{}", funding_csv(&b, lang)))
        );
        let csv_name = b.organisation.csv_file_name(lang);

        view! {
            <p class="lead">{t.funding_intro}</p>
            <section aria-labelledby="figures-h">
                <h2 id="figures-h">{t.impact}</h2>
                {figure_cards(&b, lang, true)}
            </section>

            <section aria-labelledby="summary-h" data-testid="summary">
                <h2 id="summary-h">{t.summary_title}</h2>
                {summary_chart(&known, unknown, lang)}
            </section>

            <section aria-labelledby="projects-h">
                <h2 id="projects-h">{t.projects}</h2>
                {b.projects.iter().map(|p| project_card(&b, p, lang)).collect_view()}
            </section>

            // Not a named section: the scrolling region inside is the one
            // landmark named after the heading (a region in a region of the
            // same name was read twice).
            <section>
                <h2 id="table-h">{t.table_title}</h2>
                <div class="table-wrap" role="region" aria-labelledby="table-h" tabindex="0">
                    <table class="data-table" data-testid="funding-table">
                        <thead>
                            <tr>
                                <th scope="col">{t.project}</th>
                                <th scope="col" class="num">{t.value}</th>
                                <th scope="col" class="num">{t.eu_contribution}</th>
                                <th scope="col" class="num">{t.eu_share_computed}</th>
                                <th scope="col" class="num">{t.remainder_computed}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {b.projects.iter().map(|p| {
                                let (name, name_lang) = text_of(&p.name, lang);
                                let cell = |v: Option<String>| v.unwrap_or_else(|| t.not_given.to_owned());
                                // No amount at all: said once for the row, not
                                // four times in a row to a screen reader.
                                let amounts = if p.value.is_none() && p.eu_contribution.is_none() {
                                    view! { <td colspan="4" class="unknown" data-col="amounts">{t.not_given}</td> }.into_any()
                                } else {
                                    view! {
                                        <td class="num" data-col="value">{cell(p.value.map(|m| format::money(m, lang)))}</td>
                                        <td class="num" data-col="eu">{cell(p.eu_contribution.map(|m| format::money(m, lang)))}</td>
                                        <td class="num" data-col="share">{cell(pct(p.eu_share(), lang))}</td>
                                        <td class="num" data-col="remainder">{cell(p.remainder().map(|m| format::money(m, lang)))}</td>
                                    }.into_any()
                                };
                                view! {
                                    <tr data-testid=format!("row-{}", p.id)>
                                        <th scope="row" lang=name_lang>{name}</th>
                                        {amounts}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p>
                    <a class="button button--secondary" href=csv_href download=csv_name data-testid="csv">{t.download_csv}</a>
                </p>
                <p class="note" data-testid="computed-legend">{t.computed_legend}</p>
                <p class="note">{t.share_rounding}</p>
            </section>
            {open_data(&b, lang)}
        }
    }
}

/// All projects with a known value on one scale; the others are named, not drawn as zero.
fn summary_chart(known: &[&Project], unknown: usize, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let max = known
        .iter()
        .filter_map(|p| p.value)
        .map(|v| v.minor.0)
        .max()
        .unwrap_or(0);
    // The validator refuses totals past Minor::MAX; a bundle that skipped
    // it still never shows a wrapped number (nor panics): a dash.
    let total = Minor::total(known.iter().filter_map(|p| p.value).map(|v| v.minor));
    let total_eu = Minor::total(
        known
            .iter()
            .filter_map(|p| p.eu_contribution)
            .map(|v| v.minor),
    );
    // The validator refuses a bundle whose projects mix currencies, so the
    // first known amount's currency is every amount's currency.
    let currency = known
        .iter()
        .find_map(|p| p.value)
        .map_or(crate::content::Currency::Pln, |m| m.currency);
    let money = |g: Option<Minor>| {
        g.map_or_else(
            || "—".to_owned(),
            |minor| format::money(Money { minor, currency }, lang),
        )
    };
    let sentence =
        t.funding_summary_sentence(known.len(), &money(total), &money(total_eu), unknown);
    let bars = known.iter().map(|p| {
        let segs = segments(p, lang).unwrap_or_default();
        let v = p.value.map(|v| v.minor.0).unwrap_or(0);
        // Scale each bar to the largest value, so bars compare across projects.
        let width = if max == 0 { 100.0 } else { 100.0 * v as f64 / max as f64 };
        let name = p.name.in_lang(lang).to_owned();
        let id = format!("sum-{}", p.id);
        view! {
            <li class="summary__item">
                <span class="summary__name">{name} ": " {p.value.map(|v| format::money(v, lang))}</span>
                <StackedBar segments=segs id=id width_pct=width/>
            </li>
        }
    }).collect_view();
    view! {
        <figure class="chart">
            <figcaption id="summary-desc" data-testid="summary-desc">{sentence}</figcaption>
            <ul class="summary" role="list">{bars}</ul>
            {(!known.is_empty()).then(|| view! { <p class="note chart__legend">{t.computed_marker_legend}</p> })}
            {(unknown > 0).then(|| view! { <p class="note">{t.summary_unknown}</p> })}
        </figure>
    }
}

/// The open-data section's fragment, linked from every page's footer.
pub const OPEN_DATA_ID: &str = "dane-otwarte";

/// The open-data files `publish` writes beside the pages (`dane/`), with
/// the licence the bundle gives, or "being completed" without one. Files,
/// not routes: `download` keeps the router from drawing them as pages.
fn open_data(b: &Bundle, lang: Lang) -> impl IntoView {
    let l = legal(lang);
    let nav = use_nav();
    // Files of the full site, not routes: inside an embed `href` would
    // send them to `/embed/dane/…?…`, which does not exist.
    let file = |name: &str| nav.full_site_href(&format!("/dane/{name}"));
    let licence = match &b.open_data {
        Some(od) => {
            let (name, name_lang) = text_of(&od.licence, lang);
            view! { <super::ExternalLink href=od.licence_url.clone()><span lang=name_lang>{name}</span></super::ExternalLink> }
                .into_any()
        }
        None => view! { <em class="pending">{ui(lang).being_completed}</em> }.into_any(),
    };
    view! {
        <section id=OPEN_DATA_ID tabindex="-1" aria-labelledby="open-data-h" data-testid="open-data">
            <h2 id="open-data-h">{l.open_data_title}</h2>
            <p>{l.open_data_intro}</p>
            <ul>
                <li><a href=file("projekty.csv") download="" type="text/csv">{l.open_projects}</a></li>
                <li><a href=file("wydarzenia.csv") download="" type="text/csv">{l.open_events}</a></li>
                <li><a href=file("dataset.jsonld") download="" type="application/ld+json">{l.open_dataset}</a></li>
            </ul>
            <p data-testid="licence">{l.licence} ": " {licence}</p>
        </section>
    }
}

fn project_card(b: &Bundle, p: &Project, lang: Lang) -> impl IntoView {
    let (name, name_lang) = text_of(&p.name, lang);
    let kind = p.kind.as_ref().map(|k| k.in_lang(lang).to_owned());
    let (page, target) = use_nav().project_href(lang, &p.id);
    view! {
        <article class="project" id=format!("project-{}", p.id) tabindex="-1" data-testid=format!("project-{}", p.id)>
            <h3 lang=name_lang>
                <a href=page target=target rel=target.map(|_| "noopener") data-testid="project-page">{name}</a>
            </h3>
            {eu_ack(p, lang)}
            {kind.map(|k| view! { <p class="project__kind">{k}</p> })}
            {project_story(p, lang, false)}
            {project_facts(b, p, lang)}
        </article>
    }
}

/// A project's amounts and particulars, its chart and its links: the same
/// on its card here and on its own page.
///
/// Type-erased: its view type nested in a page's is too deep for the
/// compiler's default limit in the server render.
pub(super) fn project_facts(b: &Bundle, p: &Project, lang: Lang) -> AnyView {
    let t = ui(lang);
    let (programme, programme_lang) = text_of(&p.programme, lang);
    let not_given = || t.not_given.to_owned();
    let money = |m: Option<Money>| m.map(|m| format::money(m, lang)).unwrap_or_else(not_given);
    let measure = p
        .measure
        .as_ref()
        .map(|m| m.in_lang(lang).to_owned())
        .unwrap_or_else(not_given);
    let period = if p.period.is_given() {
        format::date(p.period, lang)
    } else {
        not_given()
    };
    let fund = p
        .fund
        .map(|f| fund_label(f, lang).to_owned())
        .unwrap_or_else(not_given);
    let share = pct(p.eu_share(), lang).unwrap_or_else(not_given);
    let (role, role_lang) = text_of(&b.organisation.role_label, lang);
    let chart = segments(p, lang).map(|segs| {
        let desc_id = format!("desc-{}", p.id);
        view! {
            <figure class="chart">
                <StackedBar segments=segs id=p.id.clone()/>
                <p class="note chart__legend" data-testid="chart-legend">{t.computed_marker_legend}</p>
                <figcaption id=desc_id data-testid="chart-desc">{describe(p, lang)}</figcaption>
            </figure>
        }
    });
    let events = b.events_of_project(&p.id).count();
    let timeline = use_nav().href(&project_events_path(lang, &p.id));
    let (share_how, remainder_how) = computed_from(p, lang).unzip();
    let derived = |how: Option<String>, testid: &'static str| {
        how.map(|h| view! { " " <span class="derived" data-testid=testid>{h}</span> })
    };
    let amounts_known = p.value.is_some() || p.eu_contribution.is_some();
    let value_note = (!amounts_known)
        .then(|| view! { <p class="note" data-testid="value-not-given">{t.value_not_given}</p> });
    view! {
        {value_note}
        <dl class="facts">
            <dt lang=role_lang>{role}</dt><dd>{role_label(p.role, lang)}</dd>
            <dt>{t.fund}</dt><dd>{fund}</dd>
            <dt>{t.programme}</dt><dd lang=programme_lang>{programme}</dd>
            <dt>{t.measure}</dt><dd>{measure}</dd>
            <dt>{t.period}</dt><dd>{period}</dd>
            <dt>{t.dates}</dt><dd>{format::date(p.dates, lang)}</dd>
            {p.contract_number.clone().map(|n| view! {
                <dt>{legal(lang).contract_number}</dt><dd data-testid="contract-number">{n}</dd>
            })}
            // With no amount at all the note above says so once; the four
            // amounts are listed only when the source gives one.
            {amounts_known.then(|| view! {
                <dt>{t.value}</dt><dd data-testid="value">{money(p.value)}</dd>
                <dt>{t.eu_contribution}</dt><dd data-testid="eu">{money(p.eu_contribution)}</dd>
                // The figure alone carries the test id, so it reads the same
                // as the table's cell; how it was computed follows it.
                <dt>{t.eu_share}</dt>
                <dd><span data-testid="share">{share}</span>{derived(share_how, "share-computed")}</dd>
                <dt>{t.remainder}</dt>
                <dd><span data-testid="remainder">{money(p.remainder())}</span>{derived(remainder_how, "remainder-computed")}</dd>
            })}
        </dl>
        {chart}
        {(events > 0).then(|| view! {
            <p><a href=timeline data-testid="project-events">{t.see_events} " (" {events} ")"</a></p>
        })}
        {p.kohesio_url(lang).map(|u| view! {
            <p data-testid="kohesio"><super::ExternalLink href=u>{legal(lang).kohesio}</super::ExternalLink></p>
        })}
    }
    .into_any()
}
