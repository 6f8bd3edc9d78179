//! Checks a content bundle the way the app will, and says where each fault
//! is; also the logo file beside it, which the app cannot check.
//!
//!     cargo run --bin validate-bundle -- public/content/bundle.json
//!     cargo run --bin validate-bundle -- --write-schema public/content/bundle.schema.json
//!
//! Exit code: 0 valid, 1 faults found, 2 usage or I/O error.

// The validator is a native tool; the crate is also built for wasm (tests),
// where this binary is an empty shell.
#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use rops_app::content::{self, ContentError, Lang};
    use std::process::ExitCode;

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match args.as_slice() {
            [flag, out] if flag == "--write-schema" => {
                match std::fs::write(out, content::schema::bundle_schema()) {
                    Ok(()) => {
                        println!("wrote {out}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("cannot write {out}: {e}");
                        ExitCode::from(2)
                    }
                }
            }
            [path] if !path.starts_with('-') => validate(path),
            _ => {
                eprintln!("usage: validate-bundle BUNDLE.json | --write-schema OUT.json");
                ExitCode::from(2)
            }
        }
    }

    /// One line per fault or warning: `file:line:col: [warning: ]$.path: message`,
    /// the form editors and CI annotators parse.
    fn report(path: &str, f: &content::Fault, label: &str) {
        let msg = f.kind.message(Lang::En);
        match f.at {
            Some(at) => eprintln!("{path}:{}:{}: {label}{}: {msg}", at.line, at.column, f.path),
            None => eprintln!("{path}: {label}{}: {msg}", f.path),
        }
    }

    fn validate(path: &str) -> ExitCode {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                return ExitCode::from(2);
            }
        };
        match content::parse_bytes(&bytes) {
            Ok(b) => {
                let text = String::from_utf8_lossy(&bytes);
                // The logo lives beside the bundle: only here can it be read.
                let dir = std::path::Path::new(path)
                    .parent()
                    .unwrap_or(std::path::Path::new("."));
                let logo_faults: Vec<content::Fault> = content::check_logo(&b, dir)
                    .into_iter()
                    .map(|f| f.located_in(&text))
                    .collect();
                if !logo_faults.is_empty() {
                    for f in &logo_faults {
                        report(path, f, "");
                    }
                    eprintln!("{path}: {} fault(s)", logo_faults.len());
                    return ExitCode::from(1);
                }
                // Fields still to be filled in are warnings: the app shows them
                // honestly as "being completed", but an editor should not forget them.
                let mut warnings = content::warnings(&b, &text);
                warnings.extend(content::review_overdue(&b, &text, today()));
                for w in &warnings {
                    report(path, w, "warning: ");
                }
                println!(
                    "{path}: valid (schema {}, {} events, {} projects, {} figures; {} warning(s))",
                    b.schema_version,
                    b.events.len(),
                    b.projects.len(),
                    b.figures.len(),
                    warnings.len()
                );
                ExitCode::SUCCESS
            }
            Err(ContentError::Invalid(faults)) => {
                for f in &faults {
                    report(path, f, "");
                }
                eprintln!("{path}: {} fault(s)", faults.len());
                ExitCode::from(1)
            }
            Err(ContentError::Syntax { message, at }) => {
                eprintln!(
                    "{path}:{}:{}: not valid JSON: {message}",
                    at.line, at.column
                );
                ExitCode::from(1)
            }
            Err(ContentError::NotUtf8 { at }) => {
                eprintln!("{path}:{}:{}: not UTF-8 text", at.line, at.column);
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                ExitCode::from(1)
            }
        }
    }

    /// Today (UTC) as (year, month, day), for the yearly review of the
    /// declaration; SOURCE_DATE_EPOCH stands in for the clock, as it does for
    /// the publisher.
    fn today() -> (u16, u8, u8) {
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        let (y, m, d) = content::civil_from_days(secs.div_euclid(86_400));
        (y.clamp(0, 9999) as u16, m as u8, d as u8)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
