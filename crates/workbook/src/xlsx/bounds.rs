//! What one workbook may hold, checked before anything is allocated for
//! it. A file of a few kilobytes can declare four billion shared strings,
//! put one value at `A4000000000`, or repeat an .ods row a million times:
//! every size that a reader would allocate by is bounded here first, by
//! the zip's central directory (its parts' declared sizes, which the zip
//! reader enforces while unpacking), by the count a part declares against
//! what it holds, and cell by cell as the sheets are read ([`Budget`]).
//!
//! The limits are far above any real content (the 10 000-event benchmark
//! bundle is a workbook of about 10 000 rows, 30 columns and 2 MB
//! unpacked) and far below what a 1 GiB process can hold.

use super::WorkbookError;
use crate::sheet::{column_letters, Area, Cell, Table};
use std::io::{BufReader, Cursor, Read};

/// Parts (files) inside the zip: an .xlsx from Excel has about 15.
pub const MAX_PARTS: usize = 1_000;
/// The unpacked size of one part, and of all of them together.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_UNPACKED_BYTES: u64 = 128 * 1024 * 1024;
/// Rows and columns the content can use: the layout has one row per item
/// and a few dozen columns; a value beyond these is a stray, not content.
pub const MAX_ROWS: u64 = 100_000;
pub const MAX_COLUMNS: u64 = 256;
/// Filled cells kept from one workbook (a 10 000-event bundle has ~100 000).
pub const MAX_CELLS: usize = 2_000_000;
/// Cells held, the empty ones between filled ones included: sheets are
/// kept as rows of cells, so one value far to the right on every row costs
/// its whole row (32 bytes a cell).
pub const MAX_SLOTS: usize = 4_000_000;
/// Bytes of text kept from one workbook: one long shared string used by
/// thousands of cells is that many copies.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// Merged areas in one workbook (headers merge a handful).
pub const MAX_MERGED: usize = 10_000;

/// The kind of a zip-packed workbook, known from its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packed {
    Xlsx,
    Ods,
}

/// Checks the zip's directory: the number of parts, each part's declared
/// unpacked size and their total, and for an .xlsx the number of shared
/// strings its list declares against the number it holds (calamine
/// reserves room for the declared count before reading one).
pub fn check_zip(bytes: &[u8]) -> Result<Packed, WorkbookError> {
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(WorkbookError::TooManyParts {
            count: zip.len(),
            limit: MAX_PARTS,
        });
    }
    let (mut total, mut shared, mut ods, mut xlsx) = (0u64, None, false, false);
    let mut parts_with_references = vec![];
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| unreadable(&e))?;
        let name = part.name().map_err(|e| unreadable(&e))?.into_owned();
        let size = part.size();
        if size > MAX_PART_BYTES {
            return Err(WorkbookError::PartTooLarge {
                part: name,
                size,
                limit: MAX_PART_BYTES,
            });
        }
        total = total.saturating_add(size);
        let lower = name.to_ascii_lowercase();
        ods |= lower == "content.xml";
        if lower.ends_with("sharedstrings.xml") {
            shared = Some((i, name));
        } else if lower.ends_with(".xml") && lower.starts_with("xl/") {
            parts_with_references.push((i, name));
        }
        xlsx |= lower == "[content_types].xml";
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(WorkbookError::UnpackedTooLarge {
            size: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    // Every cell reference calamine will parse (`r` and `ref` attributes
    // of the sheets and tables): its parser overflows a u32 on a long one
    // and subtracts a range's start from its end unchecked (a panic in a
    // debug build, a wrong position in a release one).
    for (i, name) in parts_with_references {
        let part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        if let Some(bad) = bad_reference(part).map_err(|e| unreadable(&e))? {
            return Err(WorkbookError::BadReference {
                part: name,
                reference: bad,
            });
        }
    }
    if let Some((i, name)) = shared {
        let part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let (declared, found) = count_shared_strings(part).map_err(|e| unreadable(&e))?;
        if declared.is_some_and(|d| d > found) || found > MAX_CELLS as u64 {
            return Err(WorkbookError::SharedStrings {
                part: name,
                declared: declared.unwrap_or(found),
                found,
            });
        }
    }
    match (xlsx, ods) {
        (true, _) => Ok(Packed::Xlsx),
        (false, true) => Ok(Packed::Ods),
        (false, false) => Err(WorkbookError::Unreadable(
            "no workbook inside the zip ([Content_Types].xml or content.xml)".into(),
        )),
    }
}

/// The `uniqueCount` the shared-string list declares, and the strings
/// (`<si>`) it holds.
fn count_shared_strings(part: impl Read) -> Result<(Option<u64>, u64), quick_xml::Error> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let (mut declared, mut found, mut buf) = (None, 0u64, vec![]);
    loop {
        match xml.read_event_into(&mut buf)? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.local_name().as_ref() {
                    "sst" => {
                        if let Some(a) = e.try_get_attribute("uniqueCount")? {
                            // Unparseable counts are calamine's to ignore.
                            declared = a.value.trim().parse().ok();
                        }
                    }
                    "si" => found += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => return Ok((declared, found)),
            _ => {}
        }
        buf.clear();
    }
}

/// The first `r` or `ref` attribute of a part that is no cell or range of a
/// sheet: more than three column letters or past XFD, a row of 0 or past
/// `u32::MAX`, or a range that ends before it starts. (A row far past the
/// content but within a u32 is the [`Budget`]'s to refuse, with its place.)
fn bad_reference(part: impl Read) -> Result<Option<String>, quick_xml::Error> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut buf = vec![];
    loop {
        match xml.read_event_into(&mut buf)? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                for a in e.attributes().flatten() {
                    if matches!(a.key.as_ref(), "r" | "ref") && !is_reference(&a.value) {
                        return Ok(Some(a.value.chars().take(40).collect()));
                    }
                }
            }
            quick_xml::events::Event::Eof => return Ok(None),
            _ => {}
        }
        buf.clear();
    }
}

