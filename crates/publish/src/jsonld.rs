//! Structured data (schema.org JSON-LD) for every published page's head:
//! the organisation on every page (with its awards), an event's
//! breadcrumbs and, for a dated event that is not an award, the event on
//! its page, and one grant per project on the funding page. Every string
//! is in the page's language, said once in the context (`@language`): the
//! organisation's one `@id` has a Polish name on Polish pages and an
//! English one on English pages, each tagged. Built as serde values, never
//! by pasting strings, and made safe for a `<script>` element by
//! [`script_json`].
//!
//! The pages' Content-Security-Policy needs no change for it: a `<script>`
//! whose type is `application/ld+json` is a data block, which browsers
//! never execute, so `script-src 'self' 'wasm-unsafe-eval'`
//! (deploy/security-headers.conf) does not apply to it, and each page's
//! own policy (`Template::page`) restricts only `style-src`.

use rops_app::i18n;
use rops_app::nav::{absolute_url, event_path, project_path, Page, Route};
use rops_content::{Bundle, DateValue, Event, EventKind, Lang, Money, Project};
use serde::Serialize;

/// One page's graph: every node the page describes, in one document.
#[derive(Serialize)]
struct Graph {
    /// schema.org's context and the page's language for every string.
    #[serde(rename = "@context")]
    context: (&'static str, Language),
    #[serde(rename = "@graph")]
    graph: Vec<Node>,
}

/// The top-level things a page describes, tagged with their schema.org type.
#[derive(Serialize)]
#[serde(tag = "@type")]
enum Node {
    GovernmentOrganization(Organisation),
    Event(EventNode),
    BreadcrumbList(Breadcrumbs),
    MonetaryGrant(Grant),
}

#[derive(Serialize)]
struct Language {
    #[serde(rename = "@language")]
    language: &'static str,
}

/// A reference to a node described elsewhere in the graph.
#[derive(Serialize)]
struct Ref {
    #[serde(rename = "@id")]
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Organisation {
    #[serde(rename = "@id")]
    id: String,
    name: String,
    alternate_name: String,
    description: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<Address>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    same_as: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<String>,
    /// The awards of the timeline: things the organisation received, not
    /// events anyone attends.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    award: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Address {
    #[serde(rename = "@type")]
    kind: &'static str,
    street_address: String,
    postal_code: String,
    address_locality: String,
    /// The validator accepts only Polish postal codes (`NN-NNN`), and the
    /// bundle is a Polish public body's: the country is not a guess.
    address_country: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventNode {
    #[serde(rename = "@id")]
    id: String,
    name: String,
    description: String,
    /// ISO 8601 at the bundle's precision (YYYY, YYYY-MM or YYYY-MM-DD),
    /// which schema.org's Date accepts; absent when the source gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    url: String,
    organizer: Ref,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Breadcrumbs {
    item_list_element: Vec<Crumb>,
}

#[derive(Serialize)]
struct Crumb {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    name: String,
    item: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Grant {
    #[serde(rename = "@id")]
    id: String,
    name: String,
    description: String,
    /// The EU's contribution: what was granted (the project's value is
    /// not a grant).
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    funder: Option<Funder>,
    funded_item: FundedProject,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
}

#[derive(Serialize)]
struct Amount {
    #[serde(rename = "@type")]
    kind: &'static str,
    value: serde_json::Number,
    currency: &'static str,
}

/// The European Union, through the fund the bundle names ("Unia
/// Europejska – Europejski Fundusz Społeczny (EFS)"): a fund is not an
/// organisation of its own.
#[derive(Serialize)]
struct Funder {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

/// The project a grant funds.
#[derive(Serialize)]
struct FundedProject {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    name: String,
}

/// The organisation's node id: the site's address with a fragment, the
/// same on every page, so that other nodes (and other pages) refer to it.
fn org_id(site_url: &str) -> String {
    format!("{site_url}#organisation")
}

fn organisation(b: &Bundle, site_url: &str, lang: Lang) -> Organisation {
    let org = &b.organisation;
    let decl = &b.accessibility;
    Organisation {
        id: org_id(site_url),
        name: org.name.in_lang(lang).to_owned(),
        alternate_name: org.short_name.in_lang(lang).to_owned(),
        // Who the organisation is; `description` is the site's.
        description: org.summary.in_lang(lang).to_owned(),
        url: site_url.to_owned(),
        logo: org
            .logo
            .as_ref()
            .map(|l| absolute_url(site_url, &format!("content/{}", l.file))),
        address: org.address.as_ref().map(|a| Address {
            kind: "PostalAddress",
            street_address: a.street.clone(),
            postal_code: a.postal_code.clone(),
            address_locality: a.locality.clone(),
            address_country: "PL",
        }),
        same_as: org.same_as.clone(),
        email: decl.email.clone(),
        telephone: decl.phone.clone(),
        award: b
            .events_chronological()
            .into_iter()
            .filter(|e| e.kind == EventKind::Award)
            .map(|e| e.title.in_lang(lang).to_owned())
            .collect(),
    }
}

/// Start and end of a date, ISO 8601 at its own precision; an open range
/// has no end.
fn iso_dates(d: DateValue) -> (Option<String>, Option<String>) {
    match d {
        DateValue::NotGiven => (None, None),
        DateValue::At(p) => (Some(p.to_string()), None),
        DateValue::Range { start, end } => (Some(start.to_string()), end.map(|e| e.to_string())),
    }
}

/// An event's page: its breadcrumbs, and the event itself when it has a
/// date and is something that took place (not an award: the
/// organisation's `award`). The bundle gives no place, so no event has a
/// `location`.
fn event(e: &Event, site_url: &str, lang: Lang) -> Vec<Node> {
    let url = absolute_url(site_url, &event_path(lang, e.id.as_str()));
    let (start_date, end_date) = iso_dates(e.date);
    let title = e.title.in_lang(lang).to_owned();
    let crumbs = [
        (i18n::nav_label(Page::About, lang), Page::About.path(lang)),
        (
            i18n::nav_label(Page::Timeline, lang),
            Page::Timeline.path(lang),
        ),
    ]
    .into_iter()
    .map(|(name, path)| (name.to_owned(), absolute_url(site_url, path)))
    .chain([(title.clone(), url.clone())])
    .enumerate()
    .map(|(i, (name, item))| Crumb {
        kind: "ListItem",
        position: i + 1,
        name,
        item,
    })
    .collect();
    let mut nodes = vec![];
    if start_date.is_some() && e.kind != EventKind::Award {
        nodes.push(Node::Event(EventNode {
            id: format!("{url}#event"),
            name: title,
            description: e.description.in_lang(lang).to_owned(),
            start_date,
            end_date,
            url,
            organizer: Ref {
                id: org_id(site_url),
            },
        }));
    }
    nodes.push(Node::BreadcrumbList(Breadcrumbs {
        item_list_element: crumbs,
    }));
    nodes
}

/// An amount in the currency's major unit as a JSON number: an integer
/// for whole złoty (what bundles give), else with its two decimals.
fn amount(m: Money) -> Amount {
    let (whole, cents) = (m.minor.0 / 100, m.minor.0 % 100);
    let value = if cents == 0 {
        whole.into()
    } else {
        // Bundle amounts have at most 15 integer digits (`Minor::parse`):
        // below 10^13 zł the shortest form of the nearest double is the
        // amount's own decimal text, so no grosz is lost on the way.
        serde_json::Number::from_f64(m.minor.0 as f64 / 100.0).unwrap_or_else(|| whole.into())
    };
    Amount {
        kind: "MonetaryAmount",
        value,
        currency: m.currency.as_str(),
    }
}

fn grant(p: &Project, site_url: &str, lang: Lang) -> Grant {
    let funder = p.eu_funded().then(|| {
        let eu = i18n::legal(lang).eu;
        Funder {
            kind: "GovernmentOrganization",
            name: match p.fund {
                Some(fund) => format!("{eu} – {}", i18n::fund_label(fund, lang)),
                None => eu.to_owned(),
            },
        }
    });
    let page = Page::Funding.url(site_url, lang);
    Grant {
        id: format!("{page}#grant-{}", p.id),
        name: p.name.in_lang(lang).to_owned(),
        description: p.summary.in_lang(lang).to_owned(),
        amount: p.eu_contribution.map(amount),
        funder,
        funded_item: FundedProject {
            kind: "Project",
            // The project is its own page.
            id: absolute_url(site_url, &project_path(lang, &p.id)),
            name: p.name.in_lang(lang).to_owned(),
        },
        identifier: p.contract_number.clone(),
        same_as: p.kohesio_url(lang),
    }
}

/// The `<script type="application/ld+json">` element of a page showing
/// `route` (None: the 404 page and the offline shell) in `lang`.
pub(super) fn script(b: &Bundle, site_url: &str, route: Option<&Route>, lang: Lang) -> String {
    let mut graph = vec![Node::GovernmentOrganization(organisation(
        b, site_url, lang,
    ))];
    match route {
        Some(Route::Event(id)) => {
            if let Some(e) = b.event(id) {
                graph.extend(event(e, site_url, lang));
            }
        }
        Some(Route::Project(id)) => {
            if let Some(p) = b.project(id) {
                graph.push(Node::MonetaryGrant(grant(p, site_url, lang)));
            }
        }
        Some(Route::Page(Page::Funding)) => {
            graph.extend(
                b.projects
                    .iter()
                    .map(|p| Node::MonetaryGrant(grant(p, site_url, lang))),
            );
        }
        _ => {}
    }
    let doc = Graph {
        context: (
            "https://schema.org",
            Language {
                language: lang.as_str(),
            },
        ),
        graph,
    };
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_json(&doc)
    )
}

/// JSON that can stand inside a `<script>` element: `<`, `>` and `&` are
/// written as `\u003c`, `\u003e` and `\u0026`, so no text of the bundle
/// can close the element (`</script>`), open a comment (`<!--`) that
/// changes where the HTML parser thinks it ends, or look like markup to
/// anything that reads the page. The three only ever occur inside JSON
/// strings, where the escapes mean the same characters.
pub(super) fn script_json(v: &impl Serialize) -> String {
    let json = serde_json::to_string(v).unwrap_or_else(|_| "{}".into());
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rops_content::parse;
    use serde_json::Value;

    const SITE: &str = "https://example.org/ekonomia/";

    fn fictional() -> Bundle {
        parse(include_str!(
            "../../../tests/fixtures/fictional/bundle.json"
        ))
        .unwrap()
    }

    /// The JSON inside a script element, parsed.
    fn graph_of(script: &str) -> Value {
        let json = script
            .strip_prefix("<script type=\"application/ld+json\">")
            .and_then(|s| s.strip_suffix("</script>"))
            .expect("one script element");
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        serde_json::from_str(json).unwrap()
    }

    fn of_type<'a>(g: &'a Value, t: &str) -> Vec<&'a Value> {
        g["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["@type"] == t)
            .collect()
    }

    #[test]
    fn every_page_describes_the_organisation() {
        let b = fictional();
        let g = graph_of(&script(&b, SITE, None, Lang::En));
        // Every string of the page is in its language.
        assert_eq!(g["@context"][0], "https://schema.org");
        assert_eq!(g["@context"][1]["@language"], "en");
        assert_eq!(
            graph_of(&script(&b, SITE, None, Lang::Pl))["@context"][1]["@language"],
            "pl"
        );
        let org = of_type(&g, "GovernmentOrganization");
        assert_eq!(org.len(), 1);
        let org = org[0];
        assert_eq!(org["@id"], format!("{SITE}#organisation"));
        assert_eq!(org["name"], b.organisation.name.in_lang(Lang::En));
        assert_eq!(
            org["alternateName"],
            b.organisation.short_name.in_lang(Lang::En)
        );
        assert_eq!(org["url"], SITE);
        // Who the organisation is, not what the site is.
        assert_eq!(org["description"], b.organisation.summary.in_lang(Lang::En));
        assert_ne!(
            org["description"],
            b.organisation.description.in_lang(Lang::En)
        );
        // Its awards, from the timeline, undated ones too.
        let awards: Vec<&str> = org["award"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let want: Vec<&str> = b
            .events_chronological()
            .into_iter()
            .filter(|e| e.kind == EventKind::Award)
            .map(|e| e.title.in_lang(Lang::En))
            .collect();
        assert_eq!(want.len(), 2);
        assert_eq!(awards, want);
        assert_eq!(org["logo"], format!("{SITE}content/logo.svg"));
        assert_eq!(org["address"]["@type"], "PostalAddress");
        assert_eq!(org["address"]["postalCode"], "00-000");
        assert_eq!(org["address"]["addressCountry"], "PL");
        assert_eq!(org["sameAs"][0], "https://example.org/wyspa-testowa");
        assert_eq!(org["email"], "dostepnosc@example.org");
        assert_eq!(org["telephone"], "+48 000 000 000");
        assert_eq!(g["@graph"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn what_the_bundle_does_not_give_is_left_out() {
        let mut b = fictional();
        b.organisation.logo = None;
        b.organisation.address = None;
        b.organisation.same_as = vec![];
        b.accessibility.email = None;
        b.accessibility.phone = None;
        let g = graph_of(&script(&b, SITE, None, Lang::Pl));
        let org = of_type(&g, "GovernmentOrganization")[0]
            .as_object()
            .unwrap();
        for key in ["logo", "address", "sameAs", "email", "telephone"] {
            assert!(!org.contains_key(key), "{key}");
        }
    }

    #[test]
    fn an_event_page_has_the_event_and_its_breadcrumbs() {
        let b = fictional();
        let e = b.events_chronological()[0].clone();
        let route = Route::Event(e.id.as_str().to_owned());
        let g = graph_of(&script(&b, SITE, Some(&route), Lang::Pl));
        let ev = of_type(&g, "Event");
        assert_eq!(ev.len(), 1);
        let ev = ev[0];
        let url = format!(
            "{SITE}{}",
            event_path(Lang::Pl, e.id.as_str()).trim_start_matches('/')
        );
        assert_eq!(ev["name"], e.title.in_lang(Lang::Pl));
        assert_eq!(ev["url"], url);
        assert_eq!(ev["organizer"]["@id"], format!("{SITE}#organisation"));
        assert_eq!(ev["startDate"], e.date.start().unwrap().to_string());
        assert!(ev.get("eventStatus").is_none());
        let crumbs = &of_type(&g, "BreadcrumbList")[0]["itemListElement"];
        let names: Vec<&str> = crumbs
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["O nas", "Oś czasu", e.title.in_lang(Lang::Pl)]);
        assert_eq!(crumbs[0]["item"], SITE);
        assert_eq!(crumbs[1]["item"], format!("{SITE}os-czasu"));
        assert_eq!(crumbs[2]["item"], url);
        assert_eq!(crumbs[2]["position"], 3);
    }

    #[test]
    fn awards_and_undated_entries_are_not_events() {
        let b = fictional();
        for e in &b.events {
            let route = Route::Event(e.id.as_str().to_owned());
            let g = graph_of(&script(&b, SITE, Some(&route), Lang::En));
            let is_event = e.date.is_given() && e.kind != EventKind::Award;
            assert_eq!(
                of_type(&g, "Event").len(),
                usize::from(is_event),
                "{}",
                e.id
            );
            assert_eq!(of_type(&g, "BreadcrumbList").len(), 1, "{}", e.id);
        }
        // The fixture has both: an undated award, and a dated one.
        assert!(b
            .events
            .iter()
            .any(|e| e.kind == EventKind::Award && !e.date.is_given()));
        assert!(b
            .events
            .iter()
            .any(|e| e.kind == EventKind::Award && e.date.is_given()));
    }

    #[test]
    fn dates_keep_their_precision() {
        let d = |s: &str| DateValue::parse(s).unwrap();
        assert_eq!(iso_dates(d("2004")), (Some("2004".into()), None));
        assert_eq!(iso_dates(d("2008-03")), (Some("2008-03".into()), None));
        assert_eq!(
            iso_dates(d("2008-03-14/2010")),
            (Some("2008-03-14".into()), Some("2010".into()))
        );
        assert_eq!(iso_dates(d("2015/..")), (Some("2015".into()), None));
        assert_eq!(iso_dates(DateValue::NotGiven), (None, None));
    }

    #[test]
    fn the_funding_page_has_one_grant_per_project() {
        let b = fictional();
        let route = Route::Page(Page::Funding);
        let g = graph_of(&script(&b, SITE, Some(&route), Lang::En));
        let grants = of_type(&g, "MonetaryGrant");
        assert_eq!(grants.len(), b.projects.len());
        let p = &b.projects[0];
        let first = grants[0];
        assert_eq!(first["name"], "Test Workshop");
        assert_eq!(first["description"], p.summary.in_lang(Lang::En));
        // The grant is the EU's contribution (425 000 of the project's
        // 500 000), from the EU through the fund, to the project.
        assert_eq!(first["amount"]["@type"], "MonetaryAmount");
        assert_eq!(first["amount"]["value"], 425000);
        assert_eq!(first["amount"]["currency"], "PLN");
        assert_eq!(first["funder"]["@type"], "GovernmentOrganization");
        assert_eq!(
            first["funder"]["name"],
            "European Union – European Social Fund (ESF)"
        );
        assert_eq!(first["fundedItem"]["@type"], "Project");
        assert_eq!(first["fundedItem"]["name"], "Test Workshop");
        assert_eq!(
            first["fundedItem"]["@id"],
            format!("{SITE}en/projects/{}", p.id)
        );
        // The project's own page carries its grant, and only its.
        let own = Route::Project(p.id.clone());
        let own_graph = graph_of(&script(&b, SITE, Some(&own), Lang::Pl));
        let own_grants = of_type(&own_graph, "MonetaryGrant");
        assert_eq!(own_grants.len(), 1);
        assert_eq!(
            own_grants[0]["fundedItem"]["@id"],
            format!("{SITE}projekty/{}", p.id)
        );
        assert_ne!(first["@id"], first["fundedItem"]["@id"]);
        // EU-funded without a fund named: the EU alone.
        assert_eq!(grants[1]["funder"]["name"], "European Union");
        assert_eq!(grants[1]["amount"]["value"], 900000);
        assert_eq!(first["identifier"], "TEST/1.1/0001/04 (dane testowe)");
        assert_eq!(
            first["sameAs"],
            "https://kohesio.ec.europa.eu/en/projects/Q0000001"
        );
        // Not EU-funded, no value: neither funder nor amount is made up.
        let mut b = b;
        let p = &mut b.projects[0];
        (p.fund, p.eu_contribution, p.value) = (None, None, None);
        let g = graph_of(&script(&b, SITE, Some(&route), Lang::Pl));
        let first = of_type(&g, "MonetaryGrant")[0].as_object().unwrap();
        assert!(!first.contains_key("funder") && !first.contains_key("amount"));
    }

    #[test]
    fn amounts_keep_their_grosze() {
        let m = |s: &str| Money {
            minor: rops_content::Minor::parse(s).unwrap(),
            currency: rops_content::Currency::Pln,
        };
        let json = |s| serde_json::to_string(&amount(m(s)).value).unwrap();
        assert_eq!(json("1980000"), "1980000");
        assert_eq!(json("1234567.89"), "1234567.89");
        assert_eq!(json("0.01"), "0.01");
    }

    #[test]
    fn a_title_cannot_leave_the_script_element() {
        let mut b = fictional();
        let title = "</script><script>alert(1)</script><!-- & \u{2028} \"x\"";
        b.events[0].title.set(Lang::Pl, title.to_owned());
        let route = Route::Event(b.events[0].id.as_str().to_owned());
        let s = script(&b, SITE, Some(&route), Lang::Pl);
        let inner = &s["<script type=\"application/ld+json\">".len()..s.len() - "</script>".len()];
        assert!(!inner.to_ascii_lowercase().contains("</script"));
        assert!(!inner.contains("<!--"));
        let g = graph_of(&s);
        assert_eq!(of_type(&g, "Event")[0]["name"], title);
    }
}
