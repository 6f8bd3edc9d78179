//! Faults in a bundle, each with the place an editor must go to fix it.

use super::text::Lang;
use std::fmt;

/// 1-based line and column, columns counted in characters (as editors show them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A JSON path, shown as `$.events[3].title.pl`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    pub fn key(&self, k: &str) -> JsonPath {
        let mut p = self.clone();
        p.0.push(Segment::Key(k.to_owned()));
        p
    }
    pub fn index(&self, i: usize) -> JsonPath {
        let mut p = self.clone();
        p.0.push(Segment::Index(i));
        p
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for s in &self.0 {
            match s {
                Segment::Key(k) if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                    write!(f, ".{k}")?
                }
                Segment::Key(k) => write!(f, "[{k:?}]")?,
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// What is wrong, in terms both languages can describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    /// The JSON does not have the bundle's shape (wrong type, missing or unknown
    /// field, bad date or amount). `detail` is the parser's English text.
    Structure(String),
    UnsupportedSchema {
        found: u32,
        supported: u32,
    },
    EmptyText,
    /// A character that changes how the text around it is shown or read
    /// without being visible itself: a bidirectional override or isolate
    /// (U+202A–202E, U+2066–2069) or a control character other than newline
    /// and tab. `index` counts characters from the start of the text, from 1.
    HiddenControl {
        code: u32,
        index: usize,
    },
    BadId(String),
    DuplicateId(String),
    /// `target` names the collection that should hold `id` (e.g. "projects").
    UnknownReference {
        target: &'static str,
        id: String,
    },
    EuAboveValue,
    CurrencyMismatch,
    /// Projects in more than one currency: their values could not be added up
    /// into one total, so a bundle keeps to one currency.
    MixedCurrencies {
        expected: &'static str,
        found: &'static str,
    },
    /// Only http(s) links are allowed, so no `javascript:` can reach a page.
    UnsafeUrl(String),
    TooLong {
        chars: usize,
        limit: usize,
    },
    /// An e-mail address or phone number that cannot be a safe link.
    BadContact(String),
    /// A warning, not a fault: a declaration field still to be filled in.
    NotFilled,
}

impl FaultKind {
    pub fn message(&self, lang: Lang) -> String {
        use FaultKind::*;
        match (self, lang) {
            (Structure(d), Lang::Pl) => format!("nieprawidłowa struktura: {d}"),
            (Structure(d), Lang::En) => format!("invalid structure: {d}"),
            (UnsupportedSchema { found, supported }, Lang::Pl) => {
                format!("wersja schematu {found} nie jest obsługiwana (obsługiwana: {supported})")
            }
            (UnsupportedSchema { found, supported }, Lang::En) => {
                format!("schema version {found} is not supported (supported: {supported})")
            }
            (EmptyText, Lang::Pl) => "tekst jest pusty".into(),
            (EmptyText, Lang::En) => "the text is empty".into(),
            (HiddenControl { code, index }, Lang::Pl) => format!(
                "tekst zawiera niewidoczny znak sterujący U+{code:04X} (znak {index}), który może zmienić sposób wyświetlania lub odczytu tekstu: usuń go"
            ),
            (HiddenControl { code, index }, Lang::En) => format!(
                "the text contains an invisible control character U+{code:04X} (character {index}) that can change how the text is shown or read: remove it"
            ),
            (BadId(id), Lang::Pl) => format!(
                "identyfikator „{id}” jest niepoprawny (dozwolone: małe litery a–z, cyfry, łącznik)"
            ),
            (BadId(id), Lang::En) => {
                format!("id \"{id}\" is invalid (allowed: lowercase a–z, digits, hyphen)")
            }
            (DuplicateId(id), Lang::Pl) => format!("identyfikator „{id}” powtarza się"),
            (DuplicateId(id), Lang::En) => format!("id \"{id}\" is used twice"),
            (UnknownReference { target, id }, Lang::Pl) => {
                format!("odwołanie do „{id}”, którego nie ma w {target}")
            }
            (UnknownReference { target, id }, Lang::En) => {
                format!("reference to \"{id}\", which is not in {target}")
            }
            (EuAboveValue, Lang::Pl) => "dofinansowanie UE przekracza wartość projektu".into(),
            (EuAboveValue, Lang::En) => "the EU contribution exceeds the project value".into(),
            (CurrencyMismatch, Lang::Pl) => "kwoty projektu są w różnych walutach".into(),
            (CurrencyMismatch, Lang::En) => {
                "the project's amounts are in different currencies".into()
            }
            (MixedCurrencies { expected, found }, Lang::Pl) => format!(
                "kwota w walucie {found}, a wcześniejsze projekty mają {expected}: wszystkie kwoty muszą być w jednej walucie, aby dało się je zsumować"
            ),
            (MixedCurrencies { expected, found }, Lang::En) => format!(
                "an amount in {found} where earlier projects use {expected}: all amounts must be in one currency so that they can be added up"
            ),
            (UnsafeUrl(u), Lang::Pl) => {
                format!("adres „{u}” odrzucony: dozwolone są tylko adresy http(s)")
            }
            (UnsafeUrl(u), Lang::En) => {
                format!("address \"{u}\" refused: only http(s) addresses are allowed")
            }
            (TooLong { chars, limit }, Lang::Pl) => {
                format!("tekst ma {chars} znaków, limit to {limit}")
            }
            (TooLong { chars, limit }, Lang::En) => {
                format!("the text has {chars} characters, the limit is {limit}")
            }
            (BadContact(v), Lang::Pl) => {
                format!("„{v}” nie jest poprawnym adresem e-mail ani numerem telefonu")
            }
            (BadContact(v), Lang::En) => {
                format!("\"{v}\" is not a valid e-mail address or phone number")
            }
            (NotFilled, Lang::Pl) => {
                "pole do uzupełnienia przez redakcję (deklaracja dostępności)".into()
            }
            (NotFilled, Lang::En) => {
                "to be filled in by the editors (accessibility declaration)".into()
            }
        }
    }
}

/// One fault: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub path: JsonPath,
    /// Where the faulty value starts (semantic faults) or where the parser
    /// stopped (structure faults). None only if the path cannot be found.
    pub at: Option<Location>,
    pub kind: FaultKind,
}

impl Fault {
    /// One line for editors and the CLI: `$.events[3].title.pl (12:17): the text is empty`.
    pub fn describe(&self, lang: Lang) -> String {
        match self.at {
            Some(at) => format!("{} ({at}): {}", self.path, self.kind.message(lang)),
            None => format!("{}: {}", self.path, self.kind.message(lang)),
        }
    }
}

/// Why a text did not become a [`Bundle`](super::Bundle).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("the bundle is {size} bytes, more than the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("the bundle is empty")]
    Empty,
    /// Written for a newer version of the app: not a fault of the content,
    /// the visitor's copy of the app is out of date.
    #[error("the bundle has schema version {found}; this app reads version {supported}")]
    NewerSchema { found: u32, supported: u32 },
    #[error("the bundle is not UTF-8 text (at {at})")]
    NotUtf8 { at: Location },
    #[error("the bundle is not valid JSON at {at}: {message}")]
    Syntax { message: String, at: Location },
    #[error("the bundle has {} fault(s); first: {}", .0.len(), .0[0].describe(Lang::En))]
    Invalid(Vec<Fault>),
}
