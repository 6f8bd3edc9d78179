//! "O nas" / About: who the centre is, its legal basis, figures, projects and awards, as the source tells them.

use super::{text_of, SourceNote};
use crate::components::{eu_ack, figure_cards, project_story, PageHeading, WithContent};
use crate::content::{format, EventKind};
use crate::i18n::{ui, use_lang};
use crate::nav::{event_path, project_events_path, project_funding_path, project_path, use_nav};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().about_title.to_owned())/>
        <WithContent render=move |b| {
            let lang = lang.get();
            let t = ui(lang);
            let org = &b.organisation;
            let (summary, summary_lang) = text_of(&org.summary, lang);
            let (legal, legal_lang) = text_of(&org.legal_basis, lang);
            let source = b.source(&org.source).map(|s| (s.title.in_lang(lang).to_owned(), s.url.clone()));
            // The day the bundle was compiled, at the precision it gives; a
            // bundle without one says nothing rather than guess.
            let compiled = b.content_date.is_given().then(|| format::date(b.content_date, lang));
            view! {
                <p class="lead" lang=summary_lang data-testid="org-summary">{summary}</p>
                <section aria-labelledby="legal-h">
                    <h2 id="legal-h">{t.legal_basis}</h2>
                    <p lang=legal_lang>{legal}</p>
                </section>
                <section aria-labelledby="impact-h">
                    <h2 id="impact-h">{t.impact}</h2>
                    {figure_cards(&b, lang, false)}
                </section>
                <section aria-labelledby="projects-h">
                    <h2 id="projects-h">{t.projects}</h2>
                    <ul class="projects" role="list">
                        {b.projects.iter().map(|p| {
                            let (name, name_lang) = text_of(&p.name, lang);
                            let (programme, programme_lang) = text_of(&p.programme, lang);
                            // Each project leads to its figures and its events.
                            let funding = nav.href(&project_funding_path(lang, &p.id));
                            let page = nav.href(&project_path(lang, &p.id));
                            let events = b.events_of_project(&p.id).count();
                            let timeline = nav.href(&project_events_path(lang, &p.id));
                            view! {
                                <li class="project" data-testid=format!("about-project-{}", p.id)>
                                    <h3 lang=name_lang><a href=page data-testid="about-project-page">{name}</a></h3>
                                    {eu_ack(p, lang)}
                                    <p class="project__kind">
                                        <span data-testid="project-dates">{format::date(p.dates, lang)}</span>
                                        " · "
                                        <span lang=programme_lang>{programme}</span>
                                    </p>
                                    {project_story(p, lang, false)}
                                    <p class="project__links">
                                        <a href=funding data-testid="about-project-funding">{t.see_funding}</a>
                                        {(events > 0).then(|| view! {
                                            " · " <a href=timeline data-testid="about-project-events">{t.see_events} " (" {events} ")"</a>
                                        })}
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="awards-h">
                    <h2 id="awards-h">{t.awards}</h2>
                    <p class="note" data-testid="awards-note">{t.awards_note}</p>
                    <ul>
                        {b.events_chronological().into_iter().filter(|e| e.kind == EventKind::Award).map(|e| {
                            let (title, title_lang) = text_of(&e.title, lang);
                            let href = nav.href(&event_path(lang, &e.id));
                            view! {
                                <li data-testid=format!("award-{}", e.id)>
                                    <a href=href lang=title_lang>{title}</a>
                                    " (" {format::date(e.date, lang)} ")"
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                {source.map(|(title, url)| view! { <SourceNote title url label=t.source/> })}
                {compiled.map(|d| view! {
                    <p class="source-note" data-testid="content-compiled">{t.content_compiled} " " {d}</p>
                })}
            }
        }/>
    }
}
