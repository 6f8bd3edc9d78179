//! Workbook files ↔ [`Table`]s: rust_xlsxwriter writes the template
//! (.xlsx); calamine reads .xlsx and [`ods`] reads .ods, with formulas as
//! their cached values, within the [`bounds`]. What the cells mean is [`sheet`](super::sheet)'s
//! business.

use super::sheet::Cell;
use super::sheet::{ColumnKind, Table};
use calamine::{Data, DataRef, Reader, SheetType, Xlsx};
use rops_content::format;
use rops_content::text::{Lang, Staff};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Workbook, XlsxError,
};
use std::io::Cursor;

mod bounds;
mod ods;

pub use bounds::{
    csv_sheet, Budget, MAX_CELLS, MAX_COLUMNS, MAX_PARTS, MAX_PART_BYTES, MAX_ROWS,
    MAX_UNPACKED_BYTES,
};

/// A larger upload is refused before it is unpacked: the content it
/// could hold is limited to a few megabytes anyway. What it may unpack to
/// is bounded apart ([`bounds`]).
pub const MAX_WORKBOOK_BYTES: usize = 32 * 1024 * 1024;

/// Rows a sheet is formatted for ahead (the drop-down lists and formats of
/// empty rows below the content, where new items are typed).
const FORMATTED_ROWS: u32 = 2_000;

/// Why bytes did not become tables. Each says where (the sheet and cell,
/// or the part of the file) and, through [`WorkbookError::message`], what
/// to do, in the editor's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    #[error("the file is {size} bytes, more than the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("the file is not an .xlsx or .ods workbook")]
    NotAWorkbook,
    #[error(
        "the file is an old Excel 97–2003 workbook (.xls): save it as .xlsx or .ods and open that"
    )]
    OldXls,
    /// The reader's own words are kept for a programmer (Debug), not
    /// shown to staff.
    #[error("the workbook cannot be read: the file is damaged, or was not saved by a spreadsheet program; open it in Excel or LibreOffice Calc, save it again as .xlsx and open that")]
    Unreadable(String),
    #[error("the file holds {count} parts, more than a workbook's {limit}: it is not a workbook saved by a spreadsheet program")]
    TooManyParts { count: usize, limit: usize },
    #[error(
        "{part}: this part of the file unpacks to {size} bytes, more than the limit of {limit}"
    )]
    PartTooLarge { part: String, size: u64, limit: u64 },
    #[error("the file unpacks to {size} bytes, more than the limit of {limit}")]
    UnpackedTooLarge { size: u64, limit: u64 },
    #[error("{part}: the list of texts declares {declared} entries but holds {found}: the file is damaged; open it in a spreadsheet program and save it again")]
    SharedStrings {
        part: String,
        declared: u64,
        found: u64,
    },
    #[error("{part}: the cell reference \"{reference}\" is no cell of a sheet: the file is damaged; open it in a spreadsheet program and save it again")]
    BadReference { part: String, reference: String },
    #[error("{sheet}!{cell}: this cell lies outside the content's rows and columns (A1:IV100000): delete it, or move it into the table")]
    OutsideContent { sheet: String, cell: String },
    #[error("{sheet}: the workbook holds more than {limit} cells: the content needs far fewer; remove what is not content")]
    TooManyCells { sheet: String, limit: usize },
    #[error(
        "{sheet}!{cell}: the workbook's texts pass {limit} bytes here: remove what is not content"
    )]
    TooMuchText {
        sheet: String,
        cell: String,
        limit: usize,
    },
    #[error("{sheet}: more than {limit} merged areas: unmerge the cells outside the header")]
    TooManyMerged { sheet: String, limit: usize },
}

