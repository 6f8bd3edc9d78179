//! Publishes a content bundle as the site, without recompiling the wasm
//! (the work is `rops_publish`, which says what is written and what a
//! publish promises about DIST):
//!
//!     cargo run -p rops-publish -- (--site-url https://host/base/ | --local) [--no-wait] [--keep N] BUNDLE DIST
//!     cargo run -p rops-publish -- (--site-url … | --local) [--keep N] --watch [--once] INCOMING DIST
//!     cargo run -p rops-publish -- (--site-url … | --local) [--keep N] --upgrade NEW_DIST DIST
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
//!   Graph tags; `http(s)://host[:port][/path]`. Required, or `--local`.
//! - `--local`: a copy served on this machine, `http://127.0.0.1:8080`
//!   followed by the app's base (wins over `ROPS_SITE_URL`).
//! - One publish per DIST at a time (a lock on `.DISTNAME.publish.lock`
//!   beside DIST, released by the kernel if its holder dies). A second run
//!   says "another publish is running on DIST; waiting…" and waits; with
//!   `--no-wait` it is refused instead (exit 3).
//! - `--keep N`: how many published bundles DIST keeps for rollback
//!   (`content/versions/`, listed in `publish-status.json`); 10 if not given.
//! - `--upgrade NEW_DIST DIST`: publishes DIST's live bundle (with the
//!   media beside it in `DIST/content/`) with the built app in NEW_DIST (a
//!   new release's `dist/`), keeping DIST's versions and status: the site
//!   is the old release or the new one at every instant (deploy/upgrade.sh).
//! - `--watch INCOMING DIST`: publishes each upload of the editor that lands
//!   in INCOMING (`rops_publish::watch` says how), looking twice a
//!   second until stopped; with `--once`, handles what is there and exits
//!   (deploy/rops-publish.service). Refused uploads are not errors: their
//!   outcome is in `publish-status.json`.
//!
//! Exit code: 0 published (or, watching, stopped normally), 1 the bundle
//! has faults, 2 usage or I/O error, 3 another publish is running on DIST
//! and `--no-wait` was given.

fn main() -> std::process::ExitCode {
    cli::main()
}

mod cli {
    use rops_publish::{
        self as publish, IfBusy, Options, PublishError, SiteAddress, SiteUrl, SiteUrlError,
        WatchMode, KEEP_VERSIONS,
    };
    use std::path::PathBuf;
    use std::process::ExitCode;

    const USAGE: &str =
        "usage: publish (--site-url URL | --local) [--no-wait] [--keep N] BUNDLE.json DIST\n\
         \x20      publish (--site-url URL | --local) [--keep N] --watch [--once] INCOMING DIST\n\
         \x20      publish (--site-url URL | --local) [--keep N] --upgrade NEW_DIST DIST\n\
         (ROPS_SITE_URL may stand for --site-url)";

    /// Why the command line cannot be followed.
    #[derive(Debug, thiserror::Error)]
    enum Usage {
        #[error("{0} needs a value\n{USAGE}")]
        NoValue(&'static str),
        #[error("unknown option {0}\n{USAGE}")]
        Unknown(String),
        #[error("{USAGE}")]
        Paths,
        #[error("--site-url and --local exclude each other")]
        SiteAndLocal,
        #[error("--keep needs a whole number of at least 1, not {0:?}")]
        Keep(String),
        #[error("--once and --no-wait go with --watch only\n{USAGE}")]
        WatchOnly,
        #[error(
            "the public address of the site is needed for canonical links, the sitemap and Open Graph; \
             pass --site-url https://host/path/ or --local for a copy served on this machine"
        )]
        NoAddress,
        #[error(transparent)]
        Address(#[from] SiteUrlError),
    }

    enum Command {
        Help,
        Publish(Options),
        Watch {
            incoming: PathBuf,
            dist: PathBuf,
            address: SiteAddress,
            keep: usize,
            mode: WatchMode,
        },
    }

    fn args() -> Result<Command, Usage> {
        let mut site_url = None;
        let mut local = false;
        let mut if_busy = IfBusy::Wait;
        let mut keep = KEEP_VERSIONS;
        let (mut watch, mut once) = (false, false);
        let mut upgrade = false;
        let mut rest = vec![];
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            match a.as_str() {
                "--site-url" => site_url = Some(it.next().ok_or(Usage::NoValue("--site-url"))?),
                s if s.starts_with("--site-url=") => {
                    site_url = Some(s["--site-url=".len()..].to_owned())
                }
                "--local" => local = true,
                "--no-wait" => if_busy = IfBusy::Refuse,
                "--keep" => {
                    let n = it.next().ok_or(Usage::NoValue("--keep"))?;
                    keep = n.parse().ok().filter(|k| *k >= 1).ok_or(Usage::Keep(n))?;
                }
                "--watch" => watch = true,
                "--upgrade" => upgrade = true,
                "--once" => once = true,
                "-h" | "--help" => return Ok(Command::Help),
                s if s.starts_with('-') => return Err(Usage::Unknown(s.to_owned())),
                _ => rest.push(PathBuf::from(a)),
            }
        }
        let address = match (site_url, local) {
            (Some(_), true) => return Err(Usage::SiteAndLocal),
            (None, true) => SiteAddress::Local,
            (Some(url), false) => SiteAddress::Public(SiteUrl::parse(&url)?),
            (None, false) => match std::env::var("ROPS_SITE_URL") {
                Ok(url) if !url.is_empty() => SiteAddress::Public(SiteUrl::parse(&url)?),
                _ => return Err(Usage::NoAddress),
            },
        };
        let [first, dist] = <[PathBuf; 2]>::try_from(rest).map_err(|_| Usage::Paths)?;
        if watch {
            if if_busy == IfBusy::Refuse {
                return Err(Usage::WatchOnly);
            }
            let mode = if once {
                WatchMode::Once
            } else {
                WatchMode::Forever
            };
            return Ok(Command::Watch {
                incoming: first,
                dist,
                address,
                keep,
                mode,
            });
        }
        if once {
            return Err(Usage::WatchOnly);
        }
        if upgrade {
            // The live bundle (read under DIST's lock), with its media
            // beside it, on the new release's app.
            return Ok(Command::Publish(Options {
                bundle: dist.join("content").join("bundle.json"),
                dist,
                address,
                if_busy,
                keep,
                app: Some(first),
            }));
        }
        Ok(Command::Publish(Options {
            bundle: first,
            dist,
            address,
            if_busy,
            keep,
            app: None,
        }))
    }

    pub fn main() -> ExitCode {
        let opts = match args() {
            Ok(Command::Publish(opts)) => opts,
            Ok(Command::Watch {
                incoming,
                dist,
                address,
                keep,
                mode,
            }) => {
                if mode == WatchMode::Forever {
                    eprintln!(
                        "publish: watching {} for uploads, publishing into {} (Ctrl+C stops)",
                        incoming.display(),
                        dist.display()
                    );
                }
                return match publish::watch(&incoming, &dist, address, keep, mode, |n| {
                    eprintln!("publish: {n}")
                }) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("publish: {e}");
                        ExitCode::from(2)
                    }
                };
            }
            Ok(Command::Help) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
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
