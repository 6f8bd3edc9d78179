//! Wasm entry: start the app over the page's first screen.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let doc = leptos::prelude::document();
        let boot = doc.get_element_by_id("boot");
        let prerendered = boot
            .as_ref()
            .is_some_and(|b| b.has_attribute("data-prerendered"));
        let root = doc.create_element("div").ok();
        match (prerendered, root, doc.body()) {
            // A published page already shows its content: the app is drawn
            // out of sight and takes its place once it shows the same (takeover.rs).
            (true, Some(root), Some(body)) => {
                root.set_id("app");
                let _ = root.set_attribute("hidden", "");
                let _ = body.append_child(&root);
                // In a task of its own, not the one that compiled and
                // started the wasm: together they blocked the main thread
                // past Lighthouse's 50 ms (nothing here is visible yet).
                leptos::prelude::set_timeout(
                    move || {
                        leptos::mount::mount_to(root.unchecked_into(), rops_app::app::App).forget();
                    },
                    std::time::Duration::ZERO,
                );
            }
            // The offline shell's skeleton: the app replaces it at once.
            _ => {
                if let Some(boot) = boot {
                    boot.remove();
                }
                leptos::mount::mount_to_body(rops_app::app::App);
            }
        }
    }
}
