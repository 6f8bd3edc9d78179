//! How to reach the organisation, from the bundle's `contact` and the
//! seat's address (`organisation.address`): in the footer of every page,
//! and on a page of the law's forms whose content is still being prepared.
//! Only what the bundle gives is shown; nothing is guessed.

use crate::content::{Bundle, Lang};
use crate::i18n::{legal, text_of, ui};
use leptos::prelude::*;

/// A phone number as a `tel:` address: its digits and `+` only.
pub fn tel_href(phone: &str) -> String {
    let tel: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{tel}")
}

/// Whether the bundle gives the organisation's contact or its seat.
pub fn has_contact_details(b: &Bundle) -> bool {
    !b.contact.is_empty() || b.organisation.address.is_some()
}

/// The organisation's contact details, or None when the bundle gives none.
pub fn contact_details(b: &Bundle, lang: Lang) -> Option<AnyView> {
    if !has_contact_details(b) {
        return None;
    }
    let c = &b.contact;
    let address = b.organisation.address.as_ref();
    let t = ui(lang);
    let l = legal(lang);
    let address = address.map(|a| {
        view! { <li>{a.one_line()}</li> }
    });
    let phone = c.phone.clone().map(|p| {
        view! { <li>{t.phone} ": " <a href=tel_href(&p)>{p.clone()}</a></li> }
    });
    let email = c.email.clone().map(|e| {
        view! { <li>{t.email} ": " <a href=format!("mailto:{e}")>{e.clone()}</a></li> }
    });
    let epuap = c
        .epuap
        .clone()
        .map(|e| view! { <li>{l.epuap_label} ": " {e}</li> });
    let hours = c.office_hours.as_ref().map(|h| {
        let (text, text_lang) = text_of(h, lang);
        view! { <li>{l.office_hours_label} ": " <span lang=text_lang>{text}</span></li> }
    });
    let bip = c
        .bip_url
        .clone()
        .map(|u| view! { <li><a href=u>{l.bip_label}</a></li> });
    let deaf = c.deaf.as_ref().map(|d| {
        let (text, text_lang) = text_of(d, lang);
        view! { <li>{l.deaf_label} ": " <span lang=text_lang>{text}</span></li> }
    });
    Some(
        view! {
            <address class="contact" data-testid="contact">
                <ul>{address}{phone}{email}{epuap}{hours}{bip}{deaf}</ul>
            </address>
        }
        .into_any(),
    )
}
