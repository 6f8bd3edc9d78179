//! The organisation's information as a machine-readable text (art. 6
//! pkt 3 lit. c of the 2019 act on digital accessibility asks a public
//! body to publish it "w postaci elektronicznego pliku zawierającego
//! tekst odczytywalny maszynowo"): plain UTF-8 text, and the same as a
//! small HTML document, in each language. Who the organisation is, its
//! legal basis, each project, the events in order, and the contact of the
//! accessibility declaration.
//!
//! One [`Doc`] is built from the bundle and written twice, so the text and
//! the HTML cannot say different things. In the HTML every text of the
//! bundle is escaped ([`esc`]), never markup, and a text shown in Polish
//! on the English page carries `lang="pl"`.

use super::html::{declaration_meta, esc};
use rops_app::i18n::{self, ui};
use rops_content::{format, Bundle, Lang, Text};

/// Where the files go below DIST, per language: (text, HTML).
pub(super) fn files(lang: Lang) -> (&'static str, &'static str) {
    rops_app::nav::text_files(lang)
}

/// A text with the language it is really in, when that is not the page's.
struct Piece {
    text: String,
    /// `Some("pl")` where an English page shows the Polish text.
    lang: Option<&'static str>,
}

impl Piece {
    fn of(t: &Text, lang: Lang) -> Piece {
        let (text, lang) = i18n::text_of(t, lang);
        Piece { text, lang }
    }

    fn plain(text: impl Into<String>) -> Piece {
        Piece {
            text: text.into(),
            lang: None,
        }
    }
}

