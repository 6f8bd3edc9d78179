//! The accessibility declaration ("Deklaracja dostępności"), with the element
//! ids the Polish technical conditions for publishing it define (`a11y-*`),
//! so that monitoring tools can read it. Its data lives in the bundle; what
//! the organisation has not supplied is said to be "being completed".

use crate::components::{PageHeading, WithContent};
use crate::content::{format, Bundle, Compliance, DateValue, Lang};
use crate::i18n::{text_of, ui, use_lang};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn AccessibilityDeclaration() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().declaration_title.to_owned())/>
        <WithContent render=move |b| view! { <Declaration bundle=b/> }/>
    }
}

/// A value, or the plain statement that it is still being completed.
fn pending(lang: Lang) -> AnyView {
    view! { <em class="pending" data-testid="pending">{ui(lang).being_completed}</em> }.into_any()
}

fn date(d: DateValue, lang: Lang) -> AnyView {
    if d.is_given() {
        view! { <time datetime=d.to_string()>{format::date(d, lang)}</time> }.into_any()
    } else {
        pending(lang)
    }
}

#[component]
fn Declaration(
    /// The checked content.
    bundle: Arc<Bundle>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let t = ui(lang);
        let d = &bundle.accessibility;
        let entity = d.entity.in_lang(lang).to_owned();
        // The app's name from the bundle's title; a title that fell back to
        // Polish is marked so, inside a sentence in the reader's language.
        let (title, title_lang) = text_of(&bundle.organisation.site_title, lang);
        let (before, after) = t.site_name_around();
        let site_name = view! { {before} <span lang=title_lang>{title}</span> {after} };
        let url = match &d.site_url {
            Some(u) => view! { <a id="a11y-url" href=u.clone()>{site_name}</a> }.into_any(),
            None => {
                view! { <span id="a11y-url">{site_name} " (" {pending(lang)} ")"</span> }.into_any()
            }
        };
        let status = match d.status {
            Some(Compliance::Full) => view! { <p>{t.status_full}</p> }.into_any(),
            Some(Compliance::Partial) => view! { <p>{t.status_partial}</p> }.into_any(),
            Some(Compliance::None) => view! { <p>{t.status_none}</p> }.into_any(),
            None => view! { <p>{pending(lang)}</p> }.into_any(),
        };
        let list = |items: &Vec<crate::content::Text>| -> AnyView {
            if items.is_empty() {
                if d.status.is_some() {
                    view! { <p>{t.none_listed}</p> }.into_any()
                } else {
                    pending(lang)
                }
            } else {
                view! { <ul>{items.iter().map(|i| view! { <li>{i.in_lang(lang).to_owned()}</li> }).collect_view()}</ul> }.into_any()
            }
        };
        let person = d
            .contact_person
            .clone()
            .map(|p| view! { <span id="a11y-osoba">{p}</span> }.into_any())
            .unwrap_or_else(|| view! { <span id="a11y-osoba">{pending(lang)}</span> }.into_any());
        let email = d
            .email
            .clone()
            .map(|e| {
                view! { <a id="a11y-email" href=format!("mailto:{e}")>{e.clone()}</a> }.into_any()
            })
            .unwrap_or_else(|| view! { <span id="a11y-email">{pending(lang)}</span> }.into_any());
        let phone = d
            .phone
            .clone()
            .map(|p| {
                let tel: String = p
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect();
                view! { <a id="a11y-telefon" href=format!("tel:{tel}")>{p.clone()}</a> }.into_any()
            })
            .unwrap_or_else(|| view! { <span id="a11y-telefon">{pending(lang)}</span> }.into_any());
        let method = d
            .method
            .as_ref()
            .map(|m| view! { <p id="a11y-ocena">{m.in_lang(lang).to_owned()}</p> }.into_any())
            .unwrap_or_else(|| {
                view! { <p id="a11y-ocena">{t.method_label} ": " {pending(lang)}</p> }.into_any()
            });
        let architecture = d
            .architecture
            .as_ref()
            .map(|a| view! { <p>{a.in_lang(lang).to_owned()}</p> }.into_any())
            .unwrap_or_else(|| view! { <p>{pending(lang)}</p> }.into_any());
        let missing = d.missing().len();
        view! {
            {(missing > 0).then(|| view! {
                <p class="notice" role="note" data-testid="declaration-incomplete">{t.declaration_incomplete}</p>
            })}
            <p id="a11y-wstep">
                <span id="a11y-podmiot">{entity}</span> " " {t.declaration_intro} " " {url} "."
            </p>
            <ul>
                <li>{t.published} ": " <span id="a11y-data-publikacja">{date(d.published, lang)}</span></li>
                <li>{t.updated} ": " <span id="a11y-data-aktualizacja">{date(d.updated, lang)}</span></li>
            </ul>

            <h2 id="a11y-status">{t.status_title}</h2>
            {status}
            <h3>{t.non_accessible_title}</h3>
            {list(&d.non_accessible)}
            <h3>{t.exemptions_title}</h3>
            {list(&d.exemptions)}

            <h2 id="a11y-przygotowanie">{t.preparation_title}</h2>
            <ul>
                <li>{t.prepared} ": " <span id="a11y-data-sporzadzenie">{date(d.prepared, lang)}</span></li>
                <li>{t.reviewed} ": " <span id="a11y-data-przeglad">{date(d.reviewed, lang)}</span></li>
            </ul>
            {method}
            <p>{t.automated_checks}</p>

            <h2 id="a11y-kontakt">{t.contact_title}</h2>
            <ul>
                <li>{t.contact_person} ": " {person}</li>
                <li>{t.email} ": " {email}</li>
                <li>{t.phone} ": " {phone}</li>
            </ul>

            <h2 id="a11y-procedura">{t.procedure_title}</h2>
            {t.procedure.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}

            <h2 id="a11y-architektura">{t.architecture_title}</h2>
            {architecture}
        }
        .into_any()
    }
}
