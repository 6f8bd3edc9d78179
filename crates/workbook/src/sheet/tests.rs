use super::cells::*;
use super::layout::*;
use super::*;
use rops_content::date::{DateValue, Point};
use rops_content::money::{Currency, Minor};
use rops_content::{parse, Bundle, EventKind, FigureBound, Role};

const REAL: &str = include_str!("../../../../public/content/bundle.json");

fn real() -> Bundle {
    parse(REAL).unwrap()
}

fn lines(e: &SheetFaults) -> Vec<String> {
    e.0.iter().map(|f| f.describe(Lang::Pl)).collect()
}

/// The faults of tables that should not import, in Polish.
fn faults(tables: &[Table]) -> Vec<String> {
    match from_tables(tables) {
        Ok(_) => panic!("imported, but faults were expected"),
        Err(e) => lines(&e),
    }
}

fn ok(tables: &[Table]) -> Bundle {
    from_tables(tables).unwrap_or_else(|e| panic!("{}", lines(&e).join("\n")))
}

fn sheet<'a>(tables: &'a mut [Table], name: &str) -> &'a mut Table {
    tables.iter_mut().find(|t| t.name == name).unwrap()
}

/// The 0-based column whose header starts with `head`.
fn col(t: &Table, head: &str) -> u32 {
    t.rows[0]
        .iter()
        .position(|c| matches!(c, Cell::Text(s) if s.starts_with(head)))
        .unwrap_or_else(|| panic!("no column {head} in {}", t.name)) as u32
}

/// The 0-based row of a field in a field/value sheet.
fn field_row(t: &Table, head: &str) -> u32 {
    t.rows
        .iter()
        .position(|r| matches!(r.first(), Some(Cell::Text(s)) if s.starts_with(head)))
        .unwrap_or_else(|| panic!("no field {head} in {}", t.name)) as u32
}

fn m(zloty: u64, grosze: u64) -> Minor {
    Minor(zloty * 100 + grosze)
}

#[test]
fn amounts_as_people_type_them_are_read_exactly() {
    let pln = Some(Currency::Pln);
    for (typed, minor, currency) in [
        ("1980000", m(1_980_000, 0), None),
        ("1 980 000", m(1_980_000, 0), None),
        ("1 980 000,00 zł", m(1_980_000, 0), pln),
        ("1 980 000,00 zł.", m(1_980_000, 0), pln),
        ("1.980.000,00", m(1_980_000, 0), None),
        ("1,980,000.00", m(1_980_000, 0), None),
        ("1\u{a0}980\u{a0}000,00\u{a0}zł", m(1_980_000, 0), pln),
        ("1\u{202f}683\u{202f}000 PLN", m(1_683_000, 0), pln),
        ("PLN 1 980 000", m(1_980_000, 0), pln),
        ("  1683000  ", m(1_683_000, 0), None),
        ("1980000,05", m(1_980_000, 5), None),
        ("1980000.5", m(1_980_000, 50), None),
        ("0,5", m(0, 50), None),
        ("0", m(0, 0), None),
        ("€ 1.000,50", m(1000, 50), Some(Currency::Eur)),
        ("2 500 EUR", m(2500, 0), Some(Currency::Eur)),
        ("007", m(7, 0), None),
        (
            "999 999 999 999 999,99",
            Minor(99_999_999_999_999_999),
            None,
        ),
    ] {
        assert_eq!(amount_from_text(typed), Ok((minor, currency)), "{typed:?}");
    }
    for (typed, problem) in [
        ("1,980", AmountProblem::Ambiguous(',')),
        ("1.980", AmountProblem::Ambiguous('.')),
        ("-5", AmountProblem::Negative),
        ("- 1 000 zł", AmountProblem::Negative),
        ("abc", AmountProblem::NotAnAmount),
        ("1 980 000 zł zł", AmountProblem::NotAnAmount),
        ("1 980 000 USD", AmountProblem::NotAnAmount),
        ("1,980,00", AmountProblem::NotAnAmount),
        ("19.80.000", AmountProblem::NotAnAmount),
        ("1.980,000.00", AmountProblem::NotAnAmount),
        ("1980000,001", AmountProblem::TooManyDecimals),
        ("1e6", AmountProblem::NotAnAmount),
        ("1 000 000 000 000 000", AmountProblem::TooLarge),
    ] {
        assert_eq!(amount_from_text(typed), Err(problem), "{typed:?}");
    }
}

#[test]
fn number_cells_are_amounts_as_the_spreadsheet_shows_them() {
    assert_eq!(amount_from_number(1_980_000.0), Ok(m(1_980_000, 0)));
    assert_eq!(amount_from_number(1_980_000.0 * 0.85), Ok(m(1_683_000, 0)));
    // A formula's binary fraction is the decimal the cell shows.
    assert_eq!(amount_from_number(0.1 + 0.2), Ok(m(0, 30)));
    assert_eq!(amount_from_number(0.07), Ok(m(0, 7)));
    assert_eq!(
        amount_from_number(1.005),
        Err(AmountProblem::TooManyDecimals)
    );
    assert_eq!(amount_from_number(-1.0), Err(AmountProblem::Negative));
    assert_eq!(
        amount_from_number(f64::NAN),
        Err(AmountProblem::NotAnAmount)
    );
    assert_eq!(amount_from_number(1e15), Err(AmountProblem::TooLarge));
}

#[test]
fn every_amount_round_trips_through_its_cell() {
    for minor in [
        0,
        7,
        198_000_000,
        198_000_050,
        999_999_999_999_999,
        1_000_000_000_000_000,
        12_345_678_901_234_567,
        99_999_999_999_999_999,
    ] {
        let back = match amount_cell(Minor(minor)) {
            Cell::Number(x) => amount_from_number(x).unwrap(),
            Cell::Text(s) => amount_from_text(&s).unwrap().0,
            other => panic!("{other:?}"),
        };
        assert_eq!(back, Minor(minor));
    }
    // Below 10^15 grosze a number cell, so the spreadsheet can add them up.
    assert!(matches!(amount_cell(Minor(198_000_000)), Cell::Number(_)));
    assert!(matches!(amount_cell(Minor(10u64.pow(15))), Cell::Text(_)));
}

fn date(s: &str) -> DateValue {
    DateValue::parse(s).unwrap()
}

