//! One cell as a value of the bundle, the way people type it, and back.
//!
//! Amounts are written to the sheet as numbers when a double holds them
//! exactly to the grosz (fewer than 10^15 grosze, 15 significant digits:
//! every realistic amount), so the spreadsheet can add them up and shows
//! them as `1 980 000,00`; larger ones as text, which is always exact.
//! Reading rounds a number cell to 15 significant digits, as Excel itself
//! shows and stores numbers, so what the user sees is what is imported.

use super::{Cell, CellType, Problem};
use rops_content::date::{civil_from_days, days_from_civil, DateValue, Point};
use rops_content::money::{Currency, Minor};
use rops_content::query::fold;
use rops_content::text::{is_blank, Lang, Staff};

/// Amounts (in minor units) below this are written as number cells.
const EXACT_AS_NUMBER: u64 = 1_000_000_000_000_000;

/// Why a typed amount is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountProblem {
    NotAnAmount,
    Negative,
    /// `1,980` or `1.980`: thousands or a fraction? The separator is named.
    Ambiguous(char),
    TooManyDecimals,
    TooLarge,
}

impl AmountProblem {
    pub fn message(&self, lang: Lang) -> String {
        use AmountProblem::*;
        match (self, Staff::from(lang)) {
            (NotAnAmount, Staff::Pl) => {
                "to nie jest kwota: wpisz cyfry, np. 1 980 000 albo 1 980 000,00 zł".into()
            }
            (NotAnAmount, Staff::En) => {
                "not an amount: write digits, e.g. 1 980 000 or 1 980 000,00 zł".into()
            }
            (Negative, Staff::Pl) => "kwota nie może być ujemna".into(),
            (Negative, Staff::En) => "an amount cannot be negative".into(),
            (Ambiguous(c), Staff::Pl) => format!(
                "niejednoznaczna: „{c}” może oddzielać tysiące albo grosze; napisz tysiące ze spacjami (1 980) albo grosze dwiema cyframi (1{c}98)"
            ),
            (Ambiguous(c), Staff::En) => format!(
                "ambiguous: \"{c}\" may separate thousands or the decimals; write thousands with spaces (1 980) or two decimal digits (1{c}98)"
            ),
            (TooManyDecimals, Staff::Pl) => "więcej niż dwa miejsca po przecinku".into(),
            (TooManyDecimals, Staff::En) => "more than two decimal places".into(),
            (TooLarge, Staff::Pl) => "kwota za duża (najwyżej 15 cyfr przed przecinkiem)".into(),
            (TooLarge, Staff::En) => "the amount is too large (at most 15 digits before the decimal point)".into(),
        }
    }
}

/// Text as a cell holds it: blank is no value; numbers as their digits
/// (an id or a title Excel turned into a number); other types refused.
pub(super) fn text_of(cell: &Cell) -> Result<Option<String>, Problem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(s) if is_blank(s) => Ok(None),
        Cell::Text(s) => Ok(Some(s.clone())),
        Cell::Number(n) => Ok(Some(number_text(*n))),
        other => Err(wrong_type(other)),
    }
}

/// A code (an id, a colour, an address): text without surrounding spaces.
pub(super) fn code_of(cell: &Cell) -> Result<Option<String>, Problem> {
    Ok(text_of(cell)?.map(|s| s.trim().to_owned()))
}

pub(super) fn wrong_type(cell: &Cell) -> Problem {
    Problem::WrongType {
        found: match cell {
            Cell::Bool(_) => CellType::Bool,
            Cell::Date(_) => CellType::Date,
            Cell::Error(e) => CellType::Error(e.clone()),
            _ => CellType::Number,
        },
    }
}

