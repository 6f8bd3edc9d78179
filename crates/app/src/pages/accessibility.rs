//! The accessibility declaration ("Deklaracja dostępności"), to the 2024
//! template (version 2.0 of the technical conditions): its element ids
//! (`a11y-*`), its headings in its order, and dates as `<time datetime>`,
//! so that monitoring tools can read it. Its data lives in the bundle; what
//! the organisation has not supplied is said to be "being completed".

use crate::components::{PageHeading, WithContent};
use crate::content::{format, Bundle, Compliance, DateValue, Lang};
use crate::i18n::{legal, text_of, ui, use_lang};
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

fn date(d: DateValue, lang: Lang) -> AnyView {
    if d.is_given() {
        view! { <time datetime=d.to_string()>{format::date(d, lang)}</time> }.into_any()
    } else {
        pending(lang)
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
        let d = &bundle.accessibility;
        // Every bundle text below that falls back to Polish on the English
        // page says so (`lang="pl"`), for a screen reader's voice (WCAG 3.1.2).
        let (entity, entity_lang) = text_of(&d.entity, lang);
        // The app's name from the bundle's title; a title that fell back to
        // Polish is marked so, inside a sentence in the reader's language.
        let (title, title_lang) = text_of(&bundle.organisation.site_title, lang);
        let (before, after) = t.site_name_around();
        let site_name = view! { {before} <span lang=title_lang>{title}</span> {after} };
        let url = match &d.site_url {
            Some(u) => view! { <a id="a11y-url" href=u.clone()>{site_name}</a> }.into_any(),
            None => {
                view! { <span id="a11y-url">{site_name} " (" {pending(lang)} ")"</span> }.into_any()
            }
        };
        let status = match d.status {
            Some(Compliance::Full) => view! { <p>{t.status_full}</p> }.into_any(),
            Some(Compliance::Partial) => view! { <p>{t.status_partial}</p> }.into_any(),
            Some(Compliance::None) => view! { <p>{t.status_none}</p> }.into_any(),
            None => view! { <p>{pending(lang)}</p> }.into_any(),
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
        let person = d
            .contact_person
            .clone()
            .map(|p| view! { <span id="a11y-osoba">{p}</span> }.into_any())
            .unwrap_or_else(|| view! { <span id="a11y-osoba">{pending(lang)}</span> }.into_any());
        let email = d
            .email
            .clone()
            .map(|e| {
                view! { <a id="a11y-email" href=format!("mailto:{e}")>{e.clone()}</a> }.into_any()
            })
            .unwrap_or_else(|| view! { <span id="a11y-email">{pending(lang)}</span> }.into_any());
        let phone = d
            .phone
            .clone()
            .map(|p| {
                let tel: String = p
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect();
                view! { <a id="a11y-telefon" href=format!("tel:{tel}")>{p.clone()}</a> }.into_any()
            })
            .unwrap_or_else(|| view! { <span id="a11y-telefon">{pending(lang)}</span> }.into_any());
        let method = d
            .method
            .as_ref()
            .map(|m| {
                let (text, text_lang) = text_of(m, lang);
                view! { <p id="a11y-ocena" lang=text_lang>{text}</p> }.into_any()
            })
            .unwrap_or_else(|| {
                view! { <p id="a11y-ocena">{t.method_label} ": " {pending(lang)}</p> }.into_any()
            });
        let l = legal(lang);
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
        let architecture = opt(&d.architecture);
        let communication = opt(&d.communication);
        let scope = match &d.scope {
            Some(s) => {
                let (text, text_lang) = text_of(s, lang);
                view! { <span lang=text_lang>{text}</span> }.into_any()
            }
            None => pending(lang),
        };
        // Optional in the 2024 template: only an organisation with
        // mobile applications describes them.
        let applications = d.applications.as_ref().map(|a| {
            let (text, text_lang) = text_of(a, lang);
            view! {
                <h3 id="a11y-aplikacje">{l.applications_title}</h3>
                <p lang=text_lang>{text}</p>
            }
        });
        let missing = d.missing().len();
        view! {
            {(missing > 0).then(|| view! {
                <p class="notice" role="note" data-testid="declaration-incomplete">{t.declaration_incomplete}</p>
            })}
            <p id="a11y-wstep">
                <span id="a11y-podmiot" lang=entity_lang>{entity}</span> " " {t.declaration_intro} " " {url} "."
            </p>
            <p id="a11y-zakres">{l.scope_label} ": " {scope}</p>
            <ul>
                <li>{t.published} ": " <span id="a11y-data-publikacja">{date(d.published, lang)}</span></li>
                <li>{t.updated} ": " <span id="a11y-data-aktualizacja">{date(d.updated, lang)}</span></li>
            </ul>

            <h2 id="a11y-status">{t.status_title}</h2>
            {status}
            <h3>{t.non_accessible_title}</h3>
            {list(&d.non_accessible)}
            <h3>{t.exemptions_title}</h3>
            {list(&d.exemptions)}

            <h2 id="a11y-przygotowanie">{t.preparation_title}</h2>
            <ul>
                <li>{t.prepared} ": " <span id="a11y-data-sporzadzenie">{date(d.prepared, lang)}</span></li>
                <li>{t.reviewed} ": " <span id="a11y-data-przeglad">{date(d.reviewed, lang)}</span></li>
            </ul>
            {method}
            <p>{t.automated_checks}</p>

            <h2>{l.shortcuts_title}</h2>
            <ul>{l.shortcuts.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>

            <h2 id="a11y-kontakt">{t.contact_title}</h2>
            <ul>
                <li>{t.contact_person} ": " {person}</li>
                <li>{t.email} ": " {email}</li>
                <li>{t.phone} ": " {phone}</li>
            </ul>

            <h2 id="a11y-procedura">{l.procedure_title}</h2>
            {t.procedure.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}

            <h2>{l.other_title}</h2>
            <h3 id="a11y-architektura">{l.architecture_title}</h3>
            {architecture}
            <h3 id="a11y-komunikacja">{l.communication_title}</h3>
            {communication}
            {applications}
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
    use crate::content::{parse, Lang};
    use crate::i18n::{DECLARATION_HEADINGS, DECLARATION_IDS};
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

    #[test]
    fn the_declaration_follows_the_2024_template_in_both_languages() {
        for (bundle, has_apps) in [(FICTIONAL, true), (SHIPPED, false)] {
            for (li, lang) in Lang::ALL.into_iter().enumerate() {
                let html = declaration(bundle, lang);
                for id in DECLARATION_IDS {
                    assert_eq!(
                        html.matches(&format!("id=\"{id}\"")).count(),
                        1,
                        "{id} once in the {lang:?} declaration"
                    );
                }
                assert_eq!(html.contains("id=\"a11y-aplikacje\""), has_apps);
                let found = headings(&html);
                let expected: Vec<(String, String)> = DECLARATION_HEADINGS[li]
                    .iter()
                    .filter(|(_, _, id)| has_apps || *id != Some("a11y-aplikacje"))
                    .map(|(l, t, _)| (l.to_string(), t.to_string()))
                    .collect();
                // The template's headings, in its order (the declaration's
                // own sub-headings, like "Treści niedostępne", may stand between).
                let mut at = found.iter();
                for e in &expected {
                    assert!(
                        at.any(|f| f == e),
                        "{lang:?}: {e:?} missing or out of order in {found:?}"
                    );
                }
                // Dates as <time datetime="YYYY-MM-DD"> where given.
                if bundle == FICTIONAL {
                    for id in ["a11y-data-publikacja", "a11y-data-przeglad"] {
                        let at = html.find(&format!("id=\"{id}\"")).unwrap();
                        let after = &html[at..];
                        let time = after.find("<time datetime=\"").unwrap();
                        let date = &after[time + 16..time + 26];
                        assert!(
                            date.len() == 10
                                && date.as_bytes()[4] == b'-'
                                && date.as_bytes()[7] == b'-',
                            "{id}: {date}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn texts_shown_in_polish_on_the_english_page_say_so() {
        let mut b = parse(FICTIONAL).unwrap();
        let d = &mut b.accessibility;
        d.entity.en = None;
        d.non_accessible[0].en = None;
        d.method.as_mut().unwrap().en = None;
        let r = Prerender::new(
            Arc::new(b),
            crate::site_url::SiteUrl::parse("https://example.org/").unwrap(),
            "",
        );
        let html = r.page(Page::Accessibility.path(Lang::En), "").0;
        for start in [
            "<span id=\"a11y-podmiot\" lang=\"pl\">",
            "<li lang=\"pl\">Fikcyjny dokument PDF",
            "<p id=\"a11y-ocena\" lang=\"pl\">Samoocena",
        ] {
            assert!(html.contains(start), "{start} not in {html}");
        }
        // In Polish, no mark.
        let html = r.page(Page::Accessibility.path(Lang::Pl), "").0;
        assert!(html.contains("<span id=\"a11y-podmiot\">"), "{html}");
        assert!(html.contains("<p id=\"a11y-ocena\">"), "{html}");
    }
}