#[test]
fn dates_in_the_bundles_forms_and_as_typed_in_polish() {
    for (typed, want) in [
        ("2004", "2004"),
        ("2008-03", "2008-03"),
        ("2008-03-14", "2008-03-14"),
        ("2007/2013", "2007/2013"),
        ("2015/..", "2015/.."),
        (" 2015/.. ", "2015/.."),
        ("14.03.2008", "2008-03-14"),
        ("4.3.2008", "2008-03-04"),
        ("03.2008", "2008-03"),
        ("2007–2013", "2007/2013"),
        ("2007 – 2013", "2007/2013"),
        ("2015–", "2015/.."),
        ("2015/…", "2015/.."),
        ("01.2008/03.2008", "2008-01/2008-03"),
    ] {
        assert_eq!(date_from_text(typed), Ok(date(want)), "{typed:?}");
    }
    assert_eq!(date_from_text(""), Ok(DateValue::NotGiven));
    let said = |typed: &str| match date_from_text(typed) {
        Err(p) => p.message(Lang::Pl),
        Ok(d) => panic!("{typed} read as {d}"),
    };
    assert_eq!(said("2008-13"), "data „2008-13” — miesiąc 13 nie istnieje");
    assert_eq!(
        said("2023-02-29"),
        "data „2023-02-29” — dzień 29 nie istnieje (2023-02 ma 28 dni)"
    );
    assert_eq!(
        said("31.04.2010"),
        "data „31.04.2010” — dzień 31 nie istnieje (2010-04 ma 30 dni)"
    );
    assert_eq!(
        said("2013/2007"),
        "data „2013/2007” — zakres kończy się przed początkiem"
    );
    assert!(said("marzec 2008").starts_with("data „marzec 2008” — zapisz ją jako RRRR"));
    assert_eq!(
        said("0999"),
        "data „0999” — rok 999 jest poza zakresem (1000–9999)"
    );
    match date_from_text("2008-13") {
        Err(p) => assert_eq!(
            p.message(Lang::En),
            "date \"2008-13\" — month 13 does not exist"
        ),
        Ok(_) => unreachable!(),
    }
}

#[test]
fn serial_dates_follow_excel_including_its_1900_leap_day() {
    assert_eq!(serial_to_ymd(1.0), Some((1900, 1, 1)));
    assert_eq!(serial_to_ymd(59.0), Some((1900, 2, 28)));
    assert_eq!(serial_to_ymd(60.0), None);
    assert_eq!(serial_to_ymd(61.0), Some((1900, 3, 1)));
    assert_eq!(serial_to_ymd(39_521.0), Some((2008, 3, 14)));
    assert_eq!(serial_to_ymd(39_521.75), Some((2008, 3, 14)));
    assert_eq!(serial_to_ymd(2_958_465.0), Some((9999, 12, 31)));
    assert_eq!(serial_to_ymd(0.0), None);
    for (y, mo, d) in [
        (1900, 1, 1),
        (1900, 2, 28),
        (1900, 3, 1),
        (2008, 3, 14),
        (2024, 2, 29),
    ] {
        assert_eq!(serial_to_ymd(ymd_to_serial(y, mo, d)), Some((y, mo, d)));
    }
}

#[test]
fn date_cells_of_every_type() {
    let day = DateValue::At(Point::Day(2008, 3, 14));
    assert_eq!(date_of(&Cell::Date(39_521.0)), Ok(day));
    assert_eq!(date_of(&Cell::Date(39_521.5)), Ok(day));
    // A year Excel took for a number; a serial date from a CSV export.
    assert_eq!(date_of(&Cell::Number(2004.0)), Ok(date("2004")));
    assert_eq!(date_of(&Cell::Number(39_521.0)), Ok(day));
    assert_eq!(date_of(&Cell::Empty), Ok(DateValue::NotGiven));
    assert_eq!(
        date_of(&Cell::Number(200_803.0)).unwrap_err().message(Lang::Pl),
        "liczba 200803 w kolumnie dat nie jest ani rokiem (1000–9999), ani datą: wpisz datę jako tekst, np. 2008-03-14"
    );
    for n in [2004.5, 15.0, 999.0, 80_000.0] {
        assert!(date_of(&Cell::Number(n)).is_err(), "{n}");
    }
    assert!(matches!(
        date_of(&Cell::Bool(true)),
        Err(Problem::WrongType { .. })
    ));
    assert_eq!(
        date_of(&Cell::Error("#REF!".into()))
            .unwrap_err()
            .message(Lang::Pl),
        "komórka zawiera błąd #REF! (formuła?), a ta kolumna przyjmuje tekst"
    );
    // Written back in the bundle's own text form.
    for d in ["2004", "2008-03", "2008-03-14", "2007/2013", "2015/.."] {
        assert_eq!(date_of(&date_cell(date(d))), Ok(date(d)));
    }
    assert_eq!(date_cell(DateValue::NotGiven), Cell::Empty);
}

#[test]
fn counts_and_choices() {
    assert_eq!(count_of(&Cell::text("295")), Ok(Some(295)));
    assert_eq!(count_of(&Cell::text("1 000")), Ok(Some(1000)));
    assert_eq!(count_of(&Cell::Number(295.0)), Ok(Some(295)));
    assert_eq!(count_of(&Cell::text(" ")), Ok(None));
    for bad in [
        Cell::Number(2.5),
        Cell::Number(-1.0),
        Cell::text("ponad 40"),
        Cell::text("-1"),
    ] {
        assert!(
            matches!(count_of(&bad), Err(Problem::Count { .. })),
            "{bad:?}"
        );
    }
    for n in [0, 295, 999_999_999_999_999, 1_000_000_000_000_000, u64::MAX] {
        assert_eq!(count_of(&count_cell(n)), Ok(Some(n)));
    }

    let kind = |s: &str| choice_of(&Cell::text(s), KINDS);
    assert_eq!(kind("nagroda"), Ok(Some(EventKind::Award)));
    assert_eq!(kind(" Nagroda "), Ok(Some(EventKind::Award)));
    assert_eq!(kind("AWARD"), Ok(Some(EventKind::Award)));
    assert_eq!(kind("Polityka publiczna"), Ok(Some(EventKind::Policy)));
    assert_eq!(kind(""), Ok(None));
    assert_eq!(
        kind("konkurs").unwrap_err().message(Lang::Pl),
        "„konkurs” nie jest jedną z wartości: projekt, partnerstwo, polityka publiczna, model wsparcia, nagroda"
    );
    assert_eq!(
        choice_of(&Cell::text("Realizator"), ROLES),
        Ok(Some(Role::Implementer))
    );
    assert_eq!(
        choice_of(&Cell::text("wiecej niz"), BOUNDS),
        Ok(Some(FigureBound::MoreThan))
    );
    assert_eq!(
        choice_of(&Cell::text("more_than"), BOUNDS),
        Ok(Some(FigureBound::MoreThan))
    );
    assert_eq!(
        choice_of(&Cell::text("€"), CURRENCIES),
        Ok(Some(Currency::Eur))
    );
    assert_eq!(
        choice_of(&Cell::text("zł"), CURRENCIES),
        Ok(Some(Currency::Pln))
    );
    assert!(choice_of(&Cell::text("-"), CURRENCIES).is_err());
}

