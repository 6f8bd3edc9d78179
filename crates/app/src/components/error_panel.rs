//! The one error panel: what went wrong in the visitor's language, the editors' exact place of the fault, and a way forward.

use crate::content::{ContentError, Lang};
use crate::data::{use_content, LoadError};
use crate::i18n::{ui, use_lang};
use leptos::prelude::*;

/// Headline and help for the visitor, in their language.
fn headline(e: &LoadError, lang: Lang) -> String {
    let t = ui(lang);
    match e {
        LoadError::Network(_) => t.err_network.into(),
        LoadError::Timeout => t.err_timeout.into(),
        LoadError::Http(status) => format!("{} (HTTP {status})", t.err_http),
        LoadError::Content(ContentError::TooLarge { .. }) => t.err_too_large.into(),
        LoadError::Content(ContentError::NewerSchema { .. }) => t.app_outdated.into(),
        LoadError::Content(ContentError::Invalid(_)) => t.err_invalid.into(),
        LoadError::Content(_) => t.err_not_json.into(),
    }
}

/// The exact place of the fault, for whoever edits the bundle.
fn editor_details(e: &LoadError, lang: Lang) -> Vec<String> {
    let t = ui(lang);
    match e {
        LoadError::Network(m) => vec![m.clone()],
        LoadError::Timeout | LoadError::Http(_) => vec![],
        LoadError::Content(ContentError::Invalid(faults)) => {
            faults.iter().map(|f| f.describe(lang)).collect()
        }
        LoadError::Content(ContentError::Syntax { message, at }) => {
            vec![t.at_position(at.line, at.column, message)]
        }
        LoadError::Content(ContentError::NotUtf8 { at }) => {
            vec![t.at_position(at.line, at.column, t.not_utf8())]
        }
        LoadError::Content(ContentError::Empty) => vec![t.file_empty().into()],
        LoadError::Content(ContentError::NewerSchema { found, supported }) => {
            vec![t.schema_newer(*found, *supported)]
        }
        LoadError::Content(ContentError::TooLarge { size, limit }) => {
            vec![t.size_over_limit(*size, *limit)]
        }
    }
}

/// The one error panel: what went wrong, what to do, and Retry.
#[component]
pub fn ErrorPanel(
    /// The failure to explain.
    error: LoadError,
) -> impl IntoView {
    let lang = use_lang();
    let content = use_content();
    let outdated = matches!(error, LoadError::Content(ContentError::NewerSchema { .. }));
    let is_editor_fault = matches!(error, LoadError::Content(_)) && !outdated;
    let err = error.clone();
    let kind = error_kind(&error);
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title" data-testid="error-panel"
            data-error-kind=kind>
            <h2 id="error-title" class="error-panel__title">{move || headline(&err, lang.get())}</h2>
            <p>
                {move || {
                    let t = ui(lang.get());
                    if outdated {
                        t.app_outdated_help
                    } else if is_editor_fault {
                        t.err_help_editor
                    } else {
                        t.err_network_help
                    }
                }}
            </p>
            {move || {
                let details = editor_details(&error, lang.get());
                (!details.is_empty()).then(|| view! {
                    <ul class="error-panel__details" data-testid="error-details">
                        {details.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                    </ul>
                })
            }}
            {if outdated {
                // Retrying cannot help: a newer app can. The worker was already
                // asked to look for one (data.rs); a reload picks it up.
                view! {
                    <button type="button" class="button" data-testid="reload-app"
                        on:click=|_| { let _ = window().location().reload(); }>
                        {move || ui(lang.get()).reload}
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button" data-testid="retry"
                        prop:disabled=move || content.pending.get()
                        on:click=move |_| content.retry()>
                        {move || {
                            let t = ui(lang.get());
                            if content.pending.get() { t.retrying } else { t.retry }
                        }}
                    </button>
                }.into_any()
            }}
        </section>
    }
}

fn error_kind(e: &LoadError) -> &'static str {
    match e {
        LoadError::Network(_) => "network",
        LoadError::Timeout => "timeout",
        LoadError::Http(_) => "http",
        LoadError::Content(ContentError::Invalid(_)) => "invalid",
        LoadError::Content(ContentError::TooLarge { .. }) => "too-large",
        LoadError::Content(ContentError::NewerSchema { .. }) => "app-outdated",
        LoadError::Content(_) => "not-json",
    }
}
