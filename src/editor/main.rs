//! The content editor: a second wasm entry, built by its own trunk run
//! (Trunk.editor.toml) into `dist/editor/`, so visitors never download it.
//! It edits a draft of the content bundle with the app's own validator
//! and previews it with the app's own pages (see docs/staff.md, "Edycja w
//! przeglądarce / Editing in the browser").
//!
//! The modules are plain Rust on the native build too, so their pure parts
//! (`draft`, `specs`) are unit-tested natively with the rest of the crate.

mod browser;
mod draft;
mod form;
mod json_path;
mod kept;
mod languages;
mod media;
mod page;
mod preview;
mod publishing;
mod specs;
mod store;
mod strings;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(boot) = leptos::prelude::document().get_element_by_id("editor-boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(page::EditorPage);
    }
    // Natively there is nothing to run; the page is still compiled (and
    // linted) here, and its pure parts tested.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = page::EditorPage;
}