/// A number as people read it: integers without ".0", others in the
/// shortest form that reads back as the same number.
pub(super) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The decimal a spreadsheet shows for a number: rounded to 15 significant
/// digits, without an exponent or trailing zeros ("0.1+0.2" is "0.3").
fn decimal15(x: f64) -> String {
    let s = format!("{:.14e}", x.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let point = exp + 1;
    let (int, frac) = if point <= 0 {
        (
            "0".to_owned(),
            format!("{}{digits}", "0".repeat((-point) as usize)),
        )
    } else if point as usize >= digits.len() {
        (
            format!("{digits}{}", "0".repeat(point as usize - digits.len())),
            String::new(),
        )
    } else {
        let (i, f) = digits.split_at(point as usize);
        (i.to_owned(), f.to_owned())
    };
    let frac = frac.trim_end_matches('0');
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

/// An amount from a number cell (a typed number or a formula's value).
pub fn amount_from_number(x: f64) -> Result<Minor, AmountProblem> {
    if !x.is_finite() {
        return Err(AmountProblem::NotAnAmount);
    }
    if x < 0.0 {
        return Err(AmountProblem::Negative);
    }
    canonical_amount(&decimal15(x))
}

/// "1980000" or "1980000.5" (digits, at most one dot) → minor units.
fn canonical_amount(s: &str) -> Result<Minor, AmountProblem> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 2 {
        return Err(AmountProblem::TooManyDecimals);
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if whole.len() > 15 {
        return Err(AmountProblem::TooLarge);
    }
    let plain = format!("{whole}.{frac:0<2}");
    Minor::parse(&plain).map_err(|_| AmountProblem::NotAnAmount)
}

/// Currency words and signs people put beside an amount.
fn currency_word(s: &str) -> Option<Currency> {
    match fold(s.trim().trim_end_matches('.')).as_str() {
        "zl" | "pln" | "zloty" | "zlotych" | "zlote" => Some(Currency::Pln),
        "eur" | "€" | "euro" => Some(Currency::Eur),
        _ => None,
    }
}

/// An amount as people type it — `1 980 000`, `1 980 000,00 zł`,
/// `1980000`, `1.980.000,00`, `1,980,000.00`, `PLN 1 980 000` (spaces may be
/// no-break or narrow) — exactly, with the currency it names, if any.
pub fn amount_from_text(raw: &str) -> Result<(Minor, Option<Currency>), AmountProblem> {
    let mut s = raw.trim().to_owned();
    let mut currency = None;
    // The currency before or after the digits.
    if let Some(i) = s.find(|c: char| c.is_ascii_digit() || c == '-') {
        let (before, rest) = s.split_at(i);
        let end = rest
            .rfind(|c: char| c.is_ascii_digit())
            .map_or(rest.len(), |j| j + 1);
        let (digits, after) = rest.split_at(end);
        for word in [before, after] {
            if word.trim().is_empty() {
                continue;
            }
            match (currency_word(word), currency) {
                (Some(c), None) => currency = Some(c),
                _ => return Err(AmountProblem::NotAnAmount),
            }
        }
        s = digits.to_owned();
    } else {
        return Err(AmountProblem::NotAnAmount);
    }
    if s.starts_with('-') {
        return Err(AmountProblem::Negative);
    }
    // Spaces of every width group thousands.
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}'))
        .collect();
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(AmountProblem::NotAnAmount);
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    // Which mark, if any, is the decimal one; the other groups thousands.
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if commas > 0 { ',' } else { '.' };
            let n = commas.max(dots);
            let after = s.len() - s.rfind(mark).unwrap_or(0) - 1;
            let before = s.find(mark).unwrap_or(0);
            match (n, after) {
                (1, 1 | 2) => Some(mark),
                // "1,980" may be either; "1980000,001" cannot be thousands.
                (1, 3) if before <= 3 => return Err(AmountProblem::Ambiguous(mark)),
                (1, 0) => return Err(AmountProblem::NotAnAmount),
                (1, _) => return Err(AmountProblem::TooManyDecimals),
                _ => None,
            }
        }
        _ => {
            let last = if s.rfind(',') > s.rfind('.') {
                ','
            } else {
                '.'
            };
            if s.matches(last).count() != 1 {
                return Err(AmountProblem::NotAnAmount);
            }
            Some(last)
        }
    };
    let (whole, frac) = match decimal {
        Some(mark) => s.rsplit_once(mark).unwrap_or((&s, "")),
        None => (s.as_str(), ""),
    };
    if frac.len() > 2 {
        return Err(AmountProblem::TooManyDecimals);
    }
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(AmountProblem::NotAnAmount);
    }
    // Thousands separated by a mark come in threes: 1.980.000, not 19.80.000.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    let grouped = groups.len() > 1;
    if groups[0].is_empty()
        || (grouped && groups[0].len() > 3)
        || groups[1..].iter().any(|g| g.len() != 3)
    {
        return Err(AmountProblem::NotAnAmount);
    }
    let digits: String = groups.concat();
    let plain = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    canonical_amount(&plain).map(|m| (m, currency))
}

