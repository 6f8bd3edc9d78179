//! The accessibility declaration ("Deklaracja dostępności"), to the 2024
//! template (version 2.0 of the technical conditions): its element ids
//! (`a11y-*`), its headings in its order, and dates as `<time datetime>`,
//! so that monitoring tools can read it. Its data lives in the bundle; what
//! the organisation has not supplied is said to be "being completed".

use crate::components::{tel_href, PageHeading, WithContent};
use crate::content::{format, Bundle, Compliance, DateValue, Lang};
use crate::i18n::{legal, text_of, ui, use_lang, RPO_URL};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn AccessibilityDeclaration() -> impl IntoView {
    let lang = use_lang();
    let t = move || ui(lang.get());
    view! {
        <PageHeading text=Signal::derive(move || t().declaration_title.to_owned())/>
        <WithContent render=move |b| view! { <Declaration bundle=b/> }/>
    }
}

/// A value, or the plain statement that it is still being completed.
fn pending(lang: Lang) -> AnyView {
    view! { <em class="pending" data-testid="pending">{ui(lang).being_completed}</em> }.into_any()
}

/// One of the template's dates: its id on the `<time datetime>`, or on
/// the statement that it is still being completed.
fn date(d: DateValue, lang: Lang, id: &'static str) -> AnyView {
    if d.is_given() {
        view! { <time id=id datetime=d.to_string()>{format::date(d, lang)}</time> }.into_any()
    } else {
        view! { <span id=id>{pending(lang)}</span> }.into_any()
    }
}

