//! Tests over whole bundles: the real one (every fact of the seed, with the
//! right figures) and broken variants of it (each fault located).

use super::*;

const REAL: &str = include_str!("../../../public/content/bundle.json");

fn real() -> Bundle {
    parse(REAL).unwrap_or_else(|e| panic!("the shipped bundle must be valid: {e}"))
}

/// The real bundle with one substring replaced; panics if it is not there once,
/// so a fixture cannot silently stop testing anything.
fn variant(from: &str, to: &str) -> String {
    assert_eq!(
        REAL.matches(from).count(),
        1,
        "fixture anchor {from:?} must be unique"
    );
    REAL.replacen(from, to, 1)
}

/// Line:column where `needle` first starts in `text`, found by plain search:
/// an independent check of the locator.
fn position(text: &str, needle: &str) -> Location {
    position_at(text, text.find(needle).expect("needle present"))
}

fn position_at(text: &str, pos: usize) -> Location {
    let before = &text[..pos];
    Location {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().unwrap().chars().count() + 1,
    }
}

fn faults(text: &str) -> Vec<Fault> {
    match parse(text) {
        Err(ContentError::Invalid(f)) => f,
        other => panic!("expected validation faults, got {other:?}"),
    }
}

#[test]
fn real_bundle_carries_the_organisation() {
    let b = real();
    assert_eq!(b.schema_version, SCHEMA_VERSION);
    // The day the content was compiled (shown as such on the about page and
    // as "stan na" in the offline notices): a whole day, not a guess.
    assert_eq!(b.content_date, DateValue::parse("2026-11-26").unwrap());
    assert_eq!(
        b.organisation.name.in_lang(Lang::Pl),
        "Regionalny Ośrodek Polityki Społecznej w Krakowie"
    );
    assert!(b
        .organisation
        .summary
        .in_lang(Lang::Pl)
        .contains("jednostką organizacyjną Województwa Małopolskiego"));
    assert!(b
        .organisation
        .legal_basis
        .in_lang(Lang::Pl)
        .contains("art. 21 pkt 4a"));
    assert!(b
        .organisation
        .legal_basis
        .in_lang(Lang::Pl)
        .contains("12 marca 2004"));
    assert!(b
        .organisation
        .legal_basis
        .in_lang(Lang::En)
        .contains("Article 21 point 4a"));
}

#[test]
fn the_source_is_the_centres_o_nas_web_page() {
    let b = real();
    let s = b.source(&b.organisation.source).unwrap();
    assert_eq!(
        s.title.in_lang(Lang::Pl),
        "ROPS w Krakowie, strona internetowa „O nas”"
    );
    assert_eq!(
        s.title.in_lang(Lang::En),
        "ROPS Kraków, the Centre's “O nas” (About us) web page"
    );
    // Every fact points to it.
    assert!(b.events.iter().all(|e| e.source == s.id));
    assert!(b.projects.iter().all(|p| p.source == s.id));
    assert!(b.figures.iter().all(|f| f.source == s.id));
}

#[test]
fn real_bundle_has_every_dated_fact_of_the_seed() {
    let b = real();
    let ev = |id: &str| b.event(id).unwrap_or_else(|| panic!("event {id} missing"));
    let d = |s: &str| DateValue::parse(s).unwrap();

    let equal = ev("2004-lider-equal");
    assert_eq!(equal.date, d("2004"));
    assert_eq!(equal.kind, EventKind::Partnership);
    assert!(equal
        .description
        .in_lang(Lang::Pl)
        .contains("Akademia Przedsiębiorczości. Rozwój alternatywnych form zatrudnienia"));
    assert!(equal.description.in_lang(Lang::Pl).contains("tematu D"));

    // The seed dates the Strategy's term ("na lata 2007-2013"), not the day
    // the provisions were written into it: the range stays, and the text
    // says whose dates they are.
    let strategy = ev("strategia-2007-2013");
    assert_eq!(strategy.date, d("2007/2013"));
    assert_eq!(strategy.kind, EventKind::Policy);
    assert_eq!(
        strategy.project.as_deref(),
        Some("akademia-przedsiebiorczosci")
    );
    assert!(strategy
        .description
        .in_lang(Lang::Pl)
        .contains("Strategii Rozwoju Województwa Małopolskiego na lata 2007–2013"));
    assert!(strategy
        .description
        .in_lang(Lang::Pl)
        .contains("Lata 2007–2013 to okres obowiązywania Strategii, a nie data tego wydarzenia"));
    assert!(strategy
        .description
        .in_lang(Lang::En)
        .contains("The years 2007–2013 are the Strategy's term, not the date of this event"));

    let ares = ev("2008-akademia-rozwoju-es");
    assert_eq!(ares.date, d("2008"));
    assert!(ares
        .description
        .in_lang(Lang::Pl)
        .contains("295 miejsc pracy w ponad 40 spółdzielniach socjalnych"));
    assert!(ares.description.in_lang(Lang::Pl).contains("7.2.2"));

    assert_eq!(ev("2010-model-mrr").date, d("2010"));
    assert!(ev("2010-model-mrr")
        .description
        .in_lang(Lang::Pl)
        .contains("Ministerstwo Rozwoju Regionalnego"));

    let eepa = ev("2012-nagroda-ministra-gospodarki");
    assert_eq!((eepa.date, eepa.kind), (d("2012"), EventKind::Award));
    assert!(eepa
        .description
        .in_lang(Lang::Pl)
        .contains("przedsiębiorczość odpowiedzialna i wspierająca włączenie społeczne"));

    let regio = ev("2016-regiostars");
    assert_eq!((regio.date, regio.kind), (d("2016"), EventKind::Award));
    assert!(regio
        .description
        .in_lang(Lang::Pl)
        .contains("Wzrost sprzyjający włączeniu społecznemu"));

    let mokes = ev("2015-mokes");
    assert_eq!(mokes.date, d("2015/.."));
    assert_eq!(mokes.project.as_deref(), Some("mokes"));
    assert!(mokes
        .description
        .in_lang(Lang::Pl)
        .contains("Działania 9.3 RPO WM na lata 2014–2020"));

    let reves = ev("wyroznienie-reves");
    assert_eq!(reves.kind, EventKind::Award);
    assert!(reves.description.in_lang(Lang::Pl).contains(
        "za funkcjonowanie Małopolskiego Paktu na Rzecz Ekonomii Społecznej oraz stworzenie systemu wsparcia ekonomii społecznej"
    ));
    assert!(reves
        .description
        .in_lang(Lang::En)
        .contains("for the operation of the Małopolska Pact for the Social Economy"));

    let model = ev("2010-model-mrr");
    assert!(model
        .description
        .in_lang(Lang::Pl)
        .contains("Poddziałania 7.2.2 PO KL"));
    assert!(ev("wspolpraca-lombardia")
        .description
        .in_lang(Lang::Pl)
        .contains("oparty na mechanizmach zwrotnych"));
}

