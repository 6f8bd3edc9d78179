//! The embed frame: the timeline or funding view without the site's
//! chrome, for an iframe in the regional portal.
//!
//! Protocol with the host page (`public/embed.js` implements the host side):
//! - out: [`EmbedMessage`]: `{type: "rops:height", id, height}` whenever the
//!   content's height changes, and `{type: "rops:navigate", id, event, path}`
//!   when an event is opened (event id) or closed (`event: null`);
//! - in: [`HostMessage`]: `{type: "rops:open", event}` opens an event (null:
//!   back to the list). Accepted only from the parent window; anything else
//!   is ignored.
//!
//! URL options ([`EmbedOptions`]): `id` (names this embed in messages),
//! `theme` (`light`/`dark`), `accent`; links inside the embed keep them.

use crate::components::AppStatus;
use crate::content::Id;
use crate::i18n::{ui, use_lang};
use crate::nav::{event_id_of_path, event_path, from_embed, timeline_path, use_nav, AppMode, Page};
use crate::prefs::{apply_accent, apply_theme};
use crate::router::{use_location, Go};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What the embed tells its host.
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
pub enum EmbedMessage<'a> {
    #[serde(rename = "rops:height")]
    Height { id: &'a str, height: i32 },
    #[serde(rename = "rops:navigate")]
    Navigate {
        id: &'a str,
        event: Option<&'a str>,
        path: &'a str,
    },
}

/// What a host may ask of the embed.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "type")]
pub enum HostMessage {
    /// Open an event by its id, or go back to the list (`null`).
    #[serde(rename = "rops:open")]
    Open { event: Option<String> },
}

impl HostMessage {
    /// A host's message from its JSON form; None for anything unexpected,
    /// including ids that could not be bundle ids.
    pub fn parse(json: &str) -> Option<HostMessage> {
        match serde_json::from_str(json).ok()? {
            HostMessage::Open { event: Some(e) } => {
                Id::parse(&e).map(|_| HostMessage::Open { event: Some(e) })
            }
            m => Some(m),
        }
    }
}

fn post(msg: &EmbedMessage) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if parent == window() {
        return; // not framed: nobody to tell
    }
    let Ok(text) = serde_json::to_string(msg) else {
        return;
    };
    let Ok(value) = js_sys::JSON::parse(&text) else {
        return;
    };
    // The host's origin is unknown to us (any portal page may embed); the
    // messages carry nothing private, and embed.js checks *our* origin.
    let _ = parent.post_message(&value, "*");
}

/// Reports the element's height to the host whenever it changes, in whole
/// pixels. The observers live as long as the page; they hold the element
/// itself, not reactive handles, so nothing they need can be disposed under
/// them. (A small hook of ours: leptos-use's observers would bring a crate
/// for two calls.)
fn report_height(el: web_sys::HtmlElement, id: String) {
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let target = el.clone();
    let measure = std::rc::Rc::new(move || {
        let h = target.get_bounding_client_rect().height().ceil() as i32;
        // 0: drawn out of sight, behind a prerendered page (see takeover.rs);
        // the real height follows when it is shown.
        if h > 0 && h != last.replace(h) {
            post(&EmbedMessage::Height { id: &id, height: h });
        }
    });
    measure();
    // ResizeObserver catches layout changes (fonts, width); but Chrome
    // pauses rendering in off-screen cross-origin iframes, and with it
    // ResizeObserver. A MutationObserver still runs there, and measuring
    // forces layout, so content changes are always reported.
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
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    std::mem::forget(resize);
}

