//! Loads the content bundle once, at start-up, and shares it through context.
//! Pages never fetch: they read [`use_content`] and render one of three
//! states (loading, content, [`LoadError`]).

use crate::content::{self, Bundle, ContentError};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// How long a visitor waits before being told the server is not answering
/// (slow 3G takes ~5 s for the whole app; this is four times that).
const FETCH_TIMEOUT_MS: i32 = 20_000;

/// Why there is no content to show. Each variant has its own message and help.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("network error: {0}")]
    Network(String),
    #[error("no answer within {} s", FETCH_TIMEOUT_MS / 1000)]
    Timeout,
    #[error("HTTP status {0}")]
    Http(u16),
    #[error(transparent)]
    Content(#[from] ContentError),
}

pub type Loaded = Result<Arc<Bundle>, LoadError>;

/// The shared content: the resource and a way to load it again.
#[derive(Clone, Copy)]
pub struct Content {
    pub resource: LocalResource<Loaded>,
    /// True while a (re)load is under way, so Retry can say it is working.
    pub pending: RwSignal<bool>,
}

impl Content {
    pub fn retry(&self) {
        self.resource.refetch();
    }
}

/// The bundle's address: beside the app, under the same base path, so the
/// `<link rel=preload>` in index.html and this fetch are the same request.
pub fn bundle_url() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    format!("{base}content/bundle.json")
}

pub fn provide_content() -> Content {
    let pending = RwSignal::new(true);
    let url = bundle_url();
    let resource = LocalResource::new(move || {
        let url = url.clone();
        pending.set(true);
        async move {
            let out = fetch_bundle(&url).await;
            pending.set(false);
            out
        }
    });
    let content = Content { resource, pending };
    provide_context(content);
    content
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(cb: &js_sys::Function, ms: i32) -> i32;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: i32);
}

async fn fetch_bundle(url: &str) -> Loaded {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let timer = controller.clone().map(|c| {
        let flag = timed_out.clone();
        let cb = Closure::once_into_js(move || {
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
            c.abort();
        });
        set_timeout(cb.unchecked_ref(), FETCH_TIMEOUT_MS)
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
        let bytes = resp
            .binary()
            .await
            .map_err(|e| LoadError::Network(e.to_string()))?;
        Ok(Arc::new(content::parse_bytes(&bytes)?))
    }
    .await;
    if let Some(t) = timer {
        clear_timeout(t);
    }
    match result {
        Err(LoadError::Network(_)) if timed_out.load(std::sync::atomic::Ordering::Relaxed) => {
            Err(LoadError::Timeout)
        }
        other => other,
    }
}
