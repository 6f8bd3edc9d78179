//! Prints the loader's table (`rops_app::boot_table`) as one line of JSON,
//! or with `--write` writes it to `public/boot-table.json`, which
//! `scripts/post-build.mjs` stamps into `boot.js` (a test fails while the
//! file is stale).

fn main() -> std::process::ExitCode {
    use rops_app::boot_table::{table, FILE};
    let table = table();
    match std::env::args().nth(1).as_deref() {
        None => println!("{table}"),
        Some("--write") => {
            // The repository's root: this crate is tools/.
            let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join(FILE);
            if let Err(e) = std::fs::write(&path, format!("{table}\n")) {
                eprintln!("boot-table: {}: {e}", path.display());
                return std::process::ExitCode::FAILURE;
            }
            println!("wrote {FILE}");
        }
        Some(other) => {
            eprintln!("boot-table: unknown argument {other:?}\nusage: boot-table [--write]");
            return std::process::ExitCode::from(2);
        }
    }
    std::process::ExitCode::SUCCESS
}
