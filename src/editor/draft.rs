//! The draft as the editor keeps it: the bundle's JSON value, edited field
//! by field. A draft may hold what a [`Bundle`] cannot (an impossible date,
//! an amount still being typed, an empty title), so that nothing typed is
//! lost and every fault can be shown where it was made; the one judge of
//! what is valid stays [`content::parse`], the app's own validator.
//!
//! Pure: no leptos, no browser, tested natively.

use rops_app::content::{
    self, Bundle, ContentError, DateValue, JsonPath, Lang, Minor, Segment, SCHEMA_VERSION,
};
use rops_workbook::sheet::{amount_from_text, AmountProblem};
use serde_json::{json, Value};

// Paths into the draft and the edits along them live in json_path.rs,
// which the field tables (specs.rs) use too; re-exported for the views.
pub use super::json_path::{
    duplicate_item, get, ids_at, len_at, move_item, push_item, remove_item, set, text_at,
    unique_id, Path, Seg,
};

/// An id made from a title, by the rule every id follows ([`content::Id`]):
/// lowercase a–z, digits and hyphens, Polish letters without their marks,
/// at most 60 bytes (room for a `-2` suffix within the rule's 80).
pub fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let mut s = s.trim_end_matches('-').to_owned();
    if s.len() > 60 {
        s.truncate(60);
        s = s.trim_end_matches('-').to_owned();
    }
    s
}

/// The precision a date control offers, one input layout each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
    Range,
    OpenRange,
    NotGiven,
}

impl Precision {
    pub const ALL: [Precision; 6] = [
        Precision::Year,
        Precision::Month,
        Precision::Day,
        Precision::Range,
        Precision::OpenRange,
        Precision::NotGiven,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Range => "range",
            Precision::OpenRange => "open",
            Precision::NotGiven => "none",
        }
    }
    pub fn parse(s: &str) -> Precision {
        Precision::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .unwrap_or(Precision::NotGiven)
    }
}

/// A date as the control shows it: the precision and its parts as typed
/// (year, month, day for one point; start and end for a range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParts {
    pub precision: Precision,
    pub parts: [String; 3],
}

impl DateParts {
    /// The control's view of the draft's value (valid or not).
    pub fn of(v: &Value) -> DateParts {
        let s = v.as_str().unwrap_or_default();
        let p = |a: &str, b: &str, c: &str| [a.to_owned(), b.to_owned(), c.to_owned()];
        if v.is_null() || s.is_empty() {
            return DateParts {
                precision: Precision::NotGiven,
                parts: p("", "", ""),
            };
        }
        if let Some((a, b)) = s.split_once('/') {
            return if b == ".." {
                DateParts {
                    precision: Precision::OpenRange,
                    parts: p(a, "", ""),
                }
            } else {
                DateParts {
                    precision: Precision::Range,
                    parts: p(a, b, ""),
                }
            };
        }
        let bits: Vec<&str> = s.splitn(3, '-').collect();
        match bits.as_slice() {
            [y] => DateParts {
                precision: Precision::Year,
                parts: p(y, "", ""),
            },
            [y, m] => DateParts {
                precision: Precision::Month,
                parts: p(y, m, ""),
            },
            [y, m, d, ..] => DateParts {
                precision: Precision::Day,
                parts: p(y, m, d),
            },
            [] => DateParts {
                precision: Precision::NotGiven,
                parts: p("", "", ""),
            },
        }
    }

    /// The bundle's text form of what was typed; the validator judges it.
    /// A one-digit month or day is written with its zero (`3` → `03`).
    pub fn value(&self) -> Value {
        let two = |s: &str| {
            let s = s.trim();
            if s.len() == 1 && s.bytes().all(|b| b.is_ascii_digit()) {
                format!("0{s}")
            } else {
                s.to_owned()
            }
        };
        let [a, b, c] = &self.parts;
        let s = match self.precision {
            Precision::NotGiven => return Value::Null,
            Precision::Year => a.trim().to_owned(),
            Precision::Month => format!("{}-{}", a.trim(), two(b)),
            Precision::Day => format!("{}-{}-{}", a.trim(), two(b), two(c)),
            Precision::Range => format!("{}/{}", a.trim(), b.trim()),
            Precision::OpenRange => format!("{}/..", a.trim()),
        };
        Value::String(s)
    }
}