enum Block {
    /// The document's one `h1`.
    Title(Piece),
    Section(Piece),
    Subsection(Piece),
    Para(Piece),
    /// Label and value pairs (`<dl>`).
    Fields(Vec<(&'static str, Piece)>),
    /// Items of one or more parts: an event's date, title and text, each
    /// of which may be in another language than the rest.
    List(Vec<Vec<Piece>>),
}

struct Doc {
    lang: Lang,
    blocks: Vec<Block>,
    /// The site's address, for the declaration's place in the HTML's head.
    site_url: String,
}

fn doc(b: &Bundle, site_url: &str, lang: Lang) -> Doc {
    let t = ui(lang);
    let org = &b.organisation;
    let mut d = vec![
        Block::Title(Piece::of(&org.name, lang)),
        Block::Para(Piece::plain(format!(
            "{} {}",
            t.content_compiled,
            format::date(b.content_date, lang)
        ))),
        Block::Para(Piece::of(&org.summary, lang)),
        Block::Para(Piece::of(&org.description, lang)),
        Block::Section(Piece::plain(t.legal_basis)),
        Block::Para(Piece::of(&org.legal_basis, lang)),
    ];
    if !b.projects.is_empty() {
        d.push(Block::Section(Piece::plain(t.projects)));
    }
    for p in &b.projects {
        d.push(Block::Subsection(Piece::of(&p.name, lang)));
        let mut fields = vec![(t.programme, Piece::of(&p.programme, lang))];
        if let Some(m) = &p.measure {
            fields.push((t.measure, Piece::of(m, lang)));
        }
        fields.push((t.dates, Piece::plain(format::date(p.dates, lang))));
        if let Some(v) = p.value {
            fields.push((t.value, Piece::plain(format::money(v, lang))));
        }
        if let Some(v) = p.eu_contribution {
            fields.push((t.eu_contribution, Piece::plain(format::money(v, lang))));
        }
        d.push(Block::Fields(fields));
        d.push(Block::Para(Piece::of(&p.summary, lang)));
        if !p.activities.is_empty() {
            d.push(Block::Para(Piece::plain(format!("{}:", t.activities))));
            d.push(Block::List(
                p.activities
                    .iter()
                    .map(|a| vec![Piece::of(a, lang)])
                    .collect(),
            ));
        }
        if let Some(note) = &p.activities_note {
            d.push(Block::Para(Piece::of(note, lang)));
        }
        if let Some(results) = &p.results {
            let l = rops_app::i18n::legal(lang);
            d.push(Block::Para(Piece::plain(format!("{}:", l.results_title))));
            d.push(Block::Para(Piece::of(results, lang)));
        }
    }
    if !b.events.is_empty() {
        d.push(Block::Section(Piece::plain(t.timeline_title)));
        d.push(Block::List(
            b.events_chronological()
                .into_iter()
                .map(|e| {
                    // The title and the text fall back to Polish each on
                    // its own, so each keeps its own language mark.
                    vec![
                        Piece::plain(format!("{}: ", format::date(e.date, lang))),
                        Piece::of(&e.title, lang),
                        Piece::plain(" — "),
                        Piece::of(&e.description, lang),
                    ]
                })
                .collect(),
        ));
    }
    let decl = &b.accessibility;
    let contact: Vec<(&'static str, Piece)> = [
        (t.contact_person, &decl.contact_person),
        (t.email, &decl.email),
        (t.phone, &decl.phone),
    ]
    .into_iter()
    .filter_map(|(label, v)| Some((label, Piece::plain(v.as_deref()?))))
    .collect();
    if !contact.is_empty() {
        d.push(Block::Section(Piece::plain(t.contact_title)));
        d.push(Block::Fields(contact));
    }
    Doc {
        lang,
        blocks: d,
        site_url: site_url.to_owned(),
    }
}

/// Plain text: headings underlined, one paragraph per line with a blank
/// line between, list items after "- ". Lines end in LF.
fn text(d: &Doc) -> String {
    let mut out = String::new();
    let underline = |out: &mut String, s: &str, c: char| {
        out.push_str(s);
        out.push('\n');
        out.extend(std::iter::repeat_n(c, s.chars().count()));
        out.push_str("\n\n");
    };
    for b in &d.blocks {
        match b {
            Block::Title(p) => underline(&mut out, &p.text, '='),
            Block::Section(p) => underline(&mut out, &p.text, '-'),
            Block::Subsection(p) => {
                out.push_str(&p.text);
                out.push_str("\n\n");
            }
            Block::Para(p) => {
                out.push_str(&p.text);
                out.push_str("\n\n");
            }
            Block::Fields(f) => {
                for (label, p) in f {
                    out.push_str(&format!("{label}: {}\n", p.text));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for parts in items {
                    out.push_str("- ");
                    for p in parts {
                        out.push_str(&p.text);
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// ` lang="pl"` where a text is not in the document's language.
fn lang_attr(p: &Piece) -> String {
    p.lang
        .map_or_else(String::new, |l| format!(" lang=\"{l}\""))
}

/// A whole HTML document: no script, no style, nothing from the bundle
/// but escaped text.
fn html(d: &Doc) -> String {
    let title = d
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(p) => Some(p.text.as_str()),
            _ => None,
        })
        .unwrap_or_default();
    // Its own page policy, like every HTML file the site serves: the
    // document loads nothing and has no style, so it may load nothing.
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'none'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{}\n<title>{}</title>\n</head>\n<body>\n<main>\n",
        d.lang.as_str(),
        declaration_meta(&d.site_url, d.lang),
        esc(title)
    );
    let el = |out: &mut String, tag: &str, p: &Piece| {
        out.push_str(&format!(
            "<{tag}{}>{}</{tag}>\n",
            lang_attr(p),
            esc(&p.text)
        ));
    };
    for b in &d.blocks {
        match b {
            Block::Title(p) => el(&mut out, "h1", p),
            Block::Section(p) => el(&mut out, "h2", p),
            Block::Subsection(p) => el(&mut out, "h3", p),
            Block::Para(p) => el(&mut out, "p", p),
            Block::Fields(f) => {
                out.push_str("<dl>\n");
                for (label, p) in f {
                    out.push_str(&format!("<dt>{}</dt>\n", esc(label)));
                    el(&mut out, "dd", p);
                }
                out.push_str("</dl>\n");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for parts in items {
                    match parts.as_slice() {
                        [p] => el(&mut out, "li", p),
                        _ => {
                            out.push_str("<li>");
                            for p in parts {
                                match p.lang {
                                    Some(_) => out.push_str(&format!(
                                        "<span{}>{}</span>",
                                        lang_attr(p),
                                        esc(&p.text)
                                    )),
                                    None => out.push_str(&esc(&p.text)),
                                }
                            }
                            out.push_str("</li>\n");
                        }
                    }
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Two files per language of the bundle: (path below DIST, bytes).
/// `site_url` ends with `/`.
pub(super) fn outputs(b: &Bundle, site_url: &str) -> Vec<(&'static str, Vec<u8>)> {
    b.languages()
        .iter()
        .flat_map(|&lang| {
            let d = doc(b, site_url, lang);
            let (txt, htm) = files(lang);
            [(txt, text(&d).into_bytes()), (htm, html(&d).into_bytes())]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rops_content::parse;

    const SITE: &str = "https://example.org/ekonomia/";

    fn fictional() -> Bundle {
        parse(include_str!(
            "../../../tests/fixtures/fictional/bundle.json"
        ))
        .unwrap()
    }

    fn file(b: &Bundle, name: &str) -> String {
        let (_, bytes) = outputs(b, SITE)
            .into_iter()
            .find(|(n, _)| *n == name)
            .unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn two_files_in_each_language_of_the_bundle() {
        let names: Vec<&str> = outputs(&fictional(), SITE)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                "o-nas.txt",
                "o-nas.html",
                "en/about.txt",
                "en/about.html",
                "de/about.txt",
                "de/about.html"
            ]
        );
        // German, a language the app knows as data: its file in German.
        let de = file(&fictional(), "de/about.txt");
        assert!(de.contains("Sozialdienstzentrum der Testinsel"), "{de}");
    }

    #[test]
    fn the_text_says_who_what_and_when_in_order() {
        let b = fictional();
        let txt = file(&b, "o-nas.txt");
        let org = &b.organisation;
        let at = |s: &str| {
            txt.find(s)
                .unwrap_or_else(|| panic!("{s:?} not in:\n{txt}"))
        };
        let order = [
            at(org.name.in_lang(Lang::Pl)),
            at(org.summary.in_lang(Lang::Pl)),
            at(org.description.in_lang(Lang::Pl)),
            at("Podstawa prawna"),
            at(org.legal_basis.in_lang(Lang::Pl)),
            at("Projekty"),
            at(b.projects[0].name.in_lang(Lang::Pl)),
            at("Oś czasu"),
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{txt}");
        // The first project, as the app formats its facts.
        assert!(txt.contains("Program: Program Testowy I\n"), "{txt}");
        assert!(txt.contains("Realizacja: 2004–2006\n"), "{txt}");
        assert!(
            txt.contains("Wartość projektu: 500\u{a0}000\u{a0}zł\n"),
            "{txt}"
        );
        assert!(
            txt.contains("Dofinansowanie UE: 425\u{a0}000\u{a0}zł\n"),
            "{txt}"
        );
        assert!(txt.contains("- Zajęcia testowe dla 20 fikcyjnych uczestników.\n"));
        // Events in chronological order, "date: title — description".
        let events = b.events_chronological();
        let lines: Vec<usize> = events
            .iter()
            .map(|e| {
                let line = format!(
                    "- {}: {} — {}\n",
                    format::date(e.date, Lang::Pl),
                    e.title.in_lang(Lang::Pl),
                    e.description.in_lang(Lang::Pl)
                );
                at(&line)
            })
            .collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]));
        // The declaration's contact, last.
        assert!(txt.ends_with("Numer telefonu: +48 000 000 000\n"), "{txt}");
        assert!(
            !txt.contains('<')
                || b.events
                    .iter()
                    .any(|e| e.title.in_lang(Lang::Pl).contains('<'))
        );
    }

    #[test]
    fn the_english_file_is_in_english() {
        let b = fictional();
        let txt = file(&b, "en/about.txt");
        assert!(txt.starts_with(b.organisation.name.given(Lang::En).unwrap()));
        assert!(txt.contains("Legal basis\n-----------\n"), "{txt}");
        assert!(txt.contains("Project value: PLN\u{a0}500,000\n"), "{txt}");
    }

    #[test]
    fn the_html_is_escaped_text_with_its_language() {
        let mut b = fictional();
        b.organisation
            .name
            .set(Lang::Pl, "Centrum <b>„&”</b> \"x\"");
        b.organisation.name.remove(Lang::En);
        b.events[0]
            .title
            .set(Lang::Pl, "</main><script>alert(1)</script>");
        let html = file(&b, "en/about.html");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.contains("<title>Centrum &lt;b&gt;„&amp;”&lt;/b&gt; &quot;x&quot;</title>"));
        // A Polish fallback on the English page says it is Polish.
        assert!(
            html.contains("<h1 lang=\"pl\">Centrum &lt;b&gt;„&amp;”&lt;/b&gt; &quot;x&quot;</h1>")
        );
        assert!(!html.contains("<script") && !html.contains("<b>"));
        assert_eq!(html.matches("</main>").count(), 1);
        assert_eq!(html.matches("<h1").count(), 1);
        // Like every other page, it says where the declaration is.
        assert!(html.contains(
            "<meta name=\"deklaracja-dostępności\" content=\"https://example.org/ekonomia/en/accessibility\">"
        ));
        assert!(html.contains("<h2>Legal basis</h2>"));
        assert!(html.contains("<dt>Programme</dt>\n<dd>Test Programme I</dd>"));
        // Every element opened is closed, in order.
        let mut open: Vec<String> = vec![];
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
                .collect();
            match name.strip_prefix('/') {
                Some(close) => assert_eq!(open.pop().as_deref(), Some(close), "{html}"),
                None if matches!(name.as_str(), "meta" | "!DOCTYPE") => {}
                None => open.push(name),
            }
        }
        assert!(open.is_empty(), "{open:?}");
    }

    #[test]
    fn an_event_half_in_polish_marks_only_its_polish_half() {
        let mut b = fictional();
        let e = b
            .events
            .iter_mut()
            .find(|e| e.title.given(Lang::En).is_some())
            .expect("an event with an English title");
        e.description.remove(Lang::En);
        let (title, description) = (
            e.title.given(Lang::En).map(str::to_owned).unwrap(),
            e.description.in_lang(Lang::Pl).to_owned(),
        );
        let html = file(&b, "en/about.html");
        let item = html
            .lines()
            .find(|l| l.contains(&esc(&title)))
            .expect("the event's item");
        // The English title is in the page's language; the Polish text
        // says it is Polish, so a screen reader switches voice for it.
        assert!(
            item.starts_with("<li>") && item.ends_with("</li>"),
            "{item}"
        );
        assert!(
            !item.contains(&format!("lang=\"pl\">{}", esc(&title))),
            "{item}"
        );
        assert!(
            item.contains(&format!("<span lang=\"pl\">{}</span>", esc(&description))),
            "{item}"
        );
        // The text file reads as before: one line per event.
        let txt = file(&b, "en/about.txt");
        assert!(txt.contains(&format!(" — {description}\n")), "{txt}");
    }

    #[test]
    fn a_bundle_without_projects_events_or_contact_has_no_empty_sections() {
        let mut b = fictional();
        b.projects.clear();
        b.events.clear();
        b.figures.clear();
        let d = &mut b.accessibility;
        (d.contact_person, d.email, d.phone) = (None, None, None);
        let txt = file(&b, "o-nas.txt");
        for heading in ["Projekty", "Oś czasu", "Informacje zwrotne"] {
            assert!(!txt.contains(heading), "{heading}: {txt}");
        }
        assert!(txt.ends_with(&format!(
            "{}\n",
            b.organisation.legal_basis.in_lang(Lang::Pl)
        )));
    }
}
