//! Owns the browser's address: the current path (below the router base),
//! query and fragment as signals; navigation that pushes or replaces a
//! history entry; Back/Forward; and in-app link clicks, which navigate
//! without a reload. What each address shows is the route table's business
//! (`nav.rs`); this is the small part of a router the app needs, in place of
//! leptos_router (its route matching went unused, and it cost the wasm about
//! 12 KB brotli).

use crate::nav::local_path;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The address, as signals. Copy: handlers capture it freely.
#[derive(Clone, Copy)]
pub struct Location {
    /// Below the router base, e.g. `/os-czasu/2015-mokes`.
    pub path: RwSignal<String>,
    /// With its `?`, or empty.
    pub search: RwSignal<String>,
    /// With its `#`, or empty.
    pub hash: RwSignal<String>,
    base: StoredValue<String>,
}

/// How to navigate.
#[derive(Debug, Clone, Copy, Default)]
pub struct Go {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Keep the scroll position (filters changing the list under the reader).
    pub keep_scroll: bool,
}

impl Location {
    /// An address that does not follow the browser: the publisher renders
    /// each route at its own, fixed address.
    pub fn fixed(base: &str, path: &str, search: &str) -> Location {
        Location {
            path: RwSignal::new(path.to_owned()),
            search: RwSignal::new(search.to_owned()),
            hash: RwSignal::new(String::new()),
            base: StoredValue::new(base.trim_end_matches('/').to_owned()),
        }
    }

    fn read(&self) {
        let l = window().location();
        let path = local_path(&l.pathname().unwrap_or_default(), &self.base.get_value());
        let search = l.search().unwrap_or_default();
        let hash = l.hash().unwrap_or_default();
        // Set only what changed, so a new query does not redraw the page.
        if self.path.get_untracked() != path {
            self.path.set(path);
        }
        if self.search.get_untracked() != search {
            self.search.set(search);
        }
        if self.hash.get_untracked() != hash {
            self.hash.set(hash);
        }
    }

    /// Goes to `to`, an address below the router base (`/os-czasu?kind=award`).
    pub fn navigate(&self, to: &str, go: Go) {
        let url = format!("{}{to}", self.base.get_value());
        if let Ok(history) = window().history() {
            let _ = if go.replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        self.read();
        // A fragment is scrolled to by the page that owns it.
        if !go.keep_scroll && self.hash.get_untracked().is_empty() {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// A query parameter of the current address (reactive), decoded as
    /// `URLSearchParams` does (`+` is a space).
    pub fn query(&self, name: &str) -> Option<String> {
        self.search.with(|s| {
            s.trim_start_matches('?').split('&').find_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(k) == name).then(|| decode(v))
            })
        })
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// Starts following the address: Back/Forward, and clicks on links inside
/// the app (same origin, below the base, no `target`, no `download`, no
/// modifier key), which navigate in place instead of loading a page.
pub fn provide_router(base: &str) -> Location {
    let location = Location::fixed(base, "", "");
    location.read();
    provide_context(location);

    let popstate = window_event_listener_untyped("popstate", move |_| location.read());
    let click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(to) = in_app_target(&ev, &location.base.get_value()) {
            ev.prevent_default();
            location.navigate(&to, Go::default());
        }
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

/// The in-app address a click on a link should go to, if it is one.
fn in_app_target(ev: &web_sys::MouseEvent, base: &str) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let a: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    if !matches!(a.target().as_str(), "" | "_self")
        || a.has_attribute("download")
        || a.rel().split_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let url = web_sys::Url::new(&a.href()).ok()?;
    if url.origin() != window().location().origin().ok()? {
        return None;
    }
    let path = url.pathname();
    let inside = base.is_empty() || path == base || path.starts_with(&format!("{base}/"));
    inside.then(|| format!("{}{}{}", local_path(&path, base), url.search(), url.hash()))
}

/// The app's [`Location`]; outside the app (component tests), the address
/// as it is, at the root.
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(|| provide_router(""))
}
