//! The funding table as CSV: UTF-8, a header row, one row per project,
//! amounts as plain numbers (no grouping, dot decimals), unknown values empty.
//! And CSV read back into rows, for a folder of a workbook's sheets saved
//! as CSV (see [`sheet`](super::sheet)).

use super::model::{Bundle, Project};
use super::money::Currency;
use super::text::Lang;

/// Column names are stable English identifiers (for scripts and
/// spreadsheets alike); the texts in the rows are in `lang`. Columns the
/// source does not give but the app derives from the value and the EU
/// contribution end in `_computed`, so a spreadsheet never passes them off
/// as the source's figures.
pub const HEADER: [&str; 10] = [
    "id",
    "name",
    "programme",
    "measure",
    "fund",
    "currency",
    "value",
    "eu_contribution",
    "eu_share_percent_computed",
    "remainder_computed",
];

/// One CSV field: quoted when needed, and defused against spreadsheet
/// formula injection. A cell starting with = + - @ (or a tab or CR) runs
/// as a formula in Excel, and a cell starts not only at the field's start:
/// a spreadsheet that splits on `;` (Polish Excel's list separator) or on
/// tabs ignores our commas and quotes, so `Projekt;=1+1` would be two cells,
/// the second a formula. Every place a cell could start gets a `'`.
pub fn field(s: &str) -> String {
    let mut defused = String::with_capacity(s.len() + 2);
    let mut cell_start = true;
    for c in s.chars() {
        if cell_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            defused.push('\'');
        }
        defused.push(c);
        cell_start = matches!(c, ',' | ';' | '\t' | '\n' | '\r');
    }
    if defused.contains([',', ';', '"', '\n', '\r', '\t']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn row(p: &Project, lang: Lang) -> String {
    let money = |m: Option<super::Money>| m.map(|m| m.minor.to_string()).unwrap_or_default();
    let share = p
        .eu_share()
        .map(|s| {
            let pm = s.permille_rounded();
            if pm % 10 == 0 {
                (pm / 10).to_string()
            } else {
                format!("{}.{}", pm / 10, pm % 10)
            }
        })
        .unwrap_or_default();
    let currency = p.currency().map(Currency::as_str).unwrap_or_default();
    [
        p.id.clone(),
        p.name.in_lang(lang).to_owned(),
        p.programme.in_lang(lang).to_owned(),
        p.measure
            .as_ref()
            .map(|m| m.in_lang(lang).to_owned())
            .unwrap_or_default(),
        p.fund.map(|_| "EFS".to_owned()).unwrap_or_default(),
        currency.to_owned(),
        money(p.value),
        money(p.eu_contribution),
        share,
        money(p.remainder()),
    ]
    .iter()
    .map(|f| field(f))
    .collect::<Vec<_>>()
    .join(",")
}

/// The whole file, lines ending in CRLF as RFC 4180 asks.
pub fn funding_csv(b: &Bundle, lang: Lang) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for p in &b.projects {
        out.push_str(&row(p, lang));
        out.push_str("\r\n");
    }
    out
}

/// The rows of a CSV text (RFC 4180: quoted fields may hold separators,
/// quotes doubled, line breaks). The separator is the comma or, as Excel
/// writes CSV where the comma is the decimal mark (Polish), the semicolon:
/// whichever the first line has more of outside quotes. A BOM is dropped;
/// CRLF and LF both end a row; a last empty line is no row.
pub fn read_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = vec![];
    for_each_field(text, |row, _, field| {
        if rows.len() <= row {
            rows.push(vec![]);
        }
        rows[row].push(field);
        true
    });
    rows
}

/// The fields of a CSV text one at a time, as (row, column, text), 0-based,
/// in reading order, without holding the rows: the bounded workbook reader
/// refuses a far-away field before anything is kept. `f` returns false to
/// stop. The separator is the first line's (`;` where it has more of
/// those than commas, as Polish spreadsheets save, else `,`).
pub fn for_each_field(text: &str, mut f: impl FnMut(usize, usize, String) -> bool) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = {
        let (mut commas, mut semis, mut quoted) = (0, 0, false);
        for c in text.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => commas += 1,
                ';' if !quoted => semis += 1,
                '\n' if !quoted => break,
                _ => {}
            }
        }
        if semis > commas {
            ';'
        } else {
            ','
        }
    };
    let (mut row, mut col) = (0, 0);
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            c if c == sep => {
                if !f(row, col, std::mem::take(&mut field)) {
                    return;
                }
                col += 1;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if !f(row, col, std::mem::take(&mut field)) {
                    return;
                }
                (row, col) = (row + 1, 0);
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        f(row, col, field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn one_row_per_project_with_plain_amounts() {
        let b = parse(include_str!("../../../public/content/bundle.json")).unwrap();
        let csv = funding_csv(&b, Lang::Pl);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + b.projects.len());
        assert_eq!(lines[0], HEADER.join(","));
        // The derived columns say so in their names; the source's own figures do not.
        assert_eq!(
            lines[0],
            "id,name,programme,measure,fund,currency,value,eu_contribution,eu_share_percent_computed,remainder_computed"
        );
        assert_eq!(
            lines[3],
            "mokes,Małopolski Ośrodek Koordynacji Ekonomii Społecznej,Regionalny Program Operacyjny Województwa Małopolskiego na lata 2014–2020 (RPO WM),Działanie 9.3,EFS,PLN,1980000,1683000,85,297000"
        );
        // Unknown values stay empty, never 0.
        assert!(lines[1].ends_with(",,,,,,"), "{}", lines[1]);
        let en = funding_csv(&b, Lang::En);
        assert!(en.contains("mokes,Małopolska Social Economy Coordination Centre,Regional Operational Programme of the Małopolska Region 2014–2020 (RPO WM),Measure 9.3,"));
    }

    #[test]
    fn csv_reads_back_with_either_separator() {
        let b = parse(include_str!("../../../public/content/bundle.json")).unwrap();
        let rows = read_rows(&funding_csv(&b, Lang::Pl));
        assert_eq!(rows.len(), 1 + b.projects.len());
        assert_eq!(rows[0], HEADER);
        assert_eq!(rows[3][6], "1980000");
        let polish = "\u{feff}Identyfikator;Kwota;Opis\r\na;\"1 980 000,00 zł\";\"wiersz 1\nwiersz 2; \"\"cytat\"\"\"\r\n;;\r\n";
        assert_eq!(
            read_rows(polish),
            vec![
                vec!["Identyfikator", "Kwota", "Opis"],
                vec!["a", "1 980 000,00 zł", "wiersz 1\nwiersz 2; \"cytat\""],
                vec!["", "", ""],
            ]
        );
        assert_eq!(read_rows(""), Vec::<Vec<String>>::new());
        assert_eq!(read_rows("a,b"), vec![vec!["a", "b"]]);
    }

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("plain"), "plain");
        // Wherever a spreadsheet splitting on ; , tab or a line could
        // start a cell, a formula is defused.
        assert_eq!(field("Projekt;=1+1;"), "\"Projekt;'=1+1;\"");
        assert_eq!(field("a,@SUM(1)"), "\"a,'@SUM(1)\"");
        assert_eq!(field("a\t+1"), "\"a\t'+1\"");
        assert_eq!(field("a\n-1\r\n=2"), "\"a\n'-1\r\n'=2\"");
        // A dash inside a text is not a cell's start.
        assert_eq!(field("2007 - 2013"), "2007 - 2013");
    }
}
