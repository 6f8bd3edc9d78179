//! The bundle as spreadsheet tables and back, for the people who keep the
//! content in Excel or LibreOffice: one sheet per section (Organizacja,
//! Źródła, Okresy, Projekty, Wydarzenia, Liczby, Deklaracja, Tekst łatwy,
//! Język migowy), one row per item, a header row in Polish with an English
//! hint, and every fault said
//! in the spreadsheet's terms: `Wydarzenia!C7: data „2008-13” — miesiąc 13
//! nie istnieje`.
//!
//! Pure: [`Table`]s in, [`Bundle`] out, and back. Reading and writing the
//! files is [`xlsx`](super::xlsx)'s (xlsx, ods) and [`csv`](super::csv)'s
//! (a folder of CSVs) business, so the editor in the browser and the
//! `content` command share every rule here.
//!
//! - **Never half-applied.** [`from_tables`] returns the whole bundle, checked
//!   by the same [`parse`](super::parse) as the app's, or every fault found;
//!   the validator's faults come back located at the cell they came from
//!   (`$.events[3].title.en` → the "Tytuł (EN)" cell of that event's row).
//! - **Lossless.** `from_tables(&to_tables(b)) == b` for every bundle the
//!   validator accepts (property-tested), with one exception the validator
//!   allows: an empty string as a contact person or `$schema` reads back as
//!   not given, because an empty cell cannot say which it was; and an
//!   easy-to-read text without sections (sign language without videos)
//!   reads back as none, because an empty sheet cannot say which it was.
//! - **Older workbooks still read.** The sheets, columns and fields added
//!   for the law's three forms (#25) may be missing: their content is then
//!   absent, as in a bundle made before them.
//! - **Representation only.** A value the sheet does not give stays unknown
//!   (an empty amount is `null`, never 0); nothing is guessed (a date cell
//!   that Excel made a day stays that day; a plain number in a date column
//!   is a year or a serial date, anything else is a fault).

mod cells;
mod layout;
mod read;
#[cfg(test)]
pub(crate) mod tests;
mod write;

use rops_content::date::DateProblem;
use rops_content::error::FaultKind;
use rops_content::text::{is_blank, Lang};
use std::fmt;

pub use cells::{
    amount_from_number, amount_from_text, date_from_text, serial_to_ymd, ymd_to_serial,
    AmountProblem,
};
pub use layout::{ColumnKind, Section};
pub use read::{from_tables, import, Imported};
pub use write::{language_without_columns, to_tables, COLUMN_LANGUAGES};

/// One cell as a spreadsheet holds it (a formula is its cached value).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell the spreadsheet keeps as a date: a serial number of days in
    /// Excel's 1900 system (1 = 1900-01-01, with its fictitious 1900-02-29
    /// as 60), the time of day as the fraction. Readers convert 1904-system
    /// workbooks and ISO dates (ods) to this.
    Date(f64),
    /// An error value (`#DIV/0!`, `#N/A`…), usually a failed formula.
    Error(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Nothing a reader would see: no value, or only white space.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => is_blank(s),
            _ => false,
        }
    }
}

/// A merged area, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl Area {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// One sheet: its name, and its cells from A1 on (rows may differ in length).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merged: Vec<Area>,
    /// What each column holds, for a writer's formats and widths
    /// ([`to_tables`] fills it; readers leave it empty).
    pub columns: Vec<ColumnKind>,
}

static EMPTY: Cell = Cell::Empty;

impl Table {
    /// The sheet as a spreadsheet saves it as CSV: every field quoted
    /// (RFC 4180), numbers as written, CRLF line ends. What
    /// `csv::read_rows` reads back cell for cell (a date cell as its ISO
    /// day, an error as its text).
    pub fn to_csv(&self) -> String {
        self.rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| {
                        let text = match c {
                            Cell::Empty => String::new(),
                            Cell::Text(s) | Cell::Error(s) => s.clone(),
                            Cell::Number(n) => n.to_string(),
                            Cell::Bool(b) => b.to_string(),
                            Cell::Date(d) => serial_to_ymd(*d)
                                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                                .unwrap_or_default(),
                        };
                        format!("\"{}\"", text.replace('"', "\"\""))
                    })
                    .collect::<Vec<_>>()
                    .join(",")
                    + "\r\n"
            })
            .collect()
    }

    pub fn new(name: impl Into<String>) -> Table {
        Table {
            name: name.into(),
            ..Table::default()
        }
    }

    /// The cell at a 0-based position; [`Cell::Empty`] outside the data.
    pub fn cell(&self, row: u32, col: u32) -> &Cell {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&EMPTY)
    }

    /// Puts a value at a 0-based position, growing the table as needed.
    pub fn set(&mut self, row: u32, col: u32, cell: Cell) {
        let (r, c) = (row as usize, col as usize);
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        let line = &mut self.rows[r];
        if line.len() <= c {
            line.resize(c + 1, Cell::Empty);
        }
        line[c] = cell;
    }

    /// A sheet of text cells, as a CSV file gives them (one file per sheet,
    /// named after it).
    pub fn from_rows(name: impl Into<String>, rows: Vec<Vec<String>>) -> Table {
        Table {
            name: name.into(),
            rows: rows
                .into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|s| {
                            if s.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(s)
                            }
                        })
                        .collect()
                })
                .collect(),
            ..Table::default()
        }
    }
}

