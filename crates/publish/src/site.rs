//! What the site consists of: the pages of a bundle (every route in both
//! languages, full site and embed views), each page's head, the 404 page,
//! the offline shell, the manifest, `robots.txt` and the sitemap. Each page
//! goes to the caller's page writer as soon as it is rendered
//! ([`super::stage::Staging::page`]); the other files, a few, are kept in
//! memory ([`Output`]) for the caller to write.

use super::clock::today;
use super::html::{declaration_meta, esc};
use super::template::Template;
use super::tree::{Media, Output};
use super::{io, BuildProblem, PublishError};
use rops_app::app::Prerender;
use rops_app::nav::{
    absolute_url, event_path, project_path, to_embed, Page, FIRST_PUBLISHED_META, PUBLIC_URL_META,
};
use rops_app::site_url::SiteUrl;
use rops_content::{self as content, Bundle, Lang};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// One page to write: where, and what the app shows there.
#[derive(Clone)]
pub(super) struct PageSpec {
    /// Below the router base: `/`, `/en/timeline/2015-mokes`, `/embed/os-czasu`.
    path: String,
    lang: Lang,
    embed: bool,
    /// The same page in every language of the bundle, this one included
    /// (full-site pages only): the head's and the sitemap's `hreflang`.
    alternates: Vec<(Lang, String)>,
    description: String,
    /// An event page: shared as an article.
    article: bool,
    /// The event it shows (an index into the bundle's events).
    event: Option<usize>,
}

impl PageSpec {
    /// The same page as an embed view: its own address, no language twin.
    fn embedded(&self) -> PageSpec {
        PageSpec {
            path: to_embed(&self.path),
            embed: true,
            alternates: vec![],
            ..self.clone()
        }
    }
}