#[test]
fn cells_are_named_as_spreadsheets_name_them() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(701), "ZZ");
    assert_eq!(column_letters(702), "AAA");
    assert_eq!(a1(6, 2), "C7");
    let f = |sheet: &str, place| SheetFault {
        sheet: sheet.into(),
        place,
        problem: Problem::MissingSheet,
    };
    assert_eq!(
        f("Wydarzenia", Place::Cell(6, 2)).reference(),
        "Wydarzenia!C7"
    );
    assert_eq!(f("Źródła", Place::Cell(0, 0)).reference(), "Źródła!A1");
    assert_eq!(
        f("Moje dane", Place::Cell(0, 0)).reference(),
        "'Moje dane'!A1"
    );
    assert_eq!(f("Wydarzenia", Place::Row(0)).reference(), "Wydarzenia!1:1");
    assert_eq!(f("Liczby", Place::Sheet).reference(), "Liczby");
}

#[test]
fn headers_are_unique_within_each_sheet_in_both_languages() {
    fn check<C: Columns>() {
        let mut seen = std::collections::HashSet::new();
        for &c in C::all() {
            let t = c.lang().map_or(String::new(), lang_tag);
            for form in [
                c.header(),
                format!("{} ({t})", c.label().pl),
                format!("{} ({t})", c.label().en),
            ] {
                assert!(seen.insert(normalise(&form)), "{form} twice");
            }
        }
    }
    check::<SourceCol>();
    check::<EraCol>();
    check::<ProjectCol>();
    check::<EventCol>();
    check::<FigureCol>();
    check::<KvCol>();
    check::<EasyReadCol>();
    check::<SignVideoCol>();
    fn fields<F: Fields>() {
        let mut seen = std::collections::HashSet::new();
        for &f in F::ALL {
            assert!(seen.insert(normalise(f.label().pl)), "{:?}", f.label());
            assert!(seen.insert(normalise(f.label().en)) || f.label().pl == f.label().en);
        }
    }
    fields::<OrgField>();
    fields::<DeclField>();
    // No column's header reads as a numbered one (an activity, a paragraph).
    fn not_numbered<C: Columns>() {
        let label = C::NUMBERED.unwrap();
        for &c in C::all() {
            assert_eq!(numbered_of(label, &normalise(&c.header())), None);
        }
    }
    not_numbered::<ProjectCol>();
    not_numbered::<EasyReadCol>();
    let activity = ProjectCol::NUMBERED.unwrap();
    assert_eq!(
        numbered_of(
            activity,
            &normalise("Działanie projektu 12 (EN) / Activity 12 (EN)")
        ),
        Some((12, Lang::En))
    );
    assert_eq!(
        numbered_of(activity, &normalise("activity 3 (pl)")),
        Some((3, Lang::Pl))
    );
    assert_eq!(
        numbered_of(EasyReadCol::NUMBERED.unwrap(), &normalise("Akapit 2 (EN)")),
        Some((2, Lang::En))
    );
    assert_eq!(numbered_of(activity, &normalise("Akapit 2 (EN)")), None);
}

#[test]
fn the_real_bundle_round_trips_through_tables() {
    let b = real();
    let tables = to_tables(&b);
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Organizacja",
            "Źródła",
            "Okresy",
            "Projekty",
            "Wydarzenia",
            "Liczby",
            "Deklaracja",
            "Tekst łatwy",
            "Język migowy"
        ]
    );
    assert_eq!(
        tables[4].rows[0][3],
        Cell::text("Tytuł (PL) / Title (PL)"),
        "bilingual headers"
    );
    let back = ok(&tables);
    assert_eq!(back, b);
    // The JSON it makes is the original file's, value for value.
    let original: serde_json::Value = serde_json::from_str(REAL).unwrap();
    assert_eq!(serde_json::to_value(&back).unwrap(), original);
}

const FICTIONAL: &str = include_str!("../../../../tests/fixtures/fictional/bundle.json");

#[test]
fn the_fictional_bundle_round_trips_with_every_field_of_the_three_forms() {
    let b = parse(FICTIONAL).unwrap();
    // What this test is for: the fixture fills every field added in #25.
    let o = &b.organisation;
    assert!(o.address.is_some() && !o.same_as.is_empty());
    assert!(b.open_data.is_some());
    let a = &b.accessibility;
    assert!(a.scope.is_some() && a.communication.is_some() && a.applications.is_some());
    assert!(b.projects.iter().any(|p| p.eu_visibility.is_some()
        && p.contract_number.is_some()
        && p.kohesio_id.is_some()));
    let er = b.easy_read.as_ref().unwrap();
    assert!(er
        .sections
        .iter()
        .any(|s| s.paragraphs.len() > 1 && s.picture.is_some()));
    let sl = b.sign_language.as_ref().unwrap();
    assert!(sl
        .videos
        .iter()
        .any(|v| v.captions.en.is_some() && v.poster.is_some()));

    let tables = to_tables(&b);
    let back = ok(&tables);
    assert_eq!(back, b);
    let original: serde_json::Value = serde_json::from_str(FICTIONAL).unwrap();
    assert_eq!(serde_json::to_value(&back).unwrap(), original);
    // Headers a person reads: one row per section, paragraphs numbered.
    let etr = tables.iter().find(|t| t.name == "Tekst łatwy").unwrap();
    assert_eq!(etr.rows.len(), er.sections.len() + 1);
    // After the heading in each of the bundle's three languages.
    assert_eq!(
        etr.rows[0][3],
        Cell::text("Akapit 1 (PL) / Paragraph 1 (PL)")
    );
    // German, a language the workbook names no column for: its columns
    // are made as every language's are, and it came back above.
    assert_eq!(b.languages(), [Lang::Pl, Lang::En, Lang::De]);
    assert!(etr.rows[0].contains(&Cell::text("Akapit 1 (DE) / Paragraph 1 (DE)")));
    let pjm = tables.iter().find(|t| t.name == "Język migowy").unwrap();
    assert_eq!(pjm.rows.len(), sl.videos.len() + 1);
}

