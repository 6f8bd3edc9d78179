//! Loads the content bundle once and shares it through context. Pages never
//! fetch: they read [`use_content`] and render one of three states (loading,
//! content, [`LoadError`]).
//!
//! Stale-while-revalidate with validation: the last bundle that passed the
//! validator is kept in Cache Storage. At start the app asks the network and
//! the cache at once; the cached copy is shown as soon as it is read, and the
//! network's answer replaces it only if it parses and validates. A failed or
//! invalid download never replaces good content; the visitor is told which.
//! (This lives here, not in the service worker, because only the app can run
//! the Rust validator.)

use crate::content::{self, Bundle, Chronology, ContentError};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// How long a visitor waits before being told the server is not answering
/// (slow 3G takes ~5 s for the whole app; this is four times that).
const FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Cache Storage name of the last good bundle at `bundle_url`: named after
/// its site's path (the bundle sits at `<site>content/bundle.json`), so two
/// deployments on one origin keep, and clean up, their own; and after the
/// schema version, so an app that reads another format never starts from a
/// copy it cannot read (and older copies are removed when a new one is
/// stored). (The content editor reads and fills the same cache: see
/// src/editor/page.rs.)
pub fn content_cache(bundle_url: &str) -> String {
    format!(
        "{CONTENT_CACHE_PREFIX}{}@{}",
        content::SCHEMA_VERSION,
        site_of(bundle_url)
    )
}
const CONTENT_CACHE_PREFIX: &str = crate::storage::CONTENT_CACHE.name;

/// The site's path of a bundle's address: `/ekonomia/` for
/// `https://host/ekonomia/content/bundle.json`.
fn site_of(bundle_url: &str) -> String {
    let path = web_sys::Url::new(bundle_url).map_or_else(|_| "/".into(), |u| u.pathname());
    path.strip_suffix("content/bundle.json")
        .unwrap_or(&path)
        .to_owned()
}

/// Why there is no (fresh) content to show. Each variant has its own message and help.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("network error: {0}")]
    Network(String),
    #[error("no answer within {} s", FETCH_TIMEOUT.as_secs())]
    Timeout,
    #[error("HTTP status {0}")]
    Http(u16),
    #[error(transparent)]
    Content(#[from] ContentError),
}

pub type Loaded = Result<Arc<Bundle>, LoadError>;

/// Where the content on screen came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Downloaded and validated just now.
    Network,
    /// The last good copy on this device, while the network is still asked.
    CacheRevalidating,
    /// The last good copy, because the download failed (offline, server error).
    CacheAfterFailure(LoadError),
    /// The last good copy, because the downloaded bundle was invalid.
    CacheAfterRejection(LoadError),
}

/// The shared content: its state, where it came from, and a way to load it again.
#[derive(Clone, Copy)]
pub struct Content {
    /// None while nothing has arrived yet.
    pub state: RwSignal<Option<Loaded>>,
    pub origin: RwSignal<Origin>,
    /// True while a (re)load is under way, so Retry can say it is working.
    pub pending: RwSignal<bool>,
    /// How many times Retry was pressed in a row without success (for backoff).
    failures: RwSignal<u32>,
    /// The chronology of the bundle last asked about (see [`Content::chronology`]).
    chronology: StoredValue<Option<(Arc<Bundle>, Arc<Chronology>)>>,
}

impl Content {
    /// A context with fixed content, for component tests.
    pub fn fixed(loaded: Option<Loaded>) -> Content {
        Content {
            state: RwSignal::new(loaded),
            origin: RwSignal::new(Origin::Network),
            pending: RwSignal::new(false),
            failures: RwSignal::new(0),
            chronology: StoredValue::new(None),
        }
    }

    /// Fixed content whose chronology is already built: the publisher
    /// renders thousands of pages from one bundle and sorts it once.
    pub fn prepared(bundle: Arc<Bundle>, chronology: Arc<Chronology>) -> Content {
        let c = Content::fixed(Some(Ok(bundle.clone())));
        c.chronology.set_value(Some((bundle, chronology)));
        c
    }

    /// The events of `bundle` in timeline order, with their search indexes:
    /// built once per bundle and shared by the timeline and the event pages.
    pub fn chronology(&self, bundle: &Arc<Bundle>) -> Arc<Chronology> {
        if let Some(Some((b, c))) = self.chronology.try_get_value() {
            if Arc::ptr_eq(&b, bundle) {
                return c;
            }
        }
        let c = Arc::new(Chronology::new(bundle));
        self.chronology.set_value(Some((bundle.clone(), c.clone())));
        c
    }

