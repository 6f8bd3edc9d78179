//! What a page of the law's three forms says while its content is not in
//! the bundle yet: that it is being prepared, and whom to ask meanwhile
//! (the declaration's contacts, or "being completed" where those are
//! missing too), never an empty page or a dead link.

use crate::content::{Bundle, Lang};
use crate::i18n::{legal, ui};
use crate::nav::{use_nav, Page};
use leptos::prelude::*;

pub fn preparing(b: &Bundle, what: &'static str, lang: Lang) -> impl IntoView {
    let l = legal(lang);
    let t = ui(lang);
    let d = &b.accessibility;
    let pending = || view! { <em class="pending" data-testid="pending">{t.being_completed}</em> };
    let email = d.email.clone().map(|e| {
        view! { <li>{t.email} ": " <a href=format!("mailto:{e}")>{e.clone()}</a></li> }
    });
    let phone = d.phone.clone().map(|p| {
        let tel: String = p
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        view! { <li>{t.phone} ": " <a href=format!("tel:{tel}")>{p.clone()}</a></li> }
    });
    let contacts = if email.is_none() && phone.is_none() {
        view! { <p>{pending()}</p> }.into_any()
    } else {
        view! { <ul>{email}{phone}</ul> }.into_any()
    };
    let declaration = use_nav().href(Page::Accessibility.path(lang));
    view! {
        <div class="notice" role="note" data-testid="preparing">
            <p>{what}</p>
            <p>{l.ask_meanwhile}</p>
            {contacts}
            <p><a href=declaration>{l.ask_in_declaration}</a> "."</p>
        </div>
    }
}