#[test]
fn a_workbook_made_before_the_three_forms_still_reads() {
    let b = parse(FICTIONAL).unwrap();
    let mut t = to_tables(&b);
    t.retain(|t| t.name != "Tekst łatwy" && t.name != "Język migowy");
    let pr = sheet(&mut t, "Projekty");
    let mut gone: Vec<u32> = [
        "Numer umowy",
        "Identyfikator w Kohesio",
        "Plik paska",
        "Co przedstawia pasek logotypów (PL)",
        "Co przedstawia pasek logotypów (EN)",
        "Co przedstawia pasek logotypów (DE)",
    ]
    .iter()
    .map(|h| col(pr, h))
    .collect();
    gone.sort_unstable();
    for row in &mut pr.rows {
        for &c in gone.iter().rev() {
            if (c as usize) < row.len() {
                row.remove(c as usize);
            }
        }
    }
    let org = sheet(&mut t, "Organizacja");
    org.rows.retain(|r| {
        !matches!(r.first(), Some(Cell::Text(s))
            if s.starts_with("Adres siedziby")
                || s.starts_with("Strona organizacji")
                || s.contains("otwartych danych"))
    });
    let d = sheet(&mut t, "Deklaracja");
    d.rows.retain(|r| {
        !matches!(r.first(), Some(Cell::Text(s))
            if s.starts_with("Zakres") || s.starts_with("Dostępność komunikacyjno") || s.starts_with("Aplikacje"))
    });
    let back = ok(&t);
    let mut old = b.clone();
    old.easy_read = None;
    old.sign_language = None;
    old.open_data = None;
    old.organisation.address = None;
    old.organisation.same_as = vec![];
    (
        old.accessibility.scope,
        old.accessibility.communication,
        old.accessibility.applications,
    ) = (None, None, None);
    for p in &mut old.projects {
        (p.eu_visibility, p.contract_number, p.kohesio_id) = (None, None, None);
    }
    assert_eq!(back, old);
    // The real bundle's old workbook too (its sheets as they were).
    let real = real();
    let mut t = to_tables(&real);
    t.truncate(7);
    sheet(&mut t, "Organizacja")
        .rows
        .retain(|r| !matches!(r.first(), Some(Cell::Text(s)) if s.starts_with("Tekst łatwy")));
    let back = ok(&t);
    assert_eq!(back.easy_read, None);
    assert_eq!(back.projects, real.projects);
}

#[test]
fn words_to_explain_without_the_easy_read_sheet_are_told_at_their_rows() {
    let real = real();
    assert!(!real.easy_read.as_ref().unwrap().terms.is_empty());
    // Round trip: the words come back, in both languages.
    let back = ok(&to_tables(&real));
    assert_eq!(back.easy_read, real.easy_read);
    // Without the easy-to-read sheet, the words alone are no text: the
    // fault names the Organisation sheet's row that holds them.
    let mut t = to_tables(&real);
    t.retain(|t| t.name != "Tekst łatwy");
    let row = field_row(sheet(&mut t, "Organizacja"), "Tekst łatwy: słowa") + 1;
    let f = faults(&t);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].contains("Organizacja") && f[0].contains(&format!("A{row}")) && f[0].contains("pusta"),
        "{f:?}"
    );
}