    /// Load again (the error panel's and the notices' Retry).
    pub fn retry(&self) {
        let this = *self;
        if this.pending.get_untracked() {
            return;
        }
        this.pending.set(true);
        leptos::task::spawn_local(async move {
            // Backoff: a server that just failed is given a moment before
            // the next attempt (0 s, 1 s, 2 s, 4 s … at most 8 s).
            let n = this.failures.get_untracked();
            if n > 0 {
                sleep(std::time::Duration::from_secs(1 << (n - 1).min(3))).await;
            }
            load_into(this).await;
        });
    }
}

/// The bundle's address: beside the app, under the same base path, so the
/// `<link rel=preload>` in index.html and this fetch are the same request.
pub fn bundle_url() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    format!("{base}content/bundle.json")
}

pub fn provide_content() -> Content {
    let content = Content::fixed(None);
    content.pending.set(true);
    provide_context(content);
    leptos::task::spawn_local(load_into(content));
    content
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}

async fn load_into(c: Content) {
    let url = bundle_url();
    // Show the cached copy as soon as it is read, unless the network was faster.
    let cached_shown = std::rc::Rc::new(std::cell::Cell::new(false));
    {
        let (url, shown) = (url.clone(), cached_shown.clone());
        leptos::task::spawn_local(async move {
            if let Some(b) = read_last_good(&url).await {
                if c.pending.get_untracked() && c.state.get_untracked().is_none_or(|s| s.is_err()) {
                    shown.set(true);
                    c.state.set(Some(Ok(b)));
                    c.origin.set(Origin::CacheRevalidating);
                }
            }
        });
    }
    let fresh = fetch_bundle(&url).await;
    match fresh {
        Ok((b, bytes)) => {
            store_last_good(&url, &bytes).await;
            // Unchanged since the cached copy on screen: keep it, so the page
            // is not rebuilt under the reader (or a test's fingers).
            let same = c
                .state
                .with_untracked(|s| matches!(s, Some(Ok(shown)) if **shown == *b));
            if !same {
                c.state.set(Some(Ok(b)));
            }
            c.origin.set(Origin::Network);
            c.failures.set(0);
        }
        Err(e) => {
            if matches!(e, LoadError::Content(ContentError::NewerSchema { .. })) {
                // The content moved on to a newer format: a newer app must
                // be deployed too. Ask the worker to fetch it now.
                crate::pwa::look_for_update();
            }
            c.failures.update(|n| *n += 1);
            let fallback = if cached_shown.get() {
                c.state.get_untracked().and_then(Result::ok)
            } else {
                read_last_good(&url).await
            };
            match fallback {
                Some(b) => {
                    let origin = match e {
                        LoadError::Content(_) => Origin::CacheAfterRejection(e),
                        _ => Origin::CacheAfterFailure(e),
                    };
                    // Already on screen (shown while the network was asked):
                    // leave it, so the page is not rebuilt under the reader
                    // and focus stays where it was; only the notice changes.
                    let shown = c.state.with_untracked(
                        |s| matches!(s, Some(Ok(on_screen)) if Arc::ptr_eq(on_screen, &b)),
                    );
                    if !shown {
                        c.state.set(Some(Ok(b)));
                    }
                    c.origin.set(origin);
                }
                None => c.state.set(Some(Err(e))),
            }
        }
    }
    c.pending.set(false);
}

/// Waits, without blocking the page (leptos' timer under a promise).
pub async fn sleep(duration: std::time::Duration) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout(
            move || {
                let _ = resolve.call0(&JsValue::NULL);
            },
            duration,
        );
    });
    let _ = JsFuture::from(p).await;
}

/// The bundle as last validated on this device, if any. Storage that is
/// missing or refuses (private mode) simply means "no copy".
async fn read_last_good(url: &str) -> Option<Arc<Bundle>> {
    let bytes = last_good_bytes(url).await?;
    // Re-validated on read: a copy left by an older app version with another
    // schema is not trusted blindly.
    content::parse_bytes(&bytes).ok().map(Arc::new)
}

