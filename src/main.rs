//! Wasm entry: mount the app over the static first screen of index.html.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // The static first paint in index.html stays until the app can replace it.
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(rops_es::app::App);
    }
}