#[test]
fn projects_carry_programme_dates_summary_and_activities_as_the_seed_gives_them() {
    let b = real();
    let d = |s: &str| DateValue::parse(s).unwrap();

    // EQUAL: from 2004, the end not given.
    let equal = b.project("akademia-przedsiebiorczosci").unwrap();
    assert_eq!(equal.dates, d("2004/.."));
    assert_eq!(
        equal.programme.in_lang(Lang::Pl),
        "Inicjatywa Wspólnotowa EQUAL"
    );
    assert_eq!(
        equal.programme.in_lang(Lang::En),
        "EQUAL Community Initiative"
    );
    assert!(equal
        .measure
        .as_ref()
        .unwrap()
        .in_lang(Lang::Pl)
        .starts_with("Temat D: "));
    assert!(equal
        .summary
        .in_lang(Lang::Pl)
        .contains("na grunt polityki regionalnej"));
    assert!(equal.activities.is_empty());

    // PO KL, expanded once here and abbreviated everywhere else.
    let ares = b.project("akademia-rozwoju-es").unwrap();
    assert_eq!(ares.dates, d("2008/.."));
    assert_eq!(
        ares.programme.in_lang(Lang::Pl),
        "Program Operacyjny Kapitał Ludzki (PO KL)"
    );
    assert_eq!(
        ares.programme.in_lang(Lang::En),
        "Human Capital Operational Programme (PO KL)"
    );
    assert!(ares
        .summary
        .in_lang(Lang::Pl)
        .contains("SZOP PO KL dla Poddziałania 7.2.2"));
    assert_eq!(ares.activities.len(), 2);
    assert!(ares.activities[0]
        .in_lang(Lang::Pl)
        .contains("295 miejsc pracy w ponad 40 spółdzielniach socjalnych"));
    assert!(ares.activities[1]
        .in_lang(Lang::Pl)
        .contains("z Regionem Lombardii"));

    // MOKES: the seed breaks off where its list of activities begins.
    let mokes = b.project("mokes").unwrap();
    assert_eq!(mokes.dates, d("2015/.."));
    assert_eq!(
        mokes.programme.in_lang(Lang::Pl),
        "Regionalny Program Operacyjny Województwa Małopolskiego na lata 2014–2020 (RPO WM)"
    );
    assert_eq!(
        mokes.programme.in_lang(Lang::En),
        "Regional Operational Programme of the Małopolska Region 2014–2020 (RPO WM)"
    );
    assert!(mokes
        .summary
        .in_lang(Lang::Pl)
        .contains("platformy współpracy"));
    assert_eq!(
        mokes.activities.len(),
        2,
        "only the activities the text describes; the announced list is missing"
    );
    assert!(mokes.activities[1]
        .in_lang(Lang::Pl)
        .contains("zaangażowanie samorządu w uspołecznianie zadań publicznych"));
    assert!(mokes.activities[1]
        .in_lang(Lang::En)
        .contains("involving social-economy and civic organisations in delivering public tasks"));
    let note = mokes
        .activities_note
        .as_ref()
        .expect("MOKES says the list is missing");
    assert!(note.in_lang(Lang::Pl).contains("urywa się"));
    assert!(note
        .in_lang(Lang::Pl)
        .contains("realizowane są następujące działania:"));
    assert!(note
        .in_lang(Lang::En)
        .contains("the list itself is missing"));
}

/// The editorial conventions every text of the bundle keeps: the ones the
/// seed spells loosely are spelled one way here (its facts unchanged).
#[test]
fn texts_keep_one_spelling() {
    let v: serde_json::Value = serde_json::from_str(REAL).unwrap();
    fn texts<'a>(v: &'a serde_json::Value, out: &mut Vec<(&'a str, &'a str)>) {
        match v {
            serde_json::Value::Object(m) => {
                for lang in ["pl", "en"] {
                    if let Some(serde_json::Value::String(s)) = m.get(lang) {
                        out.push((lang, s));
                    }
                }
                m.values().for_each(|x| texts(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
            _ => {}
        }
    }
    let mut all = vec![];
    texts(&v, &mut all);
    assert!(all.len() > 60, "the walk found the texts ({})", all.len());
    let year_range_with_hyphen = |s: &str| {
        let b = s.as_bytes();
        (0..b.len().saturating_sub(8)).any(|i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && b[i + 4] == b'-'
                && b[i + 5..i + 9].iter().all(u8::is_ascii_digit)
        })
    };
    for (lang, s) in all {
        assert!(!s.contains("pkt."), "“pkt”, not “pkt.”: {s}");
        assert!(
            !year_range_with_hyphen(s),
            "year ranges take an en dash: {s}"
        );
        assert!(!s.contains("oparty o "), "“oparty na”, not “oparty o”: {s}");
        assert!(!s.contains("Equal"), "EQUAL is spelled in capitals: {s}");
        assert!(!s.contains("POKL"), "“PO KL”, not “POKL”: {s}");
        assert!(!s.contains("tekst przekazany"), "{s}");
        if lang == "en" {
            assert!(!s.contains("socialis"), "{s}");
            assert!(!s.contains("supplied by"), "{s}");
            assert!(!s.contains("Małopolska Voivodeship) 2014"), "{s}");
        }
    }
}

#[test]
fn facts_without_a_year_stay_undated() {
    let b = real();
    for id in [
        "wyroznienie-reves",
        "system-wsparcia-owes",
        "wspolpraca-lombardia",
    ] {
        assert_eq!(
            b.event(id).unwrap().date,
            DateValue::NotGiven,
            "{id} has no year in the seed"
        );
    }
    let order: Vec<&str> = b
        .events_chronological()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "2004-lider-equal",
            "strategia-2007-2013",
            "2008-akademia-rozwoju-es",
            "2010-model-mrr",
            "2012-nagroda-ministra-gospodarki",
            "2015-mokes",
            "2016-regiostars",
            "wspolpraca-lombardia",
            "system-wsparcia-owes",
            "wyroznienie-reves",
        ]
    );
}

#[test]
fn mokes_money_is_exact_and_the_rest_derived() {
    let b = real();
    let p = b.project("mokes").unwrap();
    assert_eq!(p.value, Some(Money::pln(1_980_000)));
    assert_eq!(p.eu_contribution, Some(Money::pln(1_683_000)));
    assert_eq!(p.fund, Some(Fund::Efs));
    assert_eq!(p.remainder(), Some(Money::pln(297_000)));
    assert_eq!(p.eu_share().unwrap().permille_rounded(), 850);
    assert_eq!(
        p.measure.as_ref().unwrap().in_lang(Lang::Pl),
        "Działanie 9.3"
    );
    assert_eq!(p.period, DateValue::parse("2014/2020").unwrap());
    // The remainder must not be stored: it is derived, so it cannot disagree.
    assert!(!REAL.contains("297000"));
}

#[test]
fn projects_without_a_value_say_so() {
    let b = real();
    for id in ["akademia-przedsiebiorczosci", "akademia-rozwoju-es"] {
        let p = b.project(id).unwrap();
        assert_eq!((p.value, p.eu_contribution), (None, None), "{id}");
        assert_eq!(p.eu_share(), None);
        assert_eq!(p.remainder(), None);
    }
    assert_eq!(
        b.project("akademia-przedsiebiorczosci").unwrap().role,
        Role::Leader
    );
}

#[test]
fn impact_figures_keep_the_lower_bound() {
    let b = real();
    let jobs = b.figures.iter().find(|f| f.id == "miejsca-pracy").unwrap();
    assert_eq!((jobs.value, jobs.bound), (295, FigureBound::Exact));
    let coops = b
        .figures
        .iter()
        .find(|f| f.id == "spoldzielnie-socjalne")
        .unwrap();
    assert_eq!((coops.value, coops.bound), (40, FigureBound::MoreThan));
    assert_eq!(b.figures_of_project("akademia-rozwoju-es").count(), 2);
}

