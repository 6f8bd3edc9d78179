//! Property tests of `parse` and the validator: whatever the input, no panic,
//! and every error says where. CI runs the default 256 cases per property
//! (a few seconds); run longer with e.g.
//! `PROPTEST_CASES=100000 cargo test --lib proptests`.

use super::*;
use proptest::prelude::*;

const REAL: &str = include_str!("../../../public/content/bundle.json");

fn located(e: &ContentError) -> bool {
    match e {
        ContentError::Invalid(faults) => {
            !faults.is_empty()
                && faults
                    .iter()
                    .all(|f| f.at.is_some_and(|a| a.line >= 1 && a.column >= 1))
        }
        ContentError::Syntax { at, .. } | ContentError::NotUtf8 { at } => {
            at.line >= 1 && at.column >= 1
        }
        ContentError::Empty | ContentError::TooLarge { .. } | ContentError::NewerSchema { .. } => {
            true
        }
    }
}

/// One edit of the real bundle: delete, insert or replace a stretch.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, String),
    Truncate(usize),
}

fn apply(text: &str, edit: &Edit) -> Vec<u8> {
    let b = text.as_bytes();
    let at = |i: usize| i % (b.len() + 1);
    let mut out = b.to_vec();
    match edit {
        Edit::Delete(i, n) => {
            let s = at(*i);
            let e = (s + n % 64).min(b.len());
            out.drain(s..e);
        }
        Edit::Insert(i, s) => {
            let p = at(*i);
            out.splice(p..p, s.bytes());
        }
        Edit::Replace(i, s) => {
            let p = at(*i);
            let e = (p + s.len()).min(b.len());
            out.splice(p..e, s.bytes());
        }
        Edit::Truncate(i) => out.truncate(at(*i)),
    }
    out
}

fn edit() -> impl Strategy<Value = Edit> {
    let junk = prop_oneof![
        Just("\"".to_owned()),
        Just("{".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just("null".to_owned()),
        Just("\"2013/2007\"".to_owned()),
        Just("<script>".to_owned()),
        "\\PC{0,8}",
    ];
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), junk.clone()).prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<usize>(), junk).prop_map(|(i, s)| Edit::Replace(i, s)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_and_errors_are_located(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Err(e) = parse_bytes(&bytes) {
            prop_assert!(located(&e), "unlocated: {e:?}");
        }
    }

    #[test]
    fn edited_bundles_never_panic_and_errors_are_located(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut text = REAL.to_owned();
        let mut bytes = text.as_bytes().to_vec();
        for e in &edits {
            bytes = apply(&text, e);
            text = String::from_utf8_lossy(&bytes).into_owned();
        }
        match parse_bytes(&bytes) {
            // Whatever still parses must keep the validator's promises.
            Ok(b) => {
                for e in &b.events {
                    prop_assert!(e.project.as_ref().is_none_or(|p| b.project(p).is_some()));
                    prop_assert!(b.source(&e.source).is_some());
                }
                for p in &b.projects {
                    if let (Some(v), Some(eu)) = (p.value, p.eu_contribution) {
                        prop_assert!(eu.minor <= v.minor);
                    }
                }
            }
            Err(e) => prop_assert!(located(&e), "unlocated: {e:?}"),
        }
    }

    /// Any text, markup included, is data: it parses back exactly as
    /// written (unless it holds a character no text may hold: U+2028 is
    /// not in \p{C}).
    #[test]
    fn any_text_is_kept_verbatim(s in "\\PC{1,64}") {
        prop_assume!(!s.trim().is_empty() && text::hidden_control(&s).is_none());
        let escaped = serde_json::to_string(&s).unwrap();
        let text = REAL.replacen("\"pl\": \"Wyróżnienie REVES\"", &format!("\"pl\": {escaped}"), 1);
        let b = parse(&text).unwrap();
        prop_assert_eq!(b.event("wyroznienie-reves").unwrap().title.in_lang(Lang::Pl), s.as_str());
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // Typed fields stop it at the first bracket; untyped positions hit
    // serde_json's recursion limit (128). Either way: a located error.
    for deep in [
        format!(
            "{{\"schema_version\": {}1{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)),
        "{\"a\":".repeat(50_000),
    ] {
        let e = parse(&deep).unwrap_err();
        assert!(located(&e), "{e:?}");
    }
}

#[test]
fn very_long_text_is_refused_with_its_place() {
    let long = "a".repeat(parse::MAX_TEXT_CHARS + 1);
    let text = REAL.replacen(
        "\"pl\": \"Wyróżnienie REVES\"",
        &format!("\"pl\": \"{long}\""),
        1,
    );
    match parse(&text) {
        Err(ContentError::Invalid(f)) => {
            assert_eq!(f[0].path.to_string(), "$.events[7].title.pl");
            assert!(matches!(f[0].kind, FaultKind::TooLong { .. }));
        }
        other => panic!("{other:?}"),
    }
}

proptest! {
    /// The byte scan in `hidden_control` finds exactly what the
    /// character-level rule says, at the same place.
    #[test]
    fn the_hidden_control_scan_matches_its_definition(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{61c}\u{180e}\u{200b}-\u{200f}\u{2028}-\u{202e}\u{2060}-\u{206f}\u{feff}\u{e0000}-\u{e007f}]){0,40}") {
        let by_chars = s
            .chars()
            .enumerate()
            .find_map(|(i, c)| text::Invisible::of(c).map(|kind| (c as u32, i + 1, kind)));
        prop_assert_eq!(text::hidden_control(&s), by_chars);
    }
}