/// An amount as typed (`1 980 000`, `1 980 000,00 zł`, `1980000`) as the
/// bundle's money value, read by the spreadsheet import's own rule, so
/// both say the same of the same text. Empty is "not given" (null), never
/// 0. Text that is no amount is kept as it is, for the validator to point
/// at and the editor to show as typed.
pub fn money_value(typed: &str, currency: &str) -> Value {
    if typed.trim().is_empty() {
        return Value::Null;
    }
    match amount_from_text(typed) {
        Ok((minor, cur)) => json!({
            "amount": minor.to_string(),
            "currency": cur.map_or(currency, |c| c.as_str()),
        }),
        Err(_) => json!({"amount": typed, "currency": currency}),
    }
}

/// What is wrong with an amount as typed, in the editor's language.
pub fn money_problem(typed: &str, lang: Lang) -> Option<String> {
    if typed.trim().is_empty() {
        return None;
    }
    amount_from_text(typed)
        .err()
        .map(|p: AmountProblem| p.message(lang))
}

/// One fault or warning, with the field it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The dom id of the field (see [`Path::dom_id`]).
    pub field: String,
    /// `$.events[3].date`.
    pub path: String,
    /// Where that is, in the editor's words: `Wydarzenia › 3 › Data`.
    pub place: String,
    pub message: String,
    pub warning: bool,
    /// A missing translation into this language (a warning the languages
    /// panel lists apart, not among the others).
    pub missing: Option<Lang>,
}

/// What the validator says of a draft: the bundle when it is valid, and
/// every fault and warning, each said in `lang`.
pub struct Check {
    pub bundle: Option<Bundle>,
    pub issues: Vec<Issue>,
}

/// The draft as the bundle file it would be exported as.
pub fn to_text(draft: &Value) -> String {
    let mut s = serde_json::to_string_pretty(draft).unwrap_or_default();
    s.push('\n');
    s
}

/// The draft as the `bundle.json` it exports: the validated bundle written
/// in the schema's order of fields (as `content from-xlsx` writes it), so
/// that the file compares line by line with the published one and a
/// draft's keys (kept sorted in a `Value`) do not reorder the file.
pub fn bundle_text(bundle: &Bundle) -> String {
    let mut s = serde_json::to_string_pretty(bundle).unwrap_or_default();
    s.push('\n');
    s
}

/// The fields that hold a date (every [`DateValue`] of the model).
const DATE_KEYS: [&str; 8] = [
    "content_date",
    "published",
    "updated",
    "prepared",
    "reviewed",
    "period",
    "dates",
    "date",
];

/// How many fields that do not parse are set aside to find the faults
/// behind them (each costs one more run of the validator).
const MAX_SHAPE_FAULTS: usize = 64;

