//! The draft kept in this browser, so that nothing typed is lost: under a
//! key of its own site (two deployments on one origin, two sub-paths of a
//! portal, keep two drafts), stamped with a revision, the time and the tab
//! that saved it, so that
//! - a second tab is told the draft is open elsewhere (a BroadcastChannel),
//!   and a tab never saves over a newer revision saved by another tab: it
//!   says so and lets the person choose (the `storage` event tells it as
//!   soon as the other tab saves);
//! - a save the storage refused leaves a mark with its time (a few bytes,
//!   which fit where the draft did not), so the older draft still stored
//!   is restored later as what it is: the draft of its own time, with the
//!   changes after it lost, never as the current one.
//!
//! [`Record`] and its reading are plain Rust, tested natively.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What is stored under the draft's key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Changes not yet published (an export is not a publication: the
    /// person confirms it, or a publish does).
    pub dirty: bool,
    /// Counts the saves of this draft on this device, from 1.
    #[serde(default)]
    pub rev: u64,
    /// When it was saved (ms since the epoch); 0 for a draft stored by an
    /// editor before these stamps.
    #[serde(default)]
    pub saved_at: f64,
    /// The tab that saved it.
    #[serde(default)]
    pub tab: String,
    /// The live version the draft was made from (`publish-status.json`),
    /// which a publish from the editor names, so that the server refuses
    /// it if another version went live since.
    #[serde(default)]
    pub base: Option<String>,
    pub draft: Value,
}

impl Record {
    /// The record in `text`, also as the first editor stored it (`{dirty,
    /// draft}`, no stamps). Anything else is no record.
    pub fn read(text: &str) -> Option<Record> {
        let r: Record = serde_json::from_str(text).ok()?;
        (!r.draft.is_null()).then_some(r)
    }

    /// Whether another tab saved this draft after `mine` (the revision this
    /// tab last loaded or saved): then this tab must not save over it.
    pub fn is_newer_than(&self, mine: u64, tab: &str) -> bool {
        self.rev > mine && self.tab != tab
    }
}

/// The storage keys of the draft and of its "not stored since" mark, for
/// the site at `site` (its path, `/` or `/ekonomia/`).
pub fn keys(site: &str) -> (String, String) {
    (
        format!("{}{site}", rops_app::storage::EDITOR_DRAFT.name),
        format!("{}{site}", rops_app::storage::EDITOR_UNSAVED.name),
    )
}

/// The key every site's editor used before keys carried the site: its
/// draft is taken over (once) by the first editor that finds it.
pub const LEGACY_KEY: &str = rops_app::storage::EDITOR_LEGACY_DRAFT.name;

/// A local time as the editor shows it: `2026-12-04 09:05`.
pub fn clock(ms: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Natively (tests) in UTC.
        let secs = (ms / 1000.0) as i64;
        let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (y, m, d) = rops_app::content::civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}",
            rest / 3600,
            rest % 3600 / 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_record_is_read_with_its_stamps_or_as_the_first_editor_stored_it() {
        let r = Record::read(
            &json!({"dirty": true, "rev": 7, "saved_at": 1.0e12, "tab": "a", "draft": {"x": 1}})
                .to_string(),
        )
        .unwrap();
        assert_eq!((r.dirty, r.rev, r.tab.as_str()), (true, 7, "a"));
        let old = Record::read(&json!({"dirty": false, "draft": {"x": 1}}).to_string()).unwrap();
        assert_eq!((old.dirty, old.rev, old.saved_at), (false, 0, 0.0));
        for junk in [
            "",
            "{}",
            "null",
            "{\"dirty\": true}",
            "{\"dirty\": true, \"draft\": null}",
        ] {
            assert_eq!(Record::read(junk), None, "{junk}");
        }
    }

    #[test]
    fn only_another_tabs_later_save_stops_this_tab() {
        let r = Record {
            dirty: true,
            rev: 5,
            saved_at: 0.0,
            tab: "b".into(),
            base: None,
            draft: json!({}),
        };
        assert!(r.is_newer_than(4, "a"), "b saved after a's revision 4");
        assert!(!r.is_newer_than(5, "a"), "a has seen revision 5");
        assert!(!r.is_newer_than(4, "b"), "b's own save");
    }

    #[test]
    fn each_site_has_its_own_keys() {
        assert_ne!(keys("/").0, keys("/ekonomia/").0);
        assert_ne!(keys("/").1, keys("/ekonomia/").1);
        assert_eq!(clock(1_764_838_800_000.0), "2025-12-04 09:00");
    }
}