#[component]
fn Declaration(
    /// The checked content.
    bundle: Arc<Bundle>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let t = ui(lang);
        let l = legal(lang);
        let d = &bundle.accessibility;
        // Every bundle text below that falls back to Polish on the English
        // page says so (`lang="pl"`), for a screen reader's voice (WCAG 3.1.2).
        let (entity, entity_lang) = text_of(&d.entity, lang);
        // The site's name from the bundle's title, linking the site's
        // address: the bundle's, or the one the site was published for.
        let (title, title_lang) = text_of(&bundle.organisation.site_title, lang);
        let address = d.site_url.clone().unwrap_or_else(crate::nav::site_url);
        // A bundle text, or "being completed".
        let opt = |t: &Option<crate::content::Text>| -> AnyView {
            match t {
                Some(t) => {
                    let (text, text_lang) = text_of(t, lang);
                    view! { <p lang=text_lang>{text}</p> }.into_any()
                }
                None => view! { <p>{pending(lang)}</p> }.into_any(),
            }
        };
        let status = match d.status {
            Some(Compliance::Full) => t.status_full.into_any(),
            Some(Compliance::Partial) => t.status_partial.into_any(),
            Some(Compliance::None) => t.status_none.into_any(),
            None => pending(lang),
        };
        let list = |items: &Vec<crate::content::Text>| -> AnyView {
            if items.is_empty() {
                if d.status.is_some() {
                    view! { <p>{t.none_listed}</p> }.into_any()
                } else {
                    pending(lang)
                }
            } else {
                let items = items.iter().map(|i| {
                    let (text, text_lang) = text_of(i, lang);
                    view! { <li lang=text_lang>{text}</li> }
                });
                view! { <ul>{items.collect_view()}</ul> }.into_any()
            }
        };
        // "Niedostępne treści" only where the site is not fully compliant
        // (or, with no status yet, where the bundle lists something), with
        // "Nadmierne koszty" only where the body relies on the burden.
        let not_full = match d.status {
            Some(Compliance::Full) => false,
            Some(_) => true,
            None => !d.non_accessible.is_empty() || !d.exemptions.is_empty() || d.burden.is_some(),
        };
        let inaccessible = not_full.then(|| {
            let burden = d.burden.as_ref().map(|b| {
                let (text, text_lang) = text_of(b, lang);
                view! {
                    <h3>{l.burden_title}</h3>
                    <p id="a11y-ocena" lang=text_lang>{text}</p>
                }
            });
            view! {
                <h2>{l.inaccessible_title}</h2>
                <h3>{t.non_accessible_title}</h3>
                {list(&d.non_accessible)}
                <h3>{t.exemptions_title}</h3>
                {list(&d.exemptions)}
                {burden}
            }
        });
        let person = match d.contact_person.clone() {
            Some(p) => view! { <span id="a11y-kontakt">{p}</span> }.into_any(),
            None => view! { <span id="a11y-kontakt">{pending(lang)}</span> }.into_any(),
        };
        let email = match d.email.clone() {
            Some(e) => {
                view! { <a id="a11y-email" href=format!("mailto:{e}")>{e.clone()}</a> }.into_any()
            }
            None => view! { <span id="a11y-email">{pending(lang)}</span> }.into_any(),
        };
        let phone = match d.phone.clone() {
            Some(p) => view! { <a id="a11y-telefon" href=tel_href(&p)>{p.clone()}</a> }.into_any(),
            None => view! { <span id="a11y-telefon">{pending(lang)}</span> }.into_any(),
        };
        // Art. 10: the seat's address with the contacts.
        let seat = match &bundle.organisation.address {
            Some(a) => a.one_line().into_any(),
            None => pending(lang),
        };
        let method = match &d.method {
            Some(m) => {
                let (text, text_lang) = text_of(m, lang);
                view! { <p lang=text_lang>{text}</p> }.into_any()
            }
            None => view! { <p>{t.method_label} ": " {pending(lang)}</p> }.into_any(),
        };
        let architecture = opt(&d.architecture);
        let communication = opt(&d.communication);
        // More words on the scope than the template's "strony internetowej",
        // if the bundle gives them.
        let scope = d.scope.as_ref().map(|s| {
            let (text, text_lang) = text_of(s, lang);
            view! { <p>{l.scope_label} ": " <span lang=text_lang>{text}</span></p> }
        });
        // Only an organisation with mobile applications describes them,
        // first under "Pozostałe informacje".
        let applications = d.applications.as_ref().map(|a| {
            let (text, text_lang) = text_of(a, lang);
            view! {
                <h3 id="a11y-aplikacje">{l.applications_title}</h3>
                <p lang=text_lang>{text}</p>
            }
        });
        let missing = d.missing().len();
        // The bundle's date; without one, the site's first publication as
        // its publisher recorded it, saying so.
        let published = match (d.published.is_given(), crate::nav::first_published()) {
            (false, Some(first)) => view! {
                {date(first, lang, "a11y-data-publikacja")}
                " " <span class="note" data-testid="published-by-publisher">"(" {l.published_by_publisher} ")"</span>
            }
            .into_any(),
            _ => date(d.published, lang, "a11y-data-publikacja"),
        };
        let (rpo_before, rpo_link, rpo_after) = l.rpo;
        view! {
            {(missing > 0).then(|| view! {
                <p class="notice" role="note" data-testid="declaration-incomplete">{t.declaration_incomplete}</p>
            })}
            <p id="a11y-wstep">
                <span id="a11y-podmiot" lang=entity_lang>{entity}</span> " " {l.intro_commits} " "
                <span id="a11y-zakres">{l.intro_scope}</span> " " {l.intro_law} " " {l.intro_applies} " "
                <a id="a11y-url" href=address><span lang=title_lang>{title}</span></a> "."
            </p>
            {scope}
            <ul>
                <li>{t.published} ": " {published}</li>
                <li>{t.updated} ": " {date(d.updated, lang, "a11y-data-aktualizacja")}</li>
            </ul>

            <h2>{t.status_title}</h2>
            <p id="a11y-status">{status}</p>
            {inaccessible}

            <h2>{t.preparation_title}</h2>
            <ul>
                <li>{t.prepared} ": " {date(d.prepared, lang, "a11y-data-sporzadzenie")}</li>
                <li>{t.reviewed} ": " {date(d.reviewed, lang, "a11y-data-przeglad")}</li>
            </ul>
            {method}
            <p>{t.automated_checks}</p>

            <h2>{l.shortcuts_title}</h2>
            <ul>{l.shortcuts.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>

            <h2>{t.contact_title}</h2>
            <ul>
                <li>{t.contact_person} ": " {person}</li>
                <li>{t.email} ": " {email}</li>
                <li>{t.phone} ": " {phone}</li>
                <li>{l.seat_label} ": " {seat}</li>
            </ul>

            <h2 id="a11y-procedura">{l.procedure_title}</h2>
            {t.procedure.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <p>{rpo_before} <a href=RPO_URL>{rpo_link}</a> {rpo_after}</p>

            <h2>{l.other_title}</h2>
            {applications}
            <h3 id="a11y-architektura">{l.architecture_title}</h3>
            {architecture}
            <h3 id="a11y-komunikacja">{l.communication_title}</h3>
            {communication}
        }
        .into_any()
    }
}

/// The rendered declaration against the 2024 template (version 2.0): every
/// required id once, and its headings at their levels in its order, in both
/// languages; `a11y-aplikacje` only where the bundle describes applications.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod template_tests {
    use crate::app::Prerender;
    use crate::content::Compliance;
    use crate::content::{parse, Lang};
    use crate::i18n::{When, DECLARATION_HEADINGS, DECLARATION_IDS, RPO_URL};
    use crate::nav::Page;
    use std::sync::Arc;

    const FICTIONAL: &str = include_str!("../../../../tests/fixtures/fictional/bundle.json");
    const SHIPPED: &str = include_str!("../../../../public/content/bundle.json");

    /// The (level, text) of each h2/h3, in document order, tags stripped.
    fn headings(html: &str) -> Vec<(String, String)> {
        let mut out = vec![];
        let mut rest = html;
        while let Some(i) = rest.find("<h") {
            rest = &rest[i + 2..];
            let level = match rest.as_bytes().first() {
                Some(b'2') => "h2",
                Some(b'3') => "h3",
                _ => continue,
            };
            let close = format!("</{level}>");
            let (Some(open_end), Some(end)) = (rest.find('>'), rest.find(&close)) else {
                break;
            };
            let inner = &rest[open_end + 1..end];
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            out.push((level.to_owned(), text.trim().to_owned()));
            rest = &rest[end..];
        }
        out
    }

    fn declaration(bundle: &str, lang: Lang) -> String {
        let b = Arc::new(parse(bundle).unwrap());
        let r = Prerender::new(
            b,
            crate::site_url::SiteUrl::parse("https://example.org/").unwrap(),
            "",
        );
        r.page(Page::Accessibility.path(lang), "").0
    }

    /// The element whose `id` is `id`: its opening tag and what follows.
    fn at<'a>(html: &'a str, id: &str) -> &'a str {
        let i = html
            .find(&format!(" id=\"{id}\""))
            .unwrap_or_else(|| panic!("no {id}"));
        &html[html[..i].rfind('<').unwrap()..]
    }

    #[test]
    fn the_declaration_follows_the_2024_template_in_both_languages() {
        // The fictional declaration: partial, with a burden analysis and
        // applications, every date given, its own site address; the shipped
        // one: nothing but the entity yet.
        for (bundle, url) in [
            (FICTIONAL, "https://example.org/wyspa-testowa/aplikacja"),
            (SHIPPED, "https://example.org/"),
        ] {
            let b = parse(bundle).unwrap();
            let d = &b.accessibility;
            let not_full = matches!(d.status, Some(Compliance::Partial | Compliance::None));
            for (li, lang) in Lang::ALL.into_iter().enumerate() {
                let html = declaration(bundle, lang);
                let ids = DECLARATION_IDS
                    .into_iter()
                    .chain(d.burden.is_some().then_some("a11y-ocena"))
                    .chain(d.applications.is_some().then_some("a11y-aplikacje"));
                for id in ids {
                    assert_eq!(
                        html.matches(&format!("id=\"{id}\"")).count(),
                        1,
                        "{id} once in the {lang:?} declaration"
                    );
                }
                assert_eq!(html.contains("id=\"a11y-ocena\""), d.burden.is_some());
                assert_eq!(
                    html.contains("id=\"a11y-aplikacje\""),
                    d.applications.is_some()
                );
                // The template's headings, all and only those the content
                // calls for, in its order.
                let expected: Vec<(String, String)> = DECLARATION_HEADINGS[li]
                    .iter()
                    .filter(|(_, _, _, when)| match when {
                        When::Always => true,
                        When::NotFull => not_full,
                        When::Burden => not_full && d.burden.is_some(),
                        When::Applications => d.applications.is_some(),
                    })
                    .map(|(l, t, _, _)| (l.to_string(), t.to_string()))
                    .collect();
                assert_eq!(headings(&html), expected, "{lang:?}");
                for (_, text, id, _) in DECLARATION_HEADINGS[li] {
                    if let (Some(id), true) = (id, html.contains(&format!(">{text}<"))) {
                        assert!(
                            at(&html, id).starts_with("<h"),
                            "{id} is not on the heading {text}"
                        );
                    }
                }
                // The introduction: the entity, "strony internetowej" as the
                // kind of solution, the site's address as a link.
                let intro = at(&html, "a11y-wstep");
                let intro = &intro[..intro.find("</p>").unwrap()];
                let scope = match lang {
                    Lang::Pl => "<span id=\"a11y-zakres\">strony internetowej</span>",
                    Lang::En => "<span id=\"a11y-zakres\">website</span>",
                    Lang::Uk => "<span id=\"a11y-zakres\">вебсайту</span>",
                    Lang::De => "<span id=\"a11y-zakres\">Website</span>",
                };
                assert!(intro.contains(scope), "{intro}");
                assert!(intro.contains("id=\"a11y-podmiot\""), "{intro}");
                assert!(
                    intro.contains(&format!("<a id=\"a11y-url\" href=\"{url}\">")),
                    "{intro}"
                );
                // The status on its sentence, in the template's words.
                let status = at(&html, "a11y-status");
                assert!(status.starts_with("<p id=\"a11y-status\">"), "{status}");
                let law = match lang {
                    Lang::Pl => "z dnia 4 kwietnia 2019 r.",
                    Lang::En => "Act of 4 April 2019",
                    Lang::Uk => "від 4 квітня 2019 року",
                    Lang::De => "vom 4. April 2019",
                };
                let sentence = &status[..status.find("</p>").unwrap()];
                assert_eq!(sentence.contains(law), d.status.is_some(), "{sentence}");
                // Dates: the id on a <time datetime="YYYY-MM-DD"> when given.
                for (id, value) in [
                    ("a11y-data-publikacja", d.published),
                    ("a11y-data-aktualizacja", d.updated),
                    ("a11y-data-sporzadzenie", d.prepared),
                    ("a11y-data-przeglad", d.reviewed),
                ] {
                    let el = at(&html, id);
                    if value.is_given() {
                        let open = format!("<time id=\"{id}\" datetime=\"{value}\">");
                        assert!(el.starts_with(&open), "{id}: {}", &el[..60]);
                    } else {
                        assert!(el.starts_with("<span"), "{id}: {}", &el[..60]);
                    }
                }
                // Art. 10: the seat's address among the contacts.
                let seat = match &b.organisation.address {
                    Some(a) => format!("{}, {} {}", a.street, a.postal_code, a.locality),
                    None => "<em".to_owned(),
                };
                let contacts = &html[html.find("id=\"a11y-kontakt\"").unwrap()..];
                let contacts = &contacts[..contacts.find("</ul>").unwrap()];
                assert!(contacts.contains(&seat), "{lang:?}: no seat in {contacts}");
                // Art. 10: the link to the Commissioner for Human Rights.
                assert_eq!(
                    html.matches(&format!("<a href=\"{RPO_URL}\">")).count(),
                    1,
                    "{lang:?}: no link to the RPO"
                );
            }
        }
    }

    #[test]
    fn the_declaration_has_no_inaccessible_content_section_when_fully_compliant() {
        let text = FICTIONAL.replacen("\"status\": \"partial\"", "\"status\": \"full\"", 1);
        let html = declaration(&text, Lang::Pl);
        assert!(!html.contains("Niedostępne treści"), "{html}");
        assert!(!html.contains("id=\"a11y-ocena\""), "{html}");
        assert!(html.contains("<p id=\"a11y-status\">Strona internetowa jest zgodna z załącznikiem do ustawy z dnia 4 kwietnia 2019 r."));
    }

    #[test]
    fn texts_shown_in_polish_on_the_english_page_say_so() {
        let mut b = parse(FICTIONAL).unwrap();
        let d = &mut b.accessibility;
        d.entity.remove(Lang::En);
        d.non_accessible[0].remove(Lang::En);
        d.method.as_mut().unwrap().remove(Lang::En);
        d.burden.as_mut().unwrap().remove(Lang::En);
        let r = Prerender::new(
            Arc::new(b),
            crate::site_url::SiteUrl::parse("https://example.org/").unwrap(),
            "",
        );
        let html = r.page(Page::Accessibility.path(Lang::En), "").0;
        for start in [
            "<span id=\"a11y-podmiot\" lang=\"pl\">",
            "<li lang=\"pl\">Fikcyjny dokument PDF",
            "<p lang=\"pl\">Samoocena",
            "<p id=\"a11y-ocena\" lang=\"pl\">Fikcyjne Centrum",
        ] {
            assert!(html.contains(start), "{start} not in {html}");
        }
        // In Polish, no mark.
        let html = r.page(Page::Accessibility.path(Lang::Pl), "").0;
        assert!(html.contains("<span id=\"a11y-podmiot\">"), "{html}");
        assert!(html.contains("<p id=\"a11y-ocena\">Fikcyjne"), "{html}");
    }
}
