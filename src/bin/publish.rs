//! Publishes a content bundle as the site, without recompiling the wasm
//! (the work is `rops_es::publish`, which says what is written and what a
//! publish promises about DIST):
//!
//!     cargo run --bin publish -- [--site-url https://host/base/] [--no-wait] BUNDLE DIST
//!
//! DIST is a built app (`scripts/build.sh`; it holds `app.template.html`).
//! A bundle with faults is refused with the validator's located messages and
//! DIST is left exactly as it was. Otherwise everything is written into a
//! folder beside DIST, flushed to disk, and exchanged with DIST in one step:
//! DIST is at every instant the whole old site or the whole new one, even
//! if publish is killed.
//!
//! - `--site-url URL` (or the environment variable `ROPS_SITE_URL`): the
//!   public address written into canonical links, the sitemap and Open
//!   Graph tags (default `http://127.0.0.1:8080` followed by the app's base).
//! - One publish per DIST at a time (a lock on `.DISTNAME.publish.lock`
//!   beside DIST, released by the kernel if its holder dies). A second run
//!   says "another publish is running on DIST; waiting…" and waits; with
//!   `--no-wait` it is refused instead (exit 3).
//!
//! Exit code: 0 published, 1 the bundle has faults, 2 usage or I/O error,
//! 3 another publish is running on DIST and `--no-wait` was given.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use rops_es::publish::{self, IfBusy, Options, PublishError};
    use std::path::PathBuf;
    use std::process::ExitCode;

    const USAGE: &str = "usage: publish [--site-url URL] [--no-wait] BUNDLE.json DIST";

    fn args() -> Result<Options, String> {
        let mut site_url = std::env::var("ROPS_SITE_URL")
            .ok()
            .filter(|s| !s.is_empty());
        let mut if_busy = IfBusy::Wait;
        let mut rest = vec![];
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            match a.as_str() {
                "--site-url" => site_url = Some(it.next().ok_or("--site-url needs a value")?),
                "--no-wait" => if_busy = IfBusy::Refuse,
                s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
                _ => rest.push(PathBuf::from(a)),
            }
        }
        let [bundle, dist] = <[PathBuf; 2]>::try_from(rest).map_err(|_| USAGE.to_owned())?;
        Ok(Options {
            bundle,
            dist,
            site_url,
            if_busy,
        })
    }

    pub fn main() -> ExitCode {
        let opts = match args() {
            Ok(opts) => opts,
            Err(e) => {
                eprintln!("publish: {e}");
                return ExitCode::from(2);
            }
        };
        match publish::publish(&opts, |n| eprintln!("publish: {n}")) {
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
                PublishError::Busy { .. } => {
                    eprintln!("publish: {e} (--no-wait)");
                    ExitCode::from(3)
                }
                _ => {
                    eprintln!("publish: {e}");
                    ExitCode::from(2)
                }
            },
        }
    }
}