/// Every page of `b`: each route's in every language of the bundle, full
/// site and embed views (the 404 page and the shell are not routes).
pub(super) fn pages(b: &Bundle) -> Vec<PageSpec> {
    let org = &b.organisation;
    let languages = b.languages();
    let each = |path: &dyn Fn(Lang) -> String| -> Vec<(Lang, String)> {
        languages.iter().map(|&l| (l, path(l))).collect()
    };
    let mut out = vec![];
    for &lang in languages {
        for page in Page::ALL {
            let d = &org.page_descriptions;
            // The law's two pages are described by what they are, with
            // the organisation's name: no editor has to write them.
            let l = rops_app::i18n::legal(lang);
            let legal_page = |what: &str| format!("{what}: {}.", org.short_name.in_lang(lang));
            let description = match page {
                Page::About => d.about.in_lang(lang).to_owned(),
                Page::Timeline => d.timeline.in_lang(lang).to_owned(),
                Page::Funding => d.funding.in_lang(lang).to_owned(),
                Page::Accessibility => d.accessibility.in_lang(lang).to_owned(),
                Page::EmbedCode => d.embed_code.in_lang(lang).to_owned(),
                Page::EasyRead => legal_page(l.etr_description),
                Page::SignLanguage => legal_page(l.pjm_description),
                Page::Privacy => legal_page(l.privacy_description),
            };
            let full = PageSpec {
                path: page.path(lang).to_owned(),
                lang,
                embed: false,
                alternates: each(&|l| page.path(l).to_owned()),
                description,
                article: false,
                event: None,
            };
            if page.embeddable() {
                out.push(full.embedded());
            }
            out.push(full);
        }
        // A project's page has no embed view: its marks come first in the
        // full site, and embeds link there.
        for p in &b.projects {
            out.push(PageSpec {
                path: project_path(lang, &p.id),
                lang,
                embed: false,
                alternates: each(&|l| project_path(l, &p.id)),
                description: summary(p.summary.in_lang(lang)),
                article: false,
                event: None,
            });
        }
        for (i, e) in b.events.iter().enumerate() {
            let full = PageSpec {
                path: event_path(lang, e.id.as_str()),
                lang,
                embed: false,
                alternates: each(&|l| event_path(l, e.id.as_str())),
                description: summary(e.description.in_lang(lang)),
                article: true,
                event: Some(i),
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

/// The file a path is served from: `/` → `index.html`, `/x/y` → `x/y/index.html`.
fn file_of(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".into(),
        p => format!("{p}/index.html"),
    }
}

/// What every page's head says of the site.
struct Head<'a> {
    bundle: &'a Bundle,
    site_url: String,
    /// The day the site was first published (the declaration's date when
    /// the bundle gives none: the app reads it from every page's head).
    first_published: content::DateValue,
}

impl Head<'_> {
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
                "<meta name=\"{PUBLIC_URL_META}\" content=\"{}\">",
                esc(&self.site_url)
            ),
            format!("<link rel=\"manifest\" href=\"{}\">", manifest_file(lang)),
        ];
        if self.first_published.is_given() {
            m.push(format!(
                "<meta name=\"{FIRST_PUBLISHED_META}\" content=\"{}\">",
                self.first_published
            ));
        }
        // Without scripts, controls that need them are hidden or explained.
        m.push("<noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>".into());
        m.push(declaration_meta(&self.site_url, lang));
        let route = p.and_then(|p| rops_app::nav::resolve(&p.path).route);
        m.push(super::jsonld::script(
            self.bundle,
            &self.site_url,
            route.as_ref(),
            lang,
        ));
        if let Some(p) = p {
            let url = absolute_url(&self.site_url, &p.path);
            if p.embed {
                // Embed views belong in the portal's frame, not in search results.
                m.push("<meta name=\"robots\" content=\"noindex\">".into());
            } else {
                m.push(format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)));
                // Every language version, and the default language's as
                // the one for readers of any other.
                let default = p.alternates.first().map(|(_, path)| path.as_str());
                let all = p
                    .alternates
                    .iter()
                    .map(|(l, path)| (l.as_str(), path.as_str()));
                for (code, path) in all.chain(default.map(|d| ("x-default", d))) {
                    m.push(format!(
                        "<link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\">",
                        esc(&absolute_url(&self.site_url, path))
                    ));
                }
            }
            let locale = |l: Lang| match l {
                Lang::Pl => "pl_PL",
                Lang::En => "en_GB",
                Lang::Uk => "uk_UA",
                Lang::De => "de_DE",
            };
            let kind = if p.article { "article" } else { "website" };
            let mut og = vec![
                ("og:type", kind.to_owned()),
                ("og:title", title.to_owned()),
                ("og:description", description.clone()),
                ("og:url", url),
                ("og:site_name", org.name.in_lang(lang).to_owned()),
                ("og:locale", locale(lang).to_owned()),
            ];
            for &other in self.bundle.languages().iter().filter(|&&l| l != lang) {
                og.push(("og:locale:alternate", locale(other).to_owned()));
            }
            for (k, v) in og {
                m.push(format!("<meta property=\"{k}\" content=\"{}\">", esc(&v)));
            }
            if let Some(logo) = org.logo.as_ref().filter(|l| l.file.ends_with(".png")) {
                let img = absolute_url(&self.site_url, &format!("content/{}", logo.file));
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

/// Takes each page: its file below DIST, the hash of its inputs
/// ([`Inputs`]) and how to render it, called only if the writer has no
/// page of these inputs. Says whether DIST already had it as it is.
pub(super) type PageWriter<'a> =
    dyn FnMut(&str, &str, &mut dyn FnMut() -> Vec<u8>) -> Result<bool, PublishError> + 'a;

/// What a page's HTML is made of, hashed, so that a page whose inputs did
/// not change is not rendered again ([`super::store`]): the publisher
/// itself, the built app's template with the bundle's accent, the site's
/// address, how hard the site's pages are compressed, and the bundle
/// without its events — then, for an event's
/// page, that event and the two beside it on the timeline (the page links
/// them), and for every other page all the events. Rendering is a pure
/// function of these; `publish_kill`'s test of an edit against a fresh
/// publish holds it to that, byte for byte.
struct Inputs {
    site: Vec<u8>,
    events: Vec<u8>,
    /// By index into the bundle's events.
    event: Vec<Vec<u8>>,
}

impl Inputs {
    fn new(
        bundle: &Bundle,
        template: &Template,
        site_url: &str,
        first_published: content::DateValue,
        pages: usize,
    ) -> Inputs {
        use sha2::Digest;
        let mut site = sha2::Sha256::new();
        site.update(b"rops page inputs 1\0");
        site.update(publisher_identity());
        site.update(template.identity());
        site.update(site_url.as_bytes());
        site.update(first_published.to_string().as_bytes());
        site.update(super::stage::compression_of(pages));
        let without_events = Bundle {
            events: vec![],
            ..bundle.clone()
        };
        site.update(json(&without_events));
        let chronology = content::Chronology::new(bundle);
        let n = bundle.events.len();
        let mut event = vec![vec![]; n];
        for pos in 0..n {
            let id = |p: Option<usize>| {
                p.filter(|&p| p < n)
                    .map_or("", |p| chronology.at(bundle, p).id.as_str())
            };
            let i = chronology.index_at(pos);
            let mut h = sha2::Sha256::new();
            h.update(json(&bundle.events[i]));
            h.update(b"\0");
            h.update(id(pos.checked_sub(1)).as_bytes());
            h.update(b"\0");
            h.update(id(Some(pos + 1)).as_bytes());
            event[i] = h.finalize().to_vec();
        }
        Inputs {
            site: site.finalize().to_vec(),
            events: sha2::Sha256::digest(json(&bundle.events)).to_vec(),
            event,
        }
    }

    /// The hash of page `p`'s inputs (of the 404 page for `None`).
    fn of(&self, p: Option<&PageSpec>) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(&self.site);
        match p {
            None => h.update(b"404"),
            Some(p) => {
                let of_events = p.event.and_then(|i| self.event.get(i));
                h.update(of_events.unwrap_or(&self.events));
                let fields = format!(
                    "{}\0{}\0{}\0{:?}\0{}\0{}",
                    p.path,
                    p.lang.as_str(),
                    p.embed,
                    p.alternates,
                    p.description,
                    p.article
                );
                h.update(fields.as_bytes());
            }
        }
        super::digest::hex(&h.finalize())
    }
}