/// The app's validator on the draft, every fault and warning said in
/// `lang`. The validator reads the file as serde does, which stops at the
/// first field of the wrong shape (a date or amount still being typed);
/// so each such field is reported (in the editor's language) and set aside
/// as not given, and the validator runs again: the rest of the draft's
/// faults stay on screen while one date is wrong.
pub fn check(draft: &Value, lang: Lang) -> Check {
    let mut work = draft.clone();
    let mut shape: Vec<Issue> = vec![];
    // Paths whose value was set aside: the validator's faults at or below
    // them are about the stand-in, not the draft.
    let mut set_aside: Vec<String> = vec![];
    let default = content::fields::languages_of(draft)[0];
    let issue = |path: &JsonPath, message: String, warning: bool| Issue {
        field: super::specs::field_for(path, default),
        path: path.to_string(),
        place: super::specs::place_of(path, lang),
        message,
        warning,
        missing: None,
    };
    let not_set_aside = |i: &Issue, set_aside: &[String]| {
        !set_aside.iter().any(|p| {
            i.path == *p
                || i.path
                    .strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
    };
    // An amount that does not parse fails its whole item in serde (the
    // money type is read as a whole), so amounts are found here first, each
    // reported at its field and its sum set aside.
    for path in bad_amounts(draft) {
        if let Some(message) = local_shape_message(draft, &path, lang) {
            shape.push(issue(&path, message, false));
            let sum = JsonPath(path.0[..path.0.len() - 1].to_vec());
            if null_at(&mut work, &sum) {
                set_aside.push(sum.to_string());
            }
        }
    }
    // The validator's verdict on the draft with those set aside: the
    // bundle when valid, and its faults and warnings (`true` for a warning).
    let (bundle, found) = loop {
        let text = to_text(&work);
        match content::parse(&text) {
            Ok(bundle) => {
                let warnings = content::warnings(&bundle, &text);
                break (
                    Some(bundle),
                    warnings.into_iter().map(|f| (f, true)).collect(),
                );
            }
            Err(ContentError::Invalid(faults)) => {
                // One structure fault (serde's first) that can be set aside.
                if let [f] = &faults[..] {
                    let at = f.path.to_string();
                    if matches!(f.kind, content::FaultKind::Structure(_))
                        && shape.len() < MAX_SHAPE_FAULTS
                        && !set_aside.contains(&at)
                    {
                        let message = local_shape_message(draft, &f.path, lang)
                            .unwrap_or_else(|| f.kind.message(lang));
                        shape.push(issue(&f.path, message, false));
                        set_aside.push(at);
                        if null_at(&mut work, &f.path) {
                            continue;
                        }
                    }
                }
                break (None, faults.into_iter().map(|f| (f, false)).collect());
            }
            Err(e) => {
                let message = match e {
                    ContentError::NewerSchema { .. } => newer_schema_message(&e, lang),
                    e => e.to_string(),
                };
                shape.push(issue(&JsonPath::default(), message, false));
                break (None, vec![]);
            }
        }
    };
    let mut issues = shape;
    issues.extend(
        found
            .into_iter()
            .map(|(f, warning)| Issue {
                missing: match f.kind {
                    content::FaultKind::Untranslated(l) => Some(l),
                    _ => None,
                },
                ..issue(&f.path, f.kind.message(lang), warning)
            })
            .filter(|i| not_set_aside(i, &set_aside)),
    );
    Check {
        bundle: bundle.filter(|_| set_aside.is_empty()),
        issues,
    }
}

/// The declaration's yearly review as a warning, if on `today` (the
/// caller's calendar: the draft has no clock) it is more than 12 months
/// old.
pub fn review_warning(
    bundle: &Bundle,
    draft: &Value,
    lang: Lang,
    today: (u16, u8, u8),
) -> Vec<Issue> {
    content::review_overdue(bundle, &to_text(draft), today)
        .into_iter()
        .map(|f| Issue {
            field: super::specs::field_for(&f.path, bundle.default_lang()),
            path: f.path.to_string(),
            place: super::specs::place_of(&f.path, lang),
            message: f.kind.message(lang),
            warning: true,
            missing: None,
        })
        .collect()
}

/// Every `amount` in the draft that is text the money type does not read.
fn bad_amounts(draft: &Value) -> Vec<JsonPath> {
    fn walk(v: &Value, at: &mut Vec<Segment>, out: &mut Vec<JsonPath>) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    at.push(Segment::Key(k.clone()));
                    match x {
                        Value::String(raw) if k == "amount" && Minor::parse(raw).is_err() => {
                            out.push(JsonPath(at.clone()))
                        }
                        x => walk(x, at, out),
                    }
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    at.push(Segment::Index(i));
                    walk(x, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = vec![];
    walk(draft, &mut vec![], &mut out);
    out
}

/// Sets the value at a validator's path to null (true if it was there).
fn null_at(v: &mut Value, path: &JsonPath) -> bool {
    match path.value_mut(v) {
        Some(cur) => {
            *cur = Value::Null;
            true
        }
        None => false,
    }
}

fn newer_schema_message(e: &ContentError, lang: Lang) -> String {
    match (e, lang) {
        (ContentError::NewerSchema { found, supported }, Lang::Pl) => format!(
            "plik ma wersję schematu {found}, a ten edytor zna wersję {supported}: zaktualizuj edytor (opublikuj nowszą wersję aplikacji)"
        ),
        (ContentError::NewerSchema { found, supported }, _) => format!(
            "the file has schema version {found}, and this editor reads version {supported}: update the editor (publish a newer version of the app)"
        ),
        (e, _) => e.to_string(),
    }
}

/// A date or an amount that did not parse, said in `lang`.
fn local_shape_message(draft: &Value, path: &JsonPath, lang: Lang) -> Option<String> {
    let mut v = draft;
    for seg in &path.0 {
        v = match seg {
            Segment::Key(k) => v.get(k.as_str())?,
            Segment::Index(i) => v.get(*i)?,
        };
    }
    let raw = v.as_str()?;
    match path.0.last() {
        Some(Segment::Key(k)) if k == "amount" => {
            if Minor::parse(raw).is_ok() {
                return None;
            }
            Some(money_problem(raw, lang).unwrap_or_else(|| match lang {
                Lang::Pl => format!("„{raw}” nie jest kwotą"),
                _ => format!("\"{raw}\" is not an amount"),
            }))
        }
        Some(Segment::Key(k)) if DATE_KEYS.contains(&k.as_str()) => {
            let problem = DateValue::parse_checked(raw).err()?;
            Some(match lang {
                Lang::Pl => format!("data „{raw}”: {}", problem.message(lang)),
                _ => format!("date \"{raw}\": {}", problem.message(lang)),
            })
        }
        // Another field of the wrong shape: the validator's own message.
        _ => None,
    }
}

/// Why an opened file did not become the draft (the draft is then left
/// as it was).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OpenError {
    #[error("the file is {size} bytes, more than the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the JSON file is not a content bundle (missing: {0})")]
    NotABundle(String),
    #[error("the bundle has schema version {found}; this editor reads version {supported}")]
    NewerSchema { found: u64, supported: u32 },
    #[error("the workbook: {0}")]
    Workbook(String),
    /// Every fault of the workbook, one line each (`Wydarzenia!C7: …`).
    #[error("the workbook has faults")]
    Sheet(Vec<String>),
    #[error("the file could not be read: {0}")]
    Read(String),
    /// A CSV file that is not UTF-8 text (named).
    #[error("{0} is not UTF-8 text: save the sheet as \"CSV UTF-8\"")]
    NotUtf8(String),
}

impl OpenError {
    pub fn message(&self, lang: Lang) -> String {
        use OpenError::*;
        match (self, lang) {
            (TooLarge { size, limit }, Lang::Pl) => format!(
                "plik ma {} MB, a limit to {} MB: nie został wczytany",
                size / 1_000_000,
                limit / 1_000_000
            ),
            (TooLarge { size, limit }, _) => format!(
                "the file has {} MB and the limit is {} MB: it was not opened",
                size / 1_000_000,
                limit / 1_000_000
            ),
            (NotJson(e), Lang::Pl) => format!("plik nie jest plikiem JSON ({e})"),
            (NotABundle(m), Lang::Pl) => {
                format!("plik JSON nie jest plikiem treści (brak pól: {m})")
            }
            (NewerSchema { found, supported }, Lang::Pl) => format!(
                "plik ma wersję schematu {found}, a ten edytor zna wersję {supported}: zaktualizuj aplikację, zanim go otworzysz"
            ),
            (NewerSchema { found, supported }, _) => format!(
                "the file has schema version {found}, and this editor reads version {supported}: update the app before opening it"
            ),
            (Workbook(m), _) => m.clone(),
            (Sheet(lines), Lang::Pl) => format!(
                "skoroszyt ma {} błąd(ów); popraw je w arkuszu i otwórz go ponownie",
                lines.len()
            ),
            (Sheet(lines), _) => format!(
                "the workbook has {} fault(s); correct them in the spreadsheet and open it again",
                lines.len()
            ),
            (Read(e), Lang::Pl) => format!("nie udało się odczytać pliku ({e})"),
            (NotUtf8(name), Lang::Pl) => {
                format!("{name} nie jest tekstem UTF-8: zapisz arkusz jako „CSV UTF-8”")
            }
            (e, _) => e.to_string(),
        }
    }

    /// The lines under the message (a workbook's faults, each at its cell).
    pub fn details(&self) -> &[String] {
        match self {
            OpenError::Sheet(lines) => lines,
            _ => &[],
        }
    }
}

/// The largest file the editor reads: a bundle's limit, or a workbook's.
pub const MAX_OPEN_BYTES: u64 = 16 * 1024 * 1024;

/// Marks a draft file ("save draft file"), which may be invalid.
pub const DRAFT_MARK: &str = "rops_editor_draft";

/// The draft saved as a file, with its mark.
pub fn draft_file(draft: &Value) -> String {
    to_text(&json!({ DRAFT_MARK: 1, "draft": draft }))
}

/// A folder's CSV files (chosen together) as the new draft: one sheet per
/// file, named after it (see `sheet::sheet_of_csv_file`), read as a
/// workbook is. Each must be UTF-8 text, as spreadsheets' "CSV UTF-8".
pub fn open_csv(files: &[(String, Vec<u8>)], lang: Lang) -> Result<Value, OpenError> {
    let size: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    if size > MAX_OPEN_BYTES {
        return Err(OpenError::TooLarge {
            size,
            limit: MAX_OPEN_BYTES,
        });
    }
    let mut tables = vec![];
    // One budget for all the files: they are one workbook.
    let mut budget = rops_workbook::xlsx::Budget::new();
    for (name, bytes) in files {
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        let text = std::str::from_utf8(bytes).map_err(|_| OpenError::NotUtf8(name.clone()))?;
        let sheet = rops_workbook::sheet::sheet_of_csv_file(stem);
        tables.push(
            rops_workbook::xlsx::csv_sheet(&sheet, text, &mut budget)
                .map_err(|e| OpenError::Workbook(e.message(lang)))?,
        );
    }
    let bundle = rops_workbook::sheet::from_tables(&tables)
        .map_err(|f| OpenError::Sheet(f.0.iter().map(|f| f.describe(lang)).collect()))?;
    serde_json::to_value(&bundle).map_err(|e| OpenError::Read(e.to_string()))
}

/// An opened file's bytes as the new draft: a bundle (valid or not, as
/// long as it is a bundle), a draft file, or a workbook.
pub fn open(name: &str, bytes: &[u8], lang: Lang) -> Result<Value, OpenError> {
    if bytes.len() as u64 > MAX_OPEN_BYTES {
        return Err(OpenError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_OPEN_BYTES,
        });
    }
    let lower = name.to_lowercase();
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if zip || lower.ends_with(".xlsx") || lower.ends_with(".ods") || lower.ends_with(".xls") {
        let tables = rops_workbook::xlsx::read_workbook(bytes)
            .map_err(|e| OpenError::Workbook(e.message(lang)))?;
        let bundle = rops_workbook::sheet::from_tables(&tables)
            .map_err(|f| OpenError::Sheet(f.0.iter().map(|f| f.describe(lang)).collect()))?;
        return serde_json::to_value(&bundle).map_err(|e| OpenError::Read(e.to_string()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| OpenError::NotJson(e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let v: Value = serde_json::from_str(text).map_err(|e| OpenError::NotJson(e.to_string()))?;
    let v = match v.get(DRAFT_MARK) {
        Some(_) => v.get("draft").cloned().unwrap_or(Value::Null),
        None => v,
    };
    let Some(o) = v.as_object() else {
        return Err(OpenError::NotABundle(
            "schema_version, organisation, …".into(),
        ));
    };
    if let Some(found) = o.get("schema_version").and_then(Value::as_u64) {
        if found > SCHEMA_VERSION as u64 {
            return Err(OpenError::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
    }
    let missing: Vec<&str> = [
        "schema_version",
        "content_date",
        "organisation",
        "sources",
        "eras",
        "projects",
        "events",
        "figures",
        "accessibility",
    ]
    .into_iter()
    .filter(|k| !o.contains_key(*k))
    .collect();
    if !missing.is_empty() {
        return Err(OpenError::NotABundle(missing.join(", ")));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real() -> Value {
        serde_json::from_str(include_str!("../../public/content/bundle.json")).unwrap()
    }

    #[test]
    fn a_folders_csv_files_open_as_a_workbook_does() {
        let b = content::parse(include_str!("../../public/content/bundle.json")).unwrap();
        let files: Vec<(String, Vec<u8>)> = rops_workbook::sheet::to_tables(&b)
            .iter()
            .map(|t| (format!("tresc-{}.csv", t.name), t.to_csv().into_bytes()))
            .collect();
        let opened = open_csv(&files, Lang::Pl).unwrap();
        assert_eq!(content::parse(&opened.to_string()).unwrap(), b);
        // A sheet saved in the old Windows code page is named, not misread.
        let mut bad = files.clone();
        bad[0].1 = b"Identyfikator;Tytu\xb3\r\n".to_vec();
        let e = open_csv(&bad, Lang::Pl).unwrap_err();
        assert!(
            e.message(Lang::Pl).starts_with(&bad[0].0),
            "{}",
            e.message(Lang::Pl)
        );
        // A fault is at its sheet and cell, as in a workbook.
        let mut wrong = rops_workbook::sheet::to_tables(&b);
        let events = wrong.iter_mut().find(|t| t.name == "Wydarzenia").unwrap();
        events.set(1, 2, rops_workbook::sheet::Cell::text("2008-13"));
        let files: Vec<(String, Vec<u8>)> = wrong
            .iter()
            .map(|t| (format!("{}.csv", t.name), t.to_csv().into_bytes()))
            .collect();
        let e = open_csv(&files, Lang::Pl).unwrap_err();
        assert!(
            e.details().iter().any(|l| l.starts_with("Wydarzenia!C2")),
            "{:?}",
            e.details()
        );
    }

    #[test]
    fn the_shipped_bundle_is_valid_as_a_draft_and_exports_as_it_came() {
        let file = include_str!("../../public/content/bundle.json");
        let v = real();
        let c = check(&v, Lang::Pl);
        assert!(c.issues.iter().all(|i| i.warning));
        let exported = bundle_text(&c.bundle.unwrap());
        // The same content, with its keys in the file's order (the draft's
        // `Value` keeps them sorted; the export must not).
        let back: Value = serde_json::from_str(&exported).unwrap();
        assert_eq!(back, v);
        assert_eq!(keys_in_order(&exported), keys_in_order(file));
    }

    /// Every object key of a JSON text, in the order they are written.
    fn keys_in_order(text: &str) -> Vec<String> {
        let mut keys = vec![];
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.extend(chars.next()),
                    '"' => break,
                    c => s.push(c),
                }
            }
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            if chars.peek() == Some(&':') {
                keys.push(s);
            }
        }
        keys
    }

    #[test]
    fn every_fault_is_shown_while_a_date_and_an_amount_do_not_parse() {
        let mut v = real();
        let date = Path::root().key("events").index(2).key("date");
        let other = Path::root().key("events").index(5).key("date");
        let amount = Path::root()
            .key("projects")
            .index(2)
            .key("value")
            .key("amount");
        let title = Path::root().key("events").index(4).key("title").key("pl");
        let project = Path::root().key("events").index(3).key("project");
        assert!(set(&mut v, &date, json!("2008-02-30")));
        assert!(set(&mut v, &other, json!("2010-13")));
        assert!(set(&mut v, &amount, json!("1 980 000,0x")));
        assert!(set(&mut v, &title, json!("")));
        assert!(set(&mut v, &project, json!("nie-ma-takiego")));
        let c = check(&v, Lang::Pl);
        assert!(c.bundle.is_none());
        let faults: Vec<&Issue> = c.issues.iter().filter(|i| !i.warning).collect();
        let at = |p: &Path| {
            faults
                .iter()
                .filter(|i| i.field == p.dom_id())
                .map(|i| i.message.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            at(&date),
            ["data „2008-02-30”: dzień 30 nie istnieje (2008-02 ma 29 dni)"]
        );
        assert_eq!(at(&other), ["data „2010-13”: miesiąc 13 nie istnieje"]);
        // The money field (amount and currency) carries its fault.
        let sum = Path::root().key("projects").index(2).key("value");
        assert_eq!(
            at(&sum),
            ["to nie jest kwota: wpisz cyfry, np. 1 980 000 albo 1 980 000,00 zł"]
        );
        assert_eq!(at(&title).len(), 1, "{faults:?}");
        assert_eq!(at(&project).len(), 1, "{faults:?}");
        // Nothing else: the stand-ins (no date, no value) are not faults.
        assert_eq!(faults.len(), 5, "{faults:?}");
        // Fixed, the draft is valid again.
        assert!(set(&mut v, &date, json!("2008-02-29")));
        assert!(set(&mut v, &other, json!("2010-12")));
        assert!(set(&mut v, &amount, json!("1980000")));
        assert!(set(&mut v, &title, json!("Tytuł")));
        assert!(set(&mut v, &project, json!("akademia-rozwoju-es")));
        let c = check(&v, Lang::Pl);
        assert!(c.bundle.is_some(), "{:?}", c.issues);
    }

    const FICTIONAL: &str = include_str!("../../tests/fixtures/fictional/bundle.json");

    #[test]
    fn faults_in_the_three_forms_are_shown_at_their_fields() {
        let mut v: Value = serde_json::from_str(FICTIONAL).unwrap();
        let c = check(&v, Lang::Pl);
        assert!(c.bundle.is_some(), "{:?}", c.issues);
        let paragraph = Path::root()
            .keys("easy_read.sections")
            .index(0)
            .key("paragraphs")
            .index(1)
            .key("pl");
        let kohesio = Path::root().key("projects").index(0).key("kohesio_id");
        let captions = Path::root()
            .keys("sign_language.videos")
            .index(0)
            .keys("captions.en");
        let postal = Path::root().keys("organisation.address.postal_code");
        let licence = Path::root().keys("open_data.licence_url");
        let scope = Path::root().keys("accessibility.scope.en");
        assert!(set(&mut v, &paragraph, json!(" ")));
        assert!(set(&mut v, &kohesio, json!("12345")));
        assert!(set(&mut v, &captions, json!("napisy.txt")));
        assert!(set(&mut v, &postal, json!("00000")));
        assert!(set(&mut v, &licence, json!("ftp://example.org")));
        assert!(set(&mut v, &scope, json!("")));
        let c = check(&v, Lang::Pl);
        let mut fields: Vec<String> = c
            .issues
            .iter()
            .filter(|i| !i.warning)
            .map(|i| i.field.clone())
            .collect();
        fields.sort();
        let mut want: Vec<String> = [paragraph, kohesio, captions, postal, licence, scope]
            .iter()
            .map(Path::dom_id)
            .collect();
        want.sort();
        assert_eq!(fields, want, "{:?}", c.issues);
    }

    #[test]
    fn the_fictional_bundle_opens_from_its_workbook_with_every_field() {
        let b = content::parse(FICTIONAL).unwrap();
        assert!(b.easy_read.is_some() && b.sign_language.is_some() && b.open_data.is_some());
        let x =
            rops_workbook::xlsx::write_xlsx(&rops_workbook::sheet::to_tables(&b), None).unwrap();
        let opened = open("tresc.xlsx", &x, Lang::Pl).unwrap();
        assert_eq!(opened, serde_json::to_value(&b).unwrap());
    }

    #[test]
    fn a_count_of_the_wrong_shape_is_not_called_a_date() {
        let mut v = real();
        let p = Path::root().key("figures").index(0).key("value");
        assert!(set(&mut v, &p, json!("1 000")));
        let c = check(&v, Lang::En);
        let e = c.issues.iter().find(|i| !i.warning).unwrap();
        assert_eq!(e.field, p.dom_id());
        assert!(!e.message.starts_with("date"), "{}", e.message);
    }

    #[test]
    fn an_impossible_date_is_located_at_its_field_in_the_editors_language() {
        let mut v = real();
        let p = Path::root().key("events").index(2).key("date");
        let d = DateParts {
            precision: Precision::Day,
            parts: ["2008".into(), "2".into(), "30".into()],
        };
        assert!(set(&mut v, &p, d.value()));
        assert_eq!(text_at(&v, &p), "2008-02-30");
        let c = check(&v, Lang::Pl);
        assert!(c.bundle.is_none());
        let e = c.issues.iter().find(|i| !i.warning).unwrap();
        assert_eq!(e.field, "f-events-2-date");
        assert_eq!(e.field, p.dom_id());
        assert!(e.message.contains("2008-02-30"), "{}", e.message);
        assert!(!e.message.contains("invalid structure"), "{}", e.message);
    }

    #[test]
    fn date_parts_round_trip_every_precision() {
        for s in ["2004", "2008-03", "2008-03-14", "2007/2013", "2015/.."] {
            let v = Value::String(s.into());
            assert_eq!(DateParts::of(&v).value(), v, "{s}");
        }
        assert_eq!(DateParts::of(&Value::Null).value(), Value::Null);
        assert_eq!(DateParts::of(&Value::Null).precision, Precision::NotGiven);
    }

    #[test]
    fn money_is_read_as_people_write_it_and_unknown_stays_unknown() {
        for typed in ["1 980 000", "1 980 000,00 zł", "1980000"] {
            assert_eq!(
                money_value(typed, "PLN"),
                json!({"amount": "1980000", "currency": "PLN"}),
                "{typed}"
            );
        }
        assert_eq!(money_value("  ", "PLN"), Value::Null);
        assert_eq!(
            money_value("1,980", "PLN"),
            json!({"amount": "1,980", "currency": "PLN"})
        );
        assert!(money_problem("1,980", Lang::Pl).is_some());
        // Kept as typed, the validator refuses it at the amount.
        let mut v = real();
        let p = Path::root().key("projects").index(0).key("value");
        set(&mut v, &p, money_value("abc", "PLN"));
        let c = check(&v, Lang::En);
        let e = c.issues.iter().find(|i| !i.warning).unwrap();
        assert_eq!(e.path, "$.projects[0].value.amount");
    }

    #[test]
    fn ids_come_from_titles_and_stay_unique() {
        assert_eq!(
            slug("Nagroda Ministra Gospodarki — 2012!"),
            "nagroda-ministra-gospodarki-2012"
        );
        assert_eq!(slug("Łódź, żółć"), "lodz-zolc");
        assert!(content::Id::parse(&slug(&"ą ".repeat(100))).is_some());
        let taken = vec!["a".to_owned(), "a-2".to_owned()];
        assert_eq!(unique_id("a", &taken), "a-3");
        assert_eq!(unique_id("b", &taken), "b");
        assert_eq!(unique_id("nagroda-2012", &taken), "nagroda-2012");
        assert_eq!(unique_id("", &taken), "pozycja");
        let mut v = real();
        let list = Path::root().key("events");
        let n = len_at(&v, &list);
        assert!(duplicate_item(&mut v, &list, 0));
        assert_eq!(len_at(&v, &list), n + 1);
        let ids = ids_at(&v, &list);
        assert_ne!(ids[0], ids[1]);
        assert!(check(&v, Lang::Pl).bundle.is_some(), "a duplicate is valid");
        assert!(move_item(&mut v, &list, 1, 0));
        assert_eq!(ids_at(&v, &list)[0], ids[1]);
        assert!(remove_item(&mut v, &list, 0));
        assert_eq!(len_at(&v, &list), n);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason_and_drafts_reopen() {
        let big = vec![b' '; MAX_OPEN_BYTES as usize + 1];
        assert!(matches!(
            open("a.json", &big, Lang::Pl),
            Err(OpenError::TooLarge { .. })
        ));
        assert!(matches!(
            open("a.json", b"{\"a\": 1}", Lang::Pl),
            Err(OpenError::NotABundle(_))
        ));
        assert!(matches!(
            open("a.json", b"not json", Lang::Pl),
            Err(OpenError::NotJson(_))
        ));
        let mut newer = real();
        newer["schema_version"] = json!(99);
        let e = open("a.json", newer.to_string().as_bytes(), Lang::Pl).unwrap_err();
        assert!(matches!(e, OpenError::NewerSchema { found: 99, .. }));
        assert!(e.message(Lang::Pl).contains("99"));
        // A workbook with none of the content's sheets.
        let empty =
            rops_workbook::xlsx::write_xlsx(&[rops_workbook::sheet::Table::new("Arkusz1")], None)
                .unwrap();
        let e = open("x.xlsx", &empty, Lang::Pl).unwrap_err();
        assert!(matches!(e, OpenError::Sheet(_)), "{e:?}");
        // A draft file, invalid as it is, comes back as it was saved.
        let mut v = real();
        v["events"][0]["title"]["pl"] = json!("");
        assert_eq!(
            open("d.json", draft_file(&v).as_bytes(), Lang::En).unwrap(),
            v
        );
        // And a workbook of the real bundle is the real bundle.
        let b = content::parse(include_str!("../../public/content/bundle.json")).unwrap();
        let x =
            rops_workbook::xlsx::write_xlsx(&rops_workbook::sheet::to_tables(&b), None).unwrap();
        let opened = open("t.xlsx", &x, Lang::Pl).unwrap();
        assert_eq!(content::parse(&opened.to_string()).unwrap(), b);
    }
}
