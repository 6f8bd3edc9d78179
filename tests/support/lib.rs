//! The end-to-end tests' harness, a library so that every `tests/e2e/*.rs`
//! shares one compiled copy (`use rops_e2e::*;`): a small static server for
//! `dist/` whose answers a test can override, WebDriver sessions (headless
//! Chromium here, Firefox and WebKit in [`engines`]), and helpers that let a
//! test read like a visit to the app: `open` a page, `click`, read its
//! `text`, run axe in both themes.
//!
//! Paths are the repository's (`repo_dir`), not this crate's: this crate
//! lives in `tests/support/`.
#![cfg(not(target_arch = "wasm32"))]

mod ax;
mod axe;
mod browser;
mod checks;
mod crafted;
mod device;
mod embed;
pub mod engines;
mod live;
mod nginx;
mod page;
mod routes;
mod server;

pub use ax::*;
pub use axe::*;
pub use browser::*;
pub use checks::*;
pub use crafted::*;
pub use device::*;
pub use embed::*;
pub use live::*;
pub use nginx::*;
pub use page::*;
pub use routes::*;
pub use server::*;

/// What the tests say to the browser in, without naming fantoccini.
pub use fantoccini::{elements::Element, key::Key, Client, Locator};