/// Which publisher renders: a rebuilt one may render the same inputs
/// otherwise, so its pages are not taken for its predecessor's (its
/// version, and its executable's size and time).
fn publisher_identity() -> Vec<u8> {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {time}", m.len())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION")).into_bytes()
}

/// What a page is made of, serialised for [`Inputs`] (the model always
/// serialises: it has no maps with non-string keys).
fn json<T: serde::Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

/// What one publish writes besides the pages: in memory, and the bundle's
/// files.
pub(super) struct Rendered {
    pub(super) out: Output,
    /// How many pages: every route's and the 404 page (not the shell).
    pub(super) pages: usize,
    /// The files the bundle names, copied as they are (a video may be
    /// 100 MiB: streamed by the kernel, never held in memory).
    pub(super) media: Vec<Media>,
}

/// Every file the bundle names, each once (a name given twice is one file).
fn media(bundle: &Bundle, bundle_dir: &Path) -> Vec<Media> {
    let mut seen = std::collections::BTreeSet::new();
    content::media_files(bundle)
        .into_iter()
        .filter(|(_, name, _)| seen.insert(*name))
        .map(|(_, name, _)| Media {
            rel: format!("content/{name}"),
            from: bundle_dir.join(name),
            precache: content::is_logo_name(name),
        })
        .collect()
}

