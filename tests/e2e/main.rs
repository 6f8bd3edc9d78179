//! The end-to-end suite: the built app (dist/) driven in real browsers
//! through WebDriver, and the publisher, the live site and the release
//! package from the outside. One binary, one module per feature, so that
//! the suite links once (scripts/test.sh runs it; `engines` in Firefox and
//! WebKit, by scripts/test-engines.sh, the rest in Chromium).
#![cfg(not(target_arch = "wasm32"))]

mod about;
mod accessibility;
mod accessibility_tree;
mod editor;
mod embed;
mod engines;
mod errors;
mod funding;
mod legal;
mod live_publish;
mod navigation;
mod nginx;
mod offline;
mod publish;
mod release;
mod subpath;
mod timeline;
mod timeline_axis;
