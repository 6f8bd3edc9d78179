use super::{text_of, SourceNote};
use crate::app::use_lang;
use crate::components::{figure_cards, PageHeading, WithContent};
use crate::content::{format, EventKind};
use crate::i18n::ui;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().about_title.to_owned()) site=Signal::derive(move || t().org_name)/>
        <WithContent render=move |b| {
            let lang = lang.get();
            let t = ui(lang);
            let org = &b.organisation;
            let (summary, summary_lang) = text_of(&org.summary, lang);
            let (legal, legal_lang) = text_of(&org.legal_basis, lang);
            let source = b.source(&org.source).map(|s| (s.title.in_lang(lang).to_owned(), s.url.clone()));
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
                    <ul>
                        {b.projects.iter().map(|p| {
                            let (name, name_lang) = text_of(&p.name, lang);
                            view! {
                                <li data-testid=format!("about-project-{}", p.id)>
                                    <strong lang=name_lang>{name}</strong>
                                    " (" {format::date(p.dates, lang)} ")"
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="awards-h">
                    <h2 id="awards-h">{t.awards}</h2>
                    <ul>
                        {b.events_chronological().into_iter().filter(|e| e.kind == EventKind::Award).map(|e| {
                            let (title, title_lang) = text_of(&e.title, lang);
                            view! {
                                <li data-testid=format!("award-{}", e.id)>
                                    <span lang=title_lang>{title}</span>
                                    " (" {format::date(e.date, lang)} ")"
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
                {source.map(|(title, url)| view! { <SourceNote title url label=t.source/> })}
            }
        }/>
    }
}
