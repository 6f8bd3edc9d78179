//! The editor's one page: open, edit, check, preview, save, export.
//!
//! The draft lives in this browser's storage after every change (a reload
//! or a crash loses nothing); leaving with changes that were not exported
//! asks first; "discard draft", and opening another file or the published
//! content over unexported changes, ask in a dialog. Export writes the
//! validated bundle in the schema's order of fields (as `content from-xlsx`
//! does), and only when the validator accepts it; otherwise the error
//! summary takes focus and a draft file can be saved instead.

use super::draft::{self, check, Issue, OpenError};
use super::form::{focus_field, Ed, Form};
use super::strings::ui;
use leptos::prelude::*;
use rops_es::content::{Bundle, Lang};
use serde_json::Value;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

const STORE_KEY: &str = "rops.editor.draft";

/// Why the draft could not be kept in the browser.
#[derive(Debug, Clone, Copy, PartialEq)]
enum StoreError {
    Refused,
    Full,
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StoreError::Refused)
}

fn store(draft: &Value, dirty: bool) -> Result<(), StoreError> {
    let text = serde_json::json!({"dirty": dirty, "draft": draft}).to_string();
    storage()?.set_item(STORE_KEY, &text).map_err(|e| {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        if name.contains("Quota") {
            StoreError::Full
        } else {
            StoreError::Refused
        }
    })
}

fn stored() -> Option<(Value, bool)> {
    let text = storage().ok()?.get_item(STORE_KEY).ok()??;
    let v: Value = serde_json::from_str(&text).ok()?;
    let dirty = v.get("dirty").and_then(Value::as_bool).unwrap_or(true);
    Some((v.get("draft")?.clone(), dirty))
}

fn forget_stored() {
    if let Ok(s) = storage() {
        let _ = s.remove_item(STORE_KEY);
    }
}

/// The app's root address: the editor's files sit in its `editor/` folder.
fn app_root() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    base.strip_suffix("editor/").unwrap_or(&base).to_owned()
}

/// The page's language, from its address (`…/edytor` or `…/en/editor`).
pub fn page_lang() -> Lang {
    let path = window().location().pathname().unwrap_or_default();
    if path.trim_end_matches('/').ends_with("/en/editor") {
        Lang::En
    } else {
        Lang::Pl
    }
}

/// Saves `text` as a JSON file named `name` (the browser's download).
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    download_bytes(name, "application/json", text.as_bytes())
}

/// The spreadsheet type of an `.xlsx` file.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Saves `bytes` as a file named `name` of type `mime`.
fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let body = document().body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, OpenError> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| OpenError::Read(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The published content, and whether it is this device's copy (the
/// network failed: offline, or the server is down).
async fn fetch_published(lang: Lang) -> Result<(Value, bool), OpenError> {
    // The same address as the app's, so the app's last good copy (which
    // the service worker leaves to the app) is this one's too.
    let url = format!("{}content/bundle.json", app_root());
    match download_published(&url).await {
        Ok(bytes) => {
            let v = draft::open("bundle.json", &bytes, lang)?;
            // Kept for offline use, as the app keeps it: only a valid one.
            if rops_es::content::parse_bytes(&bytes).is_ok() {
                rops_es::data::store_last_good(&url, &bytes).await;
            }
            Ok((v, false))
        }
        Err(e) => match last_good_bytes(&url).await {
            Some(bytes) => Ok((draft::open("bundle.json", &bytes, lang)?, true)),
            None => Err(e),
        },
    }
}

/// The app's last good copy of the bundle at `url` on this device. (Read
/// here rather than through a function of the app's, which would add to
/// every visitor's download for the editor's sake.)
async fn last_good_bytes(url: &str) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let caches = window().caches().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(&rops_es::data::content_cache()))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let resp: web_sys::Response = hit.dyn_into().ok()?;
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

async fn download_published(url: &str) -> Result<Vec<u8>, OpenError> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| OpenError::Read(e.to_string()))?;
    if !resp.ok() {
        return Err(OpenError::Read(format!("HTTP {}", resp.status())));
    }
    resp.binary()
        .await
        .map_err(|e| OpenError::Read(e.to_string()))
}

/// What would replace the draft, once confirmed.
#[derive(Debug, Clone, PartialEq)]
enum Replace {
    /// The published content ("discard draft").
    Published,
    /// A file that was opened and read without fault.
    File { name: String, draft: Value },
}

