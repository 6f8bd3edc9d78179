//! axe-core (WCAG 2.1 A/AA rules) on the page in front of the browser.
//! e2e/accessibility.rs runs it over every route and state; other tests run
//! it only on states that they alone create (the update toast, the offline
//! notice, a portal's page).

use crate::page::js;
use crate::server::repo_dir;
use fantoccini::Client;
use std::sync::OnceLock;

/// Runs axe on the current page and returns a readable list of violations;
/// empty means none.
async fn axe_violations(c: &Client) -> Vec<String> {
    static AXE: OnceLock<String> = OnceLock::new();
    let src = AXE.get_or_init(|| {
        let p = repo_dir().join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&p)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup.sh)", p.display()))
    });
    // Loaded once per document (≈ 550 kB of script to send and compile):
    // the two themes and the states of one page share it.
    let loaded = c
        .execute("return typeof window.axe === 'object'", vec![])
        .await
        .expect("the page answers");
    if loaded != serde_json::Value::Bool(true) {
        c.execute(src, vec![]).await.expect("axe loads");
    }
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})
                .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe runs");
    serde_json::from_value(result).unwrap()
}

/// axe on the page exactly as it is, its theme untouched: a portal's page,
/// or the app in the theme the system asks for.
pub async fn assert_axe_clean(c: &Client, what: &str) {
    let v = axe_violations(c).await;
    assert!(v.is_empty(), "axe on {what}: {v:#?}");
}

/// axe on the app's current state in the light and then the dark theme (as
/// the theme switch sets them), then the theme as it was.
pub async fn assert_axe_clean_in_both_themes(c: &Client, what: &str) {
    let before = js(c, "return document.documentElement.dataset.theme ?? null").await;
    for theme in ["light", "dark"] {
        js(
            c,
            &format!("document.documentElement.dataset.theme = '{theme}'"),
        )
        .await;
        let v = axe_violations(c).await;
        assert!(v.is_empty(), "axe on {what} ({theme}): {v:#?}");
    }
    c.execute(
        "const [t] = arguments; if (t === null) delete document.documentElement.dataset.theme; else document.documentElement.dataset.theme = t;",
        vec![before],
    )
    .await
    .expect("the theme restored");
}