/// `A1`, `5` (a row), `A1:C3`, as a sheet can hold them.
pub(super) fn is_reference(value: &str) -> bool {
    fn cell(s: &str) -> Option<(u64, Option<u64>)> {
        let s = s.trim_start_matches('$');
        let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (col, row) = s.split_at(letters);
        let row = row.trim_start_matches('$');
        if letters > 3
            || row.is_empty()
            || row.len() > 10
            || !row.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let row: u64 = row.parse().ok()?;
        let col = (letters > 0).then(|| {
            col.bytes().fold(0u64, |n, b| {
                n * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1
            })
        });
        (row >= 1 && row <= u64::from(u32::MAX) && col.is_none_or(|c| c <= 16_384))
            .then_some((row, col))
    }
    let mut sides = value.split(':');
    match (
        sides.next().and_then(cell),
        sides.next().map(cell),
        sides.next(),
    ) {
        (Some(_), None, None) => true,
        (Some((r0, c0)), Some(Some((r1, c1))), None) => {
            r1 >= r0
                && match (c0, c1) {
                    (Some(c0), Some(c1)) => c1 >= c0,
                    _ => true,
                }
        }
        _ => false,
    }
}

/// A cell's name from positions that may lie far outside any sheet
/// (0-based): `A4000000000`.
pub fn far_a1(row: u64, col: u64) -> String {
    let col = u32::try_from(col).unwrap_or(u32::MAX);
    format!("{}{}", column_letters(col), row.saturating_add(1))
}

/// What the workbook has taken so far; every cell goes into its table
/// through [`Budget::put`], which refuses it before the table grows.
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
    slots: usize,
    text: usize,
    merged: usize,
}

impl Budget {
    pub fn new() -> Budget {
        Budget::default()
    }

    /// Refuses a position outside the content's rows and columns.
    pub fn check_place(sheet: &str, row: u64, col: u64) -> Result<(u32, u32), WorkbookError> {
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return Err(WorkbookError::OutsideContent {
                sheet: sheet.to_owned(),
                cell: far_a1(row, col),
            });
        }
        // Both fit: MAX_ROWS and MAX_COLUMNS are far below u32::MAX.
        Ok((row as u32, col as u32))
    }

    /// Puts a filled cell into `t`, or says which limit it would pass.
    /// Empty cells are skipped (they cost nothing until a filled one
    /// follows them on their row).
    pub fn put(
        &mut self,
        t: &mut Table,
        row: u64,
        col: u64,
        cell: Cell,
    ) -> Result<(), WorkbookError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        let (r, c) = Budget::check_place(&t.name, row, col)?;
        self.cells += 1;
        if self.cells > MAX_CELLS {
            return Err(WorkbookError::TooManyCells {
                sheet: t.name.clone(),
                limit: MAX_CELLS,
            });
        }
        let new_rows = (r as usize + 1).saturating_sub(t.rows.len());
        let width = t.rows.get(r as usize).map_or(0, Vec::len);
        self.slots += new_rows + (c as usize + 1).saturating_sub(width);
        if self.slots > MAX_SLOTS {
            return Err(WorkbookError::TooManyCells {
                sheet: t.name.clone(),
                limit: MAX_SLOTS,
            });
        }
        if let Cell::Text(s) | Cell::Error(s) = &cell {
            self.text += s.len();
            if self.text > MAX_TEXT_BYTES {
                return Err(WorkbookError::TooMuchText {
                    sheet: t.name.clone(),
                    cell: far_a1(row, col),
                    limit: MAX_TEXT_BYTES,
                });
            }
        }
        t.set(r, c, cell);
        Ok(())
    }

    /// Notes a merged area: inside the content's rows and columns, and
    /// not more of them than headers need.
    pub fn merge(
        &mut self,
        t: &mut Table,
        first: (u64, u64),
        last: (u64, u64),
    ) -> Result<(), WorkbookError> {
        let (first_row, first_col) = Budget::check_place(&t.name, first.0, first.1)?;
        let (last_row, last_col) = Budget::check_place(&t.name, last.0, last.1)?;
        self.merged += 1;
        if self.merged > MAX_MERGED {
            return Err(WorkbookError::TooManyMerged {
                sheet: t.name.clone(),
                limit: MAX_MERGED,
            });
        }
        t.merged.push(Area {
            first_row: first_row.min(last_row),
            first_col: first_col.min(last_col),
            last_row: first_row.max(last_row),
            last_col: first_col.max(last_col),
        });
        Ok(())
    }
}

/// A CSV file's text as a sheet, each field a cell as [`csv::read_rows`]
/// reads it, within the same bounds as a workbook's sheets (a file of
/// nothing but separators is millions of empty cells).
///
/// [`csv::read_rows`]: rops_content::csv::read_rows
pub fn csv_sheet(name: &str, text: &str, budget: &mut Budget) -> Result<Table, WorkbookError> {
    let mut t = Table::new(name);
    let mut fault = None;
    rops_content::csv::for_each_field(text, |row, col, field| {
        if fault.is_some() {
            return false;
        }
        // Empty fields are not kept (nor allocated): a row of a million
        // separators costs nothing.
        let cell = if field.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(field)
        };
        let r = budget.put(&mut t, row as u64, col as u64, cell);
        if let Err(e) = r {
            fault = Some(e);
            return false;
        }
        true
    });
    match fault {
        Some(e) => Err(e),
        None => Ok(t),
    }
}
