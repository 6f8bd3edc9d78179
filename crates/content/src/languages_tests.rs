//! The bundle's languages: declared once (`languages`), every text a map
//! over them, the default required, a missing translation a warning, and
//! the bundles written before languages were declared read as they are.

use super::*;

const REAL: &str = include_str!("../../../public/content/bundle.json");
/// The shipped bundle as it was before `languages` (schema 2), kept as it
/// was published: centres' files of that shape must keep loading.
const SCHEMA_2: &str = include_str!("../../../tests/fixtures/bundle-schema-2.json");
const FICTIONAL: &str = include_str!("../../../tests/fixtures/fictional/bundle.json");

fn faults(text: &str) -> Vec<Fault> {
    match parse(text) {
        Err(ContentError::Invalid(f)) => f,
        other => panic!("expected validation faults, got {other:?}"),
    }
}

fn replaced(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "anchor {from:?} must be unique"
    );
    text.replacen(from, to, 1)
}

#[test]
fn a_schema_2_bundle_loads_and_writes_back_byte_for_byte() {
    let old = parse(SCHEMA_2).expect("a schema 2 bundle still loads");
    assert_eq!(old.schema_version, 2);
    assert_eq!(old.languages, None);
    assert_eq!(old.languages(), [Lang::Pl, Lang::En]);
    assert_eq!(old.default_lang(), Lang::Pl);
    // Written back by the editor or the workbook, it is the same content:
    // no field added (no `languages`), none lost, every text as it was.
    let written: serde_json::Value = serde_json::to_value(&old).unwrap();
    let file: serde_json::Value = serde_json::from_str(SCHEMA_2).unwrap();
    assert_eq!(written, file);
    // And it says exactly what the shipped schema 3 bundle says.
    // Ukrainian aside, the same as the shipped bundle says now.
    let mut new = parse(REAL).unwrap();
    assert_eq!(new.languages(), [Lang::Pl, Lang::En, Lang::Uk]);
    new.schema_version = 2;
    new.languages = None;
    for t in new.texts_mut() {
        assert!(
            t.remove(Lang::Uk),
            "every shipped text is in Ukrainian: {t:?}"
        );
    }
    assert_eq!(new, old);
    assert!(warnings(&old, SCHEMA_2)
        .iter()
        .all(|w| !matches!(w.kind, FaultKind::Untranslated(_))));
}

/// Objects of the JSON that are texts: every key a language tag, every
/// value a string (a video's caption files have the same shape, and are
/// not texts: they are file names).
fn texts_in_json(v: &serde_json::Value, key: &str, n: &mut usize) {
    match v {
        serde_json::Value::Object(m) => {
            let text_like = !m.is_empty()
                && m.iter()
                    .all(|(k, v)| Lang::exact(k).is_some() && v.is_string());
            if text_like && key != "captions" {
                *n += 1;
            } else {
                for (k, v) in m {
                    texts_in_json(v, k, n);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| texts_in_json(v, key, n)),
        _ => {}
    }
}

#[test]
fn every_text_is_walked() {
    // The fictional bundle fills every optional field, so a text field
    // left out of `Bundle::texts_mut` shows as a difference in the count.
    for source in [FICTIONAL, REAL] {
        let mut b = parse(source).unwrap();
        let mut in_json = 0;
        texts_in_json(&serde_json::from_str(source).unwrap(), "", &mut in_json);
        assert!(in_json > 40);
        assert_eq!(b.texts_mut().len(), in_json);
    }
}

#[test]
fn a_missing_translation_is_a_located_warning_and_the_page_shows_the_default() {
    let text = replaced(
        REAL,
        "\"en\": \"REVES distinction\"",
        "\"lt\": \"REVES distinction\"",
    );
    // "lt" has no interface strings here: refused by name, at its key.
    let f = faults(&text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FaultKind::UnknownLanguage("lt".into()));
    let at = f[0].at.expect("located");
    let line = text.lines().nth(at.line - 1).unwrap();
    assert!(line.contains("\"lt\": \"REVES distinction\""), "{line}");
    let i = parse(REAL)
        .unwrap()
        .events
        .iter()
        .position(|e| e.id == "wyroznienie-reves")
        .unwrap();
    assert_eq!(f[0].path.to_string(), format!("$.events[{i}].title.lt"));
    let msg = f[0].kind.message(Lang::Pl);
    assert!(msg.contains("„lt”") && msg.contains("pl, en"), "{msg}");

    // The translation left out: valid, one warning at the text, and the
    // English page shows the Polish title marked as Polish.
    let text = replaced(
        REAL,
        "\"pl\": \"Wyróżnienie REVES\",\n        \"en\": \"REVES distinction\"",
        "\"pl\": \"Wyróżnienie REVES\"",
    );
    let b = parse(&text).unwrap();
    let w: Vec<Fault> = warnings(&b, &text)
        .into_iter()
        .filter(|w| matches!(w.kind, FaultKind::Untranslated(_)))
        .collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].kind, FaultKind::Untranslated(Lang::En));
    let i = b
        .events
        .iter()
        .position(|e| e.id == "wyroznienie-reves")
        .unwrap();
    assert_eq!(w[0].path.to_string(), format!("$.events[{i}].title.en"));
    let at = w[0].at.expect("placed at its text");
    let line = text.lines().nth(at.line - 1).unwrap();
    assert!(
        line.contains("\"title\"") || line.contains("Wyróżnienie REVES"),
        "{at:?} {line}"
    );
    assert!(w[0].kind.message(Lang::En).contains("English"));
    let title = &b.event("wyroznienie-reves").unwrap().title;
    assert_eq!(
        title.get(Lang::En),
        Localized {
            text: "Wyróżnienie REVES",
            lang: Lang::Pl
        }
    );
}

