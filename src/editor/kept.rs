//! This page's draft in the browser's storage (the record's format is
//! [`store`]'s), and the other tabs of the same editor: a newer draft saved
//! by one is seen by the others at once, and each knows the others are open.

use super::browser::app_root;
use super::store;
use leptos::prelude::*;
use serde_json::Value;
use std::sync::atomic::Ordering::Relaxed;
use wasm_bindgen::{JsCast, JsValue};

/// Why the draft could not be kept in the browser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum StoreError {
    Refused,
    Full,
}

pub(super) fn storage() -> Result<web_sys::Storage, StoreError> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StoreError::Refused)
}

/// This page's draft in the browser's storage (see [`store`]).
#[derive(Clone)]
pub(super) struct Kept {
    pub(super) draft_key: String,
    unsaved_key: String,
    /// This tab, among the tabs of the same editor.
    pub(super) tab: String,
    /// The revision this tab last loaded or saved.
    pub(super) rev: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Kept {
    pub(super) fn new() -> Kept {
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
    pub(super) fn load(&self) -> Option<store::Record> {
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
    pub(super) fn unsaved_since(&self) -> Option<f64> {
        storage()
            .ok()?
            .get_item(&self.unsaved_key)
            .ok()??
            .parse()
            .ok()
    }

    /// Saves the draft, unless another tab saved it after this one last
    /// did: then its record is returned and nothing is written.
    pub(super) fn save(
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

    pub(super) fn forget(&self) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(&self.draft_key);
            let _ = s.remove_item(&self.unsaved_key);
        }
        self.rev.store(0, Relaxed);
    }
}

/// Another tab's save is seen at once (the `storage` event fires in every
/// other tab of the origin): a newer draft goes to `conflict`. Tabs of the
/// same editor greet each other on a broadcast channel: `elsewhere` says
/// whether another is open.
pub(super) fn watch_other_tabs(
    kept: StoredValue<Kept>,
    conflict: RwSignal<Option<store::Record>>,
    elsewhere: RwSignal<bool>,
) {
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
    let _ = window().add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    handler.forget();

    let channel_name = kept.with_value(|k| format!("rops-editor:{}", k.draft_key));
    let Ok(channel) = web_sys::BroadcastChannel::new(&channel_name) else {
        return;
    };
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
