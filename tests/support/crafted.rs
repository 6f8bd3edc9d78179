//! Crafted workbooks: a few kilobytes each, each built to make a reader
//! allocate gigabytes or abort (as a hostile or unlucky file would), with
//! the message the import must refuse it with instead. The CLI test
//! (`tests/import_bounds.rs`) and the editor's end-to-end test open each.

use std::io::Write;

/// One crafted file and what its refusal must say.
pub struct Crafted {
    /// The file's name (its extension picks the reader in the editor).
    pub file: &'static str,
    /// What the file does.
    pub what: &'static str,
    pub bytes: Vec<u8>,
    /// A part of the Polish message that locates the fault.
    pub says_pl: &'static str,
    /// The same in English.
    pub says_en: &'static str,
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = vec![];
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        let deflated = zip::write::SimpleFileOptions::default().large_file(false);
        for (name, data) in parts {
            z.start_file(*name, deflated).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    out
}

/// A minimal .xlsx as Excel lays it out: one sheet "Wydarzenia", its XML
/// `sheet`, and the shared strings `sst` (if any).
fn xlsx(sheet: &str, sst: Option<&str>) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Wydarzenia" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    let sst = sst.map(|s| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" {s}</sst>"#
        )
    });
    if let Some(s) = &sst {
        parts.push(("xl/sharedStrings.xml", s.as_bytes()));
    }
    zip_of(&parts)
}

/// A minimal .ods whose sheet "Wydarzenia" holds `rows` (XML).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Wydarzenia">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
        ),
        ("content.xml", content.as_bytes()),
    ])
}

/// Every crafted file, in the order the tests open them.
pub fn crafted_workbooks() -> Vec<Crafted> {
    let mut all = vec![];
    all.push(Crafted {
        file: "shared-strings-4e9.xlsx",
        what: "the shared-string list declares 4 000 000 000 entries and holds one",
        bytes: xlsx(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            Some(r#"count="4000000000" uniqueCount="4000000000"><si><t>Tytuł</t></si>"#),
        ),
        says_pl: "xl/sharedStrings.xml: lista tekstów zapowiada 4000000000 pozycji, a ma 1",
        says_en: "xl/sharedStrings.xml: the list of texts declares 4000000000 entries but holds 1",
    });
    all.push(Crafted {
        file: "row-4e9.xlsx",
        what: "one cell at A4000000000",
        bytes: xlsx(
            r#"<row r="4000000000"><c r="A4000000000" t="inlineStr"><is><t>x</t></is></c></row>"#,
            None,
        ),
        says_pl: "Wydarzenia!A4000000000: ta komórka leży poza wierszami i kolumnami treści",
        says_en: "Wydarzenia!A4000000000: this cell lies outside the content's rows and columns",
    });
    let far: String = (1..=16_000)
        .map(|r| format!(r#"<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>"#))
        .collect();
    all.push(Crafted {
        file: "xfd-16000-rows.xlsx",
        what: "a number in column XFD on each of 16 000 rows",
        bytes: xlsx(&far, None),
        says_pl: "Wydarzenia!XFD1: ta komórka leży poza",
        says_en: "Wydarzenia!XFD1: this cell lies outside",
    });
    // 4 000 cells (A1:CV40) all showing one 1 MiB text: the 65th (BM1)
    // passes the 64 MiB of text a workbook may hold.
    let big = "x".repeat(1024 * 1024);
    let cells: String = (1..=40)
        .map(|r| {
            let row: String = (0..100)
                .map(|c| format!(r#"<c r="{}{r}" t="s"><v>0</v></c>"#, column(c)))
                .collect();
            format!(r#"<row r="{r}">{row}</row>"#)
        })
        .collect();
    all.push(Crafted {
        file: "one-string-4000-cells.xlsx",
        what: "4 000 cells pointing at one 1 MB shared string",
        bytes: xlsx(
            &cells,
            Some(&format!(
                r#"count="4000" uniqueCount="1"><si><t>{big}</t></si>"#
            )),
        ),
        says_pl: "Wydarzenia!BM1: od tej komórki teksty skoroszytu przekraczają 67,1 MB",
        says_en: "Wydarzenia!BM1: from this cell on the workbook's texts pass 67.1 MB",
    });
    all.push(Crafted {
        file: "columns-repeated.ods",
        what: "an .ods cell repeated over 16 384 columns",
        bytes: ods(
            r#"<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        ),
        says_pl: "Wydarzenia!XFD1: ta komórka leży poza",
        says_en: "Wydarzenia!XFD1: this cell lies outside",
    });
    all.push(Crafted {
        file: "rows-repeated.ods",
        what: "an .ods row of ten filled cells repeated 1 000 000 times",
        bytes: ods(
            r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="10"><text:p>1</text:p></table:table-cell></table:table-row>"#,
        ),
        says_pl: "Wydarzenia!A1000000: ta komórka leży poza",
        says_en: "Wydarzenia!A1000000: this cell lies outside",
    });
    all.push(Crafted {
        file: "merged-20000.xlsx",
        what: "20 000 merged areas",
        bytes: {
            let merges: String = (1..=20_000)
                .map(|r| format!(r#"<mergeCell ref="A{r}:B{r}"/>"#))
                .collect();
            let mut b = xlsx(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#, None);
            // The merges follow sheetData in the sheet's XML.
            b = rezip_sheet(
                &b,
                &format!("</sheetData><mergeCells count=\"20000\">{merges}</mergeCells>"),
            );
            b
        },
        says_pl: "Wydarzenia: więcej niż 10000 scalonych obszarów",
        says_en: "Wydarzenia: more than 10000 merged areas",
    });
    all.push(Crafted {
        file: "part-70mb.xlsx",
        what: "a part that unpacks to 70 MB (of spaces)",
        bytes: {
            let pad = " ".repeat(70 * 1024 * 1024);
            zip_of(&[
                ("[Content_Types].xml", b"<Types/>"),
                ("xl/padding.xml", pad.as_bytes()),
            ])
        },
        says_pl: "xl/padding.xml: ta część pliku po rozpakowaniu ma 73,4 MB, więcej niż dopuszczalne 67,1 MB",
        says_en: "xl/padding.xml: this part of the file unpacks to 73.4 MB, more than the 67.1 MB allowed",
    });
    all.push(Crafted {
        file: "parts-2000.xlsx",
        what: "2 000 parts",
        bytes: {
            let names: Vec<String> = (0..2000).map(|i| format!("xl/p{i}.xml")).collect();
            let parts: Vec<(&str, &[u8])> =
                names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
            zip_of(&parts)
        },
        says_pl: "plik składa się z 2000 części",
        says_en: "the file holds 2000 parts",
    });
    all.push(Crafted {
        file: "old.xls",
        what: "an Excel 97-2003 file (OLE header)",
        bytes: {
            let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            b.resize(4096, 0);
            b
        },
        says_pl: "zapisz go jako .xlsx lub .ods",
        says_en: "save it as .xlsx or .ods",
    });
    all
}

/// The same .xlsx with `</sheetData>` of its sheet replaced by `with`.
fn rezip_sheet(xlsx_bytes: &[u8], with: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(xlsx_bytes)).unwrap();
    let mut parts = vec![];
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut data = vec![];
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            data = String::from_utf8(data)
                .unwrap()
                .replace("</sheetData>", with)
                .into_bytes();
        }
        parts.push((name, data));
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_of(&parts)
}

/// Column letters of a 0-based index.
fn column(mut c: u32) -> String {
    let mut s = vec![];
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}