#[test]
fn every_text_has_english() {
    // Polish is required by the format; English is required of *this* bundle.
    let v: serde_json::Value = serde_json::from_str(REAL).unwrap();
    fn walk(v: &serde_json::Value, path: String, missing: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if m.contains_key("pl") && !m.contains_key("en") {
                    missing.push(path.clone());
                }
                for (k, x) in m {
                    walk(x, format!("{path}.{k}"), missing);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{path}[{i}]"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = vec![];
    walk(&v, "$".into(), &mut missing);
    assert!(missing.is_empty(), "texts without English: {missing:?}");
}

#[test]
fn every_era_says_where_its_bounds_come_from() {
    let b = real();
    let era = |id: &str| b.eras.iter().find(|e| e.id == id).unwrap();
    let d = |s: &str| DateValue::parse(s).unwrap();
    // EQUAL: the seed gives 2004 and no end; the band covers only what is dated.
    let equal = era("equal");
    assert_eq!(equal.name.in_lang(Lang::Pl), "Inicjatywa Wspólnotowa EQUAL");
    assert_eq!(equal.period, d("2004"));
    let note = equal.note.as_ref().unwrap();
    assert!(note.in_lang(Lang::Pl).contains("nie podaje, do kiedy"));
    assert!(note.in_lang(Lang::En).contains("does not say when"));
    let po_kl = era("okres-2007-2013");
    assert_eq!(po_kl.period, d("2007/2013"));
    assert!(po_kl
        .note
        .as_ref()
        .unwrap()
        .in_lang(Lang::Pl)
        .contains("Strategii Rozwoju Województwa Małopolskiego na lata 2007–2013"));
    let rpo = era("rpo-wm-2014-2020");
    assert_eq!(rpo.period, d("2014/2020"));
    assert!(rpo
        .note
        .as_ref()
        .unwrap()
        .in_lang(Lang::Pl)
        .contains("„RPO WM na lata 2014–2020”"));
    assert!(b.eras.iter().all(|e| e.note.is_some()));
}

#[test]
fn awards_are_the_three_the_seed_names() {
    let b = real();
    let awards: Vec<&str> = b
        .events_chronological()
        .into_iter()
        .filter(|e| e.kind == EventKind::Award)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        awards,
        [
            "2012-nagroda-ministra-gospodarki",
            "2016-regiostars",
            "wyroznienie-reves"
        ]
    );
}

#[test]
fn eras_place_events() {
    let b = real();
    let names = |id: &str| -> Vec<String> {
        b.eras_of(b.event(id).unwrap())
            .iter()
            .map(|e| e.id.clone())
            .collect()
    };
    assert_eq!(names("2004-lider-equal"), ["equal"]);
    assert_eq!(names("2010-model-mrr"), ["okres-2007-2013"]);
    assert_eq!(names("2016-regiostars"), ["rpo-wm-2014-2020"]);
    assert!(names("wyroznienie-reves").is_empty());
}

#[cfg(feature = "schema")]
#[test]
fn schema_file_is_up_to_date() {
    let committed = include_str!("../../../public/content/bundle.schema.json");
    assert!(
        committed == schema::bundle_schema(),
        "public/content/bundle.schema.json is stale: run `cargo run --bin validate-bundle -- --write-schema public/content/bundle.schema.json`"
    );
}

// ---- broken bundles: one per fault kind, each located ----

#[test]
fn syntax_error_has_line_and_column() {
    let text = variant("\"schema_version\": 3,", "\"schema_version\": 3,,");
    match parse(&text) {
        Err(ContentError::Syntax { at, .. }) => {
            let p = position(&text, ",,");
            assert_eq!(at.line, p.line);
            assert_eq!(
                at.column,
                p.column + 1,
                "column points at the stray second comma"
            );
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn truncated_and_empty_input() {
    // Cut at a character's start: the text is UTF-8 (Ukrainian included).
    let half = (0..=REAL.len() / 2)
        .rev()
        .find(|&i| REAL.is_char_boundary(i))
        .unwrap_or(0);
    assert!(matches!(
        parse(&REAL[..half]),
        Err(ContentError::Syntax { .. })
    ));
    assert_eq!(parse("  \n"), Err(ContentError::Empty));
    assert!(matches!(
        parse("<!doctype html><html>"),
        Err(ContentError::Syntax {
            at: Location { line: 1, column: 1 },
            ..
        })
    ));
}

#[test]
fn invalid_utf8_is_located() {
    let mut bytes = b"{\n  \"a\": \"".to_vec();
    bytes.push(0xff);
    match parse_bytes(&bytes) {
        Err(ContentError::NotUtf8 { at }) => assert_eq!(at, Location { line: 2, column: 9 }),
        other => panic!("{other:?}"),
    }
}

#[test]
fn oversize_is_refused_before_parsing() {
    let big = vec![b' '; MAX_BUNDLE_BYTES + 1];
    assert!(matches!(
        parse_bytes(&big),
        Err(ContentError::TooLarge { .. })
    ));
}

#[test]
fn wrong_type_names_path_and_place() {
    let text = variant("\"value\": 295,", "\"value\": \"295\",");
    let f = faults(&text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].path.to_string(), "$.figures[0].value");
    assert!(matches!(f[0].kind, FaultKind::Structure(_)));
    let p = position(&text, "\"295\"");
    assert_eq!(f[0].at.unwrap().line, p.line);
}

#[test]
fn unknown_field_is_rejected() {
    let text = variant(
        "\"bound\": \"exact\",",
        "\"bound\": \"exact\", \"colour\": \"red\",",
    );
    let f = faults(&text);
    assert_eq!(f[0].path.to_string(), "$.figures[0].colour");
    match &f[0].kind {
        FaultKind::Structure(m) => assert!(m.contains("unknown field `colour`"), "{m}"),
        k => panic!("{k:?}"),
    }
}

#[test]
fn duplicate_key_is_rejected() {
    let text = variant(
        "\"bound\": \"exact\",",
        "\"bound\": \"exact\", \"bound\": \"exact\",",
    );
    let f = faults(&text);
    match &f[0].kind {
        FaultKind::Structure(m) => assert!(m.contains("duplicate field `bound`"), "{m}"),
        k => panic!("{k:?}"),
    }
}

#[test]
fn impossible_date_is_located() {
    let text = variant("\"date\": \"2010\",", "\"date\": \"2010-02-30\",");
    let f = faults(&text);
    assert_eq!(f[0].path.to_string(), "$.events[5].date");
    assert_eq!(f[0].at.unwrap().line, position(&text, "2010-02-30").line);
}

#[test]
fn backwards_range_is_rejected() {
    let text = variant("\"date\": \"2007/2013\",", "\"date\": \"2013/2007\",");
    let f = faults(&text);
    assert_eq!(f[0].path.to_string(), "$.events[1].date");
    match &f[0].kind {
        FaultKind::Structure(m) => assert!(m.contains("ends before it starts"), "{m}"),
        k => panic!("{k:?}"),
    }
}

#[test]
fn bad_amount_is_rejected() {
    let text = variant("\"amount\": \"1980000\"", "\"amount\": 1980000.0");
    let f = faults(&text);
    assert_eq!(f[0].path.to_string(), "$.projects[2].value.amount");
}

#[test]
fn semantic_faults_are_all_reported_with_positions() {
    let text = variant("\"id\": \"2010-model-mrr\"", "\"id\": \"2004-lider-equal\"")
        .replacen("\"project\": \"mokes\"", "\"project\": \"mokess\"", 1)
        .replacen("\"amount\": \"1683000\"", "\"amount\": \"1980000.01\"", 1)
        .replacen("\"pl\": \"Wyróżnienie REVES\"", "\"pl\": \"  \"", 1)
        .replacen("\"url\": null", "\"url\": \"javascript:alert(1)\"", 1)
        .replacen("\"id\": \"equal\"", "\"id\": \"Equal Era\"", 1)
        .replacen("\"schema_version\": 3", "\"schema_version\": 0", 1);
    let f = faults(&text);
    let find = |path: &str| {
        f.iter()
            .find(|x| x.path.to_string() == path)
            .unwrap_or_else(|| panic!("no fault at {path}: {f:#?}"))
    };

    let dup = find("$.events[5].id");
    assert_eq!(dup.kind, FaultKind::DuplicateId("2004-lider-equal".into()));
    let second = text
        .match_indices("\"id\": \"2004-lider-equal\"")
        .nth(1)
        .unwrap()
        .0;
    assert_eq!(dup.at, Some(position_at(&text, second + "\"id\": ".len())));

    let r = find("$.events[8].project");
    assert_eq!(
        r.kind,
        FaultKind::UnknownReference {
            target: "projects",
            id: "mokess".into()
        }
    );
    let p = position(&text, "\"mokess\"");
    assert_eq!(r.at, Some(p));

    let eu = find("$.projects[2].eu_contribution");
    assert_eq!(eu.kind, FaultKind::EuAboveValue);

    assert_eq!(find("$.events[7].title.pl").kind, FaultKind::EmptyText);
    assert!(matches!(
        find("$.sources[0].url").kind,
        FaultKind::UnsafeUrl(_)
    ));
    assert!(matches!(find("$.eras[0].id").kind, FaultKind::BadId(_)));
    assert_eq!(
        find("$.schema_version").kind,
        FaultKind::UnsupportedSchema {
            found: 0,
            supported: SCHEMA_VERSION
        }
    );
    assert!(f.iter().all(|x| x.at.is_some()), "every fault is located");
    // Messages exist in both languages and name the place.
    assert!(r
        .describe(Lang::Pl)
        .starts_with(&format!("$.events[8].project ({}:{})", p.line, p.column)));
    assert!(r.describe(Lang::En).contains("not in projects"));
}

#[test]
fn eu_equal_to_value_is_fine() {
    let text = variant("\"amount\": \"1683000\"", "\"amount\": \"1980000\"");
    let b = parse(&text).unwrap();
    let p = b.project("mokes").unwrap();
    assert_eq!(p.remainder(), Some(Money::pln(0)));
    assert_eq!(p.eu_share().unwrap().permille_rounded(), 1000);
}

#[test]
fn safe_urls_only() {
    assert!(parse::is_safe_url("https://rops.example/o-nas"));
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil",
        "http://",
        "https://a b",
        " JAVASCRIPT:x",
        "vbscript:x",
    ] {
        assert!(!parse::is_safe_url(bad), "{bad}");
    }
}

#[test]
fn declaration_fields_the_seed_does_not_give_are_warnings_not_inventions() {
    let b = real();
    let d = &b.accessibility;
    assert_eq!(
        d.entity.in_lang(Lang::Pl),
        "Regionalny Ośrodek Polityki Społecznej w Krakowie"
    );
    assert_eq!(
        (&d.email, &d.phone, &d.contact_person),
        (&None, &None, &None)
    );
    let w = warnings(&b, REAL);
    let paths: Vec<String> = w.iter().map(|f| f.path.to_string()).collect();
    for field in [
        "published",
        "status",
        "contact_person",
        "email",
        "phone",
        "architecture",
    ] {
        assert!(
            paths.contains(&format!("$.accessibility.{field}")),
            "{field} not warned: {paths:?}"
        );
    }
    assert!(w
        .iter()
        .filter(|f| f.path.0.first() == Some(&Segment::Key("accessibility".into())))
        .all(|f| f.kind == FaultKind::NotFilled && f.at.is_some()));

    // Filled in, the warning goes away; a contact that could smuggle a link is a fault.
    let filled = variant("\"email\": null", "\"email\": \"dostepnosc@example.pl\"");
    let b2 = parse(&filled).unwrap();
    assert!(!warnings(&b2, &filled)
        .iter()
        .any(|f| f.path.to_string() == "$.accessibility.email"));
    let bad = variant("\"phone\": null", "\"phone\": \"javascript:alert(1)\"");
    let f = faults(&bad);
    assert_eq!(f[0].path.to_string(), "$.accessibility.phone");
    assert!(matches!(f[0].kind, FaultKind::BadContact(_)));
}

#[test]
fn a_newer_schema_asks_for_a_newer_app_not_for_an_editor() {
    // Same shape, higher version.
    let text = variant("\"schema_version\": 3,", "\"schema_version\": 4,");
    assert_eq!(
        parse(&text).unwrap_err(),
        ContentError::NewerSchema {
            found: 4,
            supported: SCHEMA_VERSION
        }
    );
    // A newer format with a field this app does not know is still "newer",
    // not a structure fault.
    let text = variant(
        "\"schema_version\": 3,",
        "\"schema_version\": 7, \"banner\": {\"file\": \"x.svg\"},",
    );
    assert!(matches!(
        parse(&text),
        Err(ContentError::NewerSchema { found: 7, .. })
    ));
    // An unknown field with the current version remains a located fault.
    let text = variant(
        "\"schema_version\": 3,",
        "\"schema_version\": 3, \"banner\": 1,",
    );
    assert!(matches!(parse(&text), Err(ContentError::Invalid(_))));
}

#[test]
fn hidden_controls_and_invisible_only_texts_are_located_faults() {
    let text = variant(
        "\"pl\": \"Wyróżnienie REVES\"",
        "\"pl\": \"Wyróżnienie \\u202eSEVER\"",
    );
    let f = faults(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].kind,
        FaultKind::HiddenControl {
            code: 0x202E,
            index: 13,
            kind: crate::text::Invisible::Direction,
        }
    );
    assert_eq!(f[0].at, Some(position(&text, "\"Wyróżnienie \\u202e")));
    assert!(f[0].describe(Lang::Pl).contains("U+202E"));

    let text = variant("\"pl\": \"Wyróżnienie REVES\"", "\"pl\": \"REVES\\u0000\"");
    assert!(matches!(
        faults(&text)[0].kind,
        FaultKind::HiddenControl {
            code: 0,
            index: 6,
            ..
        }
    ));

    let text = variant(
        "\"pl\": \"Wyróżnienie REVES\"",
        "\"pl\": \"\\u200b\\u2060\\ufeff \"",
    );
    let f = faults(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].kind, FaultKind::EmptyText);
    assert_eq!(f[0].at, Some(position(&text, "\"\\u200b")));
}