impl WorkbookError {
    pub fn message(&self, lang: Lang) -> String {
        use WorkbookError as E;
        match (self, Staff::from(lang)) {
            (E::TooLarge { size, limit }, lang) => {
                let (size, limit) = format::two_sizes(*size as u64, *limit as u64, lang.into());
                match lang {
                    Staff::Pl => format!("plik ma {size}, więcej niż dopuszczalne {limit}: usuń z niego to, co nie jest treścią (inne arkusze, obrazy), i zapisz go ponownie"),
                    Staff::En => format!("the file is {size}, more than the {limit} allowed: remove what is not content (other sheets, pictures) and save it again"),
                }
            }
            (E::PartTooLarge { part, size, limit }, lang) => {
                let (size, limit) = format::two_sizes(*size, *limit, lang.into());
                match lang {
                    Staff::Pl => format!("{part}: ta część pliku po rozpakowaniu ma {size}, więcej niż dopuszczalne {limit}: usuń z pliku to, co nie jest treścią, i zapisz go ponownie"),
                    Staff::En => format!("{part}: this part of the file unpacks to {size}, more than the {limit} allowed: remove what is not content and save the file again"),
                }
            }
            (E::UnpackedTooLarge { size, limit }, lang) => {
                let (size, limit) = format::two_sizes(*size, *limit, lang.into());
                match lang {
                    Staff::Pl => format!("plik po rozpakowaniu ma {size}, więcej niż dopuszczalne {limit}: usuń z niego to, co nie jest treścią, i zapisz go ponownie"),
                    Staff::En => format!("the file unpacks to {size}, more than the {limit} allowed: remove what is not content and save it again"),
                }
            }
            (E::TooMuchText { sheet, cell, limit }, lang) => {
                let limit = format::megabytes(*limit as u64, lang.into());
                match lang {
                    Staff::Pl => format!("{sheet}!{cell}: od tej komórki teksty skoroszytu przekraczają {limit}: usuń to, co nie jest treścią (np. długie teksty poza tabelą)"),
                    Staff::En => format!("{sheet}!{cell}: from this cell on the workbook's texts pass {limit}: remove what is not content (such as long texts outside the table)"),
                }
            }
            (E::NotAWorkbook, Staff::Pl) => "plik nie jest skoroszytem .xlsx ani .ods".into(),
            (E::OldXls, Staff::Pl) => "plik jest starym skoroszytem Excela 97–2003 (.xls): zapisz go jako .xlsx lub .ods i otwórz ten plik".into(),
            (E::Unreadable(_), Staff::Pl) => "nie da się odczytać skoroszytu: plik jest uszkodzony albo nie został zapisany przez arkusz kalkulacyjny; otwórz go w Excelu lub LibreOffice Calc, zapisz ponownie jako .xlsx i otwórz ten plik".into(),
            (E::TooManyParts { count, limit }, Staff::Pl) => format!(
                "plik składa się z {count} części, więcej niż skoroszyt ({limit}): to nie jest skoroszyt zapisany przez arkusz kalkulacyjny"
            ),
            (E::SharedStrings { part, declared, found }, Staff::Pl) => format!(
                "{part}: lista tekstów zapowiada {declared} pozycji, a ma {found}: plik jest uszkodzony; otwórz go w arkuszu kalkulacyjnym i zapisz ponownie"
            ),
            (E::BadReference { part, reference }, Staff::Pl) => format!(
                "{part}: odwołanie „{reference}” nie wskazuje komórki arkusza: plik jest uszkodzony; otwórz go w arkuszu kalkulacyjnym i zapisz ponownie"
            ),
            (E::OutsideContent { sheet, cell }, Staff::Pl) => format!(
                "{sheet}!{cell}: ta komórka leży poza wierszami i kolumnami treści (A1:IV100000): usuń ją albo przenieś do tabeli"
            ),
            (E::TooManyCells { sheet, limit }, Staff::Pl) => format!(
                "{sheet}: skoroszyt ma więcej niż {limit} komórek, a treść potrzebuje ich znacznie mniej: usuń to, co nie jest treścią"
            ),
            (E::TooManyMerged { sheet, limit }, Staff::Pl) => format!(
                "{sheet}: więcej niż {limit} scalonych obszarów: rozdziel scalone komórki poza nagłówkiem"
            ),
            (e, Staff::En) => e.to_string(),
        }
    }
}

