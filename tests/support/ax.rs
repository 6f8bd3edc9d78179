//! What a screen reader is given: Chromium's full accessibility tree (CDP
//! `Accessibility.getFullAXTree` through ChromeDriver), written as a
//! readable outline and kept as committed snapshots under
//! `tests/a11y-snapshots/`, so every change to what is announced shows up
//! as a diff. `UPDATE_A11Y_SNAPSHOTS=1` rewrites them
//! (`scripts/update-a11y-snapshots.sh`).

use crate::browser::post;
use crate::repo_dir;
use fantoccini::Client;
use serde_json::Value;
use std::collections::HashMap;

/// One node of the outline.
struct Node {
    role: String,
    name: String,
    props: Vec<String>,
    children: Vec<String>,
    ignored: bool,
}

/// Properties worth reviewing; focus and the like change from run to run.
const PROPS: [&str; 10] = [
    "level", "checked", "pressed", "expanded", "selected", "disabled", "invalid", "required",
    "readonly", "modal",
];

fn value_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The page's accessibility tree as an outline: one line per node that is
/// not ignored (`role "name" [props]`), children indented, inline text
/// boxes left out (they repeat their static text).
pub async fn ax_outline(c: &Client) -> String {
    let tree = post(
        c,
        "goog/cdp/execute",
        serde_json::json!({"cmd": "Accessibility.getFullAXTree", "params": {}}),
    )
    .await;
    let nodes = tree["nodes"].as_array().expect("an accessibility tree");
    let mut by_id: HashMap<String, Node> = HashMap::new();
    let mut root = None;
    for n in nodes {
        let id = value_str(&n["nodeId"]);
        if n.get("parentId").is_none() && root.is_none() {
            root = Some(id.clone());
        }
        let mut props = vec![];
        for p in n["properties"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or_default();
            if PROPS.contains(&name) {
                let v = value_str(&p["value"]["value"]);
                // A toggle's "false" is information; other flags only when set.
                let toggle = matches!(name, "checked" | "pressed" | "expanded" | "selected");
                if !v.is_empty() && (v != "false" || toggle) {
                    props.push(if v == "true" {
                        name.to_owned()
                    } else {
                        format!("{name}={v}")
                    });
                }
            }
        }
        by_id.insert(
            id,
            Node {
                role: value_str(&n["role"]["value"]),
                name: value_str(&n["name"]["value"]).replace('\u{a0}', " "),
                props,
                children: n["childIds"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(value_str)
                    .collect(),
                ignored: n["ignored"].as_bool().unwrap_or(false),
            },
        );
    }
    let mut out = String::new();
    if let Some(root) = root {
        write(&by_id, &root, 0, &mut out);
    }
    without_first_publication(&without_ports(&out))
}

/// The declaration's publication date, when the bundle gives none, is the
/// day the site was first published (the test build's day): written as
/// `FIRST-PUBLISHED` where its note follows it.
fn without_first_publication(s: &str) -> String {
    const NOTES: [&str; 3] = [
        "data pierwszej publikacji serwisu",
        "the day the site was first published",
        "дата першої публікації сайту",
    ];
    let lines: Vec<&str> = s.lines().collect();
    let mut out = String::with_capacity(s.len());
    for (i, line) in lines.iter().enumerate() {
        let after_time = i > 0 && lines[i - 1].trim() == "time";
        let noted = lines[i + 1..]
            .iter()
            .take(4)
            .any(|l| NOTES.iter().any(|n| l.contains(n)));
        if after_time && noted && line.trim_start().starts_with("StaticText ") {
            let indent = line.len() - line.trim_start().len();
            out.push_str(&format!(
                "{}StaticText \"FIRST-PUBLISHED\"",
                &line[..indent]
            ));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The test server's port changes from run to run (the embed generator
/// shows its own address): written as `PORT`.
fn without_ports(s: &str) -> String {
    const HOST: &str = "127.0.0.1:";
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(HOST) {
        out.push_str(&rest[..i + HOST.len()]);
        rest = &rest[i + HOST.len()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push_str("PORT");
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
}

fn write(nodes: &HashMap<String, Node>, id: &str, depth: usize, out: &mut String) {
    let Some(n) = nodes.get(id) else { return };
    if n.role == "InlineTextBox" {
        return;
    }
    // Ignored nodes and unnamed generic containers say nothing: their
    // children are lifted to their place.
    let shown =
        !n.ignored && (!matches!(n.role.as_str(), "none" | "generic") || !n.name.is_empty());
    let next = if shown {
        out.push_str(&"  ".repeat(depth));
        out.push_str(&n.role);
        if !n.name.is_empty() {
            out.push_str(&format!(" {:?}", n.name));
        }
        if !n.props.is_empty() {
            out.push_str(&format!(" [{}]", n.props.join(", ")));
        }
        out.push('\n');
        depth + 1
    } else {
        depth
    };
    for c in &n.children {
        write(nodes, c, next, out);
    }
}

/// Compares the page's outline with its committed snapshot (or writes it
/// when `UPDATE_A11Y_SNAPSHOTS=1`), then runs the generic checks on it.
pub async fn assert_ax_snapshot(c: &Client, name: &str) {
    let outline = without_install_button(&ax_outline(c).await);
    let problems = ax_problems(&outline);
    assert!(
        problems.is_empty(),
        "{name}: what a screen reader hears:\n{}",
        problems.join("\n")
    );
    let dir = repo_dir().join("tests/a11y-snapshots");
    let file = dir.join(format!("{name}.txt"));
    if std::env::var("UPDATE_A11Y_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&file, &outline).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&file).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run scripts/update-a11y-snapshots.sh and review the new file",
            file.display()
        )
    });
    if want != outline {
        let diff: Vec<String> = diff_lines(&want, &outline);
        panic!(
            "{name}: the accessibility tree changed (review, then scripts/update-a11y-snapshots.sh):\n{}",
            diff.join("\n")
        );
    }
}

/// The outline without the "Install app" button: the browser offers
/// installation (`beforeinstallprompt`) when its own checks finish, before
/// or after a snapshot is taken, so the button is not part of what the page
/// itself decides. `e2e::offline` tests it on its own.
fn without_install_button(outline: &str) -> String {
    let mut out = String::new();
    let mut skip_below: Option<usize> = None;
    for line in outline.lines() {
        let depth = line.len() - line.trim_start().len();
        if let Some(d) = skip_below {
            if depth > d {
                continue;
            }
            skip_below = None;
        }
        let t = line.trim_start();
        if t == "button \"Install app\"" || t == "button \"Zainstaluj aplikację\"" {
            skip_below = Some(depth);
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A small line diff: the first differences, `-` committed, `+` now.
fn diff_lines(want: &str, got: &str) -> Vec<String> {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = vec![];
    let n = w.len().max(g.len());
    for i in 0..n {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            if let Some(a) = a {
                out.push(format!("{:>4} - {a}", i + 1));
            }
            if let Some(b) = b {
                out.push(format!("{:>4} + {b}", i + 1));
            }
            if out.len() > 40 {
                out.push("…".into());
                break;
            }
        }
    }
    out
}

const LANDMARKS: [&str; 8] = [
    "banner",
    "navigation",
    "main",
    "contentinfo",
    "region",
    "complementary",
    "search",
    "form",
];

/// Generic faults of an outline: a name with a letter or digit glued to a
/// following year, a name repeated by a parent and its only child, two
/// landmarks with the same role and name, an unnamed image, a heading level
/// skipped.
pub fn ax_problems(outline: &str) -> Vec<String> {
    let lines: Vec<(usize, &str, String)> = outline
        .lines()
        .map(|l| {
            let depth = (l.len() - l.trim_start().len()) / 2;
            let t = l.trim_start();
            let role = t.split(' ').next().unwrap_or_default();
            let name = t
                .find(" \"")
                .and_then(|i| {
                    serde_json::from_str::<String>(
                        &t[i + 1..t.rfind('"').map_or(t.len(), |j| j + 1)],
                    )
                    .ok()
                })
                .unwrap_or_default();
            (depth, role, name)
        })
        .collect();
    let mut problems = vec![];
    let mut landmarks: Vec<(&str, &str)> = vec![];
    let mut last_level = 0usize;
    for (i, (depth, role, name)) in lines.iter().enumerate() {
        if let Some(glued) = glued_year(name) {
            problems.push(format!(
                "{role} {name:?}: \"{glued}\" runs a word into a year"
            ));
        }
        // Its children, not counting text.
        let children: Vec<&(usize, &str, String)> = lines[i + 1..]
            .iter()
            .take_while(|(d, _, _)| d > depth)
            .filter(|(d, r, _)| *d == depth + 1 && *r != "StaticText")
            .collect();
        // Roles named from their content (a heading around a link) are
        // read once; a named container around a same-named one twice.
        let from_content = matches!(
            *role,
            "heading"
                | "listitem"
                | "cell"
                | "gridcell"
                | "row"
                | "rowheader"
                | "columnheader"
                | "paragraph"
                | "LabelText"
        );
        if !from_content && children.len() == 1 && !name.is_empty() && children[0].2 == *name {
            problems.push(format!(
                "{role} {name:?} and its only child {} say the same",
                children[0].1
            ));
        }
        if LANDMARKS.contains(role) && !name.is_empty() {
            if landmarks.contains(&(role, name)) {
                problems.push(format!("two {role} landmarks named {name:?}"));
            }
            landmarks.push((role, name));
        }
        if matches!(*role, "image" | "img" | "graphics-document" | "SvgRoot") && name.is_empty() {
            problems.push(format!("an unnamed {role}"));
        }
        if *role == "heading" {
            let level = outline
                .lines()
                .nth(i)
                .and_then(|l| l.split("level=").nth(1))
                .and_then(|r| r.split(|ch: char| !ch.is_ascii_digit()).next())
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            if level > last_level + 1 {
                problems.push(format!(
                    "heading {name:?} is level {level} after level {last_level}"
                ));
            }
            last_level = level;
        }
    }
    problems
}

/// The first place where a letter or digit runs straight into a year
/// (19xx or 20xx, not followed by another digit): "EQUAL2004",
/// "2014–20202014". A longer number is not a year ("1980000").
fn glued_year(name: &str) -> Option<String> {
    let c: Vec<char> = name.chars().collect();
    for i in 0..c.len().saturating_sub(4) {
        if !c[i].is_alphanumeric() {
            continue;
        }
        let y = &c[i + 1..i + 5];
        let is_year =
            y.iter().all(char::is_ascii_digit) && matches!((y[0], y[1]), ('1', '9') | ('2', '0'));
        let ends = c.get(i + 5).is_none_or(|ch| !ch.is_ascii_digit());
        if !is_year || !ends {
            continue;
        }
        // Digits before it glue only when they are a year themselves.
        if c[i].is_ascii_digit()
            && (0..=i).rev().take_while(|&j| c[j].is_ascii_digit()).count() != 4
        {
            continue;
        }
        return Some(c[i.saturating_sub(3)..i + 5].iter().collect());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generic_checks_find_what_they_promise() {
        assert!(glued_year("Inicjatywa Wspólnotowa EQUAL2004").is_some());
        assert!(glued_year("RPO WM na lata 2014–20202014–2020").is_some());
        assert!(glued_year("Inicjatywa Wspólnotowa EQUAL 2004").is_none());
        assert!(glued_year("RegioStars 2016 (2016)").is_none());
        assert!(glued_year("1 980 000 zł").is_none());
        assert_eq!(
            without_ports("src=\"http://127.0.0.1:38713/embed.js\" and 127.0.0.1:9"),
            "src=\"http://127.0.0.1:PORT/embed.js\" and 127.0.0.1:PORT"
        );
        let outline = "RootWebArea \"x\"\n  region \"Tabela danych\"\n    region \"Tabela danych\"\n      table\n  heading \"A\" [level=1]\n  heading \"B\" [level=3]\n  image\n  navigation \"N\"\n  navigation \"N\"\n";
        let p = ax_problems(outline);
        assert!(p.iter().any(|x| x.contains("only child")), "{p:?}");
        assert!(
            p.iter().any(|x| x.contains("level 3 after level 1")),
            "{p:?}"
        );
        assert!(p.iter().any(|x| x.contains("unnamed image")), "{p:?}");
        assert!(p.iter().any(|x| x.contains("two navigation")), "{p:?}");
    }
}