#[test]
fn the_default_language_is_the_first_declared_and_required() {
    // English first: every text is kept English first, whatever its key
    // order in the file, and a text without English is a fault.
    let text = replaced(
        REAL,
        "\"languages\": [\"pl\", \"en\", \"uk\"]",
        "\"languages\": [\"en\", \"pl\", \"uk\"]",
    );
    let b = parse(&text).unwrap();
    assert_eq!(b.default_lang(), Lang::En);
    let title = &b.event("wyroznienie-reves").unwrap().title;
    assert_eq!(title.entries().next().unwrap().0, Lang::En);
    let written = serde_json::to_string(title).unwrap();
    assert_eq!(
        written,
        r#"{"en":"REVES distinction","pl":"Wyróżnienie REVES","uk":"Відзнака REVES"}"#
    );

    let text = replaced(
        &text,
        "\"pl\": \"Wyróżnienie REVES\",\n        \"en\": \"REVES distinction\"",
        "\"pl\": \"Wyróżnienie REVES\"",
    );
    let f = faults(&text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, FaultKind::NoDefaultText(Lang::En));
    assert!(f[0].path.to_string().ends_with(".title.en"));
    assert!(f[0].at.is_some(), "placed at the text");

    // Polish alone: English and Ukrainian texts are in languages the
    // bundle does not list, each a fault at its key.
    let text = replaced(
        REAL,
        "\"languages\": [\"pl\", \"en\", \"uk\"]",
        "\"languages\": [\"pl\"]",
    );
    let f = faults(&text);
    assert!(f.len() > 80);
    assert!(f.iter().all(|f| match f.kind {
        FaultKind::UndeclaredLanguage(l) => {
            f.path.to_string().ends_with(&format!(".{}", l.as_str())) && f.at.is_some()
        }
        _ => false,
    }));
}

#[test]
fn the_language_list_is_checked() {
    for (list, kind, path) in [
        ("[]", FaultKind::EmptyList, "$.languages"),
        (
            "[\"pl\", \"en\", \"uk\", \"pl\"]",
            FaultKind::DuplicateLanguage(Lang::Pl),
            "$.languages[3]",
        ),
    ] {
        let text = replaced(
            REAL,
            "\"languages\": [\"pl\", \"en\", \"uk\"]",
            &format!("\"languages\": {list}"),
        );
        let f = faults(&text);
        assert_eq!(
            (f[0].kind.clone(), f[0].path.to_string()),
            (kind, path.to_owned())
        );
    }
    // A language the app has no interface strings for, at its place.
    let text = replaced(
        REAL,
        "\"languages\": [\"pl\", \"en\", \"uk\"]",
        "\"languages\": [\"pl\", \"en\", \"uk\", \"lt\"]",
    );
    let f = faults(&text);
    assert_eq!(f[0].kind, FaultKind::UnknownLanguage("lt".into()));
    assert_eq!(f[0].at.map(|a| (a.line, a.column)), Some((4, 35)));
    assert_eq!(f[0].path.to_string(), "$.languages[3]");
    assert!(f[0].kind.message(Lang::En).contains("\"lt\""));
    // A text repeating a language is a structure fault, not a silent pick.
    let text = replaced(
        REAL,
        "\"en\": \"REVES distinction\"",
        "\"en\": \"REVES distinction\", \"en\": \"REVES\"",
    );
    let f = faults(&text);
    assert!(matches!(&f[0].kind, FaultKind::Structure(d) if d.contains("duplicate field `en`")));
}