#[test]
fn projects_in_two_currencies_are_refused_not_summed() {
    let text = variant(
        "\"value\": { \"amount\": \"1980000\", \"currency\": \"PLN\" },\n      \"eu_contribution\": { \"amount\": \"1683000\", \"currency\": \"PLN\" }",
        "\"value\": { \"amount\": \"1980000\", \"currency\": \"EUR\" },\n      \"eu_contribution\": { \"amount\": \"1683000\", \"currency\": \"EUR\" }",
    );
    // Only one project has amounts in the real bundle: EUR alone is fine.
    assert!(parse(&text).is_ok());
    // A second project in PLN next to it is refused, at its currency.
    let two = text.replacen(
        "\"value\": null",
        "\"value\": { \"amount\": \"100\", \"currency\": \"PLN\" }",
        1,
    );
    assert_ne!(two, text, "the anchor exists");
    let f = faults(&two);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].path.to_string().ends_with(".value.currency"),
        "{}",
        f[0].path
    );
    assert!(matches!(f[0].kind, FaultKind::MixedCurrencies { .. }));
}

// ---- what the app says about the organisation comes from the bundle ----

#[test]
fn the_organisation_names_the_app_its_files_and_its_colours() {
    let b = real();
    let o = &b.organisation;
    assert_eq!(
        o.site_title.in_lang(Lang::Pl),
        "Ekonomia społeczna w Małopolsce"
    );
    assert_eq!(
        o.site_title.in_lang(Lang::En),
        "Social economy in Małopolska"
    );
    assert_eq!(o.role_label.in_lang(Lang::Pl), "Rola ROPS");
    assert_eq!(o.role_label.in_lang(Lang::En), "Role of ROPS");
    assert_eq!(o.app_short_name, "ROPS ekonomia");
    assert_eq!(o.csv_file_name(Lang::Pl), "rops-finansowanie.csv");
    assert_eq!(o.csv_file_name(Lang::En), "rops-funding.csv");
    assert_eq!(o.theme_colour, "#0b5394");
    assert_eq!(
        o.accent,
        Some(AccentColours {
            light: "#0b5394".into(),
            dark: "#8cc4ff".into()
        })
    );
    // The seed has no logo, and none is made up.
    assert_eq!(o.logo, None);
    let css = b.accent_css().unwrap();
    assert!(css.contains("--c-org-accent: #0b5394; --c-org-accent-dark: #8cc4ff;"));
    // The funding page's description quotes the seed's amounts, as the page shows them.
    let mokes = b.project("mokes").unwrap();
    let plain = |s: String| s.replace('\u{a0}', " ");
    let d = &o.page_descriptions.funding;
    assert!(d
        .in_lang(Lang::Pl)
        .contains(&plain(format::money(mokes.value.unwrap(), Lang::Pl))));
    assert!(d.in_lang(Lang::Pl).contains(&plain(format::money(
        mokes.eu_contribution.unwrap(),
        Lang::Pl
    ))));
    assert!(d
        .in_lang(Lang::En)
        .contains(&plain(format::money(mokes.value.unwrap(), Lang::En))));
}

#[test]
fn organisation_slug_colours_and_logo_name_are_located_faults() {
    let text = variant("\"slug\": \"rops\"", "\"slug\": \"ROPS Kraków\"")
        .replacen(
            "\"theme_colour\": \"#0b5394\"",
            "\"theme_colour\": \"blue\"",
            1,
        )
        .replacen("\"light\": \"#0b5394\"", "\"light\": \"#bbbbbb\"", 1)
        // The light palette's accent cannot serve the dark one.
        .replacen("\"dark\": \"#8cc4ff\"", "\"dark\": \"#0b5394\"", 1)
        .replacen(
            "\"logo\": null",
            "\"logo\": {\"file\": \"../logo.svg\", \"alt\": {\"pl\": \"Logo\"}}",
            1,
        )
        .replacen(
            "\"app_short_name\": \"ROPS ekonomia\"",
            "\"app_short_name\": \" \"",
            1,
        );
    let f = faults(&text);
    let find = |path: &str| {
        f.iter()
            .find(|x| x.path.to_string() == path)
            .unwrap_or_else(|| panic!("no fault at {path}: {f:#?}"))
    };
    assert_eq!(
        find("$.organisation.slug").kind,
        FaultKind::BadSlug("ROPS Kraków".into())
    );
    assert_eq!(
        find("$.organisation.theme_colour").kind,
        FaultKind::BadColour("blue".into())
    );
    let light = find("$.organisation.accent.light");
    assert_eq!(
        light.kind,
        FaultKind::LowContrast {
            colour: "#bbbbbb".into(),
            scheme: Scheme::Light,
            backdrop: Backdrop::Surface,
            ratio_hundredths: 174,
        }
    );
    assert_eq!(light.at, Some(position(&text, "\"#bbbbbb\"")));
    assert!(
        light.describe(Lang::En).contains("1.74:1"),
        "{}",
        light.describe(Lang::En)
    );
    assert!(light.describe(Lang::En).contains("at least 4.50:1"));
    assert!(light.describe(Lang::Pl).contains("1,74:1"));
    assert!(matches!(
        find("$.organisation.accent.dark").kind,
        FaultKind::LowContrast {
            scheme: Scheme::Dark,
            ..
        }
    ));
    assert_eq!(
        find("$.organisation.logo.file").kind,
        FaultKind::BadLogoName("../logo.svg".into())
    );
    assert_eq!(
        find("$.organisation.app_short_name").kind,
        FaultKind::EmptyText
    );
    assert!(f.iter().all(|x| x.at.is_some()), "every fault is located");
}

