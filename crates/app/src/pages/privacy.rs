//! "Prywatność" / Privacy: the organisation's information clause (GDPR
//! art. 13) from the bundle, each part said missing when it is not given,
//! then what the site itself does — what the server logs, what it stores
//! on the device — listed from the code's own tables ([`crate::storage`]),
//! so the page cannot go stale, and how to remove it.

use super::{text_of, ExternalLink};
use crate::components::{PageHeading, WithContent};
use crate::content::{Lang, Text};
use crate::i18n::{legal, ui, use_lang};
use crate::storage::{self, Place};
use leptos::prelude::*;

/// The supervisory authority (GDPR art. 77), linked from "your rights".
pub const UODO_URL: &str = "https://uodo.gov.pl/";

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageHeading text=Signal::derive(move || legal(lang.get()).privacy_title.to_owned())/>
        <WithContent render=move |b| {
            let lang = lang.get();
            let l = legal(lang);
            let p = &b.privacy;
            view! {
                <p class="lead">{l.privacy_intro}</p>
                {part("privacy-controller", l.controller_title, &p.controller, lang)}
                {part("privacy-dpo", l.dpo_title, &p.dpo, lang)}
                {part("privacy-purposes", l.purposes_title, &p.purposes, lang)}
                <section aria-labelledby="privacy-logs-h" data-testid="privacy-logs">
                    <h2 id="privacy-logs-h">{l.logs_title}</h2>
                    <p>{l.logs_intro}</p>
                    <ul>
                        {storage::SERVER_LOG.iter().map(|f| view! { <li>{storage::in_lang(f, lang)}</li> }).collect_view()}
                    </ul>
                    <p>{l.logs_retention} ": " {given(&p.log_retention, lang)}</p>
                </section>
                {device(lang)}
                <section aria-labelledby="privacy-clear-h">
                    <h2 id="privacy-clear-h">{l.clear_title}</h2>
                    <p>{l.clear_text}</p>
                </section>
                <section aria-labelledby="privacy-rights-h">
                    <h2 id="privacy-rights-h">{l.rights_title}</h2>
                    <p data-testid="privacy-rights">
                        {l.rights.0}
                        <ExternalLink href=UODO_URL.to_owned()>{l.rights.1}</ExternalLink>
                        {l.rights.2}
                    </p>
                </section>
            }
        }/>
    }
}

/// A part of the clause: the bundle's text, or that it is being completed.
fn given(t: &Option<Text>, lang: Lang) -> AnyView {
    match t {
        Some(t) => {
            let (text, text_lang) = text_of(t, lang);
            view! { <span lang=text_lang>{text}</span> }.into_any()
        }
        None => view! { <em class="pending" data-testid="privacy-missing">{ui(lang).being_completed}</em> }
            .into_any(),
    }
}

fn part(id: &'static str, title: &'static str, t: &Option<Text>, lang: Lang) -> impl IntoView {
    let heading = format!("{id}-h");
    let labelled_by = heading.clone();
    view! {
        <section aria-labelledby=labelled_by data-testid=id>
            <h2 id=heading>{title}</h2>
            <p>{given(t, lang)}</p>
        </section>
    }
}

/// What the site keeps on the device: the table of [`storage::ALL`].
fn device(lang: Lang) -> impl IntoView {
    let l = legal(lang);
    let place = |p: Place| match p {
        Place::Local => l.places[0],
        Place::Session => l.places[1],
        Place::Cache => l.places[2],
    };
    let rows = storage::ALL
        .iter()
        .map(|k| {
            view! {
                <tr data-name=k.name data-place=place(k.place)>
                    <th scope="row"><code>{k.shown_name(lang)}</code></th>
                    <td>{place(k.place)}</td>
                    <td>{k.what(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        // Not a named section: the scrolling region inside is the one
        // landmark named after the heading (two of one name were read twice).
        <section data-testid="privacy-device">
            <h2 id="privacy-device-h">{l.device_title}</h2>
            <p>{l.device_intro}</p>
            <div class="table-wrap" role="region" aria-labelledby="privacy-device-h" tabindex="0">
                <table class="data-table" data-testid="storage-table">
                    <thead>
                        <tr>
                            <th scope="col">{l.device_columns[0]}</th>
                            <th scope="col">{l.device_columns[1]}</th>
                            <th scope="col">{l.device_columns[2]}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
