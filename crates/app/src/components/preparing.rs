//! What a page of the law's three forms says while its content is not in
//! the bundle yet: that it is being prepared, and whom to ask meanwhile
//! (the organisation's contact, else the declaration's, else plainly that
//! none is given yet), never an empty page or a dead link.

use super::{contact_details, has_contact_details, tel_href};
use crate::content::{Bundle, Lang};
use crate::i18n::{legal, ui};
use crate::nav::{use_nav, Page};
use leptos::prelude::*;

pub fn preparing(b: &Bundle, what: &'static str, lang: Lang) -> impl IntoView {
    let l = legal(lang);
    let declaration = use_nav().href(Page::Accessibility.path(lang));
    view! {
        <div class="notice" role="note" data-testid="preparing">
            <p>{what}</p>
            <p>{l.ask_meanwhile}</p>
            {who_to_ask(b, lang)}
            <p><a href=declaration>{l.ask_in_declaration}</a> "."</p>
        </div>
    }
}

/// Whether the bundle gives any way to reach the organisation: what
/// [`who_to_ask`] shows is then a contact, not "none given yet".
pub fn reachable(b: &Bundle) -> bool {
    let d = &b.accessibility;
    has_contact_details(b) || d.email.is_some() || d.phone.is_some()
}

/// Whom to ask: the organisation's contact, else the declaration's, else
/// plainly that none is given yet.
pub fn who_to_ask(b: &Bundle, lang: Lang) -> AnyView {
    let l = legal(lang);
    let t = ui(lang);
    let d = &b.accessibility;
    let email = d.email.clone().map(|e| {
        view! { <li>{t.email} ": " <a href=format!("mailto:{e}")>{e.clone()}</a></li> }
    });
    let phone = d.phone.clone().map(|p| {
        view! { <li>{t.phone} ": " <a href=tel_href(&p)>{p.clone()}</a></li> }
    });
    match contact_details(b, lang) {
        Some(contact) => contact,
        None if email.is_some() || phone.is_some() => view! { <ul>{email}{phone}</ul> }.into_any(),
        None => view! { <p data-testid="no-contact">{l.no_contact}</p> }.into_any(),
    }
}
