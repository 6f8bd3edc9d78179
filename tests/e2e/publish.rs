//! End-to-end: the published pages before the wasm runs (the page itself,
//! accessible), and `publish` (crates/publish/src/main.rs) as an editor runs it, on a
//! copy of the built `dist/`, and what it leaves there: a site for another
//! organisation with nothing of the shipped one left, pages that say their
//! facts without a browser and work without scripts, a takeover by the app
//! that moves nothing, a faulty bundle refused with the site untouched, and
//! an edited bundle that changes exactly the pages that show the edit.
//!
//! `publish` is the binary of `crates/publish` ([`publish_exe`]: the one a
//! release ships, under scripts/test.sh). Each test publishes into its own
//! copy of dist/ in a folder of its own (publish stages a sibling of DIST).

use rops_e2e::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the shipped organisation's pages say of it: a site published for
/// another organisation must say none of it.
const SHIPPED_WORDS: [&str; 5] = ["ROPS", "Kraków", "Krakow", "Krakowie", "Małopol"];

// ---------------------------------------------------------------- the site

/// Which page of the app a published page is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    About,
    Timeline,
    Event,
    Funding,
    Declaration,
    EmbedCode,
    EasyRead,
    SignLanguage,
    Project,
    Privacy,
}

/// One published page, as a test expects it.
#[derive(Clone, Debug)]
struct SitePage {
    /// Below the base: `/`, `/en/timeline/2015-mokes`, `/embed/os-czasu`.
    path: String,
    lang: &'static str,
    embed: bool,
    kind: Kind,
    /// The full-site page in Polish, English and Ukrainian (for an embed
    /// view: the page it embeds).
    pl: String,
    en: String,
    uk: String,
    /// The event an event page shows, or the project a project page shows.
    event: Option<String>,
}

/// The embed view of a full-site path: `/os-czasu` → `/embed/os-czasu`,
/// `/en/funding` → `/en/embed/funding` (nav.rs's addresses).
fn embed_of(path: &str) -> String {
    for prefix in ["/en/", "/uk/", "/de/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            return format!("{prefix}embed/{rest}");
        }
    }
    format!("/embed{path}")
}

/// Every page a publish of `bundle` writes: each route of routes.rs in both
/// languages, every event of the bundle (EVENT stands for them there), and
/// the embed views of the timeline, the funding page and every event.
fn site_pages(bundle: &Value) -> Vec<SitePage> {
    let mut routes: Vec<(Kind, String, String, String, Option<String>)> = vec![];
    for r in ROUTES {
        let kind = match r {
            r if *r == ABOUT => Kind::About,
            r if *r == TIMELINE => Kind::Timeline,
            r if *r == FUNDING => Kind::Funding,
            r if *r == DECLARATION => Kind::Declaration,
            r if *r == EMBED_CODE => Kind::EmbedCode,
            r if *r == EASY_READ => Kind::EasyRead,
            r if *r == SIGN_LANGUAGE => Kind::SignLanguage,
            r if *r == PRIVACY => Kind::Privacy,
            r if *r == PROJECT => {
                for p in bundle["projects"]
                    .as_array()
                    .expect("the bundle has projects")
                {
                    let id = p["id"].as_str().unwrap();
                    routes.push((
                        Kind::Project,
                        format!("/projekty/{id}"),
                        format!("/en/projects/{id}"),
                        format!("/uk/projects/{id}"),
                        Some(id.to_owned()),
                    ));
                }
                continue;
            }
            r if *r == EVENT => {
                for id in event_ids_of(bundle) {
                    routes.push((
                        Kind::Event,
                        format!("{}/{id}", TIMELINE.pl),
                        format!("{}/{id}", TIMELINE.en),
                        format!("{}/{id}", TIMELINE.uk),
                        Some(id),
                    ));
                }
                continue;
            }
            other => panic!("routes.rs has a route this test does not know: {other:?}"),
        };
        routes.push((
            kind,
            r.pl.to_owned(),
            r.en.to_owned(),
            r.uk.to_owned(),
            None,
        ));
    }
    // The bundle's languages: a page in each (German, the fictional
    // bundle's, at the Ukrainian pages' English words under `/de`).
    let langs: Vec<&'static str> = match bundle["languages"].as_array() {
        Some(l) => LANGS
            .into_iter()
            .chain(["de"])
            .filter(|x| l.iter().any(|v| v == x))
            .collect(),
        None => vec!["pl", "en"],
    };
    let mut out = vec![];
    for (kind, pl, en, uk, event) in routes {
        let embeddable = matches!(kind, Kind::Timeline | Kind::Funding | Kind::Event);
        for &lang in &langs {
            let de = uk.replacen("/uk", "/de", 1);
            let path = match lang {
                "en" => &en,
                "uk" => &uk,
                "de" => &de,
                _ => &pl,
            };
            let page = |path: String, embed: bool| SitePage {
                path,
                lang,
                embed,
                kind,
                pl: pl.clone(),
                en: en.clone(),
                uk: uk.clone(),
                event: event.clone(),
            };
            out.push(page(path.clone(), false));
            if embeddable {
                out.push(page(embed_of(path), true));
            }
        }
    }
    out
}

/// The file a page is served from: `/` → `index.html`, `/x/y` → `x/y/index.html`.
fn file_of(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".into(),
        p => format!("{p}/index.html"),
    }
}

fn event_ids_of(bundle: &Value) -> Vec<String> {
    bundle["events"]
        .as_array()
        .expect("the bundle has events")
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

fn event_of<'a>(bundle: &'a Value, id: &str) -> &'a Value {
    bundle["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id} in the bundle"))
}

/// A string of the bundle (`v` is e.g. `b["organisation"]["name"]["pl"]`).
fn string(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("not a string in the bundle: {v}"))
        .to_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ------------------------------------------------------------ the folders

