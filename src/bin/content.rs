//! The content bundle as a spreadsheet and back, for editing in Excel or
//! LibreOffice (the same conversion the editor will do in the browser):
//!
//!     cargo run --bin content -- to-xlsx public/content/bundle.json tresc.xlsx
//!     cargo run --bin content -- from-xlsx tresc.xlsx public/content/bundle.json
//!     cargo run --bin content -- from-xlsx tresc.ods bundle.json
//!     cargo run --bin content -- from-xlsx folder-z-plikami-csv/ bundle.json
//!
//! `from-xlsx` reads .xlsx, .ods (or .xls), or a folder of CSV files (UTF-8,
//! comma or semicolon) named after the sheets: `Wydarzenia.csv`, or
//! `tresc-Wydarzenia.csv` as LibreOffice names them when it saves every sheet. Each fault is one line in the
//! spreadsheet's terms, `Wydarzenia!C7: data „2008-13” — miesiąc 13 nie
//! istnieje`, and nothing is written: the output is either the whole
//! checked bundle or left as it was. Messages are Polish; `--lang en` for
//! English.
//!
//! Exit code: 0 done, 1 faults in the input, 2 usage or I/O error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// The crate is also built for wasm (tests), where this binary is an empty shell.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use rops_content::{self as content, ContentError, Lang, Staff};
    use rops_workbook::sheet::{self, Table};
    use rops_workbook::xlsx;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const USAGE: &str = "usage: content [--lang pl|en] to-xlsx BUNDLE.json OUT.xlsx\n       content [--lang pl|en] from-xlsx IN.xlsx|IN.ods|CSV-FOLDER OUT.json";

    pub(crate) enum Failure {
        /// Faults in the input, already reported one per line.
        Faults,
        Io(String),
    }

    fn io<T>(r: std::io::Result<T>, what: &Path) -> Result<T, Failure> {
        r.map_err(|e| Failure::Io(format!("{}: {e}", what.display())))
    }

    pub fn main() -> ExitCode {
        let mut lang = Lang::Pl;
        let mut rest = vec![];
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            match a.as_str() {
                "--lang" => match args.next().as_deref().and_then(Lang::from_tag) {
                    Some(l) => lang = l,
                    None => return usage(),
                },
                s if s.starts_with('-') => return usage(),
                _ => rest.push(a),
            }
        }
        let result = match rest.as_slice() {
            [cmd, bundle, out] if cmd == "to-xlsx" => to_xlsx(Path::new(bundle), Path::new(out)),
            [cmd, input, out] if cmd == "from-xlsx" => {
                from_xlsx(Path::new(input), Path::new(out), lang)
            }
            _ => return usage(),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure::Faults) => ExitCode::from(1),
            Err(Failure::Io(e)) => {
                eprintln!("content: {e}");
                ExitCode::from(2)
            }
        }
    }

    fn usage() -> ExitCode {
        eprintln!("{USAGE}");
        ExitCode::from(2)
    }

    /// Writes beside the target, then renames: a reader never sees half a file,
    /// and a failure leaves the old one.
    fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        io(std::fs::write(&tmp, bytes), &tmp)?;
        io(std::fs::rename(&tmp, path), path)
    }

    pub(crate) fn to_xlsx(bundle: &Path, out: &Path) -> Result<(), Failure> {
        let bytes = io(std::fs::read(bundle), bundle)?;
        // Only a checked bundle is converted: the workbook must read back as it.
        let b = match content::parse_bytes(&bytes) {
            Ok(b) => b,
            Err(ContentError::Invalid(faults)) => {
                for f in &faults {
                    // As validate-bundle prints them: file:line:col: $.path: message.
                    match f.at {
                        Some(at) => eprintln!(
                            "{}:{}:{}: {}: {}",
                            bundle.display(),
                            at.line,
                            at.column,
                            f.path,
                            f.kind.message(Lang::En)
                        ),
                        None => eprintln!(
                            "{}: {}: {}",
                            bundle.display(),
                            f.path,
                            f.kind.message(Lang::En)
                        ),
                    }
                }
                eprintln!(
                    "{}: {} fault(s); no workbook written",
                    bundle.display(),
                    faults.len()
                );
                return Err(Failure::Faults);
            }
            Err(e) => {
                eprintln!("{}: {e}", bundle.display());
                return Err(Failure::Faults);
            }
        };
        if let Some(l) = sheet::language_without_columns(&b) {
            eprintln!(
                "{}: the workbook has no columns for {} (\"{}\"), so those texts would be lost: no workbook written (edit them in the JSON)",
                bundle.display(),
                l.name_in(content::Staff::En),
                l.as_str()
            );
            return Err(Failure::Faults);
        }
        // The workbook's creation date is the content's, so the same content
        // gives the same file.
        let created = b.content_date.start().map(|p| p.first_day());
        let book = xlsx::write_xlsx(&sheet::to_tables(&b), created)
            .map_err(|e| Failure::Io(format!("{}: {e}", out.display())))?;
        write_whole(out, &book)?;
        println!(
            "{}: {} sheets ({} events, {} projects, {} figures)",
            out.display(),
            sheet::Section::ALL.len(),
            b.events.len(),
            b.projects.len(),
            b.figures.len()
        );
        Ok(())
    }

    /// A folder's CSV files as sheets, each named after its file.
    fn csv_tables(dir: &Path, lang: Lang) -> Result<Vec<Table>, Failure> {
        let mut files: Vec<PathBuf> = io(std::fs::read_dir(dir), dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
            })
            .collect();
        files.sort();
        let mut tables = vec![];
        let mut bad = false;
        // One budget for all the files: they are one workbook.
        let mut budget = xlsx::Budget::new();
        for f in files {
            let bytes = io(std::fs::read(&f), &f)?;
            let stem = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = sheet::sheet_of_csv_file(&stem);
            match String::from_utf8(bytes) {
                Ok(text) => match xlsx::csv_sheet(&name, &text, &mut budget) {
                    Ok(t) => tables.push(t),
                    Err(e) => {
                        eprintln!("{}: {}", f.display(), e.message(lang));
                        return Err(Failure::Faults);
                    }
                },
                Err(_) => {
                    bad = true;
                    eprintln!(
                        "{}: {}",
                        f.display(),
                        match Staff::from(lang) {
                            Staff::Pl =>
                                "plik nie jest tekstem UTF-8: zapisz arkusz jako „CSV UTF-8”",
                            Staff::En =>
                                "the file is not UTF-8 text: save the sheet as \"CSV UTF-8\"",
                        }
                    );
                }
            }
        }
        if bad {
            return Err(Failure::Faults);
        }
        Ok(tables)
    }

    pub(crate) fn from_xlsx(input: &Path, out: &Path, lang: Lang) -> Result<(), Failure> {
        let tables = if input.is_dir() {
            csv_tables(input, lang)?
        } else {
            let bytes = io(std::fs::read(input), input)?;
            match xlsx::read_workbook(&bytes) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{}: {}", input.display(), e.message(lang));
                    return Err(Failure::Faults);
                }
            }
        };
        let imported = match sheet::import(&tables) {
            Ok(i) => i,
            Err(faults) => {
                for f in &faults.0 {
                    eprintln!("{}", f.describe(lang));
                }
                let n = faults.0.len();
                match Staff::from(lang) {
                    Staff::Pl => eprintln!(
                        "{}: błędów: {n}; nic nie zapisano, {} bez zmian",
                        input.display(),
                        out.display()
                    ),
                    Staff::En => eprintln!(
                        "{}: {n} fault(s); nothing written, {} is unchanged",
                        input.display(),
                        out.display()
                    ),
                }
                return Err(Failure::Faults);
            }
        };
        // Fields still to be filled in: the bundle is valid, but say so.
        for w in &imported.warnings {
            let label = match Staff::from(lang) {
                Staff::Pl => "uwaga",
                Staff::En => "warning",
            };
            eprintln!("{label}: {}", w.describe(lang));
        }
        let b = imported.bundle;
        let mut json = serde_json::to_string_pretty(&b)
            .map_err(|e| Failure::Io(format!("{}: {e}", out.display())))?;
        json.push('\n');
        write_whole(out, json.as_bytes())?;
        match Staff::from(lang) {
            Staff::Pl => println!(
                "{}: zapisano ({} wydarzeń, {} projektów, {} liczb; uwag: {})",
                out.display(),
                b.events.len(),
                b.projects.len(),
                b.figures.len(),
                imported.warnings.len()
            ),
            Staff::En => println!(
                "{}: written ({} events, {} projects, {} figures; {} warning(s))",
                out.display(),
                b.events.len(),
                b.projects.len(),
                b.figures.len(),
                imported.warnings.len()
            ),
        }
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::cli::*;
    use rops_content::{self as content, Lang};
    use rops_workbook::{sheet, xlsx};
    use std::path::PathBuf;

    const REAL: &str = include_str!("../../public/content/bundle.json");

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("content-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn to_xlsx_and_back_gives_the_same_bundle() {
        let dir = scratch("round");
        let (bundle, book, out) = (
            dir.join("bundle.json"),
            dir.join("tresc.xlsx"),
            dir.join("out.json"),
        );
        std::fs::write(&bundle, REAL).unwrap();
        assert!(to_xlsx(&bundle, &book).is_ok());
        assert!(from_xlsx(&book, &out, Lang::Pl).is_ok());
        let written = std::fs::read_to_string(&out).unwrap();
        assert_eq!(
            content::parse(&written).unwrap(),
            content::parse(REAL).unwrap()
        );
        assert!(!dir.join("out.json.tmp").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn faults_write_nothing() {
        let dir = scratch("faults");
        let (book, out) = (dir.join("tresc.xlsx"), dir.join("out.json"));
        let mut tables = sheet::to_tables(&content::parse(REAL).unwrap());
        tables[4].set(6, 2, sheet::Cell::text("2008-13"));
        std::fs::write(&book, xlsx::write_xlsx(&tables, None).unwrap()).unwrap();
        std::fs::write(&out, "previous").unwrap();
        assert!(matches!(
            from_xlsx(&book, &out, Lang::Pl),
            Err(Failure::Faults)
        ));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
        // Not a workbook: a fault of the input (1), not of I/O (2).
        std::fs::write(&book, "to nie arkusz").unwrap();
        assert!(matches!(
            from_xlsx(&book, &out, Lang::En),
            Err(Failure::Faults)
        ));
        // A missing file is I/O.
        assert!(matches!(
            from_xlsx(&dir.join("nie-ma.xlsx"), &out, Lang::Pl),
            Err(Failure::Io(_))
        ));
        // An invalid bundle is not converted.
        let bad = dir.join("bad.json");
        std::fs::write(&bad, REAL.replace("\"2004-lider-equal\"", "\"Zły Id\"")).unwrap();
        assert!(matches!(to_xlsx(&bad, &book), Err(Failure::Faults)));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_folder_of_csv_files_is_a_workbook() {
        let dir = scratch("csv");
        let sheets = dir.join("arkusze");
        std::fs::create_dir(&sheets).unwrap();
        for t in sheet::to_tables(&content::parse(REAL).unwrap()) {
            let text = t.to_csv();
            // Named after the sheet, or as LibreOffice names each sheet's file.
            let file = if t.name.starts_with('W') {
                format!("{}.csv", t.name)
            } else {
                format!("tresc-{}.csv", t.name)
            };
            std::fs::write(sheets.join(file), text).unwrap();
        }
        std::fs::write(sheets.join("README.txt"), "nie arkusz").unwrap();
        let out = dir.join("out.json");
        assert!(from_xlsx(&sheets, &out, Lang::Pl).is_ok());
        let written = std::fs::read_to_string(&out).unwrap();
        assert_eq!(
            content::parse(&written).unwrap(),
            content::parse(REAL).unwrap()
        );
        // A sheet saved in the old Windows code page is named, not misread.
        std::fs::write(sheets.join("Źródła.csv"), b"Identyfikator;Tytu\xb3\r\n").unwrap();
        assert!(matches!(
            from_xlsx(&sheets, &out, Lang::Pl),
            Err(Failure::Faults)
        ));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