#[test]
fn faults_in_the_three_forms_come_back_at_their_cells() {
    let b = parse(FICTIONAL).unwrap();
    let mut t = to_tables(&b);
    let pr = sheet(&mut t, "Projekty");
    let kohesio = col(pr, "Identyfikator w Kohesio");
    pr.set(1, kohesio, Cell::text("12345"));
    let strip_file = col(pr, "Plik paska");
    pr.set(2, strip_file, Cell::Empty);
    let etr = sheet(&mut t, "Tekst łatwy");
    let p2 = col(etr, "Akapit 2 (PL)");
    etr.set(1, p2, Cell::Empty);
    let pjm = sheet(&mut t, "Język migowy");
    let en = col(pjm, "Plik napisów po angielsku");
    pjm.set(1, en, Cell::text("napisy.txt"));
    let org = sheet(&mut t, "Organizacja");
    let code = field_row(org, "Adres siedziby: kod");
    org.set(code, 1, Cell::text("00000"));
    let same_as = field_row(org, "Strona organizacji");
    org.set(same_as, 1, Cell::text("javascript:alert(1)"));
    let got = faults(&t);
    let want = [
        format!("Organizacja!B{}: ", code + 1),
        format!("Organizacja!B{}: ", same_as + 1),
        format!("Projekty!{}: ", a1(1, kohesio)),
        format!(
            "Projekty!{}: jest opis obrazka, a brak nazwy jego pliku",
            a1(2, strip_file + 1)
        ),
        format!("'Tekst łatwy'!{}: tekst jest pusty", a1(1, p2)),
        format!("'Język migowy'!{}: ", a1(1, en)),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(&want) {
        assert!(g.starts_with(w.as_str()), "{g}\nshould start with\n{w}");
    }
    // A sheet of the three forms that is there must have its header.
    let mut t = to_tables(&b);
    sheet(&mut t, "Język migowy").rows.remove(0);
    assert_eq!(
        faults(&t),
        ["'Język migowy': nie znaleziono wiersza nagłówka (z kolumną „Tytuł filmu (PL) / Video title (PL)”) w pierwszych 10 wierszach"]
    );
}

#[test]
fn an_impossible_date_is_located_in_the_spreadsheets_terms() {
    let mut t = to_tables(&real());
    let ev = sheet(&mut t, "Wydarzenia");
    let c = col(ev, "Data");
    assert_eq!(c, 2);
    ev.set(6, c, Cell::text("2008-13"));
    assert_eq!(
        faults(&t),
        ["Wydarzenia!C7: data „2008-13” — miesiąc 13 nie istnieje"]
    );
    let e = from_tables(&t).unwrap_err();
    assert_eq!(
        e.0[0].describe(Lang::En),
        "Wydarzenia!C7: date \"2008-13\" — month 13 does not exist"
    );
}

#[test]
fn validator_faults_come_back_at_their_cells() {
    let mut t = to_tables(&real());
    let ev = sheet(&mut t, "Wydarzenia");
    let (id, title, project) = (
        col(ev, "Identyfikator"),
        col(ev, "Tytuł (PL)"),
        col(ev, "Projekt"),
    );
    let first_id = ev.cell(1, id).clone();
    ev.set(2, id, first_id);
    ev.set(4, title, Cell::text("   "));
    ev.set(5, project, Cell::text("nie-ma-takiego"));
    let pr = sheet(&mut t, "Projekty");
    let eu = col(pr, "Dofinansowanie UE");
    pr.set(3, eu, Cell::text("2 000 000"));
    let org = sheet(&mut t, "Organizacja");
    let accent = field_row(org, "Kolor akcentu (jasny");
    org.set(accent, 1, Cell::text("#ffff00"));
    let url = col(sheet(&mut t, "Źródła"), "Adres");
    sheet(&mut t, "Źródła").set(1, url, Cell::text("javascript:alert(1)"));
    let got = faults(&t);
    let want = [
        format!(
            "Organizacja!B{}: kolor akcentu #ffff00 ma w jasnym motywie",
            accent + 1
        ),
        "Źródła!E2: adres „javascript:alert(1)” odrzucony".into(),
        format!(
            "Projekty!{}: dofinansowanie UE przekracza wartość projektu",
            a1(3, eu)
        ),
        "Wydarzenia!A3: identyfikator „2004-lider-equal” powtarza się".into(),
        "Wydarzenia!D5: tekst jest pusty".into(),
        "Wydarzenia!J6: odwołanie do „nie-ma-takiego”, którego nie ma w arkuszu Projekty".into(),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(&want) {
        assert!(g.starts_with(w.as_str()), "{g}\nshould start with\n{w}");
    }
}

#[test]
fn missing_sheets_columns_and_fields_say_what_is_missing() {
    let b = real();
    let mut t = to_tables(&b);
    t.retain(|t| t.name != "Liczby");
    assert_eq!(faults(&t), ["Liczby: brak tego arkusza w skoroszycie"]);

    let mut t = to_tables(&b);
    let ev = sheet(&mut t, "Wydarzenia");
    let c = col(ev, "Tytuł (EN)");
    ev.set(0, c, Cell::text("Tytul angielski"));
    assert_eq!(
        faults(&t),
        ["Wydarzenia!1:1: brak kolumny „Tytuł (EN) / Title (EN)”"]
    );

    let mut t = to_tables(&b);
    let org = sheet(&mut t, "Organizacja");
    let r = field_row(org, "Przedrostek") as usize;
    org.rows.remove(r);
    assert_eq!(
        faults(&t),
        ["Organizacja: brak wiersza „Przedrostek nazw plików / File name slug”"]
    );

    let other = [Table::from_rows(
        "Arkusz1",
        vec![vec!["a".into(), "b".into()]],
    )];
    assert_eq!(
        faults(&other),
        ["to nie jest skoroszyt treści: brak w nim arkuszy Organizacja, Źródła, Okresy, Projekty, Wydarzenia, Liczby, Deklaracja (są: Arkusz1)"]
    );
    assert_eq!(faults(&[]).len(), 1);

    let mut t = to_tables(&b);
    let ev = sheet(&mut t, "Wydarzenia");
    ev.rows.truncate(0);
    ev.rows.push(vec![Cell::text("Lista wydarzeń")]);
    assert_eq!(
        faults(&t),
        ["Wydarzenia: nie znaleziono wiersza nagłówka (z kolumną „Identyfikator / Id”) w pierwszych 10 wierszach"]
    );
}

#[test]
fn field_sheets_refuse_a_repeated_field_and_an_english_value_without_one() {
    let b = real();
    let mut t = to_tables(&b);
    let org = sheet(&mut t, "Organizacja");
    let r = field_row(org, "Przedrostek");
    let row = org.rows[r as usize].clone();
    org.rows.push(row);
    let last = org.rows.len();
    assert_eq!(
        faults(&t),
        [format!(
            "Organizacja!A{last}: pole „Przedrostek nazw plików / File name slug” podane drugi raz (pierwszy raz w A{})",
            r + 1
        )]
    );

    let mut t = to_tables(&b);
    let org = sheet(&mut t, "Organizacja");
    let r = field_row(org, "Kolor motywu");
    org.set(r, 2, Cell::text("#0b5394"));
    assert_eq!(
        faults(&t),
        [format!(
            "Organizacja!C{}: pole „Kolor motywu / Theme colour” nie ma wersji angielskiej: zostaw tę komórkę pustą",
            r + 1
        )]
    );
}

#[test]
fn what_real_sheets_hold_besides_the_content_is_tolerated() {
    let b = real();
    let mut t = to_tables(&b);
    // Extra sheets, extra columns, empty and blank rows, a title row.
    t.insert(
        0,
        Table::from_rows("Instrukcja", vec![vec!["Jak wypełnić".into()]]),
    );
    t.push(Table::from_rows(
        "Notatki",
        vec![vec!["x".into(), "y".into()]],
    ));
    let ev = sheet(&mut t, "Wydarzenia");
    let width = ev.rows[0].len() as u32;
    ev.set(0, width, Cell::text("Uwagi redakcji"));
    ev.set(3, width, Cell::text("sprawdzić datę"));
    ev.rows.insert(4, vec![]);
    ev.rows
        .insert(5, vec![Cell::text("  "), Cell::Empty, Cell::text("\u{a0}")]);
    ev.rows
        .insert(0, vec![Cell::text("Wydarzenia na osi czasu")]);
    for _ in 0..20 {
        ev.rows.push(vec![Cell::Empty; width as usize]);
    }
    ev.set(40, width, Cell::text("notatka pod tabelą"));
    assert_eq!(ok(&t), b);

    // Columns in another order, headers by either half, in any case, without diacritics.
    let mut t = to_tables(&b);
    let ev = sheet(&mut t, "Wydarzenia");
    for row in &mut ev.rows {
        row.reverse();
    }
    let n = ev.rows[0].len();
    ev.rows[0][n - 1 - 3] = Cell::text("TYTUL (pl)");
    ev.rows[0][n - 1 - 4] = Cell::text("title (EN)");
    ev.rows[0][n - 1 - 2] = Cell::text("Date");
    assert_eq!(ok(&t), b);
}

#[test]
fn merged_and_repeated_headers_are_read_as_they_look() {
    let b = real();
    let mut t = to_tables(&b);
    let ev = sheet(&mut t, "Wydarzenia");
    let (pl, en) = (col(ev, "Tytuł (PL)"), col(ev, "Tytuł (EN)"));
    // Two header rows: "Tytuł / Title" merged over two columns above "PL" | "EN";
    // the other headers merged down over both rows.
    let width = ev.rows[0].len() as u32;
    let mut second = vec![Cell::Empty; width as usize];
    second[pl as usize] = Cell::text("PL");
    second[en as usize] = Cell::text("EN");
    ev.rows.insert(1, second);
    ev.set(0, pl, Cell::text("Tytuł / Title"));
    ev.set(0, en, Cell::Empty);
    ev.merged.push(Area {
        first_row: 0,
        first_col: pl,
        last_row: 0,
        last_col: en,
    });
    for c in (0..width).filter(|&c| c != pl && c != en) {
        ev.merged.push(Area {
            first_row: 0,
            first_col: c,
            last_row: 1,
            last_col: c,
        });
    }
    assert_eq!(ok(&t), b);

    // The same column twice: agreeing values are one value, differing ones a fault.
    let mut t = to_tables(&b);
    let ev = sheet(&mut t, "Wydarzenia");
    let date = col(ev, "Data");
    let width = ev.rows[0].len() as u32;
    for r in 0..ev.rows.len() as u32 {
        let v = ev.cell(r, date).clone();
        ev.set(r, width, v);
    }
    assert_eq!(ok(&t), b);
    ev_set(&mut t, 3, width, Cell::text("1999"));
    assert_eq!(
        faults(&t),
        [format!(
            "Wydarzenia!{}: kolumna „Data / Date” występuje dwa razy, a wartości się różnią (druga w C4)",
            a1(3, width)
        )]
    );
}

fn ev_set(t: &mut [Table], r: u32, c: u32, v: Cell) {
    sheet(t, "Wydarzenia").set(r, c, v);
}

#[test]
fn amounts_keep_unknown_unknown_and_need_a_currency() {
    let b = real();
    let mut t = to_tables(&b);
    let pr = sheet(&mut t, "Projekty");
    let (value, eu, cur) = (
        col(pr, "Wartość"),
        col(pr, "Dofinansowanie UE"),
        col(pr, "Waluta"),
    );
    // As typed: text with grouping and "zł"; the currency column may then be empty.
    pr.set(3, value, Cell::text("1 980 000,00 zł"));
    pr.set(3, eu, Cell::text("1.683.000,00"));
    let back = ok(&t);
    assert_eq!(back, b);
    let p = &back.projects[2];
    assert_eq!(p.value.unwrap().minor, m(1_980_000, 0));
    // Empty stays unknown, never 0.
    assert_eq!(back.projects[0].value, None);
    assert_eq!(back.projects[0].eu_contribution, None);

    let pr = sheet(&mut t, "Projekty");
    pr.set(3, cur, Cell::Empty);
    pr.set(3, value, Cell::Number(1_980_000.0));
    let no_currency = |c| {
        format!(
            "Projekty!{}: nie wiadomo, w jakiej walucie jest kwota: wpisz ją w kolumnie Waluta (PLN lub EUR)",
            a1(3, c)
        )
    };
    assert_eq!(faults(&t), [no_currency(value), no_currency(eu)]);
    let pr = sheet(&mut t, "Projekty");
    pr.set(3, cur, Cell::text("EUR"));
    pr.set(3, value, Cell::text("1 980 000,00 zł"));
    assert_eq!(
        faults(&t),
        [format!(
            "Projekty!{}: kwota jest w PLN, a kolumna Waluta mówi EUR",
            a1(3, value)
        )]
    );
    let pr = sheet(&mut t, "Projekty");
    pr.set(3, value, Cell::text("1,980"));
    pr.set(3, cur, Cell::text("PLN"));
    assert_eq!(
        faults(&t),
        [format!(
            "Projekty!{}: kwota „1,980” — niejednoznaczna: „,” może oddzielać tysiące albo grosze; napisz tysiące ze spacjami (1 980) albo grosze dwiema cyframi (1,98)",
            a1(3, value)
        )]
    );
}

#[test]
fn declaration_lists_take_one_row_per_item() {
    let b = real();
    let mut t = to_tables(&b);
    let d = sheet(&mut t, "Deklaracja");
    let r = field_row(d, "Treść niedostępna");
    let label = d.cell(r, 0).clone();
    d.set(r, 1, Cell::text("Filmy bez napisów"));
    d.set(r, 2, Cell::text("Videos without captions"));
    d.rows.insert(
        r as usize + 1,
        vec![label, Cell::text("Skany dokumentów"), Cell::Empty],
    );
    let back = ok(&t);
    let got: Vec<(&str, Option<&str>)> = back
        .accessibility
        .non_accessible
        .iter()
        .map(|t| (t.default_text(), t.given(Lang::En)))
        .collect();
    assert_eq!(
        got,
        [
            ("Filmy bez napisów", Some("Videos without captions")),
            ("Skany dokumentów", None)
        ]
    );
    assert!(back.accessibility.exemptions.is_empty());
}

#[test]
fn a_declaration_date_must_be_a_day_and_its_row_says_so() {
    let mut t = to_tables(&real());
    let d = sheet(&mut t, "Deklaracja");
    let r = field_row(d, "Data publikacji");
    // The hint is the last column (after the Ukrainian one).
    let note = d.cell(r, d.rows[0].len() as u32 - 1).clone();
    assert_eq!(
        note,
        Cell::text(
            "RRRR-MM-DD (jeden dzień) albo puste (nie podano) / YYYY-MM-DD (one day) or empty (not given)"
        )
    );
    d.set(r, 1, Cell::text("2024-05"));
    let f = faults(&t);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        f[0].starts_with(&format!("Deklaracja!B{}: ", r + 1)) && f[0].contains("RRRR-MM-DD"),
        "{f:#?}"
    );
    let d = sheet(&mut t, "Deklaracja");
    d.set(r, 1, Cell::text("2024-05-20"));
    assert_eq!(ok(&t).accessibility.published.to_string(), "2024-05-20");
}

#[test]
fn warnings_are_located_too() {
    let imported = import(&to_tables(&real())).unwrap();
    let lines: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| w.describe(Lang::Pl))
        .collect();
    assert!(
        lines.iter().any(|l| l.starts_with("Deklaracja!B")
            && l.ends_with("pole do uzupełnienia przez redakcję (deklaracja dostępności)")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Organizacja!B") && l.contains("pod ikoną")),
        "{lines:#?}"
    );
}

#[test]
fn a_folder_of_csv_files_reads_like_the_workbook() {
    // Each sheet as Excel saves it in Polish: semicolons, decimal commas.
    let b = real();
    let csv_field = |c: &Cell| -> String {
        let s = match c {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => number_text(*n).replace('.', ","),
            other => panic!("{other:?}"),
        };
        if s.contains([';', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let tables: Vec<Table> = to_tables(&b)
        .iter()
        .map(|t| {
            let text: String = t
                .rows
                .iter()
                .map(|r| r.iter().map(csv_field).collect::<Vec<_>>().join(";") + "\r\n")
                .collect();
            Table::from_rows(&t.name, rops_content::csv::read_rows(&text))
        })
        .collect();
    assert_eq!(ok(&tables), b);
}

/// Generated bundles: everything the validator accepts survives the round
/// trip, through tables and through an .xlsx file.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod generated {
    use super::*;
    use proptest::prelude::*;
    use rops_content::model::*;
    use rops_content::money::Money;
    use rops_content::text::{hidden_control, Text};
    use rops_content::Compliance;

    /// Texts as editors write them, and the ones a spreadsheet could take
    /// for something else (numbers, dates, formulas, escapes, spaces).
    fn string() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "\\PC{1,24}",
            1 => prop::sample::select(vec![
                "2008", "2008-03", "0042", "1 980 000,00 zł", "=SUM(A1:A3)", "+48", "-5",
                "@dom", "'apostrof", "_x0041_", "a_x000D_b", " spacja z przodu", "spacja z tyłu ",
                "dwa\nwiersze", "tab\tulator", "„cudzysłów” – pauza", "TRUE", "#N/A", "<b>nie HTML</b>",
            ])
            .prop_map(str::to_owned),
        ]
        .prop_filter("a text the validator accepts", |s| {
            !rops_content::text::is_blank(s) && hidden_control(s).is_none()
        })
    }

    fn text() -> impl Strategy<Value = Text> {
        (string(), prop::option::of(string())).prop_map(|(pl, en)| Text::pl_en(pl, en))
    }

    fn date() -> impl Strategy<Value = DateValue> {
        let point = (1000u16..=9999, 0u8..=12, 0u8..=28).prop_map(|(y, m, d)| match (m, d) {
            (0, _) => format!("{y:04}"),
            (m, 0) => format!("{y:04}-{m:02}"),
            (m, d) => format!("{y:04}-{m:02}-{d:02}"),
        });
        prop_oneof![
            1 => Just(DateValue::NotGiven),
            3 => point.clone().prop_map(|p| DateValue::parse(&p).unwrap()),
            1 => point.clone().prop_map(|p| DateValue::parse(&format!("{p}/..")).unwrap()),
            2 => (point.clone(), point).prop_filter_map("a range that ends after it starts", |(a, b)| {
                DateValue::parse(&format!("{a}/{b}")).ok()
            }),
        ]
    }

    /// A declaration's date: a whole day, or not given (the validator
    /// refuses a year, a month or a range there).
    fn day() -> impl Strategy<Value = DateValue> {
        prop_oneof![
            1 => Just(DateValue::NotGiven),
            3 => (1000u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
                DateValue::parse(&format!("{y:04}-{m:02}-{d:02}")).unwrap()
            }),
        ]
    }

    fn money(max: u64, currency: Currency) -> impl Strategy<Value = Option<Money>> {
        prop::option::of(
            prop_oneof![0..=max, Just(max), 0..=100_000_000_u64].prop_map(move |minor| Money {
                minor: Minor(minor),
                currency,
            }),
        )
    }

    const MAX_MINOR: u64 = 99_999_999_999_999_999;

    /// A picture beside the bundle: a name by the logo's rules, and its description.
    fn picture() -> BoxedStrategy<Picture> {
        (
            prop::sample::select(vec!["pasek-programu.svg", "etr_1.png", "a.b.svg"]),
            text(),
        )
            .prop_map(|(file, alt)| Picture {
                file: file.into(),
                alt,
            })
            .boxed()
    }

    fn easy_read() -> BoxedStrategy<EasyRead> {
        prop::collection::vec(
            (
                text(),
                prop::collection::vec(text(), 0..4),
                prop::option::of(picture()),
            ),
            1..4,
        )
        .prop_flat_map(|sections| (Just(sections), prop::collection::vec(text(), 0..3)))
        .prop_map(|(sections, terms)| EasyRead {
            terms,
            sections: sections
                .into_iter()
                .map(|(heading, paragraphs, picture)| EasyReadSection {
                    heading,
                    paragraphs,
                    picture,
                })
                .collect(),
        })
        .boxed()
    }

    fn sign_language() -> BoxedStrategy<SignLanguage> {
        let vtt = || prop::sample::select(vec!["pjm.pl.vtt", "napisy_2.vtt"]);
        prop::collection::vec(
            (
                text(),
                prop::sample::select(vec!["pjm-o-nas.webm", "film.mp4"]),
                (vtt(), prop::option::of(vtt())),
                prop::option::of(prop::sample::select(vec!["plakat.svg", "kadr.png"])),
                text(),
            ),
            1..3,
        )
        .prop_map(|videos| SignLanguage {
            videos: videos
                .into_iter()
                .map(|(title, file, (pl, en), poster, transcript)| SignVideo {
                    title,
                    file: file.into(),
                    captions: Captions {
                        pl: pl.into(),
                        en: en.map(str::to_owned),
                    },
                    poster: poster.map(str::to_owned),
                    transcript,
                })
                .collect(),
        })
        .boxed()
    }

    fn project(i: usize, currency: Currency) -> BoxedStrategy<Project> {
        (
            (
                text(),
                prop::option::of(text()),
                prop::sample::select(vec![Role::Leader, Role::Implementer, Role::Partner]),
            ),
            (
                text(),
                prop::option::of(text()),
                date(),
                prop::option::of(Just(Fund::Efs)),
                date(),
            ),
            (
                text(),
                prop::collection::vec(text(), 0..4),
                prop::option::of(text()),
            ),
            money(MAX_MINOR, currency),
            money(MAX_MINOR, currency),
            (
                prop::option::of(picture()),
                prop::option::of(string()),
                prop::option::of((1u32..=99_999_999).prop_map(|n| format!("Q{n}"))),
                prop::option::of(text()),
            ),
        )
            .prop_map(
                move |(
                    (name, kind, role),
                    (programme, measure, period, fund, dates),
                    (summary, activities, activities_note),
                    value,
                    eu,
                    (strip, contract_number, kohesio_id, results),
                )| {
                    // The EU part never above the value (the validator's rule).
                    let eu_contribution = match (value, eu) {
                        (Some(v), Some(e)) if e.minor > v.minor => Some(v),
                        (_, e) => e,
                    };
                    Project {
                        id: format!("projekt-{i}"),
                        name,
                        kind,
                        role,
                        programme,
                        measure,
                        period,
                        fund,
                        dates,
                        summary,
                        activities,
                        activities_note,
                        results,
                        value,
                        eu_contribution,
                        source: "zrodlo-0".into(),
                        eu_visibility: strip.map(|strip| EuVisibility { strip }),
                        contract_number,
                        kohesio_id,
                    }
                },
            )
            .boxed()
    }

    fn kind() -> impl Strategy<Value = EventKind> {
        prop::sample::select(EventKind::ALL.to_vec())
    }

    prop_compose! {
        pub(crate) fn bundle()(
            currency in prop::sample::select(vec![Currency::Pln, Currency::Eur]),
            n_projects in 0usize..4,
        )(
            projects in (0..n_projects).map(|i| project(i, currency)).collect::<Vec<_>>(),
            events in prop::collection::vec((date(), kind(), text(), text(), any::<prop::sample::Index>(), any::<bool>()), 0..6).boxed(),
            figures in prop::collection::vec((any::<u64>(), any::<bool>(), text(), any::<bool>()), 0..3).boxed(),
            eras in prop::collection::vec((text(), date(), prop::option::of(text())), 0..3).boxed(),
            source in (text(), prop::option::of(Just("https://example.org/o-nas".to_owned()))).boxed(),
            org in (text(), text(), text(), prop::option::of(text()), prop::option::of(Just(()))).boxed(),
            decl in (
                text(),
                prop::collection::vec(text(), 0..3),
                prop::collection::vec(text(), 0..2),
                (day(), day(), day(), day()),
                prop::option::of(prop::sample::select(vec![Compliance::Full, Compliance::Partial, Compliance::None])),
                (prop::option::of(text()), prop::option::of(text())),
                (prop::option::of(string()), prop::option::of(Just("redakcja@example.org".to_owned())), prop::option::of(Just("+48 12 345 67 89".to_owned()))),
                (prop::option::of(text()), prop::option::of(text()), prop::option::of(text())),
            ).boxed(),
            forms in (prop::option::of(easy_read()), prop::option::of(sign_language())).boxed(),
            open_data in prop::option::of((text(), prop::sample::select(vec!["https://creativecommons.org/licenses/by/4.0/", "http://example.org/licencja"]))).boxed(),
            address in prop::option::of((string(), (0u32..100, 0u32..1000), string())).boxed(),
            same_as in prop::collection::vec(prop::sample::select(vec!["https://example.org/", "https://bip.example.org/o-nas", "http://example.org/a?b=c"]), 0..3).boxed(),
        ) -> Bundle {
            let mut b = parse(REAL).unwrap();
            b.sources = vec![Source { id: "zrodlo-0".into(), title: source.0, url: source.1 }];
            b.organisation.source = "zrodlo-0".into();
            b.organisation.name = org.0;
            b.organisation.summary = org.1;
            b.organisation.embed_titles.funding = org.2;
            b.organisation.logo = org.3.map(|alt| Picture { file: "logo.svg".into(), alt });
            if org.4.is_none() {
                b.organisation.accent = None;
            }
            b.eras = eras
                .into_iter()
                .enumerate()
                .map(|(i, (name, period, note))| Era { id: format!("okres-{i}"), name, period, note })
                .collect();
            let ids: Vec<String> = projects.iter().map(|p| p.id.clone()).collect();
            b.events = events
                .into_iter()
                .enumerate()
                .map(|(i, (date, kind, title, description, project, has))| Event {
                    id: format!("wydarzenie-{i}"),
                    date,
                    kind,
                    title,
                    description,
                    project: (has && !ids.is_empty()).then(|| project.get(&ids).clone()),
                    source: "zrodlo-0".into(),
                })
                .collect();
            b.figures = figures
                .into_iter()
                .enumerate()
                .map(|(i, (value, more, label, has))| Figure {
                    id: format!("liczba-{i}"),
                    value,
                    bound: if more { FigureBound::MoreThan } else { FigureBound::Exact },
                    label,
                    project: (has && !ids.is_empty()).then(|| ids[0].clone()),
                    source: "zrodlo-0".into(),
                })
                .collect();
            b.projects = projects;
            let a = &mut b.accessibility;
            a.entity = decl.0;
            a.non_accessible = decl.1;
            a.exemptions = decl.2;
            (a.published, a.updated, a.prepared, a.reviewed) = decl.3;
            a.status = decl.4;
            (a.method, a.architecture) = decl.5;
            (a.contact_person, a.email, a.phone) = decl.6;
            (a.scope, a.communication, a.applications) = decl.7;
            (b.easy_read, b.sign_language) = forms;
            b.open_data = open_data.map(|(licence, url)| OpenData { licence, licence_url: url.into() });
            b.organisation.address = address.map(|(street, (a, b), locality)| PostalAddress {
                street,
                postal_code: format!("{a:02}-{b:03}"),
                locality,
            });
            b.organisation.same_as = same_as.into_iter().map(str::to_owned).collect();
            b
        }
    }

    proptest! {
        #[test]
        fn generated_bundles_round_trip_through_tables(b in bundle()) {
            let json = serde_json::to_string(&b).unwrap();
            prop_assume!(parse(&json).is_ok());
            let back = from_tables(&to_tables(&b));
            prop_assert!(back.is_ok(), "{:#?}", back.err().map(|e| lines(&e)));
            let back = back.unwrap();
            prop_assert_eq!(&back, &b);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }
    }
}

