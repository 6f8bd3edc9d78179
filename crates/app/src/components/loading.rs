//! The loading skeleton, shaped like the content it waits for.

use crate::i18n::{ui, use_lang};
use leptos::prelude::*;

/// Skeleton shown while the bundle loads: the same boxes the content will
/// fill, so nothing jumps when it arrives, and a status for screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="skeleton" role="status" aria-live="polite" data-testid="loading">
            <span class="visually-hidden">{move || ui(lang.get()).loading}</span>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--short" aria-hidden="true"></div>
            <div class="skeleton__block" aria-hidden="true"></div>
        </div>
    }
}