#[component]
pub fn EmbedFrame<F, V>(
    /// Current path below the router base.
    path: Memo<String>,
    /// The current route's page.
    page: F,
) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let location = use_location();
    let nav = use_nav();
    let options = match nav.mode() {
        AppMode::Embed(o) => o.clone(),
        AppMode::Site => Default::default(),
    };
    let id = options.message_id().to_owned();
    // In the browser only: a prerendered embed page carries these in its
    // HTML already (publish writes data-embed; boot.js the host's options).
    if cfg!(target_arch = "wasm32") {
        if let Some(theme) = options.theme {
            apply_theme(theme);
        }
        if let Some(accent) = options.accent {
            apply_accent(accent);
        }
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-embed", "");
        }
    }

    // The organisation's accent, under the host's choice (style.css gives
    // `data-accent` the stronger rules).
    super::site::apply_bundle_accent();

    let wrapper = NodeRef::<leptos::html::Div>::new();
    {
        let id = id.clone();
        wrapper.on_load(move |el| report_height(el.into(), id));
    }

    // Tell the host which event is open, so it may mirror it in its own URL.
    {
        let id = id.clone();
        Effect::new(move |_| {
            let p = path.get();
            let full = from_embed(&p);
            post(&EmbedMessage::Navigate {
                id: &id,
                event: event_id_of_path(&full),
                path: &p,
            });
        });
    }

    // The host may open an event. Only our parent may ask; malformed asks do nothing.
    let on_message = {
        let nav = nav.clone();
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
            let Some(HostMessage::Open { event }) = HostMessage::parse(&String::from(json)) else {
                return;
            };
            let lang = lang.get_untracked();
            let target = match event {
                None => timeline_path(lang).to_owned(),
                Some(e) => event_path(lang, &e),
            };
            // The host's choice replaces the current entry: the visitor's Back
            // button belongs to the portal page, not to messages it sent.
            location.navigate(
                &nav.link(&target),
                Go {
                    replace: true,
                    ..Go::default()
                },
            );
        })
    };
    on_cleanup(move || on_message.remove());

    // "Open full view": the same place in the full app, in a new tab.
    let full = {
        let nav = nav.clone();
        move || {
            let search = location.search.get();
            let href = nav.full_site_href(&path.get());
            match search.trim_start_matches('?') {
                "" => href,
                q => format!("{href}?{q}"),
            }
        }
    };
    let declaration = move || format!("{}{}", nav.base(), Page::Accessibility.path(lang.get()));
    let t = move || ui(lang.get());

    view! {
        <div class="embed" node_ref=wrapper>
            <main id="main" tabindex="-1" class="page page--embed">
                <AppStatus/>
                {page}
            </main>
            <p class="embed__footer">
                <a href=full target="_blank" rel="noopener" data-testid="open-full">{move || t().open_full_view}</a>
                " · "
                <a href=declaration target="_blank" rel="noopener">{move || t().declaration_title}</a>
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_messages_are_parsed_strictly() {
        assert_eq!(
            HostMessage::parse(r#"{"type":"rops:open","event":"2015-mokes"}"#),
            Some(HostMessage::Open {
                event: Some("2015-mokes".into())
            })
        );
        assert_eq!(
            HostMessage::parse(r#"{"type":"rops:open","event":null}"#),
            Some(HostMessage::Open { event: None })
        );
        for bad in [
            r#"{"type":"rops:open","event":"<script>"}"#,
            r#"{"type":"rops:open","event":7}"#,
            r#"{"type":"rops:close"}"#,
            r#""rops:open""#,
            "{}",
        ] {
            assert_eq!(HostMessage::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn messages_to_the_host_have_the_documented_shape() {
        let m = serde_json::to_value(EmbedMessage::Height {
            id: "tl",
            height: 812,
        })
        .unwrap();
        assert_eq!(
            m,
            serde_json::json!({"type": "rops:height", "id": "tl", "height": 812})
        );
        let m = serde_json::to_value(EmbedMessage::Navigate {
            id: "tl",
            event: None,
            path: "/embed/os-czasu",
        })
        .unwrap();
        assert_eq!(
            m,
            serde_json::json!({"type": "rops:navigate", "id": "tl", "event": null, "path": "/embed/os-czasu"})
        );
    }
}
