//! OpenDocument spreadsheets (.ods), read by streaming `content.xml` with
//! quick-xml. Not calamine's reader: it expands every repeated row and
//! column into a dense range before the caller sees one cell (a 2 KB file
//! repeating a filled row a million times took 6 GB), and reports no
//! merged cells. Here a repeat is counted before it is expanded, and every
//! cell goes through the [`Budget`].
//!
//! What a cell holds, as calamine read it: `office:value` for numbers
//! (float, percentage, currency), `office:date-value` for dates,
//! `office:boolean-value`, and the text of its `<text:p>` paragraphs
//! (joined by line breaks) for strings; a formula's cached value is the
//! same attributes. Comments (`office:annotation`) are not content.

use super::bounds::Budget;
use super::{iso_day, WorkbookError};
use crate::sheet::{Cell, Table};
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// The sheets of an .ods file, in order.
pub fn read(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Table>, WorkbookError> {
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let part = zip.by_name("content.xml").map_err(|e| unreadable(&e))?;
    Reader::default().read(part, budget)
}

/// One cell as read, before it is placed (a repeated cell is placed once
/// per column it covers).
struct Pending {
    value: Option<Cell>,
    /// `office:value-type="string"` without `office:string-value`: the
    /// cell's text is its paragraphs.
    text_value: bool,
    repeat: u64,
    span: (u64, u64),
}

#[derive(Default)]
struct Reader {
    tables: Vec<Table>,
    /// Position of the next row and cell (0-based), counted with repeats.
    row: u64,
    col: u64,
    row_repeat: u64,
    /// The filled cells of the current row, placed once the row's repeat
    /// count is known to fit: (column, cell, span).
    line: Vec<(u64, Cell, (u64, u64))>,
    cell: Option<Pending>,
    text: String,
    paragraphs: usize,
    /// Depth inside `office:annotation` (a comment) and inside a nested
    /// table: neither is the sheet's content.
    skip: usize,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Result<Option<String>, WorkbookError> {
    match e.try_get_attribute(name) {
        Ok(Some(a)) => a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| Some(v.into_owned()))
            .map_err(|err| WorkbookError::Unreadable(format!("content.xml: {err}"))),
        Ok(None) => Ok(None),
        Err(err) => Err(WorkbookError::Unreadable(format!("content.xml: {err}"))),
    }
}

/// A repeat or span count: at least 1; a count too large to parse is as
/// large as can be (and then refused by the bounds if anything is in it).
fn count(e: &BytesStart<'_>, name: &str) -> Result<u64, WorkbookError> {
    Ok(match attr(e, name)? {
        None => 1,
        Some(s) => s.trim().parse::<u64>().unwrap_or(u64::MAX).max(1),
    })
}

impl Reader {
    fn read(mut self, part: impl Read, budget: &mut Budget) -> Result<Vec<Table>, WorkbookError> {
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
        let mut buf = vec![];
        loop {
            let event = xml
                .read_event_into(&mut buf)
                .map_err(|e| WorkbookError::Unreadable(format!("content.xml: {e}")))?;
            match event {
                Event::Start(e) => self.start(&e, false, budget)?,
                Event::Empty(e) => self.start(&e, true, budget)?,
                Event::End(e) => self.end(e.name().as_ref(), budget)?,
                Event::Text(t) if self.collecting() => {
                    self.text.push_str(&t.xml10_content());
                }
                Event::CData(t) if self.collecting() => {
                    self.text.push_str(&t);
                }
                Event::GeneralRef(r) if self.collecting() => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => quick_xml::escape::resolve_predefined_entity(&r)
                            .and_then(|s| s.chars().next()),
                    };
                    self.text.extend(c);
                }
                Event::Eof => return Ok(self.tables),
                _ => {}
            }
            // A cell's text is bounded like the workbook's (one huge
            // paragraph is refused before it is all held).
            if self.text.len() > super::bounds::MAX_TEXT_BYTES {
                let t = self.tables.last().map_or("", |t| t.name.as_str());
                return Err(WorkbookError::TooMuchText {
                    sheet: t.to_owned(),
                    cell: super::bounds::far_a1(self.row, self.col),
                    limit: super::bounds::MAX_TEXT_BYTES,
                });
            }
            buf.clear();
        }
    }

    /// Inside a string cell's paragraph, outside comments.
    fn collecting(&self) -> bool {
        self.skip == 0 && self.paragraphs > 0 && self.cell.as_ref().is_some_and(|c| c.text_value)
    }

    fn start(
        &mut self,
        e: &BytesStart<'_>,
        empty: bool,
        budget: &mut Budget,
    ) -> Result<(), WorkbookError> {
        let name = e.name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return Ok(());
        }
        match name {
            // A table inside a cell is not the sheet's: skip it whole.
            "table:table" if self.cell.is_some() => self.skip = usize::from(!empty),
            "table:table" => {
                let sheet = attr(e, "table:name")?.unwrap_or_default();
                self.tables.push(Table::new(sheet));
                (self.row, self.col) = (0, 0);
            }
            "table:table-row" => {
                self.col = 0;
                self.line.clear();
                self.row_repeat = count(e, "table:number-rows-repeated")?;
                if empty {
                    self.end_row(budget)?;
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let repeat = count(e, "table:number-columns-repeated")?;
                let span = (
                    count(e, "table:number-rows-spanned")?,
                    count(e, "table:number-columns-spanned")?,
                );
                let kind = attr(e, "office:value-type")?;
                let (value, text_value) = match kind.as_deref() {
                    Some("float" | "percentage" | "currency") => (
                        attr(e, "office:value")?
                            .and_then(|v| v.trim().parse::<f64>().ok())
                            .map(Cell::Number),
                        false,
                    ),
                    Some("date") => (
                        attr(e, "office:date-value")?
                            .map(|v| iso_day(&v).map_or_else(|| Cell::Text(v.clone()), Cell::Date)),
                        false,
                    ),
                    Some("time") => (attr(e, "office:time-value")?.map(Cell::Text), false),
                    Some("boolean") => (
                        attr(e, "office:boolean-value")?.map(|v| Cell::Bool(v.trim() == "true")),
                        false,
                    ),
                    Some("string") => match attr(e, "office:string-value")? {
                        Some(v) => (Some(Cell::Text(v)), false),
                        None => (None, true),
                    },
                    _ => (None, false),
                };
                let covered = name == "table:covered-table-cell";
                self.cell = Some(Pending {
                    value,
                    text_value: text_value && !covered,
                    repeat,
                    span: if covered { (1, 1) } else { span },
                });
                self.text.clear();
                self.paragraphs = 0;
                if empty {
                    self.end_cell()?;
                }
            }
            "office:annotation" => self.skip = usize::from(!empty),
            "text:p" | "text:h" if self.cell.is_some() => {
                if self.paragraphs > 0 && self.collecting() {
                    self.text.push('\n');
                }
                self.paragraphs += 1;
            }
            "text:s" if self.collecting() => {
                let n = count(e, "text:c")?.min(1024) as usize;
                self.text.extend(std::iter::repeat_n(' ', n));
            }
            "text:tab" if self.collecting() => self.text.push('\t'),
            "text:line-break" if self.collecting() => self.text.push('\n'),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str, budget: &mut Budget) -> Result<(), WorkbookError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        match name {
            "table:table-cell" | "table:covered-table-cell" => self.end_cell(),
            "table:table-row" => self.end_row(budget),
            _ => Ok(()),
        }
    }

    fn end_cell(&mut self) -> Result<(), WorkbookError> {
        let Some(p) = self.cell.take() else {
            return Ok(());
        };
        let value = match p.value {
            Some(v) => v,
            None if p.text_value && !self.text.is_empty() => {
                Cell::Text(std::mem::take(&mut self.text))
            }
            None => Cell::Empty,
        };
        let sheet = self
            .tables
            .last()
            .map_or("", |t| t.name.as_str())
            .to_owned();
        if value != Cell::Empty || p.span != (1, 1) {
            // Checked before the repeat is expanded: the last column it
            // would fill must be inside the content.
            let last = self.col.saturating_add(p.repeat - 1);
            Budget::check_place(&sheet, self.row, last)?;
            for i in 0..p.repeat {
                self.line.push((self.col + i, value.clone(), p.span));
            }
        }
        self.col = self.col.saturating_add(p.repeat);
        Ok(())
    }

    fn end_row(&mut self, budget: &mut Budget) -> Result<(), WorkbookError> {
        let repeat = std::mem::replace(&mut self.row_repeat, 1);
        let Some(t) = self.tables.last_mut() else {
            self.row = self.row.saturating_add(repeat);
            return Ok(());
        };
        if !self.line.is_empty() {
            let last = self.row.saturating_add(repeat - 1);
            let first_col = self.line[0].0;
            Budget::check_place(&t.name, last, first_col)?;
            for r in 0..repeat {
                for (col, cell, span) in &self.line {
                    let row = self.row + r;
                    if *span != (1, 1) {
                        let last = (
                            row.saturating_add(span.0 - 1),
                            col.saturating_add(span.1 - 1),
                        );
                        budget.merge(t, (row, *col), last)?;
                    }
                    budget.put(t, row, *col, cell.clone())?;
                }
            }
            self.line.clear();
        }
        self.row = self.row.saturating_add(repeat);
        Ok(())
    }
}
