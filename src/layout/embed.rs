//! The embedded frame: the timeline or funding view without the site's
//! chrome, for an iframe in the regional portal.
//!
//! Protocol with the host page (`public/embed.js` implements the host side):
//! - out: `{type: "rops:height", id, height}` whenever the content's height
//!   changes, and `{type: "rops:navigate", id, event, path}` when an event
//!   is opened (event id) or closed (`event: null`);
//! - in: `{type: "rops:open", event}` opens an event (null: back to the list).
//!   Accepted only from the parent window; anything else is ignored.
//!
//! URL parameters: `id` (names this embed in messages), `theme`
//! (`light`/`dark`), `accent` (one of [`ACCENTS`]).

use crate::app::{apply_theme, use_lang};
use crate::components::AppStatus;
use crate::i18n::ui;
use crate::routes::{event_id_of_path, event_path, from_embed, timeline_path, Page};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::prelude::*;

/// Accent colours a host may pick; each is checked for contrast in both
/// themes (see style.css). Anything else is ignored.
pub const ACCENTS: [&str; 4] = ["blue", "green", "purple", "red"];

fn param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The embed's id, as the host named it: letters, digits, `-` and `_` only,
/// so it can be echoed back safely.
fn embed_id() -> String {
    param("id")
        .filter(|id| valid_id(id))
        .unwrap_or_else(|| "rops".into())
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The embed's own URL options, validated, as a query string (`id=…&theme=…`),
/// to be carried by every link inside the embed.
pub fn embed_query() -> String {
    let mut q = vec![];
    if let Some(id) = param("id").filter(|id| valid_id(id)) {
        q.push(format!("id={id}"));
    }
    if let Some(theme) = param("theme").filter(|t| t == "light" || t == "dark") {
        q.push(format!("theme={theme}"));
    }
    if let Some(accent) = param("accent").filter(|a| ACCENTS.contains(&a.as_str())) {
        q.push(format!("accent={accent}"));
    }
    q.join("&")
}

fn post(msg: &serde_json::Value) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if parent == window() {
        return; // not framed: nobody to tell
    }
    let Ok(value) = js_sys::JSON::parse(&msg.to_string()) else {
        return;
    };
    // The host's origin is unknown to us (any portal page may embed); the
    // messages carry nothing private, and embed.js checks *our* origin.
    let _ = parent.post_message(&value, "*");
}

#[component]
pub fn EmbedFrame(
    /// Current path below the router base.
    path: Memo<String>,
    /// The app's routes.
    routes: fn() -> AnyView,
) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    let id = embed_id();

    if let Some(theme) = param("theme").filter(|t| t == "light" || t == "dark") {
        apply_theme(&theme);
    }
    if let Some(accent) = param("accent").filter(|a| ACCENTS.contains(&a.as_str())) {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-accent", &accent);
        }
    }
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-embed", "");
    }

    // Height: observe the wrapper, report whole pixels, only when they change.
    // The observer lives as long as the page; it holds the element itself,
    // not reactive handles, so nothing it needs can be disposed under it.
    let wrapper = NodeRef::<leptos::html::Div>::new();
    {
        let id = id.clone();
        wrapper.on_load(move |el| {
            let el: web_sys::HtmlElement = el.into();
            let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
            let target = el.clone();
            let measure = move || {
                let h = target.get_bounding_client_rect().height().ceil() as i32;
                if h != last.replace(h) {
                    post(&serde_json::json!({"type": "rops:height", "id": id, "height": h}));
                }
            };
            let measure = std::rc::Rc::new(measure);
            measure();
            // ResizeObserver catches layout changes (fonts, width); but Chrome
            // pauses rendering in off-screen cross-origin iframes, and with it
            // ResizeObserver. A MutationObserver still runs there, and
            // measuring forces layout, so content changes are always reported.
            let on_resize = {
                let m = measure.clone();
                Closure::<dyn FnMut()>::new(move || m())
            };
            if let Ok(obs) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                obs.observe(&el);
                std::mem::forget(obs);
            }
            on_resize.forget();
            let on_mutation = {
                let m = measure.clone();
                Closure::<dyn FnMut()>::new(move || m())
            };
            if let Ok(obs) = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()) {
                let opts = web_sys::MutationObserverInit::new();
                opts.set_child_list(true);
                opts.set_subtree(true);
                opts.set_character_data(true);
                opts.set_attributes(true);
                let _ = obs.observe_with_options(&el, &opts);
                std::mem::forget(obs);
            }
            on_mutation.forget();
            let m = measure.clone();
            let resize = window_event_listener(leptos::ev::resize, move |_| m());
            std::mem::forget(resize);
        });
    }

    // Tell the host which event is open, so it may mirror it in its own URL.
    {
        let id = id.clone();
        Effect::new(move |_| {
            let p = path.get();
            let event = event_id_of_path(&from_embed(&p)).map(str::to_owned);
            post(
                &serde_json::json!({"type": "rops:navigate", "id": id, "event": event, "path": p}),
            );
        });
    }

    // The host may open an event. Only our parent may ask; malformed asks do nothing.
    let on_message =
        window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
            let from_parent = match (ev.source(), window().parent()) {
                (Some(src), Ok(Some(parent))) => src.loose_eq(&parent.into()),
                _ => false,
            };
            if !from_parent {
                return;
            }
            let Ok(json) = js_sys::JSON::stringify(&ev.data()) else {
                return;
            };
            let Ok(msg) = serde_json::from_str::<serde_json::Value>(&String::from(json)) else {
                return;
            };
            if msg["type"] != "rops:open" {
                return;
            }
            let lang = lang.get_untracked();
            let target = match &msg["event"] {
                serde_json::Value::Null => timeline_path(lang).to_owned(),
                serde_json::Value::String(e)
                    if !e.is_empty()
                        && e.len() <= 80
                        && e.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
                {
                    event_path(lang, e)
                }
                _ => return,
            };
            // The host's choice replaces the current entry: the visitor's Back
            // button belongs to the portal page, not to messages it sent.
            navigate(
                &crate::app::link(&target),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        });
    on_cleanup(move || on_message.remove());

    // "Open full view": the same place in the full app, in a new tab.
    let full = move || {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        let rel = from_embed(&path.get());
        let search = location.search.get();
        let rel = rel.trim_start_matches('/');
        match search.trim_start_matches('?') {
            "" => format!("{base}{rel}"),
            q => format!("{base}{rel}?{q}"),
        }
    };
    let declaration = move || {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        format!(
            "{base}{}",
            Page::Accessibility.path(lang.get()).trim_start_matches('/')
        )
    };
    let t = move || ui(lang.get());

    view! {
        <div class="embed" node_ref=wrapper>
            <main id="main" tabindex="-1" class="page page--embed">
                <AppStatus/>
                {routes()}
            </main>
            <p class="embed__footer">
                <a href=full target="_blank" rel="noopener" data-testid="open-full">{move || t().open_full_view}</a>
                " · "
                <a href=declaration target="_blank" rel="noopener">{move || t().declaration_title}</a>
            </p>
        </div>
    }
}
