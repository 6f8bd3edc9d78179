//! A regional social-policy centre's social-economy work and the EU money
//! behind it, drawn from one content bundle (the shipped one is a real
//! centre's; `tests/fixtures/fictional/` is a test organisation's).
//!
//! Implementation note: `content` is the pure model (the `rops-content`
//! crate: no leptos, no browser, a fact of its Cargo.toml) with the
//! spreadsheet round trip (the `rops-workbook` crate) beside it;
//! `publish` (native only) turns a bundle into the site's files; every
//! other module is view code. Content is always rendered as text, never as
//! HTML: no `inner_html` anywhere, and links only from checked http(s) URLs.

pub mod app;
pub mod components;
/// The content model, and the spreadsheet round trip as `content::sheet`
/// and `content::xlsx`: one path for the views and tools, two crates.
pub mod content {
    pub use rops_content::*;
    pub use rops_workbook::{sheet, xlsx};
}
pub mod data;
pub mod i18n;
pub mod layout;
pub mod nav;
pub mod pages;
pub mod prefs;
// Native only: the publisher writes files, locks and swaps folders.
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod pwa;
pub mod router;
pub mod status;
pub mod takeover;
