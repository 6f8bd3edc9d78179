//! Notices about the app itself (offline, content from this device, a rejected or too-new content update, a new version) and the install button.

use crate::content::{format, ContentError};
use crate::data::{use_content, LoadError, Origin};
use crate::i18n::{ui, use_lang};
use crate::pwa::use_pwa;
use leptos::prelude::*;

/// Notices about the app itself, above the page: offline, content shown
/// from this device (and why), a rejected content update, a new version
/// waiting. All polite
/// (`role="status"`): nothing here interrupts reading.
#[component]
pub fn AppStatus() -> impl IntoView {
    let lang = use_lang();
    let content = use_content();
    let pwa = use_pwa();

    let content_date = move || {
        content.state.with(|s| {
            s.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|b| format::date(b.content_date, lang.get()))
        })
    };

    let origin_notice = move || {
        let t = ui(lang.get());
        let date = content_date().unwrap_or_default();
        let offline = pwa.is_some_and(|p| !p.online.get());
        match content.origin.get() {
            Origin::Network | Origin::CacheRevalidating if !offline => None,
            Origin::CacheAfterRejection(LoadError::Content(ContentError::NewerSchema { .. })) => Some(view! {
                <div class="notice notice--warning" data-testid="app-outdated">
                    <p>{t.app_outdated_help} " " {t.content_as_of} " " {date}"."</p>
                    <button type="button" class="button button--secondary" data-testid="reload-app"
                        on:click=|_| { let _ = window().location().reload(); }>
                        {t.reload}
                    </button>
                </div>
            }.into_any()),
            Origin::CacheAfterRejection(e) => Some(view! {
                <div class="notice notice--warning" data-testid="update-rejected">
                    <p>{t.update_rejected} " " {t.content_as_of} " " {date}"."</p>
                    <details>
                        <summary>{t.err_details}</summary>
                        <p><code>{e.to_string()}</code></p>
                    </details>
                </div>
            }.into_any()),
            _ => Some(view! {
                <div class="notice" data-testid="offline-notice">
                    <p>
                        {if offline { t.offline } else { t.from_device }} " "
                        <span data-testid="content-as-of">{t.content_as_of} " " {date}</span> "."
                    </p>
                    {(!offline).then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| content.retry()
                            prop:disabled=move || content.pending.get()>
                            {move || if content.pending.get() { ui(lang.get()).retrying } else { ui(lang.get()).retry }}
                        </button>
                    })}
                </div>
            }.into_any()),
        }
    };

    let update_toast = move || {
        let p = pwa?;
        p.update_ready.get().then(|| {
            let t = ui(lang.get());
            view! {
                <div class="toast" data-testid="update-toast">
                    <p>{t.new_version}</p>
                    <button type="button" class="button" data-testid="update-reload" on:click=move |_| p.apply_update()>
                        {t.reload}
                    </button>
                </div>
            }
        })
    };

    view! {
        <div class="app-status" role="status" aria-live="polite">
            {origin_notice}
            {update_toast}
        </div>
    }
}

/// "Install app", shown only while the browser offers installation.
#[component]
pub fn InstallButton() -> impl IntoView {
    let lang = use_lang();
    let pwa = use_pwa();
    move || {
        let p = pwa?;
        p.installable.get().then(|| {
            view! {
                <button type="button" class="install-button" data-testid="install"
                    on:click=move |_| p.install()>
                    {move || ui(lang.get()).install}
                </button>
            }
        })
    }
}