/// An amount as a cell (see the module's note on number vs text).
pub(super) fn amount_cell(m: Minor) -> Cell {
    if m.0 < EXACT_AS_NUMBER {
        // The decimal string's nearest double; 15 significant digits read it back.
        Cell::Number(m.to_string().parse().unwrap_or(0.0))
    } else {
        Cell::Text(m.to_string())
    }
}

/// A whole number ≥ 0 (figures, the schema version): typed or as text,
/// with spaces grouping thousands.
pub(super) fn count_of(cell: &Cell) -> Result<Option<u64>, Problem> {
    let bad = |raw: String| Problem::Count { raw };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(s) if is_blank(s) => Ok(None),
        Cell::Text(s) => {
            let digits: String = s
                .trim()
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
                .collect();
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad(s.clone()));
            }
            digits.parse().map(Some).map_err(|_| bad(s.clone()))
        }
        Cell::Number(n) => {
            let text = decimal15(*n);
            if *n < 0.0 || text.contains('.') || !n.is_finite() {
                return Err(bad(number_text(*n)));
            }
            text.parse().map(Some).map_err(|_| bad(text))
        }
        other => Err(wrong_type(other)),
    }
}

pub(super) fn count_cell(n: u64) -> Cell {
    if n < EXACT_AS_NUMBER {
        Cell::Number(n as f64)
    } else {
        Cell::Text(n.to_string())
    }
}

/// Excel's serial day numbers: 1 is 1900-01-01; 60 is the 1900-02-29 that
/// never was (Lotus' bug, kept by Excel), so from 61 (1900-03-01) on the
/// serial counts days from 1899-12-30.
const UNIX_OF_SERIAL_0: i64 = -25_569;

/// The day of a serial date (its time of day ignored); None outside
/// 1900-01-01..9999-12-31 and for the fictitious 1900-02-29.
pub fn serial_to_ymd(serial: f64) -> Option<(u16, u8, u8)> {
    if !serial.is_finite() {
        return None;
    }
    let day = serial.floor() as i64;
    if !(1..=2_958_465).contains(&day) || day == 60 {
        return None;
    }
    let unix = if day < 60 {
        day + UNIX_OF_SERIAL_0 + 1
    } else {
        day + UNIX_OF_SERIAL_0
    };
    let (y, m, d) = civil_from_days(unix);
    Some((y as u16, m as u8, d as u8))
}

/// The serial number of a day (≥ 1900-01-01).
pub fn ymd_to_serial(y: u16, m: u8, d: u8) -> f64 {
    let unix = days_from_civil(y as i64, m as u32, d as u32);
    let serial = unix - UNIX_OF_SERIAL_0;
    (if serial < 61 { serial - 1 } else { serial }) as f64
}

