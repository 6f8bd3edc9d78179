//! Prints the staff's field reference (`rops_content::fields::reference`,
//! from the field declaration), or with `--write` writes it to
//! `docs/fields.md` (a test fails while the file is stale).

const FILE: &str = "docs/fields.md";

fn main() -> std::process::ExitCode {
    let text = rops_content::fields::reference();
    match std::env::args().nth(1).as_deref() {
        None => print!("{text}"),
        Some("--write") => {
            // The repository's root: this crate is tools/.
            let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join(FILE);
            if let Err(e) = std::fs::write(&path, &text) {
                eprintln!("field-reference: {}: {e}", path.display());
                return std::process::ExitCode::FAILURE;
            }
            println!("wrote {FILE}");
        }
        Some(other) => {
            eprintln!(
                "field-reference: unknown argument {other:?}\nusage: field-reference [--write]"
            );
            return std::process::ExitCode::from(2);
        }
    }
    std::process::ExitCode::SUCCESS
}
