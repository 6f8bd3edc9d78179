//! Publishes a content bundle as the site, without recompiling the wasm:
//! validates the bundle, renders every route in both languages to HTML with
//! the app's own components (full site and embed views), and writes the
//! pages, `shell.html` (the offline fallback), the manifest, `sitemap.xml`,
//! `robots.txt`, compressed copies of all of these, the bundle itself, and
//! the service worker's precache stamp. Each page carries the app's
//! stylesheet and the bundle's accent inline, allowed by its hash (see
//! [`Template::page`]).
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
    publish::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod publish {
    use rops_es::content::{self, Bundle, ContentError, Lang};
    use rops_es::nav::{event_path, to_embed, Page};
    use std::collections::{BTreeMap, BTreeSet};
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::Arc;

    /// The file trunk built, with markers this command fills in.
    const TEMPLATE: &str = "app.template.html";
    const BOOT_OPEN: &str = "<div id=\"boot\">";
    const BOOT_CLOSE: &str = "<!--/boot-->";
    const META_MARK: &str = "<!--rops:meta-->";
    const ICON: &str = "icons/icon.svg";

    struct Args {
        bundle: PathBuf,
        dist: PathBuf,
        site_url: Option<String>,
    }

    fn args() -> Result<Args, String> {
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
            Ok([bundle, dist]) => Ok(Args {
                bundle,
                dist,
                site_url,
            }),
            Err(_) => Err("usage: publish [--site-url URL] BUNDLE.json DIST".into()),
        }
    }

    pub fn main() -> ExitCode {
        let args = match args() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        match run(&args) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(Failure::Faults(n)) => {
                eprintln!(
                    "{}: {n} fault(s); nothing was published, {} is unchanged",
                    args.bundle.display(),
                    args.dist.display()
                );
                ExitCode::from(1)
            }
            Err(Failure::Io(e)) => {
                eprintln!("publish: {e}");
                ExitCode::from(2)
            }
        }
    }

    enum Failure {
        /// The bundle has faults (already reported, one line each).
        Faults(usize),
        Io(String),
    }

    impl From<std::io::Error> for Failure {
        fn from(e: std::io::Error) -> Failure {
            Failure::Io(e.to_string())
        }
    }

    fn io<T>(r: std::io::Result<T>, what: &Path) -> Result<T, Failure> {
        r.map_err(|e| Failure::Io(format!("{}: {e}", what.display())))
    }

    /// One line per fault, `file:line:col: $.path: message`, as validate-bundle prints.
    fn report(path: &Path, f: &content::Fault) {
        let msg = f.kind.message(Lang::En);
        match f.at {
            Some(at) => eprintln!(
                "{}:{}:{}: {}: {msg}",
                path.display(),
                at.line,
                at.column,
                f.path
            ),
            None => eprintln!("{}: {}: {msg}", path.display(), f.path),
        }
    }

    fn load_bundle(path: &Path) -> Result<(Vec<u8>, Bundle), Failure> {
        let bytes = io(std::fs::read(path), path)?;
        let bundle = match content::parse_bytes(&bytes) {
            Ok(b) => b,
            Err(ContentError::Invalid(faults)) => {
                faults.iter().for_each(|f| report(path, f));
                return Err(Failure::Faults(faults.len()));
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return Err(Failure::Faults(1));
            }
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let logo_faults = content::check_logo(&bundle, dir);
        if !logo_faults.is_empty() {
            logo_faults.iter().for_each(|f| report(path, f));
            return Err(Failure::Faults(logo_faults.len()));
        }
        Ok((bytes, bundle))
    }

    /// One page to write: where, and what the app shows there.
    #[derive(Clone)]
    struct PageSpec {
        /// Below the router base: `/`, `/en/timeline/2015-mokes`, `/embed/os-czasu`.
        path: String,
        lang: Lang,
        embed: bool,
        /// The same page in the other language (full-site pages only).
        other: Option<String>,
        description: String,
        /// An event page: shared as an article.
        article: bool,
    }

    impl PageSpec {
        /// The same page as an embed view: its own address, no language twin.
        fn embedded(&self) -> PageSpec {
            PageSpec {
                path: to_embed(&self.path),
                embed: true,
                other: None,
                ..self.clone()
            }
        }
    }

    fn pages(b: &Bundle) -> Vec<PageSpec> {
        let org = &b.organisation;
        let mut out = vec![];
        for lang in Lang::ALL {
            let other = lang.other();
            for page in Page::ALL {
                let d = &org.page_descriptions;
                let description = match page {
                    Page::About => &d.about,
                    Page::Timeline => &d.timeline,
                    Page::Funding => &d.funding,
                    Page::Accessibility => &d.accessibility,
                    Page::EmbedCode => &d.embed_code,
                };
                let full = PageSpec {
                    path: page.path(lang).to_owned(),
                    lang,
                    embed: false,
                    other: Some(page.path(other).to_owned()),
                    description: description.in_lang(lang).to_owned(),
                    article: false,
                };
                if page.embeddable() {
                    out.push(full.embedded());
                }
                out.push(full);
            }
            for e in &b.events {
                let full = PageSpec {
                    path: event_path(lang, e.id.as_str()),
                    lang,
                    embed: false,
                    other: Some(event_path(other, e.id.as_str())),
                    description: summary(e.description.in_lang(lang)),
                    article: true,
                };
                out.push(full.embedded());
                out.push(full);
            }
        }
        out
    }

    /// A description of at most ~200 characters, cut at a word.
    fn summary(text: &str) -> String {
        const MAX: usize = 200;
        if text.chars().count() <= MAX {
            return text.to_owned();
        }
        let cut: String = text.chars().take(MAX).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
    }

    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The file a path is served from: `/` → `index.html`, `/x/y` → `x/y/index.html`.
    fn file_of(path: &str) -> String {
        match path.trim_matches('/') {
            "" => "index.html".into(),
            p => format!("{p}/index.html"),
        }
    }

    /// Absolute address of a path below the base.
    fn url_of(site_url: &str, path: &str) -> String {
        format!("{site_url}{}", path.trim_start_matches('/'))
    }

    struct Template {
        html: String,
        base: String,
        /// Where the app's stylesheet link is in `html`.
        css_link: std::ops::Range<usize>,
        /// What every page carries inline: the app's stylesheet, then the
        /// bundle's accent (see [`Template::add_brand`]).
        style: String,
        /// `sha256-…` of `style`, the one inline style the page's policy allows.
        style_hash: String,
        /// The favicon as a `data:` address (see [`Template::published`]).
        icon: Option<String>,
    }

    impl Template {
        fn read(dist: &Path) -> Result<Template, Failure> {
            let p = dist.join(TEMPLATE);
            let html = std::fs::read_to_string(&p).map_err(|e| {
                Failure::Io(format!(
                    "{}: {e} (build the app first: scripts/build.sh)",
                    p.display()
                ))
            })?;
            for mark in [
                BOOT_OPEN,
                BOOT_CLOSE,
                META_MARK,
                "<meta charset=\"utf-8\">",
                "<title>",
                "<html lang=\"pl\"",
            ] {
                if !html.contains(mark) {
                    return Err(Failure::Io(format!("{}: no {mark}", p.display())));
                }
            }
            // `<base href="/sub/">`, written by trunk's --public-url.
            let base = html
                .split_once("<base href=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .map(|(b, _)| b.to_owned())
                .ok_or_else(|| Failure::Io(format!("{}: no <base href>", p.display())))?;
            // The stylesheet trunk linked: `<link rel="stylesheet" href="/base/style-….css" …/>`.
            let start = html
                .find("<link rel=\"stylesheet\" href=\"")
                .ok_or_else(|| Failure::Io(format!("{}: no stylesheet link", p.display())))?;
            let end = start + html[start..].find('>').unwrap_or(0) + 1;
            let href = html[start..end]
                .split('"')
                .nth(3)
                .unwrap_or_default()
                .trim_start_matches(base.as_str())
                .to_owned();
            let css_path = dist.join(&href);
            let css = io(std::fs::read_to_string(&css_path), &css_path)?;
            if css.to_ascii_lowercase().contains("</style") {
                return Err(Failure::Io(format!(
                    "{}: holds </style and cannot be inlined",
                    css_path.display()
                )));
            }
            Ok(Template {
                html,
                base,
                css_link: start..end,
                style_hash: integrity(css.as_bytes()),
                style: css,
                icon: std::fs::read_to_string(dist.join(ICON)).ok().map(|svg| {
                    // What a data: address in an HTML attribute cannot hold as is.
                    const SVG: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
                        .add(b'"')
                        .add(b'#')
                        .add(b'%')
                        .add(b'<')
                        .add(b'>');
                    format!(
                        "data:image/svg+xml,{}",
                        percent_encoding::utf8_percent_encode(svg.trim(), SVG)
                    )
                }),
            })
        }

        /// The bundle's accent after the app's rules, so that it wins; the
        /// style and its hash are made once here, not once per page.
        fn add_brand(&mut self, brand: Option<String>) {
            if let Some(brand) = brand {
                self.style.push('\n');
                self.style.push_str(&brand);
                self.style_hash = integrity(self.style.as_bytes());
            }
        }

        /// A published page: the template with this page's head and first
        /// screen, without the preloads of the app's js, wasm and bundle.
        /// The page is readable on its own; boot.js starts all three after
        /// the first paint, so they never compete with the page for the
        /// network before it is drawn.
        fn published(
            &self,
            lang: Lang,
            embed: bool,
            title: &str,
            meta: &str,
            boot: &str,
        ) -> String {
            let mut html = self.page(lang, embed, title, meta, boot);
            // The page is readable without its loader, so the loader need not
            // compete with anything the first paint needs (Lighthouse's model
            // counted it before the largest paint: one more round trip).
            // The favicon travels in the page: fetched, it was one more
            // request finishing before the paint (Lighthouse counts it).
            if let Some(icon) = &self.icon {
                html = html.replacen(
                    &format!("<link rel=\"icon\" href=\"{ICON}\""),
                    &format!("<link rel=\"icon\" href=\"{icon}\""),
                    1,
                );
            }
            // Embed views keep it urgent: it applies the host's theme.
            if !embed {
                html = html.replacen(
                    "<script type=\"module\" src=",
                    "<script type=\"module\" fetchpriority=\"low\" src=",
                    1,
                );
            }
            // The manifest too: boot.js links it after the paint (it is only
            // of use with the app, and fetched at once it delays the paint
            // in Lighthouse's model).
            for tag in [
                "<link rel=\"modulepreload\"",
                "<link rel=\"preload\" href=\"",
                "<link rel=\"manifest\"",
            ] {
                let mut from = 0;
                while let Some(i) = html[from..].find(tag).map(|i| i + from) {
                    let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
                    let link = &html[i..end];
                    if link.contains("modulepreload")
                        || link.contains("rel=\"manifest\"")
                        || link.contains("application/wasm")
                        || link.contains("content/bundle.json")
                    {
                        html.replace_range(i..end, "");
                    } else {
                        from = end;
                    }
                }
            }
            html
        }

        /// The page: the template with this page's head and first screen.
        ///
        /// The stylesheet is inline: a linked one costs a second round trip
        /// before the first paint (measured: LCP 1.5–2× a page with inline
        /// style on slow 4G). The server's policy allows inline style only
        /// together with this page's own policy, which allows exactly this
        /// `<style>` by its hash: browsers enforce every policy a page has,
        /// so a style anyone else slipped in would still be refused.
        fn page(&self, lang: Lang, embed: bool, title: &str, meta: &str, boot: &str) -> String {
            let start = self.html.find(BOOT_OPEN).unwrap_or(0);
            let end = self.html.find(BOOT_CLOSE).unwrap_or(start);
            let style = &self.style;
            let link = self.css_link.clone();
            let mut html = String::with_capacity(
                self.html.len() + boot.len() + meta.len() + style.len() + 200,
            );
            html.push_str(&self.html[..link.start]);
            html.push_str("<style>");
            html.push_str(style);
            html.push_str("</style>");
            html.push_str(&self.html[link.end..start]);
            html.push_str(boot);
            html.push_str(&self.html[end..]);
            let root = format!(
                "<html lang=\"{}\"{}",
                lang.as_str(),
                if embed { " data-embed" } else { "" }
            );
            let policy = format!(
                "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"style-src 'self' '{}'\">",
                self.style_hash
            );
            html.replacen("<html lang=\"pl\"", &root, 1)
                .replacen("<meta charset=\"utf-8\">", &policy, 1)
                .replacen("<title>", &format!("<title>{}", esc(title)), 1)
                .replacen(META_MARK, meta, 1)
        }
    }

    struct Site<'a> {
        bundle: &'a Bundle,
        site_url: String,
    }

    impl Site<'_> {
        fn meta(&self, p: Option<&PageSpec>, title: &str, lang: Lang) -> String {
            let org = &self.bundle.organisation;
            let description = p.map_or_else(
                || org.description.in_lang(lang).to_owned(),
                |p| p.description.clone(),
            );
            let mut m = vec![
                format!(
                    "<meta name=\"description\" content=\"{}\">",
                    esc(&description)
                ),
                format!(
                    "<meta name=\"theme-color\" content=\"{}\">",
                    esc(&org.theme_colour)
                ),
                format!(
                    "<meta name=\"rops-public-url\" content=\"{}\">",
                    esc(&self.site_url)
                ),
                "<link rel=\"manifest\" href=\"manifest.webmanifest\">".into(),
            ];
            // Without scripts, controls that need them are hidden or explained.
            m.push("<noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>".into());
            if let Some(p) = p {
                let url = url_of(&self.site_url, &p.path);
                if p.embed {
                    // Embed views belong in the portal's frame, not in search results.
                    m.push("<meta name=\"robots\" content=\"noindex\">".into());
                } else {
                    m.push(format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)));
                    if let Some(other) = &p.other {
                        let (pl, en) = match p.lang {
                            Lang::Pl => (p.path.as_str(), other.as_str()),
                            Lang::En => (other.as_str(), p.path.as_str()),
                        };
                        for (code, path) in [("pl", pl), ("en", en), ("x-default", pl)] {
                            m.push(format!(
                                "<link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\">",
                                esc(&url_of(&self.site_url, path))
                            ));
                        }
                    }
                }
                let locale = |l: Lang| match l {
                    Lang::Pl => "pl_PL",
                    Lang::En => "en_GB",
                };
                let kind = if p.article { "article" } else { "website" };
                let og = [
                    ("og:type", kind.to_owned()),
                    ("og:title", title.to_owned()),
                    ("og:description", description.clone()),
                    ("og:url", url),
                    ("og:site_name", org.name.in_lang(lang).to_owned()),
                    ("og:locale", locale(lang).to_owned()),
                    ("og:locale:alternate", locale(lang.other()).to_owned()),
                ];
                for (k, v) in og {
                    m.push(format!("<meta property=\"{k}\" content=\"{}\">", esc(&v)));
                }
                if let Some(logo) = org.logo.as_ref().filter(|l| l.file.ends_with(".png")) {
                    let img = url_of(&self.site_url, &format!("content/{}", logo.file));
                    m.push(format!(
                        "<meta property=\"og:image\" content=\"{}\">",
                        esc(&img)
                    ));
                }
                for (k, v) in [
                    ("twitter:card", "summary".to_owned()),
                    ("twitter:title", title.to_owned()),
                    ("twitter:description", description),
                ] {
                    m.push(format!("<meta name=\"{k}\" content=\"{}\">", esc(&v)));
                }
            }
            m.join("\n  ")
        }
    }

    /// What one run writes: file (relative to DIST) → bytes.
    type Output = BTreeMap<String, Vec<u8>>;

    fn run(args: &Args) -> Result<String, Failure> {
        let (bytes, bundle) = load_bundle(&args.bundle)?;
        let mut template = Template::read(&args.dist)?;
        let site_url = match &args.site_url {
            Some(u) => format!("{}/", u.trim_end_matches('/')),
            None => format!("http://127.0.0.1:8080{}", template.base),
        };
        template.add_brand(bundle.accent_css());
        let site = Site {
            bundle: &bundle,
            site_url: site_url.clone(),
        };
        let render =
            rops_es::app::Prerender::new(Arc::new(bundle.clone()), &site_url, &template.base);
        let mut out = Output::new();

        let specs = pages(&bundle);
        for p in &specs {
            let (body, title) = render.page(&p.path, "");
            let title =
                title.unwrap_or_else(|| bundle.organisation.name.in_lang(p.lang).to_owned());
            let meta = site.meta(Some(p), &title, p.lang);
            let boot = format!("<div id=\"boot\" data-prerendered>{body}</div>");
            out.insert(
                file_of(&p.path),
                template
                    .published(p.lang, p.embed, &title, &meta, &boot)
                    .into_bytes(),
            );
        }
        // Unknown addresses: the app's "not found" page, served with 404.
        let (body, title) = render.page("/404", "");
        let title = title.unwrap_or_default();
        let meta =
            site.meta(None, &title, Lang::Pl) + "\n  <meta name=\"robots\" content=\"noindex\">";
        let boot = format!("<div id=\"boot\" data-prerendered>{body}</div>");
        out.insert(
            "404.html".into(),
            template
                .published(Lang::Pl, false, &title, &meta, &boot)
                .into_bytes(),
        );
        // The offline fallback: the template's first screen, with the name filled in.
        let name = esc(bundle.organisation.name.pl.as_str());
        let shell = template
            .page(
                Lang::Pl,
                false,
                &bundle.organisation.name.pl,
                &site.meta(None, "", Lang::Pl),
                "",
            )
            .replacen(
                "data-boot=\"org\"></a>",
                &format!("data-boot=\"org\">{name}</a>"),
                1,
            );
        out.insert("shell.html".into(), shell.into_bytes());

        out.insert(
            "manifest.webmanifest".into(),
            manifest(&args.dist, &bundle)?,
        );
        out.insert(
            "robots.txt".into(),
            format!("User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n").into_bytes(),
        );
        out.insert("content/bundle.json".into(), bytes);
        if let Some(logo) = &bundle.organisation.logo {
            let from = args
                .bundle
                .parent()
                .unwrap_or(Path::new("."))
                .join(&logo.file);
            out.insert(
                format!("content/{}", logo.file),
                io(std::fs::read(&from), &from)?,
            );
        }
        let sitemap = sitemap(&args.dist, &site_url, &specs, &out)?;
        out.insert("sitemap.xml".into(), sitemap);

        // The logo is part of the shell offline (the header shows it).
        let logo_file = bundle
            .organisation
            .logo
            .as_ref()
            .map(|l| format!("content/{}", l.file));
        let version = stage(&args.dist, &out, logo_file.as_deref())?;
        Ok(format!(
            "published {} pages (both languages, full site and embed views, and 404) to {} for {site_url}; service worker {version}",
            specs.len() + 1,
            args.dist.display(),
        ))
    }

    /// The manifest: the built one's icons and display settings, with the
    /// bundle's names, description and colour.
    fn manifest(dist: &Path, b: &Bundle) -> Result<Vec<u8>, Failure> {
        let p = dist.join("manifest.webmanifest");
        let text = io(std::fs::read_to_string(&p), &p)?;
        let mut m: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| Failure::Io(format!("{}: {e}", p.display())))?;
        let org = &b.organisation;
        m["name"] = format!("{} – {}", org.site_title.pl, org.short_name.pl).into();
        m["short_name"] = org.app_short_name.clone().into();
        m["description"] = org.description.pl.clone().into();
        m["theme_color"] = org.theme_colour.clone().into();
        m["lang"] = "pl".into();
        let mut s = serde_json::to_string_pretty(&m).unwrap_or_default();
        s.push('\n');
        Ok(s.into_bytes())
    }

    /// The site's pages (not the embed views) with the date each last
    /// changed: a page whose HTML is what DIST already has keeps its date.
    fn sitemap(
        dist: &Path,
        site_url: &str,
        specs: &[PageSpec],
        out: &Output,
    ) -> Result<Vec<u8>, Failure> {
        let old = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap_or_default();
        let old_dates: BTreeMap<&str, &str> = old
            .split("<url>")
            .skip(1)
            .filter_map(|u| {
                let loc = u.split_once("<loc>")?.1.split_once("</loc>")?.0;
                let date = u.split_once("<lastmod>")?.1.split_once("</lastmod>")?.0;
                Some((loc, date))
            })
            .collect();
        let today = today();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for p in specs.iter().filter(|p| !p.embed) {
            let file = file_of(&p.path);
            let url = esc(&url_of(site_url, &p.path));
            let same = std::fs::read(dist.join(&file)).ok().as_deref()
                == out.get(&file).map(|v| v.as_slice());
            let date = match old_dates.get(url.as_str()) {
                Some(d) if same => d.to_string(),
                _ => today.clone(),
            };
            xml.push_str(&format!(
                "  <url><loc>{url}</loc><lastmod>{date}</lastmod></url>\n"
            ));
        }
        xml.push_str("</urlset>\n");
        Ok(xml.into_bytes())
    }

    /// Today's date (UTC), `YYYY-MM-DD`; SOURCE_DATE_EPOCH overrides the clock.
    fn today() -> String {
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        let (y, m, d) = content::civil_from_days(secs.div_euclid(86_400));
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Files a publish owns: every page from the last run (so a removed
    /// event's page goes), and the site files it writes (and `brand.css`,
    /// which earlier versions wrote, so that it goes).
    fn owned(rel: &str) -> bool {
        if editor_file(rel) {
            return false;
        }
        let plain = rel.trim_end_matches(".br").trim_end_matches(".gz");
        let name = plain.rsplit('/').next().unwrap_or(plain);
        (name.ends_with(".html") && name != TEMPLATE)
            || matches!(
                plain,
                "sitemap.xml" | "robots.txt" | "manifest.webmanifest" | "brand.css" | "sw.js"
            )
            || plain.starts_with("content/")
    }

    /// The content editor's files (scripts/build.sh builds them after the
    /// app): not publish's to remove, and not the visitors' to precache.
    fn editor_file(rel: &str) -> bool {
        rel.starts_with("editor/") || rel.starts_with("edytor/") || rel.starts_with("en/editor/")
    }

    /// Writes `out` into a copy of DIST beside it and swaps the copy in.
    /// Returns the service worker's new version.
    fn stage(dist: &Path, out: &Output, logo: Option<&str>) -> Result<String, Failure> {
        let dist = dist
            .canonicalize()
            .map_err(|e| Failure::Io(format!("{}: {e}", dist.display())))?;
        let name = dist
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("dist")
            .to_owned();
        let parent = dist.parent().unwrap_or(Path::new("/")).to_owned();
        let tmp = parent.join(format!(".{name}.publish-new"));
        let old = parent.join(format!(".{name}.publish-old"));
        for d in [&tmp, &old] {
            if d.exists() {
                io(std::fs::remove_dir_all(d), d)?;
            }
        }
        // Everything the build made, hard-linked (cheap, and never written to:
        // every file of `out` is a new file).
        let mut kept = vec![];
        walk(&dist, &dist, &mut kept)?;
        let sw_src = io(
            std::fs::read_to_string(dist.join("sw.js")),
            &dist.join("sw.js"),
        )?;
        for rel in kept.iter().filter(|r| !owned(r)) {
            let to = tmp.join(rel);
            if let Some(dir) = to.parent() {
                io(std::fs::create_dir_all(dir), dir)?;
            }
            let from = dist.join(rel);
            if std::fs::hard_link(&from, &to).is_err() {
                io(std::fs::copy(&from, &to), &from)?;
            }
        }
        let write = |rel: &str, data: &[u8]| -> Result<(), Failure> {
            let to = tmp.join(rel);
            if let Some(dir) = to.parent() {
                io(std::fs::create_dir_all(dir), dir)?;
            }
            io(std::fs::write(&to, data), &to)
        };
        for (rel, data) in out {
            write(rel, data)?;
        }
        // The worker's precache: the shell (not the pages, not the content),
        // each file with its integrity value; its version follows them all.
        let mut all = vec![];
        walk(&tmp, &tmp, &mut all)?;
        let precache: BTreeSet<&String> = all
            .iter()
            .filter(|r| {
                let name = r.rsplit('/').next().unwrap_or(r);
                (!r.starts_with("content/") || Some(r.as_str()) == logo)
                    && !editor_file(r)
                    && !r.ends_with(".br")
                    && !r.ends_with(".gz")
                    && !matches!(
                        r.as_str(),
                        "sw.js" | "sitemap.xml" | "robots.txt" | TEMPLATE
                    )
                    && (!name.ends_with(".html") || r.as_str() == "shell.html")
            })
            .collect();
        let mut list = vec![];
        for rel in &precache {
            let data = io(std::fs::read(tmp.join(rel)), &tmp.join(rel))?;
            list.push(serde_json::json!([rel, integrity(&data)]));
        }
        let list = serde_json::to_string(&list).unwrap_or_default();
        let version = hex(&sha256(list.as_bytes()))[..16].to_owned();
        let sw = stamp_worker(&sw_src, &version, &list)
            .ok_or_else(|| Failure::Io("sw.js: VERSION/PRECACHE lines not found".into()))?;
        write("sw.js", sw.as_bytes())?;
        // Compressed copies of what this run wrote (not the content: the
        // server compresses it, so a hand-replaced bundle is never shadowed),
        // on every core. Brotli's best quality costs ~20 ms a page: fine for
        // a site of hundreds of pages, not for tens of thousands, which get
        // a fast quality (a few per cent larger).
        let sw = sw.into_bytes();
        let jobs: Vec<(&String, &Vec<u8>)> = out
            .iter()
            .filter(|(rel, _)| !rel.starts_with("content/") && compressible(rel))
            .collect();
        let sw_name = "sw.js".to_owned();
        let jobs: Vec<(&String, &Vec<u8>)> = jobs.into_iter().chain([(&sw_name, &sw)]).collect();
        let quality = if jobs.len() <= 1000 { 11 } else { 5 };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per = jobs.len().div_ceil(threads).max(1);
        let results: Vec<Result<(), Failure>> = std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .chunks(per)
                .map(|chunk| {
                    let write = &write;
                    scope.spawn(move || -> Result<(), Failure> {
                        for (rel, data) in chunk {
                            write(&format!("{rel}.br"), &brotli(data, quality))?;
                            write(&format!("{rel}.gz"), &gzip(data))?;
                        }
                        Ok(())
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(Failure::Io("compression failed".into())))
                })
                .collect()
        });
        results.into_iter().collect::<Result<(), Failure>>()?;
        io(std::fs::rename(&dist, &old), &dist)?;
        if let Err(e) = std::fs::rename(&tmp, &dist) {
            // Put the old site back rather than leave none.
            let _ = std::fs::rename(&old, &dist);
            return Err(Failure::Io(format!("{}: {e}", dist.display())));
        }
        io(std::fs::remove_dir_all(&old), &old)?;
        Ok(version)
    }

    fn stamp_worker(src: &str, version: &str, list: &str) -> Option<String> {
        let mut found = 0;
        let lines: Vec<String> = src
            .lines()
            .map(|l| {
                if l.starts_with("const VERSION = ") {
                    found += 1;
                    format!("const VERSION = \"{version}\";")
                } else if l.starts_with("const PRECACHE = ") {
                    found += 1;
                    format!("const PRECACHE = {list};")
                } else {
                    l.to_owned()
                }
            })
            .collect();
        (found == 2).then(|| lines.join("\n") + "\n")
    }

    fn compressible(rel: &str) -> bool {
        [
            ".html",
            ".xml",
            ".txt",
            ".webmanifest",
            ".css",
            ".js",
            ".json",
            ".svg",
        ]
        .iter()
        .any(|e| rel.ends_with(e))
    }

    fn brotli(data: &[u8], quality: u32) -> Vec<u8> {
        let mut out = vec![];
        {
            let mut w = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
            let _ = w.write_all(data);
        }
        out
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::best());
        let _ = e.write_all(data);
        e.finish().unwrap_or_default()
    }

    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), Failure> {
        for entry in io(std::fs::read_dir(dir), dir)? {
            let entry = entry?;
            let p = entry.path();
            if entry.file_type()?.is_dir() {
                walk(root, &p, out)?;
            } else if let Ok(rel) = p.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
        Ok(())
    }

    fn sha256(data: &[u8]) -> Vec<u8> {
        use sha2::Digest;
        sha2::Sha256::digest(data).to_vec()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// `sha256-<base64>`, the Subresource-Integrity form the worker hands to fetch.
    fn integrity(data: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let d = sha256(data);
        let mut s = String::from("sha256-");
        for c in d.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..4 {
                if i <= c.len() {
                    s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    s.push('=');
                }
            }
        }
        s
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn integrity_is_base64_sha256() {
            // printf abc | openssl dgst -sha256 -binary | base64
            assert_eq!(
                integrity(b"abc"),
                "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
            );
        }

        #[test]
        fn dates_are_civil() {
            std::env::set_var("SOURCE_DATE_EPOCH", "1795651200");
            assert_eq!(today(), "2026-11-26");
        }

        #[test]
        fn descriptions_are_cut_at_a_word() {
            let long = "słowo ".repeat(60);
            let s = summary(&long);
            assert!(s.ends_with("słowo…") && s.chars().count() <= 201, "{s}");
            assert_eq!(summary("krótko."), "krótko.");
        }

        #[test]
        fn the_editors_files_are_neither_removed_nor_precached() {
            for f in [
                "editor/index.html",
                "editor/rops-editor-0123456789abcdef_bg.wasm",
                "edytor/index.html",
                "en/editor/index.html",
            ] {
                assert!(editor_file(f) && !owned(f), "{f}");
            }
            for f in [
                "index.html",
                "en/index.html",
                "os-czasu/2015-mokes/index.html",
            ] {
                assert!(owned(f) && !editor_file(f), "{f}");
            }
        }

        #[test]
        fn pages_live_in_folders() {
            assert_eq!(file_of("/"), "index.html");
            assert_eq!(
                file_of("/en/timeline/2015-mokes"),
                "en/timeline/2015-mokes/index.html"
            );
        }

        #[test]
        fn a_publish_owns_pages_and_site_files_only() {
            assert!(owned("os-czasu/index.html.br"));
            assert!(owned("sitemap.xml"));
            assert!(!owned(TEMPLATE));
            assert!(!owned("rops-es-1234abcd_bg.wasm"));
            assert!(!owned("boot.js"));
        }
    }
}
