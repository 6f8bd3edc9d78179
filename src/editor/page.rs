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
use super::store;
use super::strings::ui;
use leptos::prelude::*;
use rops_app::content::{Bundle, Lang};
use serde_json::Value;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

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

/// This page's draft in the browser's storage (see [`store`]).
#[derive(Clone)]
struct Kept {
    draft_key: String,
    unsaved_key: String,
    /// This tab, among the tabs of the same editor.
    tab: String,
    /// The revision this tab last loaded or saved.
    rev: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Kept {
    fn new() -> Kept {
        let site = web_sys::Url::new(&app_root())
            .map(|u| u.pathname())
            .unwrap_or_else(|_| "/".into());
        let (draft_key, unsaved_key) = store::keys(&site);
        Kept {
            draft_key,
            unsaved_key,
            tab: format!("{:x}", (js_sys::Math::random() * 1e15) as u64),
            rev: Default::default(),
        }
    }

    /// The stored record; a draft stored under the key every site used
    /// before keys carried the site is taken over by this one.
    fn load(&self) -> Option<store::Record> {
        let s = storage().ok()?;
        if let Some(r) = s
            .get_item(&self.draft_key)
            .ok()?
            .as_deref()
            .and_then(store::Record::read)
        {
            return Some(r);
        }
        let old = s.get_item(store::LEGACY_KEY).ok()??;
        let r = store::Record::read(&old)?;
        if s.set_item(&self.draft_key, &old).is_ok() {
            let _ = s.remove_item(store::LEGACY_KEY);
        }
        Some(r)
    }

    /// When the first save that failed since the last one that worked was
    /// refused, if one was.
    fn unsaved_since(&self) -> Option<f64> {
        storage()
            .ok()?
            .get_item(&self.unsaved_key)
            .ok()??
            .parse()
            .ok()
    }

    /// Saves the draft, unless another tab saved it after this one last
    /// did: then its record is returned and nothing is written.
    fn save(
        &self,
        draft: &Value,
        dirty: bool,
        base: Option<String>,
    ) -> Result<Option<store::Record>, StoreError> {
        let s = storage()?;
        let mine = self.rev.load(Relaxed);
        let stored = s.get_item(&self.draft_key).ok().flatten();
        let stored = stored.as_deref().and_then(store::Record::read);
        if let Some(r) = stored.as_ref().filter(|r| r.is_newer_than(mine, &self.tab)) {
            return Ok(Some(r.clone()));
        }
        let rev = stored.map_or(0, |r| r.rev).max(mine) + 1;
        let record = store::Record {
            dirty,
            rev,
            saved_at: js_sys::Date::now(),
            tab: self.tab.clone(),
            base,
            draft: draft.clone(),
        };
        let text = serde_json::to_string(&record).unwrap_or_default();
        match s.set_item(&self.draft_key, &text) {
            Ok(()) => {
                self.rev.store(rev, Relaxed);
                let _ = s.remove_item(&self.unsaved_key);
                Ok(None)
            }
            Err(e) => {
                let name = e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.name()))
                    .unwrap_or_default();
                // The mark of the first refused save (a few bytes fit
                // where the draft did not): the stored draft is older.
                if s.get_item(&self.unsaved_key).ok().flatten().is_none() {
                    let _ = s.set_item(&self.unsaved_key, &js_sys::Date::now().to_string());
                }
                Err(if name.contains("Quota") {
                    StoreError::Full
                } else {
                    StoreError::Refused
                })
            }
        }
    }

    fn forget(&self) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(&self.draft_key);
            let _ = s.remove_item(&self.unsaved_key);
        }
        self.rev.store(0, Relaxed);
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
            if rops_app::content::parse_bytes(&bytes).is_ok() {
                rops_app::data::store_last_good(&url, &bytes).await;
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
    let cache: web_sys::Cache = JsFuture::from(caches.open(&rops_app::data::content_cache(url)))
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

/// What the toolbar last said: a plain note, or a failed opening, or that
/// the export was downloaded (with the way to mark it published).
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    None,
    Info(String),
    Failed(OpenError),
    Exported,
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let lang = page_lang();
    let t = ui(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.as_str());
    }
    document().set_title(t.title);
    if let Some(theme) = rops_app::prefs::stored_theme() {
        rops_app::prefs::apply_theme(theme);
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
    let kept = StoredValue::new(Kept::new());
    // A newer draft saved by another tab, which this one will not save over.
    let conflict = RwSignal::new(None::<store::Record>);
    // The live version the draft was made from (see publishing.rs).
    let base = RwSignal::new(None::<String>);
    // The same editor is open in another tab.
    let elsewhere = RwSignal::new(false);

    // The draft as it was left, or the published content. The draft in
    // storage goes only once the published content has arrived: offline,
    // with no copy on this device, "discard" keeps the draft.
    let open_published = move |done: Option<&'static str>| {
        leptos::task::spawn_local(async move {
            // The version first: if another goes live between the two
            // fetches, the draft names the older one, and a publish from it
            // is refused as stale rather than replacing the newer one.
            let live = super::publishing::fetch_status(&app_root())
                .await
                .and_then(|s| s.version);
            match fetch_published(lang).await {
                Ok((v, from_device)) => {
                    base.set(live);
                    draft.set(v);
                    ed.dirty.set(false);
                    ed.rev.update(|r| *r += 1);
                    kept.with_value(Kept::forget);
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
    match kept.with_value(Kept::load) {
        Some(r) => {
            kept.with_value(|k| k.rev.store(r.rev, Relaxed));
            base.set(r.base);
            draft.set(r.draft);
            ed.dirty.set(r.dirty);
            loaded.set(true);
            // Said with its time: a draft stored before a save was refused
            // is that time's draft, and the changes after it are lost.
            let mut said = t.restored.replace("{time}", &store::clock(r.saved_at));
            if r.saved_at == 0.0 {
                said = t.restored_undated.into();
            }
            if let Some(since) = kept.with_value(Kept::unsaved_since) {
                said = format!(
                    "{said} {}",
                    t.lost_since.replace("{time}", &store::clock(since))
                );
            }
            notice.set(Notice::Info(said));
        }
        None => open_published(None),
    }

    // Autosave: every change, as soon as it is made, unless another tab
    // has saved a newer draft (then the person chooses).
    let save = move |v: &Value, dirty: bool| match kept
        .with_value(|k| k.save(v, dirty, base.get_untracked()))
    {
        Ok(None) => store_problem.set(None),
        Ok(Some(newer)) => conflict.set(Some(newer)),
        Err(e) => store_problem.set(Some(e)),
    };
    Effect::new(move |first: Option<()>| {
        let dirty = ed.dirty.get();
        let held = conflict.with(Option::is_some);
        draft.with(|v| {
            if first.is_some() && !v.is_null() && dirty && !held {
                save(v, dirty);
            }
        });
    });

    // Another tab's save is seen at once (the `storage` event fires in
    // every other tab of the origin).
    {
        let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
            move |ev: web_sys::StorageEvent| {
                let newer = kept.with_value(|k| {
                    if ev.key().as_deref() != Some(k.draft_key.as_str()) {
                        return None;
                    }
                    let r = ev.new_value().as_deref().and_then(store::Record::read)?;
                    r.is_newer_than(k.rev.load(Relaxed), &k.tab).then_some(r)
                });
                if let Some(r) = newer {
                    conflict.set(Some(r));
                }
            },
        );
        let _ =
            window().add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
        handler.forget();
    }
    // Tabs of the same editor greet each other: each is told of the other.
    let channel_name = kept.with_value(|k| format!("rops-editor:{}", k.draft_key));
    if let Ok(channel) = web_sys::BroadcastChannel::new(&channel_name) {
        let reply = channel.clone();
        let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
            move |ev: web_sys::MessageEvent| match ev.data().as_string().as_deref() {
                Some("hello") => {
                    elsewhere.set(true);
                    let _ = reply.post_message(&JsValue::from_str("here"));
                }
                Some("here") => elsewhere.set(true),
                Some("bye") => elsewhere.set(false),
                _ => {}
            },
        );
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        let _ = channel.post_message(&JsValue::from_str("hello"));
        let bye = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            let _ = channel.post_message(&JsValue::from_str("bye"));
        });
        let _ = window().add_event_listener_with_callback("pagehide", bye.as_ref().unchecked_ref());
        bye.forget();
    }
    // The other tab's draft, or this one over it.
    let take_theirs = {
        move |_| {
            if let Some(r) = conflict.get_untracked() {
                kept.with_value(|k| k.rev.store(r.rev, Relaxed));
                base.set(r.base);
                draft.set(r.draft);
                ed.dirty.set(r.dirty);
                ed.rev.update(|n| *n += 1);
                conflict.set(None);
                notice.set(Notice::Info(t.conflict_taken.into()));
            }
        }
    };
    let keep_mine = {
        move |_| {
            if let Some(r) = conflict.get_untracked() {
                kept.with_value(|k| k.rev.store(r.rev, Relaxed));
                conflict.set(None);
                draft.with_untracked(|v| save(v, ed.dirty.get_untracked()));
                notice.set(Notice::Info(t.conflict_kept.into()));
            }
        }
    };

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
        // Downloaded is not published (nor even saved: the save dialog
        // may have been cancelled): the draft keeps its changes marked
        // until the person says the file was published.
        match download("bundle.json", &text) {
            Ok(()) => notice.set(Notice::Exported),
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
            rops_workbook::xlsx::write_xlsx(&rops_workbook::sheet::to_tables(&bundle), None)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    download_bytes("tresc.xlsx", XLSX, &bytes).map_err(|e| format!("{e:?}"))
                });
        match written {
            Ok(()) => notice.set(Notice::Info(t.xlsx_done.into())),
            Err(e) => notice.set(Notice::Failed(OpenError::Read(e))),
        }
    };
    let mark_published = {
        move |_| {
            ed.dirty.set(false);
            draft.with_untracked(|v| save(v, false));
            notice.set(Notice::Info(t.marked_published.into()));
        }
    };
    // Publishing from the editor: the checked draft's file (`None` when
    // it has faults: the error summary takes focus, the panel says why).
    // Once live, the draft is made from the new version; it has no
    // unpublished changes left only if it was not edited while it was
    // being sent.
    let sent = StoredValue::new(None::<String>);
    let publish_text = Callback::new(move |()| {
        let text = checked.with_untracked(|c| c.0.as_deref().map(draft::bundle_text));
        match &text {
            Some(_) => sent.set_value(text.clone()),
            None => {
                if let Some(s) = summary.get_untracked() {
                    let _ = s.focus();
                }
            }
        }
        text
    });
    let on_published = Callback::new(move |version: String| {
        base.set(Some(version));
        let now = checked.with_untracked(|c| c.0.as_deref().map(draft::bundle_text));
        let unchanged = now.is_some() && sent.with_value(|s| *s == now);
        if unchanged {
            ed.dirty.set(false);
        }
        draft.with_untracked(|v| save(v, !unchanged));
    });
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
            // A file from disk was made from no version this page knows:
            // publishing it over a live site is refused as stale until the
            // person says to publish anyway.
            base.set(None);
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
    let theme = RwSignal::new(rops_app::prefs::current_theme());
    let toggle_theme = move |_| {
        let next = theme.get_untracked().other();
        rops_app::prefs::apply_theme(next);
        rops_app::prefs::store_theme(next);
        theme.set(next);
    };

    let notice_view = move || match notice.get() {
        Notice::None => ().into_any(),
        Notice::Info(s) => view! { <p>{s}</p> }.into_any(),
        Notice::Exported => view! {
            <p>{t.export_done} " "
                <button type="button" class="button button--secondary" data-testid="mark-published"
                    on:click=mark_published>{t.mark_published}</button>
            </p>
        }
        .into_any(),
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
                        aria-pressed=move || if theme.get() == rops_app::prefs::Theme::Dark { "true" } else { "false" }
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
            <div class="ed-status" role="status" data-testid="status">{notice_view}{store_view}
                {move || elsewhere.get().then(|| view! { <p class="ed-warning" data-testid="elsewhere">{t.elsewhere}</p> })}
            </div>
            <Show when=move || conflict.with(Option::is_some)>
                <div class="error-panel" role="alert" data-testid="conflict">
                    <p>{move || t.conflict.replace("{time}", &conflict.with(|c| c.as_ref().map(|r| store::clock(r.saved_at)).unwrap_or_default()))}</p>
                    <div class="ed-toolbar">
                        <button type="button" class="button" data-testid="conflict-theirs" on:click=take_theirs>{t.conflict_theirs}</button>
                        <button type="button" class="button button--secondary" data-testid="conflict-mine" on:click=keep_mine>{t.conflict_mine}</button>
                    </div>
                </div>
            </Show>
            <Summary ed summary/>
            <super::publishing::PublishPanel lang root=root.clone() text=publish_text base published=on_published/>
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
