//! Prints the loader's table as JSON: every address of the route table
//! (pages × languages × full/embed) with its language, heading and current
//! navigation link, the event pages' prefixes, and the strings the static
//! first screen shows. `scripts/post-build.mjs` stamps it into `boot.js`, so
//! the loader never keeps a copy of its own.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use rops_app::content::Lang;
    use rops_app::i18n::{nav_label, page_title, ui};
    use rops_app::nav::{timeline_path, to_embed, Page};
    use serde_json::{json, Map, Value};

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
    }
    let strings: Map<String, Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let t = ui(lang);
            (
                lang.as_str().to_owned(),
                json!({
                    "theme": t.dark_theme,
                    "lang": t.switch_language,
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
    let table = json!({"pages": pages, "events": events, "strings": strings});
    println!("{table}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
