//! What the editor asks of the browser: its own address and language,
//! files in (opened) and out (downloads), the published content (or this
//! device's copy of it), and the question before leaving unsaved work.

use super::draft::{self, OpenError};
use leptos::prelude::*;
use rops_app::content::Lang;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// The app's root address: the editor's files sit in its `editor/` folder.
pub(super) fn app_root() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    base.strip_suffix("editor/").unwrap_or(&base).to_owned()
}

/// The page's language, from its address (`…/edytor` or `…/en/editor`).
pub(super) fn page_lang() -> Lang {
    let path = window().location().pathname().unwrap_or_default();
    if path.trim_end_matches('/').ends_with("/en/editor") {
        Lang::En
    } else {
        Lang::Pl
    }
}

/// Saves `text` as a JSON file named `name` (the browser's download).
pub(super) fn download(name: &str, text: &str) -> Result<(), JsValue> {
    download_bytes(name, "application/json", text.as_bytes())
}

/// The spreadsheet type of an `.xlsx` file.
pub(super) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Saves `bytes` as a file named `name` of type `mime`.
pub(super) fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
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

pub(super) async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, OpenError> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| OpenError::Read(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The published content, and whether it is this device's copy (the
/// network failed: offline, or the server is down).
pub(super) async fn fetch_published(lang: Lang) -> Result<(Value, bool), OpenError> {
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
        Err(e) => match rops_app::data::last_good_bytes(&url).await {
            Some(bytes) => Ok((draft::open("bundle.json", &bytes, lang)?, true)),
            None => Err(e),
        },
    }
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

/// Leaving with changes not exported asks first (`message`, which most
/// browsers replace with their own words).
pub(super) fn warn_before_leaving(dirty: RwSignal<bool>, message: &'static str) {
    let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value(message);
            }
        },
    );
    let _ =
        window().add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
    handler.forget();
}