/// The tables as an .xlsx file: a bold, shaded, frozen header row with a
/// filter, each column as wide as its kind needs and formatted for it
/// (text columns as text, so Excel keeps `2008-03` and `0042` as typed;
/// amounts with grouping and two decimals), drop-down lists for closed
/// sets. `created` fixes the file's creation date (the bundle's content
/// date), so that the same content gives the same bytes.
pub fn write_xlsx(tables: &[Table], created: Option<(u16, u8, u8)>) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let mut props = DocProperties::new().set_title("Treść serwisu / Site content");
    if let Some((y, m, d)) = created {
        props = props.set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?);
    }
    wb.set_properties(&props);

    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDE6F0))
        .set_border_bottom(FormatBorder::Medium);
    // Data cells do not wrap: rows keep one height, and a paragraph shows
    // whole in the formula bar (a wrapped cell in a row of default height
    // would spill over the rows below in some programs).
    let text = Format::new()
        .set_num_format("@")
        .set_align(FormatAlign::Top);
    let field = text.clone().set_bold();
    let note = text
        .clone()
        .set_font_color(Color::RGB(0x555555))
        .set_italic();
    let amount = Format::new()
        .set_num_format("#,##0.00")
        .set_align(FormatAlign::Top);
    let count = Format::new()
        .set_num_format("#,##0")
        .set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top);

    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(&t.name)?;
        let width = t.rows.iter().map(Vec::len).max().unwrap_or(0) as u16;
        for col in 0..width {
            let kind = t
                .columns
                .get(col as usize)
                .copied()
                .unwrap_or(ColumnKind::Text);
            let f = match kind {
                ColumnKind::Amount => &amount,
                ColumnKind::Count => &count,
                ColumnKind::Field => &field,
                ColumnKind::Note => &note,
                _ => &text,
            };
            ws.set_column_width(col, kind.width())?;
            ws.set_column_format(col, f)?;
            let validation = match kind {
                ColumnKind::Choice(names) => Some(
                    DataValidation::new()
                        .allow_list_strings(names)?
                        .set_error_style(DataValidationErrorStyle::Warning)
                        .set_input_message(names.join(" | "))?,
                ),
                ColumnKind::Date => Some(
                    DataValidation::new()
                        .allow_any_value()
                        .set_input_title("RRRR / RRRR-MM / RRRR-MM-DD")?
                        .set_input_message(
                            "Zakres: 2007/2013, od: 2015/.., brak daty: pusta komórka.\nRange: 2007/2013, from: 2015/.., no date: an empty cell.",
                        )?,
                ),
                _ => None,
            };
            if let Some(v) = validation {
                ws.add_data_validation(1, col, FORMATTED_ROWS, col, &v)?;
            }
        }
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                let kind = t
                    .columns
                    .get(c as usize)
                    .copied()
                    .unwrap_or(ColumnKind::Text);
                let f = if r == 0 {
                    &header
                } else {
                    match kind {
                        ColumnKind::Amount => &amount,
                        ColumnKind::Count => &count,
                        ColumnKind::Field => &field,
                        ColumnKind::Note => &note,
                        _ => &text,
                    }
                };
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, c, s, f)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number_with_format(r, c, *n, f)?;
                    }
                    Cell::Bool(b) => {
                        ws.write_boolean_with_format(r, c, *b, f)?;
                    }
                    Cell::Date(serial) => {
                        ws.write_number_with_format(r, c, *serial, &date)?;
                    }
                    Cell::Error(e) => {
                        ws.write_string_with_format(r, c, e, f)?;
                    }
                }
            }
        }
        for a in &t.merged {
            let first = t.cell(a.first_row, a.first_col);
            let s = match first {
                Cell::Text(s) => s.as_str(),
                _ => "",
            };
            ws.merge_range(
                a.first_row,
                a.first_col as u16,
                a.last_row,
                a.last_col as u16,
                s,
                &text,
            )?;
        }
        if width > 0 {
            // Three lines: the narrow columns' headers wrap.
            ws.set_row_height(0, 45)?;
            ws.set_freeze_panes(1, 0)?;
            ws.autofilter(0, 0, t.rows.len().max(1) as u32 - 1, width - 1)?;
        }
    }
    wb.save_to_buffer()
}

/// The sheets of an .xlsx or .ods file, in the workbook's order
/// (worksheets only; chart sheets have no cells), each size bounded
/// before it is allocated ([`bounds`]). Legacy .xls files are refused with
/// what to do: their reader builds dense ranges that cannot be bounded
/// from outside, and every program that saves them saves .xlsx too.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Table>, WorkbookError> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(WorkbookError::TooLarge {
            size: bytes.len(),
            limit: MAX_WORKBOOK_BYTES,
        });
    }
    // xlsx and ods are zip files; xls is an OLE compound file.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(WorkbookError::OldXls);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(WorkbookError::NotAWorkbook);
    }
    let mut budget = Budget::new();
    match bounds::check_zip(bytes)? {
        bounds::Packed::Ods => ods::read(bytes, &mut budget),
        bounds::Packed::Xlsx => read_xlsx(bytes, &mut budget),
    }
}

