//! Owns the language: which one the page is in (from its address, shared
//! through context), the visitor's remembered choice, and the UI strings.

mod legal;
mod strings;

pub use legal::*;
pub use strings::*;

use crate::content::Lang;
use leptos::prelude::*;

const LANG_KEY: &str = crate::storage::LANGUAGE.name;

/// The current language, derived from the address (see [`crate::nav`]).
#[derive(Clone, Copy)]
struct CurrentLang(Memo<Lang>);

pub fn provide_lang(lang: Memo<Lang>) {
    provide_context(CurrentLang(lang));
}

/// The page's language; a component rendered on its own (tests) gets Polish.
pub fn use_lang() -> Memo<Lang> {
    use_context::<CurrentLang>()
        .map(|c| c.0)
        .unwrap_or_else(|| Memo::new(|_| Lang::Pl))
}

fn storage() -> Option<web_sys::Storage> {
    // Prerendered pages (native) have no visitor, so no stored choice.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    // Private modes may refuse storage: then the choice is simply not kept.
    window().local_storage().ok().flatten()
}

/// The language the visitor chose last time, if storage allows.
pub fn stored_lang() -> Option<Lang> {
    storage()?
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(Lang::from_tag)
}

pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.as_str());
    }
}
