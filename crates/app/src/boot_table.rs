//! The loader's table: every address of the route table (pages × languages
//! × full/embed) with its language, heading and current navigation link,
//! the event and project pages' prefixes, and the strings the static first screen
//! shows. `public/boot-table.json` holds it, written by `cargo run -p
//! rops-tools --bin boot-table -- --write` and checked by the test below, and
//! `scripts/post-build.mjs` stamps it into `boot.js`: the loader never keeps
//! a copy of its own, and a build runs no cargo of its own for it.

use crate::content::Lang;
use crate::i18n::{nav_label, page_title, ui};
use crate::nav::{project_path, timeline_path, to_embed, Page};
use serde_json::{json, Map, Value};

/// Where the table is kept, from the repository's root.
pub const FILE: &str = "public/boot-table.json";

/// The table as one line of JSON (as it is stamped into `boot.js`).
pub fn table() -> String {
    let nav_key = |p: Page| Page::NAV.contains(&p).then(|| p.as_str());
    let mut pages = Map::new();
    let mut events = vec![];
    for lang in Lang::ALL {
        for page in Page::ALL {
            let full = page.path(lang);
            let entry = |embed: bool| json!({"lang": lang.as_str(), "title": page_title(page, lang), "nav": nav_key(page), "embed": embed});
            pages.insert(full.to_owned(), entry(false));
            if page.embeddable() {
                pages.insert(to_embed(full), entry(true));
            }
        }
        let prefix = format!("{}/", timeline_path(lang));
        events.push(
            json!({"prefix": prefix, "lang": lang.as_str(), "nav": "timeline", "embed": false}),
        );
        events.push(json!({"prefix": to_embed(&prefix), "lang": lang.as_str(), "nav": "timeline", "embed": true}));
        // A project's page belongs to funding; it has no embed view.
        let projects = project_path(lang, "");
        events.push(
            json!({"prefix": projects, "lang": lang.as_str(), "nav": "funding", "embed": false}),
        );
    }
    let strings: Map<String, Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let t = ui(lang);
            // The first screen links one other language: English from
            // Polish, Polish from the rest.
            let to = if lang == Lang::Pl { Lang::En } else { Lang::Pl };
            (
                lang.as_str().to_owned(),
                json!({
                    "theme": t.dark_theme,
                    "lang": to.own_name(),
                    "langTo": to.as_str(),
                    "langNav": t.switch_language,
                    "about": nav_label(Page::About, lang),
                    "timeline": nav_label(Page::Timeline, lang),
                    "funding": nav_label(Page::Funding, lang),
                    "loading": t.loading,
                    "bootFailed": t.boot_failed,
                    "bootFailedHelp": t.boot_failed_help,
                    "reload": t.reload,
                }),
            )
        })
        .collect();
    json!({"pages": pages, "events": events, "strings": strings}).to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_table_is_up_to_date() {
        let committed = include_str!("../../../public/boot-table.json");
        assert!(
            committed.trim_end() == super::table(),
            "{} is stale (a route, heading or first-screen string changed): run `cargo run -p rops-tools --bin boot-table -- --write`",
            super::FILE
        );
    }
}