/// The site of `bundle` (whose file held `bytes` and sits in `bundle_dir`,
/// where its logo is), on the built app in `app` (DIST's own, or a new
/// release's), for DIST `dist`, at `site_url`: its pages `specs`
/// ([`pages`]) and the 404 page. Each page (its file and HTML) goes to
/// `page` as it is rendered, which says whether DIST had it as it is.
#[allow(clippy::too_many_arguments)]
pub(super) fn render(
    bundle: &Bundle,
    bytes: Vec<u8>,
    bundle_dir: &Path,
    app: &Path,
    dist: &Path,
    mut template: Template,
    address: &SiteUrl,
    first_published: content::DateValue,
    specs: &[PageSpec],
    page: &mut PageWriter<'_>,
) -> Result<Rendered, PublishError> {
    let site_url = address.as_str();
    template.add_brand(bundle.accent_css());
    let stylesheet = super::stage::large_site(specs.len() + 1).then(|| template.link_style());
    let site = Head {
        bundle,
        site_url: site_url.to_owned(),
        first_published,
    };
    let inputs = Inputs::new(
        bundle,
        &template,
        site_url,
        first_published,
        specs.len() + 1,
    );
    let mut render = Prerender::new(Arc::new(bundle.clone()), address.clone(), template.base());
    if first_published.is_given() {
        render = render.with_first_published(first_published);
    }
    let mut out = Output::new();

    // The pages DIST already has as they are: their sitemap dates stay.
    let mut unchanged = std::collections::HashSet::new();
    for p in specs {
        let file = file_of(&p.path);
        let mut html = || {
            let (body, title) = render.page(&p.path, "");
            let title =
                title.unwrap_or_else(|| bundle.organisation.name.in_lang(p.lang).to_owned());
            let meta = site.meta(Some(p), &title, p.lang);
            let boot = format!("<div id=\"boot\" data-prerendered>{body}</div>");
            template
                .published(p.lang, p.embed, &title, &meta, &boot)
                .into_bytes()
        };
        if page(&file, &inputs.of(Some(p)), &mut html)? {
            unchanged.insert(file);
        }
    }
    // Unknown addresses: the app's "not found" page, served with 404.
    let mut not_found = || {
        let (body, title) = render.page("/404", "");
        let title = title.unwrap_or_default();
        let meta =
            site.meta(None, &title, Lang::Pl) + "\n  <meta name=\"robots\" content=\"noindex\">";
        let boot = format!("<div id=\"boot\" data-prerendered>{body}</div>");
        template
            .published(Lang::Pl, false, &title, &meta, &boot)
            .into_bytes()
    };
    page("404.html", &inputs.of(None), &mut not_found)?;
    // The offline fallback: the template's first screen (header, skeleton),
    // with the name filled in. (Given "" as its first screen, it was a
    // blank page until the wasm mounted.)
    let name = esc(bundle.organisation.name.default_text());
    let shell = template
        .page(
            Lang::Pl,
            false,
            bundle.organisation.name.default_text(),
            &site.meta(None, "", Lang::Pl),
            template.first_screen(),
        )
        .replacen(
            "data-boot=\"org\"></a>",
            &format!("data-boot=\"org\">{name}</a>"),
            1,
        );
    out.insert("shell.html".into(), shell.into_bytes());
    // Precached with the shell (not a page, not content), so that the
    // shell and every page have it offline.
    if let Some((file, css)) = stylesheet {
        out.insert(file, css);
    }

    // One manifest per language of the pages (Polish at the root, as its
    // pages are): its name, description and `lang` in it, its home as
    // `start_url`; one `id` and `scope` for all, so that they are one app.
    let mut langs = bundle.languages().to_vec();
    if !langs.contains(&Lang::Pl) {
        langs.push(Lang::Pl);
    }
    for lang in langs {
        out.insert(manifest_file(lang), manifest(app, bundle, lang)?);
    }
    out.insert(
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n").into_bytes(),
    );
    out.insert("content/bundle.json".into(), bytes);
    // The machine-readable text and the open data: not pages, so not in
    // the sitemap (a crawler finds them through the pages that link them).
    for (file, data) in super::plain_text::outputs(bundle, site_url) {
        out.insert(file.into(), data);
    }
    for (file, data) in super::open_data::outputs(bundle, site_url) {
        out.insert(file.into(), data);
    }
    let sitemap = sitemap(dist, site_url, specs, &unchanged);
    out.insert("sitemap.xml".into(), sitemap);

    Ok(Rendered {
        out,
        pages: specs.len() + 1,
        media: media(bundle, bundle_dir),
    })
}

