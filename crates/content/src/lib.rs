//! The pure content model: what the JSON bundle may say, and the questions the
//! views ask of it. Nothing here touches leptos or the browser (this crate
//! does not depend on them: see its Cargo.toml), so every rule is unit-tested
//! natively (`cargo test -p rops-content`).
//!
//! The one way in is [`parse`]: text becomes a checked [`Bundle`] or a
//! [`ContentError`] whose every fault names its JSON path and line:column.
//! A workbook comes in through `rops_workbook::sheet::from_tables`, which
//! ends in the same `parse` and names each fault's cell instead.

pub mod axis;
pub mod chronology;
pub mod colour;
pub mod csv;
pub mod date;
pub mod error;
pub mod fields;
pub mod format;
mod id;
mod locate;
mod logo;
pub mod model;
pub mod money;
pub mod parse;
pub mod query;
#[cfg(feature = "schema")]
pub mod schema;
pub mod text;

pub use chronology::Chronology;
pub use colour::{Backdrop, Rgb, Scheme};
pub use date::{civil_from_days, DateProblem, DateValue, Point};
pub use error::{
    CaptionProblem, ContentError, Fault, FaultKind, JsonPath, Location, LogoProblem, MediaProblem,
    Segment,
};
pub use id::{EventId, Id};
#[cfg(not(target_arch = "wasm32"))]
pub use logo::{check_files, check_logo};
pub use logo::{
    is_caption_name, is_logo_name, is_video_name, logo_problem, media_files, media_problem,
    MediaKind, MAX_CUE_CHARS, MAX_LOGO_BYTES, MAX_PICTURE_SIDE, MAX_VIDEO_BYTES,
};
pub use model::{
    AccentColours, Bundle, Captions, Compliance, Contact, Declaration, EasyRead, EasyReadSection,
    EmbedTitles, Era, EuVisibility, EuWording, Event, EventKind, Figure, FigureBound, Fund,
    OpenData, Organisation, PageDescriptions, Picture, PostalAddress, Privacy, Project, Role,
    SignLanguage, SignVideo, Source,
};
pub use money::{Currency, Minor, Money, Share};
pub use parse::{
    parse, parse_bytes, review_overdue, sentences, warnings, APP_SHORT_NAME_CHARS,
    ETR_PARAGRAPH_SENTENCES, ETR_SENTENCE_WORDS, MAX_BUNDLE_BYTES, MAX_EVENTS, MAX_ITEMS,
    SCHEMA_VERSION,
};
pub use text::{paragraphs, Lang, Localized, Staff, Text};

#[cfg(test)]
mod languages_tests;
#[cfg(test)]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
