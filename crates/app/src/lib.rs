//! A regional social-policy centre's social-economy work and the EU money
//! behind it, drawn from one content bundle (the shipped one is a real
//! centre's; `tests/fixtures/fictional/` is a test organisation's).
//!
//! The visitors' app: its pages and components, the router, the data
//! loaded once and shared through context. The browser runs it (csr, the
//! `rops-es` binary at the repository's root); the publisher renders the
//! same components to HTML natively (ssr, the `rops-publish` crate).
//!
//! `content` is the pure model (the `rops-content` crate: no leptos, no
//! browser, a fact of its Cargo.toml). Content is always rendered as text,
//! never as HTML: no `inner_html` anywhere, and links only from checked
//! http(s) URLs.

pub mod app;
pub mod boot_table;
pub mod components;
/// The content model (the `rops-content` crate), under the path the
/// views name it by.
pub mod content {
    pub use rops_content::*;
}
pub mod data;
pub mod i18n;
pub mod layout;
pub mod nav;
pub mod pages;
pub mod prefs;
pub mod pwa;
pub mod router;
pub mod site_url;
pub mod status;
pub mod storage;
pub mod takeover;