/// The manifest a page in `lang` links: `manifest.webmanifest` for the
/// Polish pages at the root, `en/manifest.webmanifest` beside the English
/// ones, and so on (each language's pages below its prefix).
pub(crate) fn manifest_file(lang: Lang) -> String {
    match rops_app::nav::lang_prefix(lang).trim_start_matches('/') {
        "" => "manifest.webmanifest".into(),
        prefix => format!("{prefix}/manifest.webmanifest"),
    }
}

/// The manifest of the pages in `lang`: the built one's icons and display
/// settings, with the bundle's names, description and colour in `lang`.
/// One below the root (`en/`) says where the root's files are (`../`).
fn manifest(dist: &Path, b: &Bundle, lang: Lang) -> Result<Vec<u8>, PublishError> {
    let p = dist.join("manifest.webmanifest");
    let text = io(std::fs::read_to_string(&p), &p)?;
    let mut m: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| PublishError::Build {
            path: p.clone(),
            problem: BuildProblem::Manifest(e),
        })?;
    let org = &b.organisation;
    m["name"] = format!(
        "{} – {}",
        org.site_title.in_lang(lang),
        org.short_name.in_lang(lang)
    )
    .into();
    m["short_name"] = org.app_short_name.clone().into();
    m["description"] = org.description.in_lang(lang).to_owned().into();
    m["theme_color"] = org.theme_colour.clone().into();
    m["lang"] = lang.as_str().into();
    let up = "../".repeat(manifest_file(lang).matches('/').count());
    if !up.is_empty() {
        // Addresses in a manifest are read from the manifest's own.
        m["id"] = up.clone().into();
        m["scope"] = up.clone().into();
        // The language's home, as its pages link it (`/en`, not `/en/`).
        m["start_url"] = format!("{up}{}", Page::About.path(lang).trim_start_matches('/')).into();
        for icon in m["icons"].as_array_mut().into_iter().flatten() {
            if let Some(src) = icon["src"].as_str() {
                icon["src"] = format!("{up}{src}").into();
            }
        }
    }
    let mut s = serde_json::to_string_pretty(&m).unwrap_or_default();
    s.push('\n');
    Ok(s.into_bytes())
}

/// The site's pages (not the embed views) with the date each last
/// changed: a page whose HTML is what DIST already has (`unchanged`, by
/// file) keeps its date.
fn sitemap(
    dist: &Path,
    site_url: &str,
    specs: &[PageSpec],
    unchanged: &std::collections::HashSet<String>,
) -> Vec<u8> {
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
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for p in specs.iter().filter(|p| !p.embed) {
        let file = file_of(&p.path);
        let url = esc(&absolute_url(site_url, &p.path));
        let same = unchanged.contains(&file);
        let date = match old_dates.get(url.as_str()) {
            Some(d) if same => d.to_string(),
            _ => today.clone(),
        };
        // Each address names its versions in the other languages, as the
        // page's head does (Google reads either).
        let default = p.alternates.first().map(|(_, path)| ("x-default", path));
        let alternates: String = p
            .alternates
            .iter()
            .map(|(l, path)| (l.as_str(), path))
            .chain(default)
            .map(|(code, path)| {
                format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>",
                    esc(&absolute_url(site_url, path))
                )
            })
            .collect();
        xml.push_str(&format!(
            "  <url><loc>{url}</loc><lastmod>{date}</lastmod>{alternates}</url>\n"
        ));
    }
    xml.push_str("</urlset>\n");
    xml.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn pages_live_in_folders() {
        assert_eq!(file_of("/"), "index.html");
        assert_eq!(
            file_of("/en/timeline/2015-mokes"),
            "en/timeline/2015-mokes/index.html"
        );
    }
}
