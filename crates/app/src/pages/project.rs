//! One project at its own address (`/projekty/{id}`): the page every other
//! mention of a funded project links to. It opens with the EU's marks —
//! above the heading, so they are seen on landing without scrolling, as
//! Implementing Regulation 821/2014 art. 4(3)(a) asks — then the project's
//! aims, its results and its money, as on its funding card.

use super::funding::project_facts;
use super::text_of;
use crate::components::{eu_mark, project_story, PageHeading, WithContent};
use crate::content::Bundle;
use crate::i18n::{legal, use_lang};
use crate::nav::{use_nav, Page};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ProjectPage(
    /// The project's id, from the address.
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
    /// The project's id, from the address.
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    move || {
        let lang_now = lang.get();
        let l = legal(lang_now);
        let funding = nav.href(Page::Funding.path(lang_now));
        let Some(p) = bundle.project(&id) else {
            return view! {
                <PageHeading text=Signal::derive(move || legal(lang.get()).project_not_found.to_owned())/>
                <p data-testid="project-not-found">{l.project_not_found_text}</p>
                <p><a href=funding>{l.back_to_funding}</a></p>
            }
            .into_any();
        };
        let name = p.name.clone();
        let (results, results_lang) = match &p.results {
            Some(r) => text_of(r, lang_now),
            None => (l.results_missing.to_owned(), None),
        };
        let kind = p.kind.as_ref().map(|k| k.in_lang(lang_now).to_owned());
        view! {
            {eu_mark(p, lang_now)}
            <PageHeading text=Signal::derive(move || name.in_lang(lang.get()).to_owned())/>
            {kind.map(|k| view! { <p class="project__kind">{k}</p> })}
            <article class="project project--page" data-testid=format!("project-{}", p.id)>
                <section aria-labelledby="aims-h">
                    <h2 id="aims-h">{l.about_project}</h2>
                    {project_story(p, lang_now, true)}
                </section>
                <section aria-labelledby="results-h">
                    <h2 id="results-h">{l.results_title}</h2>
                    <p lang=results_lang class:note=p.results.is_none() data-testid="results">{results}</p>
                </section>
                <section aria-labelledby="money-h">
                    <h2 id="money-h">{l.project_funding_title}</h2>
                    {project_facts(&bundle, p, lang_now)}
                </section>
            </article>
            <p><a href=funding data-testid="back-to-funding">{l.back_to_funding}</a></p>
        }
        .into_any()
    }
}
