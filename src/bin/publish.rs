//! Publishes a content bundle as the site, without recompiling the wasm
//! (the work is `rops_es::publish`, which says what is written):
//!
//!     cargo run --bin publish -- [--site-url https://host/base/] BUNDLE DIST
//!
//! DIST is a built app (`scripts/build.sh`; it holds `app.template.html`).
//! A bundle with faults is refused with the validator's located messages and
//! DIST is left exactly as it was: everything is written to a copy beside it
//! (unchanged files hard-linked), which then replaces DIST by two renames.
//!
//! Exit code: 0 published, 1 the bundle has faults, 2 usage or I/O error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use rops_es::publish::{self, Options, PublishError};
    use std::path::PathBuf;
    use std::process::ExitCode;

    fn args() -> Result<Options, String> {
        let mut site_url = std::env::var("ROPS_SITE_URL")
            .ok()
            .filter(|s| !s.is_empty());
        let mut rest = vec![];
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            match a.as_str() {
                "--site-url" => site_url = Some(it.next().ok_or("--site-url needs a value")?),
                s if s.starts_with('-') => return Err(format!("unknown option {s}")),
                _ => rest.push(PathBuf::from(a)),
            }
        }
        match <[PathBuf; 2]>::try_from(rest) {
            Ok([bundle, dist]) => Ok(Options {
                bundle,
                dist,
                site_url,
            }),
            Err(_) => Err("usage: publish [--site-url URL] BUNDLE.json DIST".into()),
        }
    }

    pub fn main() -> ExitCode {
        let opts = match args() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        match publish::publish(&opts) {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => match &e {
                PublishError::Faults { lines, .. } => {
                    lines.iter().for_each(|l| eprintln!("{l}"));
                    eprintln!("{e}");
                    ExitCode::from(1)
                }
                _ => {
                    eprintln!("publish: {e}");
                    ExitCode::from(2)
                }
            },
        }
    }
}
