//! Owns the hand-over from a prerendered page to the running app.
//!
//! A published page (`publish`) already shows its route's content, rendered
//! natively by the same components. The app is mounted out of sight
//! (`#app[hidden]`, see main.rs) and, once its content is in and drawn,
//! replaces the prerendered `#boot` in one frame: same markup, so no text or
//! position changes (clean takeover rather than hydration: see
//! docs/administrators.md, "Takeover, not hydration", for the figures). What the visitor did meanwhile is kept:
//! the focused control, and anything typed into a field (matched by id).
//! If the bundle changed since the page was published, the app's content is
//! the newer one: it always draws from the bundle it loaded.

use crate::data::use_content;
use leptos::prelude::*;

/// Parts of the page still drawing in a later task (see [`Hold`]): the
/// swap waits for them.
#[derive(Clone, Copy)]
struct Holds(RwSignal<usize>);

/// Keeps the swap waiting while it lives. A part that is costly to draw
/// (the timeline's axis) draws in a task of its own after the page, so that
/// no single task blocks the main thread long (Lighthouse's TBT), and holds
/// the swap until then, so the visitor never sees it missing.
pub struct Hold(Option<RwSignal<usize>>);

impl Default for Hold {
    fn default() -> Hold {
        Hold::new()
    }
}

impl Hold {
    /// Holds the swap, if there is one to hold (a prerendered page).
    pub fn new() -> Hold {
        let holds = use_context::<Holds>().map(|h| h.0);
        if let Some(h) = holds {
            h.update(|n| *n += 1);
        }
        Hold(holds)
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        if let Some(h) = self.0 {
            h.try_update(|n| *n = n.saturating_sub(1));
        }
    }
}

/// Whether the app is still drawing out of sight, behind a published page
/// it will take the place of.
pub fn taking_over() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .get_element_by_id("boot")
            .is_some_and(|b| b.has_attribute("data-prerendered"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Runs `f` in a task of its own, after the current one, and holds the
/// swap until it has run (and the views it changes are drawn).
pub fn in_next_task(f: impl FnOnce() + 'static) {
    let hold = Hold::new();
    set_timeout(
        move || {
            f();
            drop(hold);
        },
        std::time::Duration::ZERO,
    );
}

/// Swaps the app in once the content state is settled (content or error)
/// and nothing holds the swap.
pub fn provide_takeover() {
    let content = use_content();
    let holds = RwSignal::new(0usize);
    provide_context(Holds(holds));
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        if content.state.with(|s| s.is_none()) || holds.get() > 0 {
            return false;
        }
        // After this update's DOM work, before the next paint.
        request_animation_frame(swap);
        true
    });
}

#[cfg(target_arch = "wasm32")]
fn swap() {
    use wasm_bindgen::JsCast;
    let doc = document();
    let (Some(boot), Some(app)) = (doc.get_element_by_id("boot"), doc.get_element_by_id("app"))
    else {
        return;
    };
    const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";
    // Which control had focus, by its place among the focusable ones.
    let focused = doc.active_element().and_then(|active| {
        let all = boot.query_selector_all(FOCUSABLE).ok()?;
        (0..all.length()).find(|&i| all.get(i).is_some_and(|n| n.is_same_node(Some(&active))))
    });
    // What was typed or chosen before the app could listen: fields whose
    // value is no longer the one the page came with.
    let mut typed = vec![];
    if let Ok(fields) = boot.query_selector_all("input[id], select[id], textarea[id]") {
        for i in 0..fields.length() {
            let Some(el) = fields
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            if let (Some(value), Some(initial)) = (prop(&el, "value"), initial_value(&el)) {
                if value != initial {
                    typed.push((el.id(), value));
                }
            }
        }
    }
    boot.remove();
    let _ = app.remove_attribute("hidden");
    for (id, value) in typed {
        let Some(el) = doc.get_element_by_id(&id) else {
            continue;
        };
        if prop(&el, "value").as_deref() != Some(value.as_str()) {
            let _ = js_sys::Reflect::set(&el, &"value".into(), &value.into());
            for kind in ["input", "change"] {
                if let Ok(ev) = web_sys::Event::new_with_event_init_dict(kind, &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                }) {
                    let _ = el.dispatch_event(&ev);
                }
            }
        }
    }
    if let Some(i) = focused {
        if let Some(el) = app
            .query_selector_all(FOCUSABLE)
            .ok()
            .and_then(|all| all.get(i))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    // Embeds: the height reporter measured nothing while hidden.
    if let Ok(ev) = web_sys::Event::new("resize") {
        let _ = window().dispatch_event(&ev);
    }
}

/// A string property of an element (`value`, `defaultValue`).
#[cfg(target_arch = "wasm32")]
fn prop(el: &web_sys::Element, name: &str) -> Option<String> {
    js_sys::Reflect::get(el, &name.into()).ok()?.as_string()
}

/// The value a field had in the page's HTML: `defaultValue`, or for a
/// select the option marked `selected` (else its first).
#[cfg(target_arch = "wasm32")]
fn initial_value(el: &web_sys::Element) -> Option<String> {
    if el.tag_name() != "SELECT" {
        return prop(el, "defaultValue");
    }
    let first = el.query_selector("option").ok()??;
    let chosen = el.query_selector("option[selected]").ok()?.unwrap_or(first);
    prop(&chosen, "value")
}

#[cfg(not(target_arch = "wasm32"))]
fn swap() {}