#[test]
fn a_long_app_name_is_a_located_warning() {
    let long = variant(
        "\"app_short_name\": \"ROPS ekonomia\"",
        "\"app_short_name\": \"Ekonomia społeczna\"",
    );
    let w = warnings(&parse(&long).unwrap(), &long);
    let name = w
        .iter()
        .find(|f| f.path.to_string() == "$.organisation.app_short_name")
        .expect("warned");
    assert_eq!(
        name.kind,
        FaultKind::LongAppName {
            chars: 18,
            limit: APP_SHORT_NAME_CHARS
        }
    );
    assert_eq!(name.at, Some(position(&long, "\"Ekonomia społeczna\"")));
    let short = variant(
        "\"app_short_name\": \"ROPS ekonomia\"",
        "\"app_short_name\": \"ROPS\"",
    );
    assert!(!warnings(&parse(&short).unwrap(), &short)
        .iter()
        .any(|f| matches!(f.kind, FaultKind::LongAppName { .. })));
}

// ---- a second, fictional organisation: nothing of the first is built in ----

const FICTIONAL: &str = include_str!("../../../tests/fixtures/fictional/bundle.json");

#[test]
fn a_fictional_organisation_is_a_complete_bundle_of_its_own() {
    let b = parse(FICTIONAL).unwrap_or_else(|e| panic!("fictional fixture: {e}"));
    assert_eq!(warnings(&b, FICTIONAL), vec![], "nothing left to fill in");
    let o = &b.organisation;
    let real = real();
    assert_ne!(o.slug, real.organisation.slug);
    assert_ne!(o.theme_colour, real.organisation.theme_colour);
    assert_ne!(o.accent, real.organisation.accent);
    assert_eq!(o.csv_file_name(Lang::En), "cus-test-funding.csv");
    // Test data says so where a reader meets it first.
    for t in [&o.name, &o.summary, &o.site_title] {
        assert!(
            t.in_lang(Lang::Pl).contains("test"),
            "{}",
            t.in_lang(Lang::Pl)
        );
        assert!(t.in_lang(Lang::En).contains("test"));
    }
    assert!(b
        .sources
        .iter()
        .all(|s| s.title.in_lang(Lang::Pl).contains("Dane testowe")));
    // Enough to draw every route: every kind of event, an undated one and
    // ranges, eras, money, figures, a complete declaration.
    for kind in EventKind::ALL {
        assert!(b.events.iter().any(|e| e.kind == kind), "{kind:?}");
    }
    assert!(b.events.iter().any(|e| !e.date.is_given()));
    assert!(b
        .events
        .iter()
        .any(|e| matches!(e.date, DateValue::Range { .. })));
    assert!(!b.eras.is_empty() && !b.figures.is_empty());
    assert!(b.projects.iter().any(|p| p.eu_share().is_some()));
    assert!(b.projects.iter().any(|p| p.value.is_none()));
    assert!(b.accessibility.missing().is_empty());
    // No trace of the real organisation.
    for word in [
        "ROPS",
        "Krak",
        "Małopol",
        "Malopol",
        "Lombard",
        "MOKES",
        "OWES",
        "RegioStars",
        "REVES",
        "EQUAL",
        "0b5394",
    ] {
        assert!(!FICTIONAL.contains(word), "{word} in the fictional bundle");
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_fictional_logo_passes_the_file_checks() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fictional");
    let b = parse(FICTIONAL).unwrap();
    assert_eq!(check_logo(&b, &dir), vec![]);
    // The same bundle beside no logo: a located fault at the file name.
    let empty = std::env::temp_dir().join(format!("no-logo-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    // (The other files the bundle names are missing there too: see
    // every_media_file_is_checked_beside_the_bundle.)
    let f: Vec<Fault> = check_logo(&b, &empty)
        .into_iter()
        .filter(|f| f.path.to_string().starts_with("$.organisation"))
        .map(|f| f.located_in(FICTIONAL))
        .collect();
    std::fs::remove_dir(&empty).unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].path.to_string(), "$.organisation.logo.file");
    assert!(matches!(
        f[0].kind,
        FaultKind::Logo(LogoProblem::Missing(_))
    ));
    assert_eq!(f[0].at, Some(position(FICTIONAL, "\"logo.svg\"")));
}

#[test]
fn a_faint_accent_in_the_fictional_bundle_is_a_located_fault() {
    let text = FICTIONAL.replacen("\"light\": \"#00695c\"", "\"light\": \"#bbbbbb\"", 1);
    let f = faults(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].path.to_string(), "$.organisation.accent.light");
    assert!(matches!(
        f[0].kind,
        FaultKind::LowContrast {
            scheme: Scheme::Light,
            ..
        }
    ));
    assert_eq!(f[0].at, Some(position(&text, "\"#bbbbbb\"")));
}