/// The section a sheet (or a CSV file) of this name holds: its Polish or
/// English name, in any case, with or without diacritics.
pub fn section_of(name: &str) -> Option<Section> {
    read::section_of(name)
}

/// The sheet a CSV file holds, from its name without `.csv`: `Wydarzenia`,
/// or `tresc-Wydarzenia` as LibreOffice names each sheet's file when it
/// saves them all (the part after the last `-`, when that names a section
/// and the whole does not).
pub fn sheet_of_csv_file(stem: &str) -> String {
    match stem.rsplit_once('-') {
        Some((_, sheet)) if section_of(stem).is_none() && section_of(sheet).is_some() => {
            sheet.to_owned()
        }
        _ => stem.to_owned(),
    }
}

/// Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = vec![];
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell's A1 name from 0-based indices: (6, 2) → `C7`.
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row as u64 + 1)
}

/// Where in a sheet a fault is (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The sheet as a whole (a missing sheet, no header row).
    Sheet,
    /// A whole row (a missing column: the header row).
    Row(u32),
    Cell(u32, u32),
}

/// What is wrong with a value or the layout, in terms a spreadsheet user
/// knows; [`Problem::message`] says it in Polish or English.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A workbook with none of the content's sheets (`found`: what it has).
    NoContentSheets {
        found: Vec<String>,
    },
    MissingSheet,
    /// Two sheets answer to one section; `used` is the one read.
    TwoSheets {
        used: String,
    },
    /// No row with this header (the key column's) among the first rows.
    NoHeader {
        key: String,
    },
    MissingColumn {
        column: String,
    },
    /// A field missing from a field/value sheet (Organizacja, Deklaracja).
    MissingField {
        field: String,
    },
    /// A field given twice in a field/value sheet; `first` is its first cell.
    RepeatedField {
        field: String,
        first: String,
    },
    /// Two columns with one header (or one merged header) disagree here.
    ColumnsDisagree {
        column: String,
        other: String,
    },
    /// An English value for a field that has no English version.
    NoEnglish {
        field: String,
    },
    Date {
        raw: String,
        problem: DateProblem,
    },
    /// A number in a date column that is neither a year nor a day.
    DateNumber {
        number: String,
    },
    Amount {
        raw: String,
        problem: AmountProblem,
    },
    /// An amount without a currency, in the cell or the currency column.
    NoCurrency,
    /// The amount's own currency (`1 980 000 zł`) is not the row's.
    CurrencyConflict {
        cell: String,
        column: String,
    },
    /// Not a whole number ≥ 0 (a figure, the schema version).
    Count {
        raw: String,
    },
    /// Not one of the column's values.
    Choice {
        raw: String,
        allowed: Vec<&'static str>,
    },
    /// An empty cell where a value is required (`allowed`: what to write).
    Required {
        allowed: Vec<&'static str>,
    },
    /// A value of a type the column cannot hold (`found` describes it).
    WrongType {
        found: CellType,
    },
    /// Only one of the two accent colours.
    AccentHalf,
    /// A logo description without the logo file.
    LogoWithoutFile,
    /// A picture's description (an easy-to-read section's, a project's
    /// logo strip) without the picture's file.
    PictureWithoutFile,
    /// The content as a whole is larger than the app accepts.
    TooLarge {
        size: usize,
        limit: usize,
    },
    /// The bundle's own rule (the validator's message).
    Content(FaultKind),
}