/// A folder of one test's own; removed when the test passes, kept (for a
/// look) when it fails.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new(name: &str) -> WorkDir {
        let dir = std::env::temp_dir().join(format!("rops-publish-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        WorkDir(dir)
    }

    /// A copy of the shipped dist/ in this folder, as `dist`.
    fn copy_of_dist(&self) -> PathBuf {
        let to = self.0.join("dist");
        copy_dir(&dist_dir(), &to);
        to
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// Every file below `dir`, by its path relative to it, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                walk(root, &e.path(), out);
            } else {
                let rel = e.path().strip_prefix(root).unwrap().to_owned();
                let rel = rel.to_string_lossy().replace('\\', "/");
                out.insert(rel, std::fs::read(e.path()).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The names in a folder (to see what publish left beside DIST).
fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Files added, removed and changed from `before` to `after`.
fn diff(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
) -> (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>) {
    let added = after
        .keys()
        .filter(|k| !before.contains_key(*k))
        .cloned()
        .collect();
    let removed = before
        .keys()
        .filter(|k| !after.contains_key(*k))
        .cloned()
        .collect();
    let changed = before
        .iter()
        .filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v))
        .map(|(k, _)| k.clone())
        .collect();
    (added, removed, changed)
}

/// Runs publish: `publish [env] --local BUNDLE DIST`, from the repository
/// (`--local`: the copy is served on this machine, as the tests do).
fn publish(bundle: &Path, dist: &Path, env: &[(&str, String)]) -> Output {
    let mut cmd = Command::new(publish_exe());
    cmd.arg("--local")
        .arg(bundle)
        .arg(dist)
        .current_dir(repo_dir())
        .env_remove("ROPS_SITE_URL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("running publish")
}

fn published(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn gunzip(data: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = vec![];
    flate2::read::GzDecoder::new(data)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn unbrotli(data: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = vec![];
    brotli_decompressor::Decompressor::new(data, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

// -------------------------------------------------- reading HTML, no browser

/// Text as a reader sees it: character references decoded.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // The next twelve characters (not bytes: text after a `&` may be
        // anything), a prefix of `rest`, so its byte offsets are rest's.
        let window: String = rest.chars().take(12).collect();
        let end = window.find(';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of some HTML: tags and comments dropped (each tag ends a word),
/// references decoded, every kind of space as one plain space.
fn text_of_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |e| e + 3)
        } else {
            rest.find('>').map_or(rest.len(), |e| e + 1)
        };
        // Inline tags (a, span) do not separate words; block tags do. A
        // space for every tag is enough for "contains" checks, once squashed.
        let tag = &rest[..end];
        let inline = [
            "<a ", "<a>", "</a>", "<span", "</span>", "<!>", "<abbr", "</abbr>",
        ]
        .iter()
        .any(|t| tag.starts_with(t));
        if !inline {
            out.push(' ');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    squash(&unescape(&out))
}

/// Every space (non-breaking, narrow, thin) as a plain one, runs as one.
fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The attributes of a start tag's text (`<meta name="x" content="y">`).
fn attrs_of(tag: &str) -> BTreeMap<String, String> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut chars = inner
        .trim_start_matches(|c: char| !c.is_whitespace())
        .chars()
        .peekable();
    let mut out = BTreeMap::new();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            return out;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            match chars.next_if(|c| *c == '"' || *c == '\'') {
                Some(q) => value = std::iter::from_fn(|| chars.next_if(|c| *c != q)).collect(),
                None => {
                    value = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect()
                }
            }
            chars.next();
        }
        out.insert(name.to_ascii_lowercase(), unescape(&value));
    }
}

/// Every `<name …>` start tag of the page, as attributes.
fn tags(html: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    let open = format!("<{name}");
    let mut out = vec![];
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i..];
        let next = rest[open.len()..].chars().next();
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        if next.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/') {
            out.push(attrs_of(&rest[..end]));
        }
        rest = &rest[end..];
    }
    out
}

/// The `content` of `<meta {key}="{value}">` (key: `name` or `property`).
fn meta(html: &str, key: &str, value: &str) -> Option<String> {
    tags(html, "meta")
        .into_iter()
        .find(|m| m.get(key).map(String::as_str) == Some(value))
        .and_then(|m| m.get("content").cloned())
}

/// The `href` of every `<link rel="{rel}" …>` (with `hreflang` if any).
fn links(html: &str, rel: &str) -> Vec<(Option<String>, String)> {
    tags(html, "link")
        .into_iter()
        .filter(|l| l.get("rel").map(String::as_str) == Some(rel))
        .map(|l| (l.get("hreflang").cloned(), l["href"].clone()))
        .collect()
}

