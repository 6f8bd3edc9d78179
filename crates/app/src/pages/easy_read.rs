//! Easy-to-read information about the organisation (ETR, "tekst łatwy do
//! czytania"): art. 6 pkt 3 lit. c of the 2019 accessibility act. Short
//! sections, each a heading, its paragraphs and an optional picture; the
//! order in the bundle is the reading order, then how to contact us, from
//! the contact fields. Without it in the bundle, the page says it is being
//! prepared and whom to ask.

use crate::components::{preparing, reachable, who_to_ask, PageHeading, WithContent};
use crate::content::Bundle;
use crate::i18n::{legal, text_of, use_lang};
use crate::nav::{use_nav, Page};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EasyRead() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageHeading text=Signal::derive(move || legal(lang.get()).etr_title.to_owned())/>
        <WithContent render=move |b| view! { <Sections bundle=b/> }/>
    }
}

#[component]
fn Sections(
    /// The checked content.
    bundle: Arc<Bundle>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let Some(er) = &bundle.easy_read else {
            return preparing(&bundle, legal(lang).etr_missing, lang).into_any();
        };
        let sections = er.sections.iter().enumerate().map(|(i, s)| {
            let (heading, heading_lang) = text_of(&s.heading, lang);
            let id = format!("etr-{}", i + 1);
            let paragraphs = s.paragraphs.iter().map(|p| {
                let (text, text_lang) = text_of(p, lang);
                view! { <p lang=text_lang>{text}</p> }
            }).collect_view();
            // The picture shows the section's idea: its text is its alt.
            let picture = s.picture.as_ref().map(|p| {
                let (alt, alt_lang) = text_of(&p.alt, lang);
                view! { <img class="easy-read__picture" src=format!("content/{}", p.file) alt=alt lang=alt_lang/> }
            });
            view! {
                // Not a named region: five landmarks named as their
                // headings would say each heading twice.
                <section class="easy-read__section" data-testid="etr-section">
                    <h2 id=id lang=heading_lang>{heading}</h2>
                    {picture}
                    {paragraphs}
                </section>
            }
        }).collect_view();
        // Last, how to reach the organisation, from the contact fields (or
        // plainly that none is given), and how to ask for another form.
        let l = legal(lang);
        let declaration = use_nav().href(Page::Accessibility.path(lang));
        // "Contact us" only where there is a way to: else the plain "not
        // given yet" alone.
        let reachable = reachable(&bundle);
        view! {
            <div class="easy-read">
                {sections}
                <section class="easy-read__section" data-testid="etr-contact">
                    <h2 id="etr-kontakt">{l.etr_contact_title}</h2>
                    {reachable.then(|| view! { <p>{l.etr_contact_intro}</p> })}
                    {who_to_ask(&bundle, lang)}
                    <p><a href=declaration>{l.ask_in_declaration}</a> "."</p>
                </section>
            </div>
        }
        .into_any()
    }
}
