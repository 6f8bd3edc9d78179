//! Keyboard model of the event list: roving tabindex (one Tab stop for the
//! whole list; arrows, Home and End move between events, as the WAI-ARIA
//! practice for composite widgets says), and focus returned to the card an
//! event page was opened from.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The links that take part, in document order.
const ITEMS: &str = ".event-card__link";

/// The event whose page was open last: the list gives focus back to its
/// card when the visitor returns. Provided by the app above both pages.
#[derive(Clone, Copy)]
pub struct TimelineFocus(pub RwSignal<Option<String>>);

pub fn provide_timeline_focus() {
    provide_context(TimelineFocus(RwSignal::new(None)));
}

/// Wraps the list: handles the keys, keeps exactly one Tab stop as cards
/// come and go, and restores focus after a visit to an event page.
#[component]
pub fn RovingFocus(
    /// The cards shown (any stable ids): when they change, the Tab stop is
    /// checked again.
    items: Signal<Vec<usize>>,
    children: Children,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let focus = use_context::<TimelineFocus>();
    Effect::new(move |_| {
        items.track();
        let Some(root) = container.get() else { return };
        let root: web_sys::HtmlElement = root.into();
        // Back from an event page: its card gets focus (and the Tab stop).
        if let Some(focus) = focus {
            if let Some(id) = focus.0.get_untracked() {
                let sel = format!("[data-event-id=\"{id}\"] {ITEMS}");
                if let Ok(Some(el)) = root.query_selector(&sel) {
                    focus.0.set(None);
                    let el: web_sys::HtmlElement = el.unchecked_into();
                    set_roving(&root, &el);
                    // After the page heading has taken focus on mount.
                    request_animation_frame(move || {
                        let _ = el.focus();
                    });
                    return;
                }
            }
        }
        // Otherwise keep the stop where it is, or give it to the first card.
        let has_stop = root
            .query_selector(&format!("{ITEMS}[tabindex=\"0\"]"))
            .ok()
            .flatten()
            .is_some();
        if !has_stop {
            if let Ok(Some(first)) = root.query_selector(ITEMS) {
                let _ = first.set_attribute("tabindex", "0");
            }
        }
    });
    view! {
        <div class="timeline" data-testid="timeline" node_ref=container on:keydown=move |ev| {
            if let Some(root) = container.get_untracked() {
                roving_keys(&root.into(), &ev);
            }
        }>
            {children()}
        </div>
    }
}

fn roving_keys(root: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
    let Ok(links) = root.query_selector_all(ITEMS) else {
        return;
    };
    let n = links.length();
    if n == 0 {
        return;
    }
    let active = document().active_element();
    let current = (0..n).find(|&i| {
        links
            .item(i)
            .map(|l| Some(l.unchecked_ref::<web_sys::Element>().clone()) == active)
            .unwrap_or(false)
    });
    let Some(current) = current else { return };
    let next = match ev.key().as_str() {
        "ArrowDown" | "ArrowRight" => (current + 1).min(n - 1),
        "ArrowUp" | "ArrowLeft" => current.saturating_sub(1),
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    ev.prevent_default();
    if let Some(el) = links.item(next) {
        let el: web_sys::HtmlElement = el.unchecked_into();
        set_roving(root, &el);
        let _ = el.focus();
    }
}

fn set_roving(root: &web_sys::HtmlElement, to: &web_sys::HtmlElement) {
    if let Ok(links) = root.query_selector_all(ITEMS) {
        for i in 0..links.length() {
            if let Some(l) = links.item(i) {
                let _ = l
                    .unchecked_ref::<web_sys::Element>()
                    .set_attribute("tabindex", "-1");
            }
        }
    }
    let _ = to.set_attribute("tabindex", "0");
}
