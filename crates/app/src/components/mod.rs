//! Pieces used by more than one page.

mod app_status;
mod contact;
mod content_gate;
mod error_panel;
mod eu_mark;
mod figure_cards;
mod loading;
mod page_heading;
mod preparing;
mod project_story;
mod stacked_bar;

pub use app_status::{AppStatus, InstallButton};
pub use contact::{contact_details, has_contact_details, tel_href};
pub use content_gate::WithContent;
pub use error_panel::ErrorPanel;
pub use eu_mark::{eu_ack, eu_mark, eu_statement_of};
pub use figure_cards::figure_cards;
pub use loading::Loading;
pub use page_heading::{provide_heading_focus, DocumentTitle, PageHeading};
pub use preparing::{preparing, reachable, who_to_ask};
pub use project_story::project_story;
pub use stacked_bar::{Segment, SegmentKind, StackedBar};