/// Every string of a bundle, wherever it stands (a text, a name, an e-mail,
/// an address, an id, a date…), refuses an invisible character with a
/// fault at its own path: a field the checker forgot (the declaration's
/// contact person was one) fails here. One character of each kind, in
/// the middle of the value, for each string of the real bundle and of the
/// fictional one (which fills every optional field).
#[test]
fn an_invisible_character_in_any_string_is_a_fault_at_that_string() {
    use serde_json::Value;
    fn leaves(v: &Value, path: &mut Vec<Segment>, out: &mut Vec<Vec<Segment>>) {
        match v {
            Value::String(_) => out.push(path.clone()),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    path.push(Segment::Index(i));
                    leaves(x, path, out);
                    path.pop();
                }
            }
            Value::Object(o) => {
                for (k, x) in o {
                    path.push(Segment::Key(k.clone()));
                    leaves(x, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    fn at<'v>(v: &'v mut Value, path: &[Segment]) -> &'v mut Value {
        path.iter().fold(v, |v, s| match s {
            Segment::Key(k) => &mut v[k.as_str()],
            Segment::Index(i) => &mut v[*i],
        })
    }
    let fictional = include_str!("../../../tests/fixtures/fictional/bundle.json");
    let mut checked = 0;
    for source in [REAL, fictional] {
        let original: Value = serde_json::from_str(source).unwrap();
        let mut paths = vec![];
        leaves(&original, &mut vec![], &mut paths);
        for path in paths {
            // "$schema" is the editor's hint, not content the app reads.
            if matches!(path.first(), Some(Segment::Key(k)) if k == "$schema") {
                continue;
            }
            for c in ['\u{200F}', '\u{200B}', '\u{E0041}', '\u{2028}', '\u{0007}'] {
                let mut v = original.clone();
                let s = at(&mut v, &path);
                let old = s.as_str().unwrap().to_owned();
                let mid = old
                    .char_indices()
                    .nth(old.chars().count() / 2)
                    .map_or(old.len(), |(i, _)| i);
                *s = Value::String(format!("{}{c}{}", &old[..mid], &old[mid..]));
                let text = serde_json::to_string_pretty(&v).unwrap();
                let where_ = JsonPath(path.clone());
                match parse(&text) {
                    Err(ContentError::Invalid(f)) => assert!(
                        f.iter().any(|f| f.path == where_),
                        "U+{:04X} in {where_}: faults elsewhere: {f:#?}",
                        c as u32
                    ),
                    other => panic!("U+{:04X} in {where_}: {other:?}", c as u32),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} strings checked");
}

/// serde_json places a bad date in an object's last field past the
/// object's end; the fault is still at the field (it named the next era).
#[test]
fn a_bad_date_in_an_objects_last_field_is_located_at_that_field() {
    let mut v: serde_json::Value = serde_json::from_str(REAL).unwrap();
    let era = v["eras"][0].as_object_mut().unwrap();
    era.remove("note");
    era.insert("period".into(), "20x4".into());
    let text = serde_json::to_string_pretty(&v).unwrap();
    let f = faults(&text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].path.to_string(), "$.eras[0].period");
    assert_eq!(f[0].at, Some(position(&text, "\"20x4\"")));
}

// ---- the law's three forms, the 2024 declaration, EU visibility ----

/// The fictional bundle with one substring replaced (once, or the test stops).
fn fictional_variant(from: &str, to: &str) -> String {
    assert_eq!(
        FICTIONAL.matches(from).count(),
        1,
        "{from:?} once in the fixture"
    );
    FICTIONAL.replacen(from, to, 1)
}

#[test]
fn the_fictional_bundle_fills_every_new_field_and_the_shipped_one_says_what_is_missing() {
    let f = parse(FICTIONAL).unwrap();
    let er = f.easy_read.as_ref().expect("easy_read");
    assert!(er.sections.iter().any(|s| s.picture.is_some()));
    let v = &f.sign_language.as_ref().expect("sign_language").videos[0];
    assert!(v.captions.en.is_some() && v.poster.is_some());
    assert!(f.open_data.is_some() && f.organisation.address.is_some());
    assert!(!f.organisation.same_as.is_empty());
    let c = &f.contact;
    assert!(c.phone.is_some() && c.email.is_some() && c.epuap.is_some());
    assert!(c.office_hours.is_some() && c.bip_url.is_some() && c.deaf.is_some());
    let pr = &f.privacy;
    assert!(pr.controller.is_some() && pr.dpo.is_some());
    assert!(pr.purposes.is_some() && pr.log_retention.is_some());
    assert!(f.projects.iter().any(|p| p.results.is_some()));
    let a = &f.accessibility;
    assert!(a.scope.is_some() && a.communication.is_some() && a.applications.is_some());
    assert!(a.burden.is_some());
    assert!(f.projects.iter().any(|p| p.kohesio_id.is_some()));
    assert!(f.projects.iter().any(|p| p.contract_number.is_some()));
    assert!(f
        .projects
        .iter()
        .filter(|p| p.eu_funded())
        .all(|p| p.eu_visibility.is_some()));

    // The shipped bundle: the easy-to-read text written from the source,
    // nothing the source does not give (no recording, no strip, no scope).
    let r = real();
    assert!(r.easy_read.is_some());
    assert!(r.contact.is_empty(), "the source gives no contact");
    assert!(r.privacy.is_empty(), "the source gives no privacy clause");
    assert!(r.sign_language.is_none() && r.open_data.is_none());
    let w = warnings(&r, REAL);
    let at = |p: &str| w.iter().any(|w| w.path.to_string() == p);
    assert!(at("$.accessibility.communication"));
    // The site's address and the declaration's scope are not asked for:
    // the page links the address it was published for, and the template's
    // scope is the words "strony internetowej".
    assert!(!at("$.accessibility.site_url") && !at("$.accessibility.scope"));
    // Every EU-funded project without its strip is a warning at the project.
    for (i, p) in r.projects.iter().enumerate() {
        assert_eq!(
            at(&format!("$.projects[{i}]")),
            p.eu_funded() && p.eu_visibility.is_none(),
            "{}",
            p.id
        );
    }
}

#[test]
fn the_shipped_easy_read_text_keeps_to_the_guidance() {
    let r = real();
    let w: Vec<Fault> = warnings(&r, REAL)
        .into_iter()
        .filter(|w| w.path.to_string().starts_with("$.easy_read"))
        .collect();
    assert_eq!(w, vec![], "sentences ≤ 15 words, paragraphs ≤ 5 sentences");
}

#[test]
fn long_easy_read_sentences_and_paragraphs_are_warnings_where_they_are() {
    let long = "Jedno dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście.";
    let text = fictional_variant(
        "\"Centrum nie istnieje naprawdę. Służy do sprawdzania aplikacji.\"",
        &format!("\"{long} A. B. C. D. E.\""),
    );
    let b = parse(&text).expect("a warning, not a fault");
    let w = warnings(&b, &text);
    let path = "$.easy_read.sections[0].paragraphs[1].pl";
    let here: Vec<&Fault> = w.iter().filter(|w| w.path.to_string() == path).collect();
    assert_eq!(here.len(), 2, "{w:#?}");
    assert!(here.iter().any(|f| matches!(
        &f.kind,
        FaultKind::LongSentence { words: 16, limit: 15, start } if start == "Jedno dwa trzy cztery pięć"
    )));
    assert!(here.iter().any(|f| matches!(
        f.kind,
        FaultKind::LongParagraph {
            sentences: 6,
            limit: 5
        }
    )));
    assert_eq!(here[0].at, Some(position(&text, &format!("\"{long}"))));
    // Numbers and abbreviations followed by no space do not end a sentence.
    assert_eq!(
        sentences("Art. 6 pkt 3 ustawy, np. tak. Kwota 1.5 mln zł! W 2004 r. było. Czy tak?"),
        vec![
            "Art. 6 pkt 3 ustawy, np. tak.",
            "Kwota 1.5 mln zł!",
            "W 2004 r. było.",
            "Czy tak?"
        ]
    );
}

#[test]
fn media_names_kohesio_ids_postal_codes_and_addresses_are_located_faults() {
    for (from, to, path, check) in [
        (
            "\"pjm-o-centrum.webm\"",
            "\"../pjm.webm\"",
            "$.sign_language.videos[0].file",
            (|k: &FaultKind| {
                matches!(
                    k,
                    FaultKind::BadFileName {
                        expected: ".webm, .mp4",
                        ..
                    }
                )
            }) as fn(&FaultKind) -> bool,
        ),
        (
            "\"pjm-o-centrum.en.vtt\"",
            "\"pjm-o-centrum.en.srt\"",
            "$.sign_language.videos[0].captions.en",
            |k| {
                matches!(
                    k,
                    FaultKind::BadFileName {
                        expected: ".vtt",
                        ..
                    }
                )
            },
        ),
        (
            "\"pjm-plakat.svg\"",
            "\"pjm-plakat.jpg\"",
            "$.sign_language.videos[0].poster",
            |k| matches!(k, FaultKind::BadFileName { .. }),
        ),
        (
            "\"Q0000001\"",
            "\"https://kohesio.ec.europa.eu/pl/projects/Q1\"",
            "$.projects[0].kohesio_id",
            |k| matches!(k, FaultKind::BadKohesioId(_)),
        ),
        (
            "\"00-000\"",
            "\"00000\"",
            "$.organisation.address.postal_code",
            |k| matches!(k, FaultKind::BadPostalCode(_)),
        ),
        (
            "\"https://creativecommons.org/licenses/by/4.0/\"",
            "\"javascript:alert(1)\"",
            "$.open_data.licence_url",
            |k| matches!(k, FaultKind::UnsafeUrl(_)),
        ),
        (
            "\"https://example.org/wyspa-testowa\"",
            "\"data:text/html,x\"",
            "$.organisation.same_as[0]",
            |k| matches!(k, FaultKind::UnsafeUrl(_)),
        ),
    ] {
        let text = fictional_variant(from, to);
        let f = faults(&text);
        assert_eq!(f.len(), 1, "{to}: {f:#?}");
        assert_eq!(f[0].path.to_string(), path);
        assert!(check(&f[0].kind), "{to}: {:?}", f[0].kind);
        assert_eq!(f[0].at, Some(position(&text, to)));
        assert!(!f[0].kind.message(Lang::Pl).is_empty());
    }
}

#[test]
fn declaration_dates_must_be_days() {
    for (from, to, path) in [
        (
            "\"published\": \"2024-01-15\"",
            "\"published\": \"2024\"",
            "$.accessibility.published",
        ),
        (
            "\"updated\": \"2024-06-01\"",
            "\"updated\": \"2024-06\"",
            "$.accessibility.updated",
        ),
        (
            "\"prepared\": \"2024-01-10\"",
            "\"prepared\": \"2024-01-10/2024-01-12\"",
            "$.accessibility.prepared",
        ),
        (
            "\"reviewed\": \"2024-06-01\"",
            "\"reviewed\": \"2024/..\"",
            "$.accessibility.reviewed",
        ),
    ] {
        let text = fictional_variant(from, to);
        let f = faults(&text);
        assert_eq!(f.len(), 1, "{to}: {f:#?}");
        assert_eq!(f[0].path.to_string(), path);
        assert!(
            matches!(f[0].kind, FaultKind::NotADay(_)),
            "{:?}",
            f[0].kind
        );
        assert!(f[0].at.is_some());
        assert!(f[0].kind.message(Lang::Pl).contains("RRRR-MM-DD"));
        assert!(f[0].kind.message(Lang::En).contains("YYYY-MM-DD"));
    }
    // A date not given yet stays a warning to fill it in, not a fault.
    let text = fictional_variant("\"published\": \"2024-01-15\"", "\"published\": null");
    assert!(parse(&text).is_ok());
}

#[test]
fn empty_easy_read_sign_language_and_paragraph_lists_are_faults() {
    let mut v: serde_json::Value = serde_json::from_str(FICTIONAL).unwrap();
    v["sign_language"]["videos"] = serde_json::json!([]);
    v["easy_read"]["sections"][1]["paragraphs"] = serde_json::json!([]);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let f = faults(&text);
    let paths: Vec<String> = f.iter().map(|f| f.path.to_string()).collect();
    assert_eq!(
        paths,
        vec![
            "$.easy_read.sections[1].paragraphs",
            "$.sign_language.videos"
        ]
    );
    assert!(f
        .iter()
        .all(|f| f.kind == FaultKind::EmptyList && f.at.is_some()));
    v["easy_read"]["sections"] = serde_json::json!([]);
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert!(faults(&text)
        .iter()
        .any(|f| f.path.to_string() == "$.easy_read.sections"));
}

#[test]
fn the_eu_wording_follows_the_programme_period() {
    let f = parse(FICTIONAL).unwrap();
    let mut p = f.project("siec-testowa").unwrap().clone();
    assert_eq!(p.eu_wording(), Some(EuWording::CoFinanced));
    p.period = DateValue::parse("2021/2027").unwrap();
    assert_eq!(p.eu_wording(), Some(EuWording::Funded2021));
    p.period = DateValue::NotGiven;
    assert_eq!(
        p.eu_wording(),
        None,
        "the period is not given: no wording guessed"
    );
    let unfunded = f.project("punkt-testowy").unwrap();
    assert!(!unfunded.eu_funded() && unfunded.eu_wording().is_none());
    let k = f.project("pracownia-testowa").unwrap();
    assert_eq!(
        k.kohesio_url(Lang::En).as_deref(),
        Some("https://kohesio.ec.europa.eu/en/projects/Q0000001")
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_media_file_is_checked_beside_the_bundle() {
    use std::fs;
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fictional");
    let b = parse(FICTIONAL).unwrap();
    assert_eq!(check_files(&b, &fixture), vec![]);
    let dir = std::env::temp_dir().join(format!("media-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    for f in fs::read_dir(&fixture).unwrap() {
        let f = f.unwrap().path();
        fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    // A video that is not one, captions that are not WebVTT, a poster
    // with a script, and a strip that is missing.
    fs::write(dir.join("pjm-o-centrum.webm"), b"<html>not a video</html>").unwrap();
    fs::write(
        dir.join("pjm-o-centrum.en.vtt"),
        "1\n00:00:00,000 --> 00:00:02,000\nSRT\n",
    )
    .unwrap();
    fs::write(
        dir.join("pjm-plakat.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>",
    )
    .unwrap();
    fs::remove_file(dir.join("pasek-programu.svg")).unwrap();
    // Polish captions of one 10 MB cue: refused by their size, unread.
    let mut cue = b"WEBVTT\n\n00:00.000 --> 00:02.000\n".to_vec();
    cue.resize(10 << 20, b'a');
    fs::write(dir.join("pjm-o-centrum.pl.vtt"), &cue).unwrap();
    let found: Vec<(String, FaultKind)> = check_files(&b, &dir)
        .into_iter()
        .map(|f| (f.path.to_string(), f.kind))
        .collect();
    fs::remove_dir_all(&dir).unwrap();
    let has = |p: &str, k: fn(&FaultKind) -> bool| found.iter().any(|(fp, fk)| fp == p && k(fk));
    assert!(has("$.sign_language.videos[0].file", |k| matches!(
        k,
        FaultKind::Media(MediaProblem::NotVideo)
    )));
    assert!(has("$.sign_language.videos[0].captions.en", |k| matches!(
        k,
        FaultKind::Media(MediaProblem::NotVtt)
    )));
    assert!(has("$.sign_language.videos[0].captions.pl", |k| matches!(
        k,
        FaultKind::Media(MediaProblem::TooLarge { bytes, .. }) if *bytes == 10 << 20
    )));
    assert!(has("$.sign_language.videos[0].poster", |k| matches!(
        k,
        FaultKind::Media(MediaProblem::Picture(LogoProblem::SvgElement(_)))
    )));
    // The strip is named by both EU-funded projects.
    assert!(has("$.projects[0].eu_visibility.strip.file", |k| matches!(
        k,
        FaultKind::Media(MediaProblem::Missing(_))
    )));
    assert!(has("$.projects[1].eu_visibility.strip.file", |k| matches!(
        k,
        FaultKind::Media(MediaProblem::Missing(_))
    )));
    assert_eq!(found.len(), 6, "{found:#?}");
}

// ---- bounded work: totals that fit, faults located in one pass ----

/// The real bundle with `projects` and `events` as given, pretty-printed as
/// an editor's file would be.
fn reshaped(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(REAL).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn totals_are_exact_or_refused_never_wrapped() {
    let m = |g: u64| Minor(g);
    assert_eq!(Minor::total([m(1), m(2)]), Some(m(3)));
    assert_eq!(Minor::total([]), Some(m(0)));
    assert_eq!(Minor::total([Minor::MAX]), Some(Minor::MAX));
    assert_eq!(Minor::total([Minor::MAX, m(1)]), None);
    // 185 amounts at the largest would wrap a u64; the total says so.
    assert_eq!(Minor::total(std::iter::repeat_n(Minor::MAX, 185)), None);
    // The schema's largest amount parses to MAX exactly.
    assert_eq!(Minor::parse("999999999999999.99"), Ok(Minor::MAX));
}

#[test]
fn a_total_past_the_largest_amount_is_a_located_fault() {
    // 200 projects at the largest amount the schema allows: summed in a
    // u64 they wrap (or panic in a debug build); the validator must refuse
    // the bundle at the project where the total passes the limit.
    let text = reshaped(|v| {
        let first = v["projects"][0].clone();
        let projects = v["projects"].as_array_mut().unwrap();
        for i in 0..200 {
            let mut p = first.clone();
            p["id"] = format!("duzy-{i}").into();
            p["value"] = serde_json::json!({"amount": "999999999999999", "currency": "EUR"});
            p["eu_contribution"] = serde_json::Value::Null;
            projects.push(p);
        }
    });
    let f = faults(&text);
    let over: Vec<&Fault> = f
        .iter()
        .filter(|f| f.kind == FaultKind::TotalTooLarge { eu: false })
        .collect();
    assert!(!over.is_empty(), "{f:#?}");
    let first = over[0];
    let n = serde_json::from_str::<serde_json::Value>(REAL).unwrap()["projects"]
        .as_array()
        .unwrap()
        .len();
    // The real projects' values plus the largest amount pass the limit:
    // the first large project is named, with its place in the file, once.
    assert_eq!(
        first.path.to_string(),
        format!("$.projects[{n}].value.amount")
    );
    assert_eq!(over.len(), 1, "{over:#?}");
    let at = first.at.expect("located");
    let nth_big = text.find("\"999999999999999\"").unwrap();
    assert_eq!(at, position_at(&text, nth_big));
    assert!(first.kind.message(Lang::Pl).contains("sprawdź kwoty"));
    assert!(first
        .kind
        .message(Lang::En)
        .contains("check the projects' amounts"));
}

#[test]
fn four_thousand_faults_are_located_in_a_few_passes() {
    // 4 000 copies of the first event: 4 000 located faults (one id used
    // again and again). Locating each by scanning from the start walked the
    // text once per fault (21 s for such a file in the shipped publisher).
    let text = reshaped(|v| {
        let first = v["events"][0].clone();
        let events = v["events"].as_array_mut().unwrap();
        events.extend(std::iter::repeat_n(first, 4000));
    });
    super::locate::SCANNED.with(|c| c.set(0));
    let f = faults(&text);
    let scanned = super::locate::SCANNED.with(|c| c.get());
    let dups: Vec<&Fault> = f
        .iter()
        .filter(|f| matches!(f.kind, FaultKind::DuplicateId(_)))
        .collect();
    assert!(dups.len() >= 4000, "{} faults", dups.len());
    assert!(
        scanned <= 4 * text.len(),
        "locating {} faults walked {scanned} bytes of a {}-byte file",
        f.len(),
        text.len()
    );
    // Located right, the last one too (where a lone scan finds it).
    let last = dups.last().unwrap();
    assert_eq!(last.at, super::locate::locate(&text, &last.path.0));
    assert!(last.at.is_some(), "{}", last.path);
}

#[test]
fn lists_past_their_limit_are_refused_at_the_first_item_past_it() {
    let text = reshaped(|v| {
        let first = v["events"][0].clone();
        let events = v["events"].as_array_mut().unwrap();
        let have = events.len();
        for i in have..=MAX_EVENTS {
            let mut e = first.clone();
            e["id"] = format!("test-{i}").into();
            e["description"] = serde_json::json!({"pl": "Opis testowy.", "en": "A test."});
            events.push(e);
        }
    });
    let f = faults(&text);
    let too_many: Vec<&Fault> = f
        .iter()
        .filter(|f| matches!(f.kind, FaultKind::TooManyItems { .. }))
        .collect();
    assert_eq!(too_many.len(), 1, "{too_many:#?}");
    assert_eq!(
        too_many[0].path.to_string(),
        format!("$.events[{MAX_EVENTS}]")
    );
    assert!(too_many[0].at.is_some());
    let n = |v: usize, lang| format::integer(v as u64, lang);
    let pl = too_many[0].kind.message(Lang::Pl);
    assert!(
        pl.contains(&format!("najwyżej {} pozycji", n(MAX_EVENTS, Lang::Pl))),
        "{pl}"
    );
    let en = too_many[0].kind.message(Lang::En);
    assert!(
        en.contains(&format!(
            "this list has {} items",
            n(MAX_EVENTS + 1, Lang::En)
        )),
        "{en}"
    );
    // At the limit itself: no such fault.
    let at_limit = reshaped(|v| {
        let first = v["events"][0].clone();
        let events = v["events"].as_array_mut().unwrap();
        let have = events.len();
        for i in have..MAX_EVENTS {
            let mut e = first.clone();
            e["id"] = format!("test-{i}").into();
            e["description"] = serde_json::json!({"pl": "Opis testowy.", "en": "A test."});
            events.push(e);
        }
    });
    assert!(parse(&at_limit).is_ok());
}

#[test]
fn a_declaration_reviewed_more_than_a_year_ago_is_a_warning_at_its_review_date() {
    // The fictional declaration was reviewed on 2024-06-01.
    let b = parse(FICTIONAL).unwrap();
    assert_eq!(
        review_overdue(&b, FICTIONAL, (2025, 6, 1)),
        vec![],
        "a year to the day"
    );
    let w = review_overdue(&b, FICTIONAL, (2025, 6, 2));
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].path.to_string(), "$.accessibility.reviewed");
    assert_eq!(w[0].kind, FaultKind::ReviewOverdue("2024-06-01".into()));
    let at = w[0].at.expect("located");
    let line = FICTIONAL.lines().nth(at.line - 1).unwrap();
    assert!(line.contains("\"reviewed\""), "{line}");
    assert!(w[0].kind.message(Lang::Pl).contains("do 31 marca"));
    // A review on 29 February falls due on 1 March of the next year.
    let leap = fictional_variant(
        "\"reviewed\": \"2024-06-01\"",
        "\"reviewed\": \"2024-02-29\"",
    );
    let b = parse(&leap).unwrap();
    assert_eq!(review_overdue(&b, &leap, (2025, 3, 1)), vec![]);
    assert_eq!(review_overdue(&b, &leap, (2025, 3, 2)).len(), 1);
    // Not reviewed yet: "not filled in" says so already.
    let none = fictional_variant("\"reviewed\": \"2024-06-01\"", "\"reviewed\": null");
    assert_eq!(
        review_overdue(&parse(&none).unwrap(), &none, (2030, 1, 1)),
        vec![]
    );
}

#[test]
fn big_numbers_and_abbreviations_in_easy_read_text_are_warnings_where_they_are() {
    use crate::parse::{big_numbers, initials};
    assert_eq!(
        big_numbers("Wart 1 980 000 zł, w tym 1,683,000 i 12345. Lata 2007–2013, 295 miejsc, 1.5 mln, 40 000."),
        ["1 980 000", "1,683,000", "12345", "40 000"]
    );
    assert_eq!(
        big_numbers(
            "W 2004 roku, 40 spółdzielni, 1 000 osób. Tel. 12 345 67 89, numer +48 000 000 000."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        initials("ROPS i EFS, ale nie RegioStars, Equal ani „A”; ROPS raz."),
        ["ROPS", "EFS"]
    );
    let text = fictional_variant(
        "\"Centrum nie istnieje naprawdę. Służy do sprawdzania aplikacji.\"",
        "\"Centrum CUS ma 12 000 zł.\"",
    );
    let b = parse(&text).expect("warnings, not faults");
    let w = warnings(&b, &text);
    let path = "$.easy_read.sections[0].paragraphs[1].pl";
    let here: Vec<&FaultKind> = w
        .iter()
        .filter(|f| f.path.to_string() == path)
        .map(|f| &f.kind)
        .collect();
    assert_eq!(
        here,
        [
            &FaultKind::EtrBigNumber("12 000".into()),
            &FaultKind::EtrInitials("CUS".into())
        ]
    );
    assert!(here[0].message(Lang::Pl).contains("słowami"));
}

#[test]
fn words_to_explain_are_explained_in_the_part_where_they_first_come_up() {
    use crate::parse::unexplained_terms;
    let sections = [
        vec!["Pracujemy z gminami i powiatami. Gmina to samorząd miasta albo wsi."],
        vec!["Powiat to samorząd kilku gmin."],
        vec![
            "We helped 40 social cooperatives.",
            "A social cooperative is a business.",
        ],
    ];
    // "gmina" finds "gminami" and is explained in its part; "powiat" is
    // explained only in a later part; "social cooperative" (after "a")
    // in its own; "pakt" never comes up.
    assert_eq!(
        unexplained_terms(
            &sections,
            &["gmina", "powiat", "social cooperative", "pakt"]
        ),
        [("powiat", 0, 0)]
    );
    // A word in the middle of a sentence, or not followed by "to", "is"…,
    // explains nothing.
    assert_eq!(
        unexplained_terms(&[vec!["Ta gmina to nasza.", "Gmina ma radę."]], &["gmina"]),
        [("gmina", 0, 0)]
    );

    // The shipped text explains each word on its list where it first comes
    // up, in both languages: no warning.
    let b = parse(REAL).unwrap();
    assert_eq!(b.easy_read.as_ref().unwrap().terms.len(), 7);
    let etr = |w: &[Fault]| -> Vec<(String, FaultKind)> {
        w.iter()
            .filter(|f| matches!(f.kind, FaultKind::EtrUnexplained { .. }))
            .map(|f| (f.path.to_string(), f.kind.clone()))
            .collect()
    };
    assert_eq!(etr(&warnings(&b, REAL)), []);
    // Without its explaining sentence, "gmina" is told at the paragraph
    // that first uses it, with its part's heading; the English "district"
    // likewise.
    let text = REAL
        .replace(" Gmina to samorząd miasta albo wsi.", "")
        .replace(
            " A district is the local government of several municipalities.",
            "",
        );
    let b = parse(&text).unwrap();
    let at = "$.easy_read.sections[1].paragraphs[2]";
    assert_eq!(
        etr(&warnings(&b, &text)),
        [
            (
                format!("{at}.pl"),
                FaultKind::EtrUnexplained {
                    term: "gmina".into(),
                    part: "Co robimy teraz".into()
                }
            ),
            (
                format!("{at}.en"),
                FaultKind::EtrUnexplained {
                    term: "district".into(),
                    part: "What we do now".into()
                }
            ),
        ]
    );
    let said = FaultKind::EtrUnexplained {
        term: "gmina".into(),
        part: "Co robimy teraz".into(),
    }
    .message(Lang::Pl);
    assert!(said.contains("„Gmina to …”"), "{said}");
}

#[test]
fn a_contact_that_is_no_address_or_number_is_a_fault_at_its_field() {
    let text = fictional_variant(
        "\"email\": \"sekretariat@example.org\"",
        "\"email\": \"sekretariat at example\"",
    );
    let f = faults(&text);
    assert_eq!(f[0].path.to_string(), "$.contact.email");
    assert!(matches!(f[0].kind, FaultKind::BadContact(_)));
    assert!(f[0].kind.message(Lang::Pl).contains("wpisz"));
    let text = fictional_variant(
        "\"bip_url\": \"https://example.org/wyspa-testowa/bip\"",
        "\"bip_url\": \"javascript:alert(1)\"",
    );
    let f = faults(&text);
    assert_eq!(f[0].path.to_string(), "$.contact.bip_url");
    assert!(matches!(f[0].kind, FaultKind::UnsafeUrl(_)));
    // Left out, the contact is empty: older bundles stay valid.
    let b = parse(REAL).unwrap();
    assert!(b.contact.is_empty());
    assert!(!serde_json::to_string(&b).unwrap().contains("\"contact\""));
}