/// What the toolbar last said: a plain note, or a failed opening.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    None,
    Info(String),
    Failed(OpenError),
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let lang = page_lang();
    let t = ui(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.as_str());
    }
    document().set_title(t.title);
    if let Some(theme) = rops_es::prefs::stored_theme() {
        rops_es::prefs::apply_theme(theme);
    }

    let draft = RwSignal::new(Value::Null);
    let checked = Memo::new(move |_| {
        draft.with(|v| {
            if v.is_null() {
                return (None, vec![]);
            }
            let c = check(v, lang);
            (c.bundle.map(Arc::new), c.issues)
        })
    });
    let issues = Memo::new(move |_| checked.with(|c| c.1.clone()));
    let ed = Ed {
        draft,
        rev: RwSignal::new(0),
        lang,
        issues,
        dirty: RwSignal::new(false),
        open: StoredValue::new(Default::default()),
        fresh: StoredValue::new(Default::default()),
    };
    let notice = RwSignal::new(Notice::None);
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    let store_problem = RwSignal::new(None::<StoreError>);
    let loaded = RwSignal::new(false);

    // The draft as it was left, or the published content. The draft in
    // storage goes only once the published content has arrived: offline,
    // with no copy on this device, "discard" keeps the draft.
    let open_published = move |done: Option<&'static str>| {
        leptos::task::spawn_local(async move {
            match fetch_published(lang).await {
                Ok((v, from_device)) => {
                    draft.set(v);
                    ed.dirty.set(false);
                    ed.rev.update(|r| *r += 1);
                    forget_stored();
                    match (from_device, done) {
                        (true, _) => notice.set(Notice::Info(t.published_from_device.into())),
                        (false, Some(m)) => notice.set(Notice::Info(m.into())),
                        (false, None) => {}
                    }
                }
                Err(e) => notice.set(Notice::Failed(e)),
            }
            loaded.set(true);
        });
    };
    if storage().is_err() {
        store_problem.set(Some(StoreError::Refused));
    }
    match stored() {
        Some((v, dirty)) => {
            draft.set(v);
            ed.dirty.set(dirty);
            loaded.set(true);
            notice.set(Notice::Info(t.restored.into()));
        }
        None => open_published(None),
    }

    // Autosave: every change, as soon as it is made.
    Effect::new(move |first: Option<()>| {
        let dirty = ed.dirty.get();
        draft.with(|v| {
            if first.is_some() && !v.is_null() && dirty {
                store_problem.set(store(v, dirty).err());
            }
        });
    });

    // Leaving with changes not exported asks first.
    {
        let dirty = ed.dirty;
        let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |ev: web_sys::BeforeUnloadEvent| {
                if dirty.get_untracked() {
                    ev.prevent_default();
                    ev.set_return_value(t.leave_warning);
                }
            },
        );
        let _ = window()
            .add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        handler.forget();
    }

    // With <base href> (the editor's folder), a bare "#editor-form" would
    // load another page: the page's own address, and focus moved by hand.
    let skip_href = format!(
        "{}#editor-form",
        window().location().pathname().unwrap_or_default()
    );
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(form) = document().get_element_by_id("editor-form") {
            let _ = form.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let summary = NodeRef::<leptos::html::Div>::new();
    // An invalid draft has no bundle to export: say so, and the error
    // summary takes focus.
    let refuse = move || {
        notice.set(Notice::Info(t.export_invalid.into()));
        if let Some(s) = summary.get_untracked() {
            let _ = s.focus();
        }
    };
    let export = move |_| {
        let Some(text) = checked.with_untracked(|c| c.0.as_deref().map(draft::bundle_text)) else {
            return refuse();
        };
        match download("bundle.json", &text) {
            Ok(()) => {
                ed.dirty.set(false);
                let _ = draft.with_untracked(|v| store(v, false));
                notice.set(Notice::Info(t.export_done.into()));
            }
            Err(e) => notice.set(Notice::Failed(OpenError::Read(format!("{e:?}")))),
        }
    };
    // The draft as a workbook, one sheet per section (the same file as
    // `content to-xlsx`): to edit in a spreadsheet and open here again.
    // Only a valid draft has a bundle to write, as with the export.
    let export_xlsx = move |_| {
        let Some(bundle) = checked.with_untracked(|c| c.0.clone()) else {
            return refuse();
        };
        let written =
            rops_es::content::xlsx::write_xlsx(&rops_es::content::sheet::to_tables(&bundle), None)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    download_bytes("tresc.xlsx", XLSX, &bytes).map_err(|e| format!("{e:?}"))
                });
        match written {
            Ok(()) => notice.set(Notice::Info(t.xlsx_done.into())),
            Err(e) => notice.set(Notice::Failed(OpenError::Read(e))),
        }
    };
    let save_draft_file = move |_| {
        let text = draft.with_untracked(draft::draft_file);
        let _ = download("szkic-tresci.json", &text);
    };

    // Another draft replaces this one only once the user says so, when
    // this one has changes that were not exported.
    let pending = RwSignal::new(None::<Replace>);
    let apply = move |r: Replace| match r {
        Replace::Published => open_published(Some(t.discarded)),
        Replace::File { name, draft: v } => {
            draft.set(v);
            ed.dirty.set(true);
            ed.rev.update(|r| *r += 1);
            notice.set(Notice::Info(format!("{}: {name}", t.opened)));
        }
    };
    let replace = move |r: Replace| {
        if !ed.dirty.get_untracked() {
            return apply(r);
        }
        pending.set(Some(r));
        if let Some(d) = dialog_ref.get_untracked() {
            let _ = d.show_modal();
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        // Several files, or one CSV: a folder's CSV files, one per sheet.
        if files.len() > 1
            || files
                .iter()
                .any(|f| f.name().to_lowercase().ends_with(".csv"))
        {
            let size: u64 = files.iter().map(|f| f.size() as u64).sum();
            if size > draft::MAX_OPEN_BYTES {
                notice.set(Notice::Failed(OpenError::TooLarge {
                    size,
                    limit: draft::MAX_OPEN_BYTES,
                }));
                return;
            }
            let name = files
                .iter()
                .map(web_sys::File::name)
                .collect::<Vec<_>>()
                .join(", ");
            leptos::task::spawn_local(async move {
                let mut read = vec![];
                for f in &files {
                    match read_file(f).await {
                        Ok(bytes) => read.push((f.name(), bytes)),
                        Err(e) => return notice.set(Notice::Failed(e)),
                    }
                }
                match draft::open_csv(&read, lang) {
                    Ok(v) => replace(Replace::File { name, draft: v }),
                    Err(e) => notice.set(Notice::Failed(e)),
                }
            });
            return;
        }
        let Some(file) = files.into_iter().next() else {
            return;
        };
        let name = file.name();
        // A huge file is refused before it is read.
        let size = file.size() as u64;
        if size > draft::MAX_OPEN_BYTES {
            notice.set(Notice::Failed(OpenError::TooLarge {
                size,
                limit: draft::MAX_OPEN_BYTES,
            }));
            return;
        }
        leptos::task::spawn_local(async move {
            let opened = match read_file(&file).await {
                Ok(bytes) => draft::open(&name, &bytes, lang),
                Err(e) => Err(e),
            };
            match opened {
                Ok(v) => replace(Replace::File { name, draft: v }),
                Err(e) => notice.set(Notice::Failed(e)),
            }
        });
    };

    let dialog = dialog_ref;
    let ask_discard = move |_| {
        pending.set(Some(Replace::Published));
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let confirm = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        if let Some(r) = pending.get_untracked() {
            pending.set(None);
            apply(r);
        }
    };
    let keep = move |_| {
        pending.set(None);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };

    let root = app_root();
    let (other_href, other_lang) = match lang {
        Lang::Pl => (format!("{root}en/editor"), "en"),
        Lang::En => (format!("{root}edytor"), "pl"),
    };
    let site_href = match lang {
        Lang::Pl => root.clone(),
        Lang::En => format!("{root}en"),
    };
    let theme = RwSignal::new(rops_es::prefs::current_theme());
    let toggle_theme = move |_| {
        let next = theme.get_untracked().other();
        rops_es::prefs::apply_theme(next);
        rops_es::prefs::store_theme(next);
        theme.set(next);
    };

    let notice_view = move || match notice.get() {
        Notice::None => ().into_any(),
        Notice::Info(s) => view! { <p>{s}</p> }.into_any(),
        Notice::Failed(e) => view! {
            <div class="error-panel" data-testid="open-error">
                <h2 class="error-panel__title">{t.open_failed}</h2>
                <p>{e.message(lang)}</p>
                <ul>{e.details().iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    };
    let store_view = move || {
        store_problem.get().map(|p| {
            let s = match p {
                StoreError::Refused => t.storage_refused,
                StoreError::Full => t.storage_full,
            };
            view! { <p class="ed-warning" data-testid="storage-problem">{s}</p> }
        })
    };
    let shown = Memo::new(move |prev: Option<&Option<Arc<Bundle>>>| {
        checked
            .with(|c| c.0.clone())
            .or_else(|| prev.cloned().flatten())
    });
    let stale = Signal::derive(move || checked.with(|c| c.0.is_none()));

    view! {
        <a class="skip-link" href=skip_href on:click=skip>{if lang == Lang::Pl { "Przejdź do formularza" } else { "Skip to the form" }}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__name" href=site_href>{t.back_to_site}</a>
                <div class="site-header__tools">
                    <button type="button" class="theme-switch" data-testid="theme-switch"
                        aria-pressed=move || if theme.get() == rops_es::prefs::Theme::Dark { "true" } else { "false" }
                        on:click=toggle_theme>{t.theme_dark}</button>
                    <a class="lang-switch" href=other_href lang=other_lang hreflang=other_lang
                        aria-label=t.other_lang_label data-testid="lang-switch">{t.other_lang}</a>
                </div>
            </div>
        </header>
        <main class="page ed-page" id="main">
            <h1 id="f" tabindex="-1">{t.title}</h1>
            <p>{t.intro}</p>
            <div class="ed-toolbar" role="group" aria-label=t.open_heading>
                <div class="field">
                    <label for="open-file">{t.open_file}</label>
                    <p class="ed-hint" id="open-file-hint">{t.open_file_hint}</p>
                    <input id="open-file" type="file" data-testid="open-file"
                        multiple accept=".json,.xlsx,.ods,.csv,application/json,text/csv" aria-describedby="open-file-hint"
                        on:change=on_file/>
                </div>
                <button type="button" class="button button--secondary" data-testid="open-published"
                    on:click=move |_| replace(Replace::Published)>
                    {t.open_published}
                </button>
                <button type="button" class="button" data-testid="export" on:click=export>{t.export}</button>
                <button type="button" class="button button--secondary" data-testid="export-xlsx" on:click=export_xlsx>
                    {t.export_xlsx}
                </button>
                <button type="button" class="button button--secondary" data-testid="save-draft" on:click=save_draft_file>
                    {t.save_draft_file}
                </button>
                <button type="button" class="button button--secondary" data-testid="discard" on:click=ask_discard>
                    {t.discard}
                </button>
            </div>
            <div class="ed-status" role="status" data-testid="status">{notice_view}{store_view}</div>
            <Summary ed summary/>
            <div class="ed-columns">
                <div class="ed-columns__form" id="editor-form" tabindex="-1">
                    <Show when=move || loaded.get() && !draft.with(Value::is_null)
                        fallback=move || view! { <p>{t.loading}</p> }>
                        <Form ed/>
                    </Show>
                </div>
                <super::preview::Preview shown stale lang root=root.clone()/>
            </div>
        </main>
        <dialog class="ed-dialog" node_ref=dialog aria-labelledby="discard-q" data-testid="discard-dialog">
            <p id="discard-q">
                {move || match pending.get() {
                    Some(Replace::File { name, .. }) => format!("{} ({name})", t.replace_question),
                    _ => t.discard_question.to_owned(),
                }}
            </p>
            <div class="ed-toolbar">
                <button type="button" class="button" data-testid="discard-yes" on:click=confirm>
                    {move || match pending.get() {
                        Some(Replace::File { .. }) => t.replace_yes,
                        _ => t.discard_yes,
                    }}
                </button>
                <button type="button" class="button button--secondary" data-testid="discard-no" autofocus on:click=keep>{t.discard_no}</button>
            </div>
        </dialog>
    }
}

/// Every fault, each a link to its field; then the warnings (which do
/// not stop an export). Focused when an export is refused.
#[component]
fn Summary(ed: Ed, summary: NodeRef<leptos::html::Div>) -> impl IntoView {
    let t = ed.t();
    let errors = Memo::new(move |_| {
        ed.issues
            .with(|v| v.iter().filter(|i| !i.warning).cloned().collect::<Vec<_>>())
    });
    let warnings = Memo::new(move |_| {
        ed.issues
            .with(|v| v.iter().filter(|i| i.warning).cloned().collect::<Vec<_>>())
    });
    let link = move |i: Issue| {
        let field = i.field.clone();
        let place = i.place.clone();
        view! {
            <li>
                <a href=format!("#{}", i.field) on:click=move |ev| {
                    ev.prevent_default();
                    focus_field(&field);
                }>{place} ": " {i.message}</a>
            </li>
        }
    };
    view! {
        <div class="error-summary" tabindex="-1" node_ref=summary data-testid="error-summary"
            aria-labelledby="error-summary-title" hidden=move || errors.with(Vec::is_empty)>
            <h2 id="error-summary-title">{t.summary_title}</h2>
            <ul>{move || errors.get().into_iter().map(link).collect_view()}</ul>
        </div>
        <Show when=move || !warnings.with(Vec::is_empty)>
            <details class="ed-warnings" data-testid="warnings">
                <summary>{t.summary_warnings} " (" {move || warnings.with(Vec::len)} ")"</summary>
                <ul>{move || warnings.get().into_iter().map(link).collect_view()}</ul>
            </details>
        </Show>
        <p class="visually-hidden" aria-live="polite">
            {move || if errors.with(Vec::is_empty) { t.valid.to_owned() } else { format!("{}: {}", t.summary_title, errors.with(Vec::len)) }}
        </p>
    }
}
