//! The EU's visibility marks (Regulation 1303/2013 Annex XII 2.2 and
//! Implementing Regulation 821/2014 art. 4): in full where a funded project
//! is presented — first on its own page, so they are seen without
//! scrolling — and as one line linking there wherever else it is named.

use crate::content::{Lang, Project};
use crate::i18n::{eu_statement, fund_label, legal, text_of};
use crate::nav::use_nav;
use leptos::prelude::*;

/// The statement the project's period calls for, naming the fund. Without
/// a period in the bundle which statement applies is not known, so it names
/// the EU and the fund and nothing more. None: not EU-funded.
pub fn eu_statement_of(p: &Project, lang: Lang) -> Option<String> {
    if !p.eu_funded() {
        return None;
    }
    let l = legal(lang);
    Some(match p.eu_wording() {
        Some(w) => eu_statement(w, p.fund, lang),
        None => match p.fund {
            Some(f) => format!("{}: {}", l.eu, fund_label(f, lang)),
            None => l.eu.to_owned(),
        },
    })
}

/// The full marks: the programme's logo strip with its alternative text,
/// then the statement. Without a strip in the bundle the block says so,
/// rather than showing a mark the content does not have.
pub fn eu_mark(p: &Project, lang: Lang) -> Option<impl IntoView> {
    let statement = eu_statement_of(p, lang)?;
    let l = legal(lang);
    let strip = p.eu_visibility.as_ref().map(|v| {
        let (alt, alt_lang) = text_of(&v.strip.alt, lang);
        view! { <img class="eu-mark__strip" src=format!("content/{}", v.strip.file) alt=alt lang=alt_lang data-testid="eu-strip"/> }
    });
    let missing = p
        .eu_visibility
        .is_none()
        .then(|| view! { <p class="note" data-testid="eu-strip-missing">{l.no_strip}</p> });
    Some(view! {
        <div class="eu-mark" data-testid="eu-mark">
            {strip}
            <p class="eu-mark__statement" data-testid="eu-statement">{statement}</p>
            {missing}
        </div>
    })
}

/// One line wherever a funded project is named outside its page: the
/// statement, linking to the page that shows the marks in full. Inside an
/// embed the page opens in a new tab, in the full site (it has no embed).
pub fn eu_ack(p: &Project, lang: Lang) -> Option<impl IntoView> {
    let statement = eu_statement_of(p, lang)?;
    let (href, target) = use_nav().project_href(lang, &p.id);
    Some(view! {
        <p class="eu-ack" data-testid="eu-ack">
            <a href=href target=target rel=target.map(|_| "noopener")>{statement}</a>
        </p>
    })
}
