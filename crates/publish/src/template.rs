//! The page template trunk built (`app.template.html`, see
//! scripts/post-build.mjs) and the pages made from it.

use super::digest::{hex, integrity, sha256};
use super::html::esc;
use super::{io, BuildProblem, PublishError};
use rops_content::Lang;
use std::path::Path;

/// The file trunk built, with markers a publish fills in.
pub(super) const TEMPLATE: &str = "app.template.html";
const BOOT_OPEN: &str = "<div id=\"boot\">";
const BOOT_CLOSE: &str = "<!--/boot-->";
const META_MARK: &str = "<!--rops:meta-->";
const ICON: &str = "icons/icon.svg";

pub(super) struct Template {
    html: String,
    /// The router base, `<base href>`: `/` or `/sub/`.
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
    /// On a large site, the file `style` is published as and every page
    /// links (see [`Template::link_style`]); inline otherwise.
    linked: Option<String>,
}

impl Template {
    pub(super) fn read(dist: &Path) -> Result<Template, PublishError> {
        let p = dist.join(TEMPLATE);
        let html = std::fs::read_to_string(&p).map_err(|source| PublishError::NotBuilt {
            path: p.clone(),
            source,
        })?;
        let fault = |problem| PublishError::Build {
            path: p.clone(),
            problem,
        };
        for mark in [
            BOOT_OPEN,
            BOOT_CLOSE,
            META_MARK,
            "<meta charset=\"utf-8\">",
            "<title>",
            "<html lang=\"pl\"",
        ] {
            if !html.contains(mark) {
                return Err(fault(BuildProblem::NoMarker(mark)));
            }
        }
        // `<base href="/sub/">`, written by trunk's --public-url.
        let base = html
            .split_once("<base href=\"")
            .and_then(|(_, r)| r.split_once('"'))
            .map(|(b, _)| b.to_owned())
            .ok_or_else(|| fault(BuildProblem::NoBase))?;
        // The stylesheet trunk linked: `<link rel="stylesheet" href="/base/style-….css" …/>`.
        let start = html
            .find("<link rel=\"stylesheet\" href=\"")
            .ok_or_else(|| fault(BuildProblem::NoStylesheet))?;
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
            return Err(PublishError::Build {
                path: css_path,
                problem: BuildProblem::ClosesStyle,
            });
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
            linked: None,
        })
    }

    /// Everything a page takes from the template, for the hash of a
    /// page's inputs (`site::Inputs`).
    pub(super) fn identity(&self) -> Vec<u8> {
        let icon = self.icon.as_deref().unwrap_or("");
        let linked = self.linked.as_deref().unwrap_or("");
        [self.html.as_str(), &self.base, &self.style, icon, linked]
            .join("\0")
            .into_bytes()
    }

    /// The router base the app was built for (`<base href>`): `/` or `/sub/`.
    pub(super) fn base(&self) -> &str {
        &self.base
    }

    /// The bundle's accent after the app's rules, so that it wins; the
    /// style and its hash are made once here, not once per page.
    pub(super) fn add_brand(&mut self, brand: Option<String>) {
        if let Some(brand) = brand {
            self.style.push('\n');
            self.style.push_str(&brand);
            self.style_hash = integrity(self.style.as_bytes());
        }
    }

    /// Pages link the style instead of carrying it: returns the file to
    /// publish it as (named by its content, so nginx lets browsers keep
    /// it for a year) and its bytes. For large sites: inline, the 22 KB
    /// stylesheet was most of every page, and a 10 000-event site wrote
    /// it 40 000 times (with its compressed copies, most of the gigabytes
    /// a fresh publish wrote). After [`Template::add_brand`].
    pub(super) fn link_style(&mut self) -> (String, Vec<u8>) {
        let name = format!("site-{}.css", &hex(&sha256(self.style.as_bytes()))[..16]);
        self.linked = Some(name.clone());
        (name, self.style.clone().into_bytes())
    }

    /// A published page: the template with this page's head and first
    /// screen, without the preloads of the app's js, wasm and bundle.
    /// The page is readable on its own; boot.js starts all three after
    /// the first paint, so they never compete with the page for the
    /// network before it is drawn.
    pub(super) fn published(
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

    /// The template's own first screen (the header, the skeleton), as the
    /// app was built: what a page shows before the app has its content.
    pub(super) fn first_screen(&self) -> &str {
        let start = self.html.find(BOOT_OPEN).unwrap_or(0);
        let end = self.html.find(BOOT_CLOSE).unwrap_or(start);
        &self.html[start..end]
    }

    /// The page: the template with this page's head and first screen.
    ///
    /// The stylesheet is inline: a linked one costs a second round trip
    /// before the first paint (measured: LCP 1.5–2× a page with inline
    /// style on slow 4G), except on large sites ([`Template::link_style`]),
    /// where it is fetched once and kept. The server's policy allows inline style only
    /// together with this page's own policy, which allows exactly this
    /// `<style>` by its hash: browsers enforce every policy a page has,
    /// so a style anyone else slipped in would still be refused.
    pub(super) fn page(
        &self,
        lang: Lang,
        embed: bool,
        title: &str,
        meta: &str,
        boot: &str,
    ) -> String {
        let start = self.html.find(BOOT_OPEN).unwrap_or(0);
        let end = self.html.find(BOOT_CLOSE).unwrap_or(start);
        let style = &self.style;
        let link = self.css_link.clone();
        let mut html =
            String::with_capacity(self.html.len() + boot.len() + meta.len() + style.len() + 200);
        html.push_str(&self.html[..link.start]);
        match &self.linked {
            Some(name) => {
                html.push_str("<link rel=\"stylesheet\" href=\"");
                html.push_str(&self.base);
                html.push_str(name);
                html.push_str("\">");
            }
            None => {
                html.push_str("<style>");
                html.push_str(style);
                html.push_str("</style>");
            }
        }
        html.push_str(&self.html[link.end..start]);
        html.push_str(boot);
        html.push_str(&self.html[end..]);
        let root = format!(
            "<html lang=\"{}\"{}",
            lang.as_str(),
            if embed { " data-embed" } else { "" }
        );
        // A linked style needs no inline one: the policy then allows none.
        let inline = match &self.linked {
            Some(_) => String::new(),
            None => format!(" '{}'", self.style_hash),
        };
        let policy = format!(
            "<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"style-src 'self'{inline}\">"
        );
        html.replacen("<html lang=\"pl\"", &root, 1)
            .replacen("<meta charset=\"utf-8\">", &policy, 1)
            .replacen("<title>", &format!("<title>{}", esc(title)), 1)
            .replacen(META_MARK, meta, 1)
    }
}