/// The bytes of the last good copy of the bundle at `url` on this device,
/// unchecked (the editor checks them as a draft of its own).
pub async fn last_good_bytes(url: &str) -> Option<Vec<u8>> {
    let caches = window().caches().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(&content_cache(url)))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let resp: web_sys::Response = hit.dyn_into().ok()?;
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Keeps `bytes`, a bundle the caller has validated, as the last good copy.
pub async fn store_last_good(url: &str, bytes: &[u8]) {
    let Ok(caches) = window().caches() else {
        return;
    };
    let site = site_of(url);
    let name = content_cache(url);
    let Ok(cache) = JsFuture::from(caches.open(&name)).await else {
        return;
    };
    let cache: web_sys::Cache = cache.unchecked_into();
    let mut body = bytes.to_vec();
    let Ok(resp) = web_sys::Response::new_with_opt_u8_array(Some(&mut body)) else {
        return;
    };
    // A full or refusing storage is not an error for the visitor.
    let _ = JsFuture::from(cache.put_with_str(url, &resp)).await;
    // Copies in other schema versions can never be read again.
    if let Ok(keys) = JsFuture::from(caches.keys()).await {
        for key in js_sys::Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_string())
        {
            if key.starts_with(CONTENT_CACHE_PREFIX)
                && key.ends_with(&format!("@{site}"))
                && key != name
            {
                let _ = caches.delete(&key);
            }
            // Named before names carried the site: this site's copy goes
            // (another site's stays, found by its own address).
            if key.starts_with(CONTENT_CACHE_PREFIX) && !key.contains('@') {
                if let Ok(old) = JsFuture::from(caches.open(&key)).await {
                    let _ = old.unchecked_into::<web_sys::Cache>().delete_with_str(url);
                }
            }
        }
    }
}

/// Reads a body, refusing it as soon as it is known to be too large: by its
/// declared `Content-Length` before anything is read, then by counting while
/// it streams, so a runaway file is never held whole in memory. (A
/// compressed length is a lower bound of the real size, so it may refuse
/// early but never wrongly.)
async fn read_limited(
    resp: gloo_net::http::Response,
    abort: Option<&web_sys::AbortController>,
) -> Result<Vec<u8>, LoadError> {
    let limit = content::MAX_BUNDLE_BYTES;
    let refuse = |size: usize| {
        if let Some(c) = abort {
            c.abort();
        }
        Err(LoadError::Content(ContentError::TooLarge { size, limit }))
    };
    let declared = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(len) = declared.filter(|&len| len > limit) {
        return refuse(len);
    }
    let Some(stream) = resp.body() else {
        // No body stream (an empty body, or a browser without streams).
        let bytes = resp
            .binary()
            .await
            .map_err(|e| LoadError::Network(e.to_string()))?;
        return if bytes.len() > limit {
            refuse(bytes.len())
        } else {
            Ok(bytes)
        };
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    // Chunks stay in JS until the end, then are copied once into a buffer
    // of the exact size (no growing and copying again on the way).
    let mut chunks: Vec<js_sys::Uint8Array> = vec![];
    let mut total = 0usize;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| LoadError::Network(format!("{e:?}")))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(|e| LoadError::Network(format!("{e:?}")))?
            .unchecked_into();
        total += value.length() as usize;
        if total > limit {
            let _ = reader.cancel();
            return refuse(total);
        }
        chunks.push(value);
    }
    let mut bytes = vec![0u8; total];
    let mut at = 0;
    for c in chunks {
        let n = c.length() as usize;
        c.copy_to(&mut bytes[at..at + n]);
        at += n;
    }
    Ok(bytes)
}

async fn fetch_bundle(url: &str) -> Result<(Arc<Bundle>, Vec<u8>), LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.clone().and_then(|c| {
        let flag = timed_out.clone();
        set_timeout_with_handle(
            move || {
                flag.set(true);
                c.abort();
            },
            FETCH_TIMEOUT,
        )
        .ok()
    });
    let result = async {
        let resp = gloo_net::http::Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| LoadError::Network(e.to_string()))?;
        if !resp.ok() {
            return Err(LoadError::Http(resp.status()));
        }
        let bytes = read_limited(resp, controller.as_ref()).await?;
        let bundle = content::parse_bytes(&bytes)?;
        Ok((Arc::new(bundle), bytes))
    }
    .await;
    if let Some(t) = timer {
        t.clear();
    }
    match result {
        Err(LoadError::Network(_)) if timed_out.get() => Err(LoadError::Timeout),
        other => other,
    }
}