#[test]
fn the_bundles_languages_round_trip_and_an_unknown_one_is_told_at_its_cell() {
    // A bundle of before `languages` (schema 2) comes back without them.
    let old = parse(include_str!(
        "../../../../tests/fixtures/bundle-schema-2.json"
    ))
    .unwrap();
    assert_eq!(old.languages, None);
    assert_eq!(ok(&to_tables(&old)), old);
    // Its workbook has no Ukrainian columns; the shipped bundle's has
    // one beside each Polish and English text, and comes back whole.
    let headers = |b: &Bundle| -> Vec<String> {
        to_tables(b)
            .iter()
            .flat_map(|t| t.rows[0].clone())
            .filter_map(|c| match c {
                Cell::Text(s) => Some(s),
                _ => None,
            })
            .collect()
    };
    assert!(!headers(&old)
        .iter()
        .any(|h| h.contains("(UK)") || h.contains("ukraińsku")));
    let shipped = real();
    let h = headers(&shipped);
    assert!(h.contains(&"Tytuł (UK) / Title (UK)".to_owned()), "{h:?}");
    assert!(h.contains(&"Akapit 1 (UK) / Paragraph 1 (UK)".to_owned()));
    assert!(h.contains(&"Po ukraińsku / In Ukrainian".to_owned()));
    assert_eq!(ok(&to_tables(&shipped)), shipped);
    // English first: the list keeps its order, the texts their languages.
    let mut b = real();
    b.languages = Some(vec![Lang::En, Lang::Pl, Lang::Uk]);
    let text = serde_json::to_string(&b).unwrap();
    let b = parse(&text).unwrap();
    let mut t = to_tables(&b);
    let back = ok(&t);
    assert_eq!(back.languages(), [Lang::En, Lang::Pl, Lang::Uk]);
    assert_eq!(back, b);
    // A language the app has no strings for: named, at its cell.
    let org = sheet(&mut t, "Organizacja");
    let row = field_row(org, "Języki") as usize;
    org.rows[row][1] = Cell::text("lt");
    let f = faults(&t);
    assert!(
        f[0].contains(&format!("B{}", row + 1)) && f[0].contains("„lt”"),
        "{f:?}"
    );
}