/// A date typed as text: the bundle's own forms (`2004`, `2008-03`,
/// `2008-03-14`, `2007/2013`, `2015/..`) and the ones people type in
/// Polish (`14.03.2008`, `03.2008`, `2007–2013` with a dash, `2015/…`).
pub fn date_from_text(raw: &str) -> Result<DateValue, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(DateValue::NotGiven);
    }
    let point = |p: &str| -> String {
        let p = p.trim();
        let parts: Vec<&str> = p.split('.').collect();
        let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
        match parts.as_slice() {
            [d, m, y] if digits(d) && digits(m) && y.len() == 4 && digits(y) => {
                format!("{y}-{m:0>2}-{d:0>2}")
            }
            [m, y] if digits(m) && m.len() <= 2 && y.len() == 4 && digits(y) => {
                format!("{y}-{m:0>2}")
            }
            _ => p.to_owned(),
        }
    };
    let normal = match s.split_once(['/', '–', '—']) {
        None => point(s),
        Some((a, b)) => {
            let b = b.trim();
            let end = if b == ".." || b == "…" || b.is_empty() {
                "..".to_owned()
            } else {
                point(b)
            };
            format!("{}/{end}", point(a))
        }
    };
    DateValue::parse_checked(&normal).map_err(|problem| Problem::Date {
        raw: s.to_owned(),
        problem,
    })
}

/// A date cell: text as above; a spreadsheet date as its day; a plain
/// number as a year (1000–9999: `2004` typed into a cell Excel took for a
/// number) or, from 10 000 (1927-05-18) to 2099, a serial date, which a
/// CSV export may hold. Any other number is a fault, not a guess.
pub(super) fn date_of(cell: &Cell) -> Result<DateValue, Problem> {
    let day = |(y, m, d): (u16, u8, u8)| DateValue::At(Point::Day(y, m, d));
    match cell {
        Cell::Empty => Ok(DateValue::NotGiven),
        Cell::Text(s) => date_from_text(s),
        Cell::Date(serial) => serial_to_ymd(*serial)
            .filter(|&(y, _, _)| y >= 1000)
            .map(day)
            .ok_or(Problem::DateNumber {
                number: number_text(*serial),
            }),
        Cell::Number(n) => {
            let bad = || Problem::DateNumber {
                number: number_text(*n),
            };
            if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) {
                Ok(DateValue::At(Point::Year(*n as u16)))
            } else if *n >= 10_000.0 && *n < ymd_to_serial(2100, 1, 1) {
                serial_to_ymd(*n).map(day).ok_or_else(bad)
            } else {
                Err(bad())
            }
        }
        other => Err(wrong_type(other)),
    }
}

/// A date as the sheet shows it: the bundle's text form, empty when not given.
pub(super) fn date_cell(d: DateValue) -> Cell {
    match d {
        DateValue::NotGiven => Cell::Empty,
        other => Cell::Text(other.to_string()),
    }
}

/// Header and choice texts compared as people mean them: case, Polish
/// diacritics, brackets and punctuation do not matter.
pub(super) fn normalise(s: &str) -> String {
    let folded = fold(s);
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a typed name is this one: as [`normalise`]d, or (for signs
/// such as "€", which normalise to nothing) folded.
pub(super) fn same_name(name: &str, typed: &str) -> bool {
    let n = normalise(name);
    if n.is_empty() {
        fold(name.trim()) == fold(typed.trim())
    } else {
        n == normalise(typed)
    }
}

/// One value of a closed set; `names[0]` is the one written, the rest are
/// accepted too (English, the bundle's own code, the app's label).
pub(super) struct Choice<T: 'static> {
    pub value: T,
    pub names: &'static [&'static str],
}

pub(super) fn written<T>(choices: &[Choice<T>]) -> Vec<&'static str> {
    choices.iter().map(|c| c.names[0]).collect()
}

pub(super) fn choice_of<T: Copy>(cell: &Cell, choices: &[Choice<T>]) -> Result<Option<T>, Problem> {
    let Some(raw) = code_of(cell)? else {
        return Ok(None);
    };
    choices
        .iter()
        .find(|c| c.names.iter().any(|n| same_name(n, &raw)))
        .map(|c| Some(c.value))
        .ok_or_else(|| Problem::Choice {
            raw,
            allowed: written(choices),
        })
}

pub(super) fn choice_cell<T: PartialEq>(value: T, choices: &[Choice<T>]) -> Cell {
    choices
        .iter()
        .find(|c| c.value == value)
        .map_or(Cell::Empty, |c| Cell::text(c.names[0]))
}
