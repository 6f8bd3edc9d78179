//! Pieces used by more than one page.

mod content_gate;
mod error_panel;
mod loading;
mod page_heading;

pub use content_gate::WithContent;
pub use error_panel::ErrorPanel;
pub use loading::Loading;
pub use page_heading::PageHeading;