/// Kinds of cell a column may refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellType {
    Bool,
    Date,
    Number,
    Error(String),
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let pl = lang == Lang::Pl;
        match self {
            NoContentSheets { found } => {
                let expected: Vec<&str> = Section::ALL
                    .iter()
                    .filter(|s| s.required())
                    .map(|s| s.name())
                    .collect();
                if pl {
                    format!(
                        "to nie jest skoroszyt treści: brak w nim arkuszy {} (są: {})",
                        list(&expected),
                        if found.is_empty() { "żadne".into() } else { found.join(", ") }
                    )
                } else {
                    format!(
                        "this is not a content workbook: it has none of the sheets {} (it has: {})",
                        list(&expected),
                        if found.is_empty() { "none".into() } else { found.join(", ") }
                    )
                }
            }
            MissingSheet if pl => "brak tego arkusza w skoroszycie".into(),
            MissingSheet => "this sheet is missing from the workbook".into(),
            TwoSheets { used } if pl => {
                format!("drugi arkusz tej samej sekcji co „{used}”: usuń jeden z nich")
            }
            TwoSheets { used } => {
                format!("a second sheet for the same section as \"{used}\": remove one of them")
            }
            NoHeader { key } if pl => format!(
                "nie znaleziono wiersza nagłówka (z kolumną „{key}”) w pierwszych {} wierszach",
                read::HEADER_SEARCH_ROWS
            ),
            NoHeader { key } => format!(
                "no header row (with the column \"{key}\") in the first {} rows",
                read::HEADER_SEARCH_ROWS
            ),
            MissingColumn { column } if pl => format!("brak kolumny „{column}”"),
            MissingColumn { column } => format!("the column \"{column}\" is missing"),
            MissingField { field } if pl => format!("brak wiersza „{field}”"),
            MissingField { field } => format!("the row \"{field}\" is missing"),
            RepeatedField { field, first } if pl => {
                format!("pole „{field}” podane drugi raz (pierwszy raz w {first})")
            }
            RepeatedField { field, first } => {
                format!("the field \"{field}\" is given a second time (first in {first})")
            }
            ColumnsDisagree { column, other } if pl => format!(
                "kolumna „{column}” występuje dwa razy, a wartości się różnią (druga w {other})"
            ),
            ColumnsDisagree { column, other } => format!(
                "the column \"{column}\" appears twice with different values (the other in {other})"
            ),
            NoEnglish { field } if pl => {
                format!("pole „{field}” nie ma wersji angielskiej: zostaw tę komórkę pustą")
            }
            NoEnglish { field } => {
                format!("the field \"{field}\" has no English version: leave this cell empty")
            }
            Date { raw, problem } if pl => format!("data „{raw}” — {}", problem.message(lang)),
            Date { raw, problem } => format!("date \"{raw}\" — {}", problem.message(lang)),
            DateNumber { number } if pl => format!(
                "liczba {number} w kolumnie dat nie jest ani rokiem (1000–9999), ani datą: wpisz datę jako tekst, np. 2008-03-14"
            ),
            DateNumber { number } => format!(
                "the number {number} in a date column is neither a year (1000–9999) nor a date: write the date as text, e.g. 2008-03-14"
            ),
            Amount { raw, problem } if pl => format!("kwota „{raw}” — {}", problem.message(lang)),
            Amount { raw, problem } => format!("amount \"{raw}\" — {}", problem.message(lang)),
            NoCurrency if pl => {
                "nie wiadomo, w jakiej walucie jest kwota: wpisz ją w kolumnie Waluta (PLN lub EUR)"
                    .into()
            }
            NoCurrency => {
                "the amount's currency is not given: write it in the Currency column (PLN or EUR)"
                    .into()
            }
            CurrencyConflict { cell, column } if pl => {
                format!("kwota jest w {cell}, a kolumna Waluta mówi {column}")
            }
            CurrencyConflict { cell, column } => {
                format!("the amount is in {cell}, but the Currency column says {column}")
            }
            Count { raw } if pl => {
                format!("„{raw}” nie jest liczbą całkowitą nieujemną (np. 295)")
            }
            Count { raw } => format!("\"{raw}\" is not a whole number of 0 or more (e.g. 295)"),
            Choice { raw, allowed } if pl => {
                format!("„{raw}” nie jest jedną z wartości: {}", list(allowed))
            }
            Choice { raw, allowed } => {
                format!("\"{raw}\" is not one of the values: {}", list(allowed))
            }
            Required { allowed } if pl && allowed.is_empty() => "pole wymagane jest puste".into(),
            Required { allowed } if allowed.is_empty() => "this field is required".into(),
            Required { allowed } if pl => {
                format!("pole wymagane jest puste: wpisz jedną z wartości: {}", list(allowed))
            }
            Required { allowed } => {
                format!("this field is required: write one of: {}", list(allowed))
            }
            WrongType { found } => {
                let what = match (found, pl) {
                    (CellType::Bool, true) => "wartość logiczną (PRAWDA/FAŁSZ)".to_owned(),
                    (CellType::Bool, false) => "a logical value (TRUE/FALSE)".to_owned(),
                    (CellType::Date, true) => "datę".to_owned(),
                    (CellType::Date, false) => "a date".to_owned(),
                    (CellType::Number, true) => "liczbę".to_owned(),
                    (CellType::Number, false) => "a number".to_owned(),
                    (CellType::Error(e), true) => format!("błąd {e} (formuła?)"),
                    (CellType::Error(e), false) => format!("the error {e} (a formula?)"),
                };
                if pl {
                    format!("komórka zawiera {what}, a ta kolumna przyjmuje tekst")
                } else {
                    format!("the cell holds {what}, and this column takes text")
                }
            }
            AccentHalf if pl => {
                "podaj oba kolory akcentu (jasny i ciemny motyw) albo żadnego".into()
            }
            AccentHalf => "give both accent colours (light and dark theme) or neither".into(),
            LogoWithoutFile if pl => "jest opis logo, a brak nazwy jego pliku".into(),
            LogoWithoutFile => "there is a logo description but no logo file name".into(),
            PictureWithoutFile if pl => {
                "jest opis obrazka, a brak nazwy jego pliku: wpisz ją obok albo usuń opis".into()
            }
            PictureWithoutFile => {
                "there is a picture description but no file name: write it beside, or remove the description".into()
            }
            TooLarge { size, limit } => {
                let lang = if pl { Lang::Pl } else { Lang::En };
                let (size, limit) = rops_content::format::two_sizes(*size as u64, *limit as u64, lang);
                if pl {
                    format!("treść zajęłaby {size}, więcej niż dopuszczalne {limit}: skróć najdłuższe teksty albo usuń część wydarzeń")
                } else {
                    format!("the content would take {size}, more than the {limit} allowed: shorten the longest texts or remove some events")
                }
            }
            // A reference names the sheet the id should be on, not the JSON array.
            Content(FaultKind::UnknownReference { target, id }) => {
                let sheet = match *target {
                    "projects" => Section::Projects.name(),
                    "sources" => Section::Sources.name(),
                    other => other,
                };
                if pl {
                    format!("odwołanie do „{id}”, którego nie ma w arkuszu {sheet}")
                } else {
                    format!("a reference to \"{id}\", which is not on the sheet {sheet}")
                }
            }
            Content(kind) => kind.message(lang),
        }
    }
}