/// Streamed cell by cell: calamine's ranges are dense, and one stray value
/// at XFD1048576 would ask for 17 billion cells.
fn read_xlsx(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Table>, WorkbookError> {
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut tables = vec![];
    for name in names {
        let mut t = Table::new(&name);
        let unreadable =
            |e: &dyn std::fmt::Display| WorkbookError::Unreadable(format!("{name}: {e}"));
        {
            let mut reader = book
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            while let Some(c) = reader.next_cell().map_err(|e| unreadable(&e))? {
                let (row, col) = c.get_position();
                budget.put(&mut t, row.into(), col.into(), cell_of_ref(c.get_value()))?;
            }
        }
        for d in book
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| unreadable(&e))?
        {
            let (first, last) = (d.start, d.end);
            budget.merge(
                &mut t,
                (first.0.into(), first.1.into()),
                (last.0.into(), last.1.into()),
            )?;
        }
        tables.push(t);
    }
    Ok(tables)
}

fn cell_of_ref(v: &DataRef<'_>) -> Cell {
    match v {
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        other => cell_of(&Data::from(other.clone())),
    }
}

fn cell_of(v: &Data) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => {
            // Normalised to the 1900 system (1904-system workbooks differ by 1462 days).
            let (y, m, day, h, min, s, ms) = d.to_ymd_hms_milli();
            let time =
                (h as f64 * 3600.0 + min as f64 * 60.0 + s as f64 + ms as f64 / 1000.0) / 86_400.0;
            Cell::Date(super::sheet::ymd_to_serial(y, m, day) + time)
        }
        // A duration ([h]:mm) is a number of days.
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) => iso_day(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// An ods date ("2008-03-14" or "2008-03-14T00:00:00") as a serial day.
pub(super) fn iso_day(s: &str) -> Option<f64> {
    let day = s.get(..10)?;
    let mut parts = day.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let serial = super::sheet::ymd_to_serial(y, m, d);
    (super::sheet::serial_to_ymd(serial) == Some((y, m, d))).then_some(serial)
}

// Native: the tests build files with the zip crate, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::sheet::{from_tables, to_tables};
    use rops_content::{parse, Bundle, DateValue, Point};
    use rust_xlsxwriter::Formula;

    const REAL: &str = include_str!("../../../../public/content/bundle.json");

    fn real() -> Bundle {
        parse(REAL).unwrap()
    }

    fn faults_of(bytes: &[u8]) -> Vec<String> {
        match from_tables(&read_workbook(bytes).unwrap()) {
            Ok(_) => panic!("imported, but faults were expected"),
            Err(e) => e.0.iter().map(|f| f.describe(Lang::Pl)).collect(),
        }
    }

    #[test]
    fn the_real_bundle_round_trips_through_an_xlsx_file() {
        let b = real();
        let bytes = write_xlsx(&to_tables(&b), Some((2026, 11, 26))).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let back = from_tables(&read_workbook(&bytes).unwrap()).unwrap();
        assert_eq!(back, b);
        // Re-serialised, it is the original file's JSON, value for value.
        let original: serde_json::Value = serde_json::from_str(REAL).unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), original);
        // Text that looks like the file format's own escapes stays text.
        let mut odd = b.clone();
        odd.events[0]
            .title
            .set(Lang::Pl, "_x0041_ a_x000D_b _x005F_ =1+1 \t'x");
        let bytes_odd = write_xlsx(&to_tables(&odd), None).unwrap();
        assert_eq!(
            from_tables(&read_workbook(&bytes_odd).unwrap()).unwrap(),
            odd
        );
        // With the creation date fixed, the same content gives the same bytes.
        assert_eq!(
            write_xlsx(&to_tables(&b), Some((2026, 11, 26))).unwrap(),
            bytes
        );
    }

    /// Every value of `tables` written plainly, as another program would.
    fn plain_workbook(tables: &[Table], wb: &mut Workbook) {
        for t in tables {
            let ws = wb.add_worksheet();
            ws.set_name(&t.name).unwrap();
            for (r, row) in t.rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let (r, c) = (r as u32, c as u16);
                    match cell {
                        Cell::Text(s) => ws.write_string(r, c, s).map(drop),
                        Cell::Number(n) => ws.write_number(r, c, *n).map(drop),
                        _ => Ok(()),
                    }
                    .unwrap();
                }
            }
        }
    }

    fn find(t: &Table, head: &str) -> u16 {
        t.rows[0]
            .iter()
            .position(|c| matches!(c, Cell::Text(s) if s.starts_with(head)))
            .unwrap() as u16
    }

    /// A workbook as people leave it, built here with rust_xlsxwriter: an
    /// amount typed as text with grouping and "zł", formulas (read as their
    /// cached values), a year Excel took for a number, a real date cell,
    /// formatted empty rows under the content, an extra sheet — and, in the
    /// first version, one impossible date.
    fn as_people_leave_it(bad_date: bool) -> Vec<u8> {
        let b = real();
        let tables = to_tables(&b);
        let mut wb = Workbook::new();
        let notes = wb.add_worksheet();
        notes.set_name("Instrukcja").unwrap();
        notes
            .write_string(0, 0, "Wypełnij arkusze i zapisz plik.")
            .unwrap();
        plain_workbook(&tables, &mut wb);
        let (pr, ev, fig) = (&tables[3], &tables[4], &tables[5]);
        let (value, eu) = (find(pr, "Wartość"), find(pr, "Dofinansowanie UE"));
        let date = find(ev, "Data");
        let count = find(fig, "Liczba");

        let ws = wb.worksheet_from_name("Projekty").unwrap();
        ws.write_string(3, value, "1 980 000,00 zł").unwrap();
        let formula = Formula::new(format!(
            "=ROUND({}4*0.85,2)",
            crate::sheet::column_letters(value as u32)
        ))
        .set_result("1683000");
        ws.write_formula(3, eu, formula).unwrap();
        let blank = Format::new().set_num_format("@");
        for r in 4..30 {
            ws.write_blank(r, 0, &blank).unwrap();
        }

        let ws = wb.worksheet_from_name("Wydarzenia").unwrap();
        ws.write_number(1, date, 2004.0).unwrap();
        let day = ExcelDateTime::from_ymd(2010, 3, 1).unwrap();
        ws.write_datetime_with_format(6, date, &day, &Format::new().set_num_format("yyyy-mm-dd"))
            .unwrap();
        if bad_date {
            ws.write_string(3, date, "2008-13").unwrap();
        }
        ws.write_string(40, 0, "   ").unwrap();

        let ws = wb.worksheet_from_name("Liczby").unwrap();
        ws.write_formula(1, count, Formula::new("=290+5").set_result("295"))
            .unwrap();
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_as_people_leave_it_is_read_as_they_see_it() {
        assert_eq!(
            faults_of(&as_people_leave_it(true)),
            ["Wydarzenia!C4: data „2008-13” — miesiąc 13 nie istnieje"]
        );
        let got = from_tables(&read_workbook(&as_people_leave_it(false)).unwrap()).unwrap();
        let mut want = real();
        // The cell Excel made a date is that day; nothing else changed.
        assert_eq!(want.events[5].id, "2010-model-mrr");
        want.events[5].date = DateValue::At(Point::Day(2010, 3, 1));
        assert_eq!(got, want);
        let mokes = got.project("mokes").unwrap();
        assert_eq!(mokes.value.unwrap().minor.0, 198_000_000);
        assert_eq!(mokes.eu_contribution.unwrap().minor.0, 168_300_000);
        assert_eq!(got.figures[0].value, 295);
    }

    #[test]
    fn what_is_not_a_content_workbook_is_said_clearly() {
        for junk in [
            &b""[..],
            b"hello",
            b"{\"schema_version\": 2}",
            b"\x89PNG\r\n\x1a\n",
        ] {
            assert_eq!(read_workbook(junk), Err(WorkbookError::NotAWorkbook));
        }
        assert_eq!(
            WorkbookError::NotAWorkbook.message(Lang::Pl),
            "plik nie jest skoroszytem .xlsx ani .ods"
        );
        // A zip, but no workbook inside; a truncated workbook.
        let mut not_a_book = vec![];
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut not_a_book));
            z.start_file("notes.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut z, b"hello").unwrap();
            z.finish().unwrap();
        }
        assert!(matches!(
            read_workbook(&not_a_book),
            Err(WorkbookError::Unreadable(_))
        ));
        let whole = write_xlsx(&to_tables(&real()), None).unwrap();
        assert!(matches!(
            read_workbook(&whole[..whole.len() / 2]),
            Err(WorkbookError::Unreadable(_))
        ));
        assert!(matches!(
            read_workbook(&vec![b'P'; MAX_WORKBOOK_BYTES + 1]),
            Err(WorkbookError::TooLarge { .. })
        ));

        let mut wb = Workbook::new();
        wb.add_worksheet()
            .write_string(0, 0, "Budżet 2024")
            .unwrap();
        wb.add_worksheet().set_name("Kontakty").unwrap();
        assert_eq!(
            faults_of(&wb.save_to_buffer().unwrap()),
            ["to nie jest skoroszyt treści: brak w nim arkuszy Organizacja, Źródła, Okresy, Projekty, Wydarzenia, Liczby, Deklaracja (są: Sheet1, Kontakty)"]
        );
    }

    fn xml_escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The tables as a minimal OpenDocument spreadsheet (what LibreOffice
    /// saves, less the styles), with one date cell and one formula.
    fn ods(tables: &[Table]) -> Vec<u8> {
        let mut content = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
        );
        for t in tables {
            content += &format!(r#"<table:table table:name="{}">"#, xml_escape(&t.name));
            for row in &t.rows {
                content += "<table:table-row>";
                for cell in row {
                    content += &match cell {
                        Cell::Text(s) => format!(
                            r#"<table:table-cell office:value-type="string">{}</table:table-cell>"#,
                            s.split('\n').map(|p| format!("<text:p>{}</text:p>", xml_escape(p))).collect::<String>()
                        ),
                        Cell::Number(n) => format!(
                            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                        ),
                        Cell::Date(_) => r#"<table:table-cell office:value-type="date" office:date-value="2010-03-01T00:00:00"><text:p>01.03.2010</text:p></table:table-cell>"#.to_owned(),
                        Cell::Bool(_) => r#"<table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>"#.to_owned(),
                        _ => "<table:table-cell/>".to_owned(),
                    };
                }
                content += "</table:table-row>";
            }
            // LibreOffice ends a sheet with its unused rows, repeated.
            content += r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
            content += "</table:table>";
        }
        content += "</office:spreadsheet></office:body></office:document-content>";
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        let mut out = vec![];
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            let deflated = zip::write::SimpleFileOptions::default();
            for (name, data, options) in [
                (
                    "mimetype",
                    "application/vnd.oasis.opendocument.spreadsheet",
                    stored,
                ),
                ("META-INF/manifest.xml", manifest, deflated),
                ("content.xml", content.as_str(), deflated),
            ] {
                z.start_file(name, options).unwrap();
                std::io::Write::write_all(&mut z, data.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        out
    }

    #[test]
    fn an_ods_file_reads_like_the_xlsx() {
        let b = real();
        let mut tables = to_tables(&b);
        // A date cell and a formula (its cached value 2): a figure of 2.
        let ev = &mut tables[4];
        let date = find(ev, "Data") as u32;
        ev.set(6, date, Cell::Date(0.0));
        let fig = &mut tables[5];
        let count = find(fig, "Liczba") as u32;
        fig.set(1, count, Cell::Bool(true));
        let bytes = ods(&tables);
        let read = read_workbook(&bytes).unwrap();
        assert_eq!(read.len(), tables.len());
        let got = from_tables(&read).unwrap();
        let mut want = b;
        want.events[5].date = DateValue::At(Point::Day(2010, 3, 1));
        want.figures[0].value = 2;
        assert_eq!(got, want);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod bounded {
    use super::*;
    use crate::sheet::Area;
    use std::io::Write;

    pub(super) fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = vec![];
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        for (name, data) in parts {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
        out
    }

    fn ods(rows: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Okresy">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        zip_of(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
        ])
    }

    #[test]
    fn an_ods_sheet_is_read_with_its_repeats_merges_text_and_no_comments() {
        let bytes = ods(concat!(
            // A header merged over two columns, with a comment (not content).
            r#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="2"><office:annotation><text:p>uwaga</text:p></office:annotation><text:p>Nazwa<text:s text:c="2"/>okresu</text:p><text:p>&amp; druga</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"#,
            // A filled row repeated twice, its first cell repeated twice.
            r#"<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="2"><text:p>7</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row>"#,
            // LibreOffice's unused rows and columns: nothing to keep.
            r#"<table:table-row table:number-rows-repeated="1048571"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        ));
        let t = read_workbook(&bytes).unwrap();
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.name, "Okresy");
        assert_eq!(t.cell(0, 0), &Cell::Text("Nazwa  okresu\n& druga".into()));
        assert_eq!(
            t.merged,
            [Area {
                first_row: 0,
                first_col: 0,
                last_row: 0,
                last_col: 1
            }]
        );
        for r in 1..=2 {
            assert_eq!(t.cell(r, 0), &Cell::Number(7.0));
            assert_eq!(t.cell(r, 1), &Cell::Number(7.0));
            assert_eq!(t.cell(r, 2), &Cell::Bool(true));
        }
        assert_eq!(t.rows.len(), 3);
    }

    #[test]
    fn a_part_larger_than_it_declares_is_refused_while_it_is_unpacked() {
        // The part holds 1 MiB of spaces but its headers say 100 bytes:
        // the zip reader stops at the declared size, so the bound on
        // declared sizes holds for what is really unpacked.
        let data = vec![b' '; 1024 * 1024];
        let mut bytes = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/sharedStrings.xml", &data),
        ]);
        let mut patched = 0;
        for i in 0..bytes.len().saturating_sub(30) {
            let at = match &bytes[i..i + 4] {
                [0x50, 0x4b, 0x03, 0x04] => i + 22,
                [0x50, 0x4b, 0x01, 0x02] => i + 24,
                _ => continue,
            };
            if u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) == 1024 * 1024 {
                bytes[at..at + 4].copy_from_slice(&100u32.to_le_bytes());
                patched += 1;
            }
        }
        assert_eq!(patched, 2, "the local and central headers");
        match read_workbook(&bytes) {
            Err(WorkbookError::Unreadable(e)) => assert!(e.contains("declared"), "{e}"),
            other => panic!("{other:?}"),
        }
    }

    /// Found by the fuzz tier: calamine's reference parser subtracts a
    /// range's start from its end and multiplies past a u32 unchecked.
    #[test]
    fn references_that_are_no_cells_are_refused_before_calamine_reads_them() {
        for (sheet, bad) in [
            (r#"<dimension ref="B2:A1"/><sheetData/>"#, "B2:A1"),
            (
                r#"<sheetData><row r="1"><c r="AAAAAAA1"><v>1</v></c></row></sheetData>"#,
                "AAAAAAA1",
            ),
            (
                r#"<sheetData><row r="99999999999"><c r="A1"><v>1</v></c></row></sheetData>"#,
                "99999999999",
            ),
            (
                r#"<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>"#,
                "XFE1",
            ),
            (
                r#"<sheetData/><mergeCells><mergeCell ref="C1:A1"/></mergeCells>"#,
                "C1:A1",
            ),
            (
                r#"<sheetData><row r="1"><c r="A0"><v>1</v></c></row></sheetData>"#,
                "A0",
            ),
        ] {
            let bytes = zip_of(&[
                ("[Content_Types].xml", b"<Types/>"),
                (
                    "xl/worksheets/sheet1.xml",
                    format!(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet}</worksheet>"#).as_bytes(),
                ),
            ]);
            assert_eq!(
                read_workbook(&bytes),
                Err(WorkbookError::BadReference {
                    part: "xl/worksheets/sheet1.xml".into(),
                    reference: bad.into()
                }),
                "{sheet}"
            );
        }
        // What sheets hold passes.
        for good in [
            "A1",
            "$A$1",
            "XFD1048576",
            "5",
            "A1:C3",
            "B2:B2",
            "A4000000000",
        ] {
            assert!(bounds::is_reference(good), "{good}");
        }
    }

    #[test]
    fn a_csv_sheet_is_bounded_too() {
        let mut budget = Budget::new();
        // A million separators before a title: nothing kept but the title.
        let text = format!("{}\nTytuł;Data\n", ";".repeat(1_000_000));
        let t = csv_sheet("Wydarzenia", &text, &mut budget).unwrap();
        assert_eq!(t.rows[0].len(), 0);
        assert_eq!(t.cell(1, 0), &Cell::Text("Tytuł".into()));
        // A value past the last column is refused where it is.
        let text = format!("Tytuł{}x\n", ";".repeat(300));
        assert_eq!(
            csv_sheet("Wydarzenia", &text, &mut Budget::new())
                .unwrap_err()
                .message(Lang::Pl),
            "Wydarzenia!KO1: ta komórka leży poza wierszami i kolumnami treści (A1:IV100000): usuń ją albo przenieś do tabeli"
        );
    }
}

/// Generated workbooks of extreme shapes: cells at any position up to
/// `u32::MAX`, repeats and spans up to `u64::MAX`, declared counts that lie,
/// in .xlsx and .ods. Each is read (or refused) at once, within the bounds:
/// an allocation past them would abort this test process.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod extreme {
    use super::*;
    use proptest::prelude::*;

    /// The parts zipped, as `bounded::zip_of` does (text parts here).
    fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
        let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, d)| (*n, d.as_bytes())).collect();
        super::bounded::zip_of(&parts)
    }

    fn xlsx(cells: &[(u32, u32, bool)], declared: u64, merges: &[(u32, u32, u32, u32)]) -> Vec<u8> {
        let rows: String = cells
            .iter()
            .map(|&(r, c, shared)| {
                let at = bounds::far_a1(r.into(), c.into());
                let v = if shared {
                    format!(r#"<c r="{at}" t="s"><v>0</v></c>"#)
                } else {
                    format!(r#"<c r="{at}"><v>1</v></c>"#)
                };
                format!(r#"<row r="{}">{v}</row>"#, r as u64 + 1)
            })
            .collect();
        let merges: String = merges
            .iter()
            .map(|&(a, b, c, d)| {
                format!(
                    r#"<mergeCell ref="{}:{}"/>"#,
                    bounds::far_a1(a.into(), b.into()),
                    bounds::far_a1(c.into(), d.into())
                )
            })
            .collect();
        zip_of(&[
            ("[Content_Types].xml", r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.into()),
            ("_rels/.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
            ("xl/workbook.xml", r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Wydarzenia" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into()),
            ("xl/_rels/workbook.xml.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.into()),
            ("xl/worksheets/sheet1.xml", format!(r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData><mergeCells>{merges}</mergeCells></worksheet>"#)),
            ("xl/sharedStrings.xml", format!(r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{declared}"><si><t>{}</t></si></sst>"#, "x".repeat(1000))),
        ])
    }

    /// A cell: (columns repeated, rows spanned, columns spanned, filled).
    type OdsCell = (u64, u64, u64, bool);

    /// Rows: (rows repeated, cells).
    fn ods(rows: &[(u64, Vec<OdsCell>)]) -> Vec<u8> {
        let body: String = rows
            .iter()
            .map(|(repeat, cells)| {
                let cells: String = cells
                    .iter()
                    .map(|&(rep, rs, cs, filled)| {
                        let v = if filled { r#" office:value-type="float" office:value="1""# } else { "" };
                        format!(r#"<table:table-cell table:number-columns-repeated="{rep}" table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"{v}/>"#)
                    })
                    .collect();
                format!(r#"<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>"#)
            })
            .collect();
        zip_of(&[
            (
                "mimetype",
                "application/vnd.oasis.opendocument.spreadsheet".into(),
            ),
            (
                "content.xml",
                format!(
                    r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="Wydarzenia">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
                ),
            ),
        ])
    }

    /// Sizes at the edges: small, near the bounds, and huge.
    fn size() -> impl Strategy<Value = u64> {
        prop_oneof![
            0u64..4,
            250u64..260,
            99_990u64..100_010,
            Just(u32::MAX as u64),
            any::<u64>()
        ]
    }

    fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
        let started = std::time::Instant::now();
        match read_workbook(bytes) {
            Ok(tables) => {
                let held: usize = tables.iter().flat_map(|t| &t.rows).map(Vec::len).sum();
                prop_assert!(held <= bounds::MAX_SLOTS);
                for t in &tables {
                    prop_assert!(t.rows.len() as u64 <= MAX_ROWS);
                    prop_assert!(t.merged.iter().all(|a| (a.last_col as u64) < MAX_COLUMNS));
                }
            }
            // Every refusal says where, or what part.
            Err(e) => prop_assert!(!e.message(Lang::En).is_empty()),
        }
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(5));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn xlsx_of_any_shape_is_read_within_the_bounds(
            cells in proptest::collection::vec((size(), size(), any::<bool>()), 0..40),
            declared in size(),
            merges in proptest::collection::vec((size(), size(), size(), size()), 0..5),
        ) {
            let u = |v: u64| v.min(u32::MAX as u64 - 1) as u32;
            let cells: Vec<_> = cells.into_iter().map(|(r, c, s)| (u(r), u(c).min(16_383), s)).collect();
            let merges: Vec<_> = merges.into_iter().map(|(a, b, c, d)| (u(a), u(b).min(16_383), u(c), u(d).min(16_383))).collect();
            check(&xlsx(&cells, declared, &merges))?;
        }

        #[test]
        fn ods_of_any_shape_is_read_within_the_bounds(
            rows in proptest::collection::vec(
                (size(), proptest::collection::vec((size(), 1u64..3, 1u64..3, any::<bool>()), 0..6)),
                0..12,
            ),
        ) {
            check(&ods(&rows))?;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod generated {
    use super::*;
    use crate::sheet::{from_tables, tests::generated::bundle, to_tables};
    use proptest::prelude::*;

    proptest! {
        // Fewer cases than the table round trip: each writes and unzips a file.
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn generated_bundles_round_trip_through_xlsx(b in bundle()) {
            let json = serde_json::to_string(&b).unwrap();
            prop_assume!(rops_content::parse(&json).is_ok());
            let bytes = write_xlsx(&to_tables(&b), None).unwrap();
            let back = from_tables(&read_workbook(&bytes).unwrap());
            prop_assert!(back.is_ok(), "{:#?}", back.err());
            prop_assert_eq!(back.unwrap(), b);
        }
    }
}
