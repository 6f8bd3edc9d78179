use super::text_of;
use crate::app::use_lang;
use crate::components::{PageHeading, WithContent};
use crate::content::{format, Lang, Project};
use crate::i18n::{fund_label, role_label, ui};
use leptos::prelude::*;

#[component]
pub fn Funding() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().funding_title.to_owned()) site=Signal::derive(move || t().org_name)/>
        <WithContent render=move |b| {
            let lang = lang.get();
            view! {
                <div class="projects">
                    {b.projects.iter().map(|p| project_card(p, lang)).collect_view()}
                </div>
            }
        }/>
    }
}

fn project_card(p: &Project, lang: Lang) -> impl IntoView {
    let t = ui(lang);
    let (name, name_lang) = text_of(&p.name, lang);
    let (programme, programme_lang) = text_of(&p.programme, lang);
    let not_given = || t.not_given.to_owned();
    let money = |m: Option<crate::content::Money>| {
        m.map(|m| format::money(m, lang)).unwrap_or_else(not_given)
    };
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
    let share = p
        .eu_share()
        .map(|s| format::percent(s, lang))
        .unwrap_or_else(not_given);
    view! {
        <article class="project" data-testid=format!("project-{}", p.id)>
            <h2 lang=name_lang>{name}</h2>
            <dl class="facts">
                <dt>{t.role}</dt><dd>{role_label(p.role, lang)}</dd>
                <dt>{t.programme}</dt><dd lang=programme_lang>{programme}</dd>
                <dt>{t.measure}</dt><dd>{measure}</dd>
                <dt>{t.period}</dt><dd>{period}</dd>
                <dt>{t.fund}</dt><dd>{fund}</dd>
                <dt>{t.dates}</dt><dd>{format::date(p.dates, lang)}</dd>
                <dt>{t.value}</dt><dd data-testid="value">{money(p.value)}</dd>
                <dt>{t.eu_contribution}</dt><dd data-testid="eu">{money(p.eu_contribution)}</dd>
                <dt>{t.eu_share}</dt><dd data-testid="share">{share}</dd>
                <dt>{t.remainder}</dt><dd data-testid="remainder">{money(p.remainder())}</dd>
            </dl>
        </article>
    }
}