/// The text inside the first `<name …>…</name>` (not nested in itself).
fn element_text(html: &str, name: &str) -> Option<String> {
    let open = html.find(&format!("<{name}"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{name}>"))?;
    Some(text_of_html(&html[start..end]))
}

fn html_title(html: &str) -> String {
    element_text(html, "title").expect("a <title>")
}

/// The prerendered page's text (inside `#boot`), as read without a browser.
fn boot_text(html: &str) -> String {
    let start = html
        .find("<div id=\"boot\" data-prerendered>")
        .expect("a prerendered #boot");
    let end = html.find("<!--/boot-->").expect("the end of #boot");
    text_of_html(&html[start..end])
}

/// Where each of `words` occurs in `text`, with a little context.
fn occurrences(text: &str, words: &[&str]) -> Vec<String> {
    let mut out = vec![];
    for w in words {
        for (i, _) in text.match_indices(w) {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
            let to = text[i..]
                .char_indices()
                .nth(w.chars().count() + 40)
                .map_or(text.len(), |(j, _)| i + j);
            out.push(format!("{w:?} in …{}…", &text[from..to]));
        }
    }
    out
}

/// The first `n` characters of `s`, cut back to a word.
fn start_of(s: &str, n: usize) -> String {
    let s = squash(s);
    if s.chars().count() <= n {
        return s;
    }
    let cut: String = s.chars().take(n).collect();
    cut.rsplit_once(' ')
        .map_or(cut.clone(), |(a, _)| a.to_owned())
}

/// An amount (whole units, as the bundle writes it) as the app shows it:
/// `1 980 000 zł` in Polish, `PLN 1,980,000` in English, `1 980 000 PLN`
/// in Ukrainian (CLDR's).
fn money(amount: &str, lang: &str) -> String {
    assert!(
        !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit()),
        "this test formats whole amounts only, not {amount:?}"
    );
    let sep = if lang == "en" { ',' } else { ' ' };
    let mut grouped = String::new();
    for (i, c) in amount.chars().enumerate() {
        if i > 0 && (amount.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    match lang {
        "pl" => format!("{grouped} zł"),
        "uk" => format!("{grouped} PLN"),
        _ => format!("PLN {grouped}"),
    }
}

// ---------------------------------------------------------- HTTP, no browser

/// A plain HTTP/1.1 GET from the test itself: status and body.
async fn http_get(url: &str) -> (u16, Vec<u8>) {
    let rest = url
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("not an http:// address: {url}"));
    let (host, path) = match rest.split_once('/') {
        Some((h, p)) => (h, format!("/{p}")),
        None => (rest, "/".to_owned()),
    };
    let mut s = tokio::net::TcpStream::connect(host)
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = vec![];
    s.read_to_end(&mut buf).await.unwrap();
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("{url}: no HTTP answer"));
    let head = String::from_utf8_lossy(&buf[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{url}: {head}"));
    let mut body = buf[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, body)
}

// ------------------------------------------------------------------- nginx

// ------------------------------------------------------------------- tests

/// What the browser shows of a page once the app has it.
const PAGE_FACTS: &str = r#"
const meta = [...document.querySelectorAll('meta')].map(m => m.getAttribute('content') || '');
const logo = document.querySelector('header img');
const site = document.querySelector('meta[property="og:site_name"]');
const name = document.querySelector('[data-testid=site-name]');
return {
  text: document.body.innerText,
  title: document.title,
  meta,
  lang: document.documentElement.lang,
  accent: getComputedStyle(document.documentElement).getPropertyValue('--c-accent').trim(),
  dark: matchMedia('(prefers-color-scheme: dark)').matches || document.documentElement.dataset.theme === 'dark',
  logo: logo && logo.getAttribute('src'),
  logoShown: !!logo && logo.complete && logo.naturalWidth > 0,
  siteName: site && site.content,
  headerName: name && name.innerText.trim(),
};
"#;

#[tokio::test]
async fn a_fictional_organisation_renders_everywhere_with_no_trace_of_rops() {
    let work = WorkDir::new("fictional");
    let dist = work.copy_of_dist();
    let fixture = repo_dir().join("tests/fixtures/fictional/bundle.json");
    let out = publish(&fixture, &dist, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", published(&out));

    let b = read_json(&fixture);
    let org = &b["organisation"];
    let logo_file = string(&org["logo"]["file"]);
    let accent = string(&org["accent"]["light"]);
    let pages = site_pages(&b);
    // Not a vacuous check: the fixture is another organisation, in another colour.
    let shipped = read_json(&dist_dir().join("content/bundle.json"));
    assert_ne!(org["name"], shipped["organisation"]["name"]);
    assert_ne!(
        Some(accent.as_str()),
        shipped["organisation"]["accent"]["light"].as_str()
    );
    assert!(pages.iter().filter(|p| p.kind == Kind::Event).count() >= 2 * 6);

    // The files, as a crawler or `curl` gets them: every page is there,
    // the organisation's, and nothing published names the shipped one.
    let files = snapshot(&dist);
    for p in &pages {
        let html = files
            .get(&file_of(&p.path))
            .unwrap_or_else(|| panic!("{}: no {}", p.path, file_of(&p.path)));
        let html = String::from_utf8_lossy(html);
        let short = string(&org["short_name"][p.lang]);
        assert!(
            html_title(&html).ends_with(&short),
            "{}: <title> {:?} does not end with {short:?}",
            p.path,
            html_title(&html)
        );
        assert_eq!(
            meta(&html, "property", "og:site_name").as_deref(),
            org["name"][p.lang].as_str(),
            "{}",
            p.path
        );
    }
    let mut found = vec![];
    for (rel, bytes) in &files {
        let plain = [".html", ".webmanifest", ".xml", ".txt"];
        if plain.iter().any(|e| rel.ends_with(e)) {
            for o in occurrences(&String::from_utf8_lossy(bytes), &SHIPPED_WORDS) {
                found.push(format!("{rel}: {o}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the published files still name the shipped organisation:\n{}",
        found.join("\n")
    );
    // German: a language the app was not built around, added as data
    // (its interface strings, CLDR's forms): its pages speak it, with
    // German dates and counts, and every page names its German version.
    let page = |f: &str| String::from_utf8_lossy(&files[f]).into_owned();
    let de = text_of_html(&page("de/timeline/index.html"));
    for said in [
        "15. Juni 2018",
        "März 2016",
        "Die Zeitleiste enthält 6 Ereignisse",
    ] {
        assert!(
            de.contains(said),
            "/de/timeline does not say {said:?}:\n{de}"
        );
    }
    let de = text_of_html(&page("de/funding/index.html"));
    assert!(
        de.contains("Finanzierung") && de.contains("EU-Kofinanzierung"),
        "{de}"
    );
    for f in ["index.html", "en/timeline/index.html", "de/index.html"] {
        let hreflang: Vec<Option<String>> = links(&page(f), "alternate")
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert!(hreflang.contains(&Some("de".into())), "{f}: {hreflang:?}");
    }
    assert!(
        !files.contains_key("uk/index.html"),
        "a page in a language the bundle lacks"
    );
    // Its own manifest, linked by its pages: the app's name in German.
    let de: Value = serde_json::from_slice(&files["de/manifest.webmanifest"]).unwrap();
    assert_eq!(de["lang"], "de");
    assert!(
        de["name"]
            .as_str()
            .unwrap()
            .contains(org["site_title"]["de"].as_str().unwrap()),
        "{de}"
    );
    assert!(!files.contains_key("uk/manifest.webmanifest"));

    let manifest = String::from_utf8(files["manifest.webmanifest"].clone()).unwrap();
    let m: Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(m["theme_color"], org["theme_colour"]);
    assert_eq!(m["short_name"], org["app_short_name"]);

    // In the browser, once the app has taken each page over.
    let s = Server::start_at(dist.clone(), "/").await;
    let c = browser(DESKTOP).await;
    let mut failures = vec![];
    for p in &pages {
        let (path, lang) = (p.path.as_str(), p.lang);
        visit(&c, &s, path).await;
        wait_taken_over(&c).await;
        wait_js(&c, "document.querySelector('#app h1')").await;
        if !p.embed {
            // The logo is drawn (loaded), not only named.
            wait_js(
                &c,
                "(() => { const i = document.querySelector('header img'); return i && i.complete && i.naturalWidth > 0; })()",
            )
            .await;
        }
        let f = js(&c, PAGE_FACTS).await;
        let got = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
        let name = string(&org["name"][lang]);
        let short = string(&org["short_name"][lang]);
        let mut fail = |what: String| failures.push(format!("{path}: {what}"));
        if got("lang") != lang {
            fail(format!("<html lang> is {:?}", got("lang")));
        }
        if p.embed {
            // An embed view has no header: the name is the page's site name.
            if got("siteName") != name {
                fail(format!("og:site_name is {:?}", got("siteName")));
            }
        } else {
            if got("headerName") != name || !got("text").contains(&name) {
                fail(format!(
                    "the header names {:?}, not {name:?}",
                    got("headerName")
                ));
            }
            if !got("logo").ends_with(&logo_file) || f["logoShown"] != true {
                fail(format!(
                    "the header's logo is {:?} (shown: {}), not …{logo_file}",
                    f["logo"], f["logoShown"]
                ));
            }
        }
        if !got("title").ends_with(&short) {
            fail(format!(
                "the title {:?} does not end with {short:?}",
                got("title")
            ));
        }
        assert_eq!(
            f["dark"], false,
            "{path}: the accent is checked in the light theme"
        );
        if !got("accent").eq_ignore_ascii_case(&accent) {
            fail(format!("--c-accent is {:?}, not {accent:?}", got("accent")));
        }
        let metas: Vec<String> = serde_json::from_value(f["meta"].clone()).unwrap();
        let seen = format!(
            "{}\n{}\n{}\n{manifest}",
            got("text"),
            got("title"),
            metas.join("\n")
        );
        for o in occurrences(&seen, &SHIPPED_WORDS) {
            fail(o);
        }
    }
    c.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "{} fault(s) in {} pages that should be the fictional organisation's:\n{}",
        failures.len(),
        pages.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_routes_html_holds_its_key_facts_without_a_browser() {
    let dist = dist_dir();
    let b = read_json(&repo_dir().join("public/content/bundle.json"));
    assert_eq!(
        std::fs::read(dist.join("content/bundle.json")).unwrap(),
        std::fs::read(repo_dir().join("public/content/bundle.json")).unwrap(),
        "dist/ was not published from public/content/bundle.json"
    );
    let org = &b["organisation"];
    let pages = site_pages(&b);
    let read = |p: &SitePage| {
        let f = dist.join(file_of(&p.path));
        std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()))
    };
    let index = read(&pages[0]);
    let site = meta(&index, "name", "rops-public-url").expect("the site's address in the page");
    assert!(
        site.starts_with("http") && site.ends_with('/'),
        "site address {site:?}"
    );
    let url = |path: &str| format!("{site}{}", path.trim_start_matches('/'));

    let mut failures = vec![];
    for p in &pages {
        let html = read(p);
        let (lang, path) = (p.lang, p.path.as_str());
        let text = boot_text(&html);
        let title = html_title(&html);
        let mut fail = |what: String| failures.push(format!("{path}: {what}"));
        if !html.contains(&format!("<html lang=\"{lang}\"")) {
            fail(format!("not <html lang=\"{lang}\">"));
        }
        // The stylesheet is inline, allowed by the page's own policy.
        let (head, _) = html.split_once("</head>").unwrap_or_default();
        let policy = head.find(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"style-src 'self' 'sha256-",
        );
        match (policy, head.find("<style>")) {
            (Some(m), Some(s)) if m < s && head.matches("<style>").count() == 1 => {}
            _ => fail("not one inline <style> after its policy".into()),
        }
        if head
            .replace("<noscript><link rel=\"stylesheet\"", "")
            .contains("<link rel=\"stylesheet\"")
        {
            fail("a render-blocking stylesheet link".into());
        }
        let short = string(&org["short_name"][lang]);
        if !title.ends_with(&format!(" | {short}")) {
            fail(format!(
                "<title> {title:?} does not end with \" | {short}\""
            ));
        }
        match p.kind {
            Kind::About => {
                for fact in [&org["name"][lang], &org["summary"][lang]] {
                    let fact = squash(&string(fact));
                    if !text.contains(&fact) {
                        fail(format!("the page lacks {fact:?}"));
                    }
                }
            }
            Kind::Timeline => {
                for e in b["events"].as_array().unwrap() {
                    let t = squash(&string(&e["title"][lang]));
                    if !text.contains(&t) {
                        fail(format!("the timeline lacks the event {t:?}"));
                    }
                }
            }
            Kind::Event => {
                let e = event_of(&b, p.event.as_deref().unwrap());
                let t = squash(&string(&e["title"][lang]));
                if !title.starts_with(&format!("{t} | ")) {
                    fail(format!("<title> {title:?} is not the event's {t:?}"));
                }
                let og = meta(&html, "property", "og:title").unwrap_or_default();
                if squash(&og) != title {
                    fail(format!("og:title {og:?} is not the <title> {title:?}"));
                }
                let h1 = element_text(&html, "h1").unwrap_or_default();
                if h1 != t {
                    fail(format!("<h1> {h1:?} is not the event's {t:?}"));
                }
                let start = start_of(&string(&e["description"][lang]), 80);
                let d = squash(&meta(&html, "name", "description").unwrap_or_default());
                if !d.starts_with(&start) {
                    fail(format!(
                        "meta description {d:?} does not start with {start:?}"
                    ));
                }
            }
            Kind::Funding => {
                for project in b["projects"].as_array().unwrap() {
                    for key in ["value", "eu_contribution"] {
                        let v = &project[key];
                        if v.is_null() {
                            continue;
                        }
                        assert_eq!(v["currency"], "PLN", "this test formats złoty only");
                        let shown = money(v["amount"].as_str().unwrap(), lang);
                        if !text.contains(&shown) {
                            fail(format!("{} {key}: no {shown:?}", project["id"]));
                        }
                    }
                }
            }
            Kind::EasyRead => {
                // Every section's heading, in the bundle's order.
                let mut at = 0;
                for sec in b["easy_read"]["sections"].as_array().unwrap() {
                    let h = squash(&string(&sec["heading"][lang]));
                    match text[at..].find(&h) {
                        Some(i) => at += i + h.len(),
                        None => fail(format!("no section {h:?} (in order)")),
                    }
                }
            }
            Kind::Project => {
                let id = p.event.as_deref().unwrap();
                let project = b["projects"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["id"] == id)
                    .unwrap();
                let name = squash(&string(&project["name"][lang]));
                let h1 = element_text(&html, "h1").unwrap_or_default();
                if h1 != name {
                    fail(format!("<h1> {h1:?} is not the project's {name:?}"));
                }
                // A funded project's page opens with the EU's marks: in the
                // HTML before the heading, so seen before anything else.
                let funded = !project["fund"].is_null() || !project["eu_contribution"].is_null();
                let mark = html.find("data-testid=\"eu-mark\"");
                let heading = html.find("<h1");
                if funded && !matches!((mark, heading), (Some(m), Some(h)) if m < h) {
                    fail("a funded project's page without the EU's marks before its <h1>".into());
                }
                if !funded && mark.is_some() {
                    fail("EU marks on a project the EU did not fund".into());
                }
            }
            Kind::Declaration | Kind::EmbedCode | Kind::SignLanguage | Kind::Privacy => {}
        }
        // Every page has a heading of its own, and says what it is about.
        if element_text(&html, "h1").unwrap_or_default().is_empty() {
            fail("no <h1>".into());
        }
        if meta(&html, "name", "description")
            .unwrap_or_default()
            .is_empty()
        {
            fail("no meta description".into());
        }
        let robots = meta(&html, "name", "robots").unwrap_or_default();
        if p.embed {
            if !robots.contains("noindex") {
                fail(format!("an embed view without noindex (robots {robots:?})"));
            }
        } else {
            if robots.contains("noindex") {
                fail("a full-site page marked noindex".into());
            }
            let canonical = links(&html, "canonical");
            if canonical != [(None, url(path))] {
                fail(format!("canonical {canonical:?}, not {}", url(path)));
            }
            let mut alternates = links(&html, "alternate");
            alternates.sort();
            let mut want = vec![
                (Some("en".to_owned()), url(&p.en)),
                (Some("pl".to_owned()), url(&p.pl)),
                (Some("uk".to_owned()), url(&p.uk)),
                (Some("x-default".to_owned()), url(&p.pl)),
            ];
            want.sort();
            if alternates != want {
                fail(format!("hreflang links {alternates:?}, not {want:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fault(s) in the published pages:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // The sitemap: every full-site page once, no embed view.
    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    let locs: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|l| unescape(l.split_once("</loc>").unwrap().0))
        .collect();
    let want: BTreeSet<String> = pages
        .iter()
        .filter(|p| !p.embed)
        .map(|p| url(&p.path))
        .collect();
    let got: BTreeSet<String> = locs.iter().cloned().collect();
    assert_eq!(
        got.len(),
        locs.len(),
        "a page twice in the sitemap: {locs:#?}"
    );
    assert_eq!(got, want, "the sitemap's pages");
    assert_eq!(
        sitemap.matches("<lastmod>").count(),
        locs.len(),
        "a page without its date"
    );
    let robots = std::fs::read_to_string(dist.join("robots.txt")).unwrap();
    assert!(
        robots
            .lines()
            .any(|l| l.trim() == format!("Sitemap: {}", url("/sitemap.xml"))),
        "robots.txt does not name the sitemap:\n{robots}"
    );
}

/// What a page shows without scripts, and where its links lead.
const WITHOUT_JS: &str = r#"
const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
const h1 = document.querySelector('h1');
const main = document.querySelector('main');
return {
  h1: h1 ? h1.innerText.trim() : '',
  main: main ? main.innerText.trim() : '',
  controls: [...document.querySelectorAll('.theme-switch, .filters')].filter(shown).map(e => e.outerHTML.slice(0, 100)),
  prerendered: !!document.querySelector('#boot[data-prerendered]'),
  app: !!document.getElementById('app'),
  links: [...document.querySelectorAll('a[href]')].map(a => [a.getAttribute('href'), new URL(a.getAttribute('href'), document.baseURI).href]),
  // Where the page really fetched its style sheets, icons and the like from
  // (a link's href property follows <base>, the fetch may not have).
  fetched: performance.getEntriesByType('resource').map(e => e.name),
  head: [...document.querySelectorAll('link[href]')].map(l => l.href),
};
"#;

#[tokio::test]
async fn with_javascript_disabled_every_route_is_readable_and_every_link_works() {
    let s = Server::start().await;
    let b: Value = serde_json::from_str(&bundle()).unwrap();
    let site = meta(
        &std::fs::read_to_string(dist_dir().join("index.html")).unwrap(),
        "name",
        "rops-public-url",
    )
    .unwrap();
    let pages: Vec<SitePage> = site_pages(&b).into_iter().filter(|p| !p.embed).collect();
    let c = browser_without_js(DESKTOP).await;
    // What is wrong → the pages it is wrong on.
    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Each address a link leads to (without its fragment), with the
    // fragments asked of it and the first page that links there.
    let mut targets: BTreeMap<String, (BTreeSet<String>, String)> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        let path = p.path.as_str();
        visit(&c, &s, path).await;
        if i == 0 {
            // Were scripts running, the app would have taken over by now.
            tokio::time::sleep(Duration::from_secs(3)).await;
        }
        let f = js(&c, WITHOUT_JS).await;
        let mut fail = |what: String| failures.entry(what).or_default().push(path.to_owned());
        if f["prerendered"] != true || f["app"] != false {
            panic!("{path}: scripts ran (the app started): {f}");
        }
        if f["h1"].as_str().unwrap_or_default().is_empty() {
            fail("no heading".into());
        }
        if f["main"].as_str().unwrap_or_default().len() < 20 {
            fail(format!("main has no text: {:?}", f["main"]));
        }
        for shown in f["controls"].as_array().unwrap() {
            fail(format!("a control that needs scripts is shown: {shown}"));
        }
        let here = s.url(path);
        for l in f["links"].as_array().unwrap() {
            let (attr, href) = (l[0].as_str().unwrap(), l[1].as_str().unwrap());
            // The site's own address (canonical form) is the site too.
            let href = match href.strip_prefix(site.as_str()) {
                Some(rest) => s.url(&format!("/{rest}")),
                None => href.to_owned(),
            };
            if !href.starts_with(&format!("{}/", s.base)) && href != s.base {
                continue; // data:, mailto:, another site
            }
            let (to, fragment) = match href.split_once('#') {
                Some((to, f)) => (to.to_owned(), Some(f.to_owned())),
                None => (href.clone(), None),
            };
            // A link to a place on this page stays on this page.
            if attr.starts_with('#') && to != here {
                fail(format!("the in-page link {attr:?} leads to {href}"));
            }
            let entry = targets
                .entry(to)
                .or_insert_with(|| (BTreeSet::new(), path.to_owned()));
            entry.0.extend(fragment.filter(|f| !f.is_empty()));
        }
        // What the page loaded, and what its <link>s name (the manifest is
        // fetched only when needed).
        for kind in ["fetched", "head"] {
            for url in f[kind].as_array().unwrap() {
                let url = url.as_str().unwrap();
                let url = match url.strip_prefix(site.as_str()) {
                    Some(rest) => s.url(&format!("/{rest}")),
                    None => url.to_owned(),
                };
                if url.starts_with(&format!("{}/", s.base)) {
                    let to = url.split('#').next().unwrap().to_owned();
                    targets
                        .entry(to)
                        .or_insert_with(|| (BTreeSet::new(), format!("{path} ({kind})")));
                }
            }
        }
    }
    c.close().await.unwrap();
    assert!(targets.len() > pages.len(), "too few links: {targets:#?}");
    for (url, (fragments, from)) in &targets {
        let (status, body) = http_get(url).await;
        if status != 200 {
            failures
                .entry(format!("{url}: HTTP {status}"))
                .or_default()
                .push(from.clone());
            continue;
        }
        let body = String::from_utf8_lossy(&body);
        for f in fragments {
            if !body.contains(&format!("id=\"{f}\"")) {
                failures
                    .entry(format!("{url}#{f}: no id {f:?} there"))
                    .or_default()
                    .push(from.clone());
            }
        }
    }
    let report: Vec<String> = failures
        .iter()
        .map(|(what, on)| format!("{what}\n    on {}: {}", on.len(), on.join(", ")))
        .collect();
    assert!(
        failures.is_empty(),
        "without JavaScript ({} pages, {} link targets):\n{}",
        pages.len(),
        targets.len(),
        report.join("\n")
    );
}

/// Each visible heading, paragraph, item, link and cell inside `root`:
/// (tag, text, top, left), in page coordinates.
/// The install button is left out: the browser offers installation on its
/// own schedule (the app keeps an early offer), which flips the footer by
/// the button's height between runs. SVG links (the axis) have no
/// `innerText`: their `textContent` is read.
async fn layout(c: &Client, root: &str) -> Vec<(String, String, i64, i64)> {
    let v = c
        .execute(
            "const root = document.querySelector(arguments[0]); \
             if (!root) return null; \
             document.querySelectorAll('.install-button').forEach(b => { b.style.display = 'none'; }); \
             return [...root.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,a,dt,dd,th,td')].filter(e => { \
               const r = e.getBoundingClientRect(); const s = getComputedStyle(e); \
               return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; \
             }).map(e => { const r = e.getBoundingClientRect(); \
               return [e.tagName.toLowerCase(), (e.innerText ?? e.textContent ?? '').trim(), \
                 Math.round(r.top + scrollY), Math.round(r.left + scrollX)]; });",
            vec![Value::from(root)],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap_or_else(|e| panic!("no {root} to measure: {e}"))
}

#[tokio::test]
async fn the_takeover_changes_no_visible_text_or_position() {
    let s = Server::start().await;
    // The wasm held back: the published page stays while it is measured.
    let wasm = built_file(&dist_dir(), "rops-es-", "_bg.wasm");
    let wasm = format!("/{wasm}");
    let paths = [
        ABOUT.pl,
        TIMELINE.pl,
        EVENT.pl,
        FUNDING.pl,
        DECLARATION.pl,
        TIMELINE.en,
    ];
    let mut failures = vec![];
    for size in [PHONE, DESKTOP] {
        for path in paths {
            // A new browser each time: no service worker to hand over the
            // wasm without the wait.
            s.set(&wasm, Override::held());
            let c = browser(size).await;
            visit(&c, &s, path).await;
            let before = layout(&c, PRERENDERED).await;
            let still = exists(&c, PRERENDERED).await;
            assert!(
                still,
                "{path} at {}px: the app took over before the published page was measured",
                size.0
            );
            s.clear(&wasm);
            wait_taken_over(&c).await;
            let after = layout(&c, "#app").await;
            c.close().await.unwrap();
            assert!(
                before.len() > 10,
                "{path}: too little to compare: {before:?}"
            );
            if before == after {
                continue;
            }
            let i = before
                .iter()
                .zip(&after)
                .position(|(a, b)| a != b)
                .unwrap_or(before.len().min(after.len()));
            failures.push(format!(
                "{path} at {}px: {} elements before, {} after; first difference at #{i}:\n  published: {:?}\n  app:       {:?}",
                size.0,
                before.len(),
                after.len(),
                before.get(i),
                after.get(i)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "the takeover changed what the visitor sees:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn publish_refuses_a_faulty_bundle_and_leaves_dist_unchanged() {
    let work = WorkDir::new("faulty");
    let dist = work.copy_of_dist();
    let before = snapshot(&dist);
    let faulty = repo_dir().join("tests/fixtures/invalid-date.json");
    let out = publish(&faulty, &dist, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", published(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);

    // Each fault where the validator finds it: file:line:col: $.path.
    let bytes = std::fs::read(&faulty).unwrap();
    let Err(rops_app::content::ContentError::Invalid(faults)) =
        rops_app::content::parse_bytes(&bytes)
    else {
        panic!("the fixture is no longer faulty in the validator's eyes");
    };
    assert!(faults
        .iter()
        .any(|f| f.path.to_string().starts_with("$.events")));
    for f in &faults {
        let at = f.at.expect("a located fault");
        let want = format!("invalid-date.json:{}:{}: {}", at.line, at.column, f.path);
        assert!(stderr.contains(&want), "no {want:?} in:\n{stderr}");
    }
    // And as an editor reads it: a line `…invalid-date.json:L:C: $.events…`.
    let located = stderr.lines().any(|l| {
        let Some((_, rest)) = l.split_once("invalid-date.json:") else {
            return false;
        };
        let mut parts = rest.splitn(3, ':');
        let (line, col, tail) = (parts.next(), parts.next(), parts.next());
        let number = |s: Option<&str>| {
            s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        };
        number(line) && number(col) && tail.is_some_and(|t| t.trim_start().starts_with("$.events"))
    });
    assert!(located, "no located $.events fault in:\n{stderr}");

    let after = snapshot(&dist);
    let (added, removed, changed) = diff(&before, &after);
    assert!(
        added.is_empty() && removed.is_empty() && changed.is_empty(),
        "a refused publish changed dist: added {added:?}, removed {removed:?}, changed {changed:?}"
    );
    assert_eq!(
        names_in(&work.0),
        BTreeSet::from(["dist".to_owned()]),
        "publish left something beside dist"
    );
}

/// Days from 1970-01-01 to a date, counted year by year and month by month.
fn days_since_1970(y: i64, m: usize, d: i64) -> i64 {
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let years: i64 = (1970..y).map(|y| if leap(y) { 366 } else { 365 }).sum();
    let months = [
        31,
        if leap(y) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    years + months[..m - 1].iter().sum::<i64>() + d - 1
}

/// The sitemap as (address, date) pairs, in its order.
fn sitemap_dates(xml: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(xml)
        .split("<url>")
        .skip(1)
        .map(|u| {
            let between = |a: &str, b: &str| {
                u.split_once(a)
                    .and_then(|(_, r)| r.split_once(b))
                    .map(|(v, _)| v.to_owned())
                    .unwrap_or_default()
            };
            (
                between("<loc>", "</loc>"),
                between("<lastmod>", "</lastmod>"),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_edited_bundle_and_publish_change_that_event_the_timeline_and_the_sitemap_only() {
    let work = WorkDir::new("edited");
    let dist = work.copy_of_dist();
    let before = snapshot(&dist);

    // An editor retitles one event, in Polish only.
    let shipped = String::from_utf8(before["content/bundle.json"].clone()).unwrap();
    let b: Value = serde_json::from_str(&shipped).unwrap();
    let old_title = string(&event_of(&b, "2015-mokes")["title"]["pl"]);
    let new_title = "Projekt MOKES – tytuł poprawiony przez redakcję";
    let quoted = serde_json::to_string(&old_title).unwrap();
    assert_eq!(
        shipped.matches(&quoted).count(),
        1,
        "the title is not unique"
    );
    let edited = shipped.replacen(&quoted, &serde_json::to_string(new_title).unwrap(), 1);
    let mut expected_bundle = b.clone();
    expected_bundle["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == "2015-mokes")
        .unwrap()["title"]["pl"] = new_title.into();
    assert_eq!(
        serde_json::from_str::<Value>(&edited).unwrap(),
        expected_bundle
    );
    let edited_file = work.0.join("edited.json");
    std::fs::write(&edited_file, &edited).unwrap();

    // Published on a day after every date the sitemap has (and after today).
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let year = 1970 + now / 31_556_952 + 2;
    let day = format!("{year}-06-15");
    let epoch = days_since_1970(year, 6, 15) * 86_400 + 12 * 3600;
    let old_sitemap = sitemap_dates(&before["sitemap.xml"]);
    assert!(old_sitemap.iter().all(|(_, d)| d.as_str() < day.as_str()));
    let out = publish(
        &edited_file,
        &dist,
        &[("SOURCE_DATE_EPOCH", epoch.to_string())],
    );
    assert_eq!(out.status.code(), Some(0), "{}", published(&out));
    let after = snapshot(&dist);
    assert_eq!(
        names_in(&work.0),
        // The page store (crates/publish/src/store.rs) is publish's own.
        BTreeSet::from([
            "dist".to_owned(),
            "edited.json".to_owned(),
            ".dist.pages".to_owned()
        ]),
        "publish left something beside dist"
    );

    // What should change: every page that showed the old title (found in
    // the old pages themselves), with its compressed copies, the sitemap
    // and the bundle.
    let mut expected: BTreeSet<String> = BTreeSet::new();
    let shows_old = |html: &[u8]| {
        let html = String::from_utf8_lossy(html);
        html.contains(&old_title) || unescape(&html).contains(&old_title)
    };
    for (rel, bytes) in &before {
        // The pages, and the machine-readable text and open data, which
        // list every event.
        let text = [".html", ".txt", ".csv"].iter().any(|e| rel.ends_with(e));
        if text && shows_old(bytes) {
            for suffix in ["", ".br", ".gz"] {
                let f = format!("{rel}{suffix}");
                if before.contains_key(&f) {
                    expected.insert(f);
                }
            }
        }
    }
    for f in [
        "os-czasu/2015-mokes/index.html",
        "os-czasu/index.html",
        "embed/os-czasu/index.html",
        "embed/os-czasu/2015-mokes/index.html",
    ] {
        assert!(expected.contains(f), "{f} did not show the old title");
    }
    expected.extend(["sitemap.xml", "sitemap.xml.br", "sitemap.xml.gz"].map(String::from));
    expected.insert("content/bundle.json".into());
    // The list of the pages and the hashes of their inputs.
    expected.insert(".publish-pages".into());

    // And the status, which names the new version; the two files added are
    // that version's bundle, kept for rollback, and the list of its files
    // (the same files as the version before: none is added to the store).
    expected.insert("publish-status.json".into());
    let status: Value = serde_json::from_slice(&after["publish-status.json"]).unwrap();
    let version = status["versions"][0]["version"]
        .as_str()
        .unwrap()
        .to_owned();
    let kept = status["versions"][0]["file"].as_str().unwrap().to_owned();
    assert_eq!(after[&kept], edited.as_bytes(), "{kept}");
    let files = format!("content/versions/media/{version}.json");

    let (added, removed, changed) = diff(&before, &after);
    assert_eq!(added, BTreeSet::from([kept, files]), "files added");
    assert!(removed.is_empty(), "files removed: {removed:?}");
    let unexpected: Vec<_> = changed.difference(&expected).collect();
    let unchanged: Vec<_> = expected.difference(&changed).collect();
    assert!(
        unexpected.is_empty() && unchanged.is_empty(),
        "changed but should not have: {unexpected:?}\nshould have changed but did not: {unchanged:?}"
    );
    assert!(!changed.iter().any(|f| f.starts_with("en/")));
    assert!(!changed.contains("sw.js"));

    // The changed pages show the new title, and their compressed copies
    // are the page.
    for f in changed.iter().filter(|f| f.ends_with(".html")) {
        let html = String::from_utf8_lossy(&after[f]);
        assert!(html.contains(new_title), "{f} lacks the new title");
        assert!(!shows_old(&after[f]), "{f} still shows the old title");
        assert_eq!(gunzip(&after[&format!("{f}.gz")]), after[f], "{f}.gz");
        assert_eq!(unbrotli(&after[&format!("{f}.br")]), after[f], "{f}.br");
    }
    assert_eq!(after["content/bundle.json"], edited.as_bytes());
    assert_eq!(gunzip(&after["sitemap.xml.gz"]), after["sitemap.xml"]);
    assert_eq!(unbrotli(&after["sitemap.xml.br"]), after["sitemap.xml"]);

    // The sitemap: the same pages, a new date for the changed ones only.
    let new_sitemap = sitemap_dates(&after["sitemap.xml"]);
    let site = meta(
        &String::from_utf8_lossy(&after["index.html"]),
        "name",
        "rops-public-url",
    )
    .unwrap();
    assert_eq!(new_sitemap.len(), old_sitemap.len());
    for ((loc, old_date), (new_loc, new_date)) in old_sitemap.iter().zip(&new_sitemap) {
        assert_eq!(loc, new_loc, "the sitemap's pages or their order changed");
        let path = format!("/{}", loc.strip_prefix(site.as_str()).unwrap());
        let page_changed = changed.contains(&file_of(&path));
        let want = if page_changed { &day } else { old_date };
        assert_eq!(
            new_date,
            want,
            "{loc}: lastmod (the page {})",
            if page_changed {
                "changed"
            } else {
                "did not change"
            }
        );
    }
    assert!(new_sitemap.iter().any(|(_, d)| *d == day));

    // The shipped bundle gives no publication date: the declaration gives
    // the site's first publication, which the status recorded and this
    // later publish kept (the declaration's page did not change, above).
    let status: Value = serde_json::from_slice(&after["publish-status.json"]).unwrap();
    let first = status["first_published"]
        .as_str()
        .expect("first_published recorded");
    assert!(first.len() > 10 && !first.starts_with(&day), "{first}");
    for (path, note) in [
        (DECLARATION.pl, "data pierwszej publikacji serwisu"),
        (DECLARATION.en, "the day the site was first published"),
    ] {
        let html = String::from_utf8_lossy(&after[&file_of(path)]).into_owned();
        let time = format!(
            "<time id=\"a11y-data-publikacja\" datetime=\"{}\">",
            &first[..10]
        );
        assert!(html.contains(&time), "{path}: no {time}");
        assert!(
            unescape(&html).contains(note),
            "{path}: the date does not say where it is from"
        );
    }

    // Served by the real nginx: the page says the new title without scripts,
    // and the app, once it has the page, too.
    let n = start_nginx(&dist, "/");
    let (status, body) = http_get(&n.url(EVENT.pl)).await;
    assert_eq!(status, 200);
    let body = String::from_utf8_lossy(&body);
    assert_eq!(element_text(&body, "h1").as_deref(), Some(new_title));
    assert!(!body.contains(&old_title));
    let c = browser(PHONE).await;
    visit(&c, &n, EVENT.pl).await;
    wait_taken_over(&c).await;
    assert_eq!(text(&c, "h1").await, new_title);
    assert!(c.title().await.unwrap().starts_with(new_title));
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_published_page_before_the_wasm_is_the_page_and_is_accessible() {
    let s = Server::start().await;
    // Hold the wasm back, to look at what the published page shows on its
    // own; long enough for axe to look at it in both themes.
    let wasm = built_file(&dist_dir(), "rops-es-", "_bg.wasm");
    let body = std::fs::read(dist_dir().join(&wasm)).unwrap();
    s.set(
        &format!("/{wasm}"),
        Override::bytes("application/wasm", body).after(Duration::from_secs(8)),
    );
    let c = browser(PHONE).await;
    visit(&c, &s, FUNDING.en).await;
    assert_eq!(text(&c, "#boot h1").await, "Funding");
    assert_eq!(page_lang(&c).await, "en");
    assert_eq!(texts(&c, "#boot [aria-current=page]").await, ["Funding"]);
    // The content itself, before any script ran: the table's MOKES row.
    assert!(
        text(&c, "#boot .data-table").await.contains("1,980,000"),
        "the published page has no funding table"
    );
    assert_axe_clean_in_both_themes(&c, "the published page before the wasm").await;
    assert!(
        exists(&c, "#boot").await,
        "the app took over before axe saw the published page"
    );
    // Then the app takes over with the same heading.
    wait_taken_over(&c).await;
    assert!(!exists(&c, "#boot").await);
    assert_eq!(text(&c, "h1").await, "Funding");
    c.close().await.unwrap();
}

/// #33: a bundle language the app has no interface strings for is refused
/// before anything is written, by name, with what this version has and
/// what to do; the site stays as it was.
#[test]
fn a_language_without_interface_strings_is_refused_by_name() {
    let work = WorkDir::new("no-strings");
    let dist = work.copy_of_dist();
    let before = snapshot(&dist);
    let mut b = read_json(&repo_dir().join("tests/fixtures/fictional/bundle.json"));
    b["languages"] = serde_json::json!(["pl", "en", "lt"]);
    b["organisation"]["name"]["lt"] = "Bandomosios salos socialinių paslaugų centras".into();
    let dir = work.0.join("bundle");
    copy_dir(&repo_dir().join("tests/fixtures/fictional"), &dir);
    let bundle = dir.join("bundle.json");
    std::fs::write(&bundle, serde_json::to_string_pretty(&b).unwrap()).unwrap();
    let out = publish(&bundle, &dist, &[]);
    let said = published(&out);
    assert_ne!(out.status.code(), Some(0), "{said}");
    for part in [
        "\"lt\" has no interface strings",
        "pl, en, uk, de",
        "remove it from `languages`",
        "$.languages[2]",
    ] {
        assert!(said.contains(part), "{part:?} not in:\n{said}");
    }
    assert_eq!(
        snapshot(&dist),
        before,
        "a refused publish changed the site"
    );
}