/// One fault: the sheet as the workbook names it, the place, the problem.
/// An empty `sheet` is the workbook as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetFault {
    pub sheet: String,
    pub place: Place,
    pub problem: Problem,
}

impl SheetFault {
    /// The reference a spreadsheet understands: `Wydarzenia!C7`, a row
    /// `Wydarzenia!1:1`, a sheet `Wydarzenia`; names with spaces or
    /// punctuation quoted as `'Moje dane'!C7`.
    pub fn reference(&self) -> String {
        if self.sheet.is_empty() {
            return String::new();
        }
        let plain = self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
        let name = if plain {
            self.sheet.clone()
        } else {
            format!("'{}'", self.sheet.replace('\'', "''"))
        };
        match self.place {
            Place::Sheet => name,
            Place::Row(r) => format!("{name}!{0}:{0}", r as u64 + 1),
            Place::Cell(r, c) => format!("{name}!{}", a1(r, c)),
        }
    }

    /// One line: `Wydarzenia!C7: data „2008-13” — miesiąc 13 nie istnieje`.
    pub fn describe(&self, lang: Lang) -> String {
        let at = self.reference();
        if at.is_empty() {
            self.problem.message(lang)
        } else {
            format!("{at}: {}", self.problem.message(lang))
        }
    }
}

/// Why tables did not become a bundle: every fault found, in sheet order.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct SheetFaults(pub Vec<SheetFault>);

impl fmt::Display for SheetFaults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the workbook has {} fault(s)", self.0.len())?;
        if let Some(first) = self.0.first() {
            write!(f, "; first: {}", first.describe(Lang::En))?;
        }
        Ok(())
    }
}
